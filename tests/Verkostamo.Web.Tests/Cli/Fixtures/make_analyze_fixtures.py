"""Writes the files the `analyze` verb is tested on, and networkx's own metrics of them as the expected values.

Run from this folder with networkx installed: python3 make_analyze_fixtures.py
"""
import json
import networkx as nx

SECTORS = ["Public", "Private", "ThirdSector"]

g = nx.karate_club_graph()
g = nx.relabel_nodes(g, {n: f"a{n}" for n in g.nodes})
for n in g.nodes:
    del g.nodes[n]["club"]
    g.nodes[n]["label"] = f"Toimija {n[1:]}"
    g.nodes[n]["sector"] = SECTORS[int(n[1:]) % 3]
for u, v in g.edges:
    del g.edges[u, v]["weight"]
    g.edges[u, v]["strength"] = "Strong" if (int(u[1:]) + int(v[1:])) % 4 == 0 else "Weak"

nx.write_graphml(g, "karate.graphml")
nx.write_gexf(g, "karate.gexf")
with open("karate-edges.csv", "w", encoding="utf-8", newline="") as f:
    f.write("source,target\n")
    for u, v in g.edges:
        f.write(f"{u},{v}\n")

expected = {
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "density": nx.density(g),
    "components": nx.number_connected_components(g),
    "actors": {
        n: {
            "degree": g.degree(n),
            "degreeCentrality": nx.degree_centrality(g)[n],
            "betweenness": nx.betweenness_centrality(g, normalized=True)[n],
            "closeness": nx.closeness_centrality(g, wf_improved=True)[n],
            "eigenvector": nx.eigenvector_centrality(g, max_iter=10000, tol=1e-14)[n],
            "clustering": nx.clustering(g)[n],
        }
        for n in g.nodes
    },
}
with open("karate-expected.json", "w", encoding="utf-8") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
