"""Writes the networkx fixture files the map import tests read.

Run from this folder with networkx 3.6.1:  python3 make_networkx_fixtures.py
The files are committed; this script says how they were made.
"""
import networkx as nx


def build(graph):
    graph.add_node("kela", label="Kela", sector="Public", kind="Organisation", levels="Strategy;ServicePath",
                   role_now="Locomotive", tags="etuudet;nuoret", email="info@kela.example", size=12.5)
    graph.add_node("te", label="TE-palvelut", sector="julkinen", role_now="StrongParticipant")
    graph.add_node("setlementti", label="Joensuun Setlementti", sector="ThirdSector", kind="Organisation",
                   notes="Nuorten työpajat")
    graph.add_node("yritys", label="Karjalan Kone Oy", sector="Private", x=1.0, y=2.0)
    graph.add_node("anonyymi")  # no label and no sector: named after its id, sector defaulted
    graph.add_edge("kela", "te", strength="Strong", kinds="asiakasohjaukset;tiedonvaihto", weight=3.0,
                   marks="AgreedRoles;SharedForum")
    graph.add_edge("te", "setlementti", strength="Weak", levels="CustomerInterface")
    graph.add_edge("setlementti", "yritys", strength="vahva", notes="Työkokeilut")
    graph.add_edge("anonyymi", "kela")
    return graph


if __name__ == "__main__":
    g = build(nx.Graph())
    nx.write_graphml(g, "networkx.graphml")
    nx.write_gexf(g, "networkx.gexf")
    d = build(nx.DiGraph())
    nx.write_graphml(d, "networkx-directed.graphml")
