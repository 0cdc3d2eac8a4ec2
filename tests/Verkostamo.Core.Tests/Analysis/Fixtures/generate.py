#!/usr/bin/env python3
"""Writes graphs.json: graphs of our own making and the metrics networkx computes for them.

The analysis tests assert that Verkostamo's numbers equal these (1e-9; eigenvector 1e-6). Run with a
Python that has networkx (tested with 3.6.1): python3 generate.py > graphs.json
"""
import json
import random
import sys

import networkx as nx

SECTORS = ["Public", "Private", "ThirdSector", "Other"]


def small():
    # Two triangles joined through a path, a pendant and a link given twice (once reversed).
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "g"), ("g", "e"), ("g", "h"), ("b", "a")]
    return [chr(c) for c in range(ord("a"), ord("i"))], edges, None


def disconnected():
    nodes = [f"n{i}" for i in range(12)]
    edges = [("n0", "n1"), ("n1", "n2"), ("n2", "n0"), ("n2", "n3"),
             ("n4", "n5"), ("n5", "n6"), ("n6", "n7"), ("n7", "n4"), ("n4", "n6"),
             ("n8", "n9")]
    return nodes, edges, None  # n10 and n11 are isolated


def star():
    nodes = ["hub"] + [f"leaf{i}" for i in range(7)]
    return nodes, [("hub", f"leaf{i}") for i in range(7)], None


def two_cliques():
    nodes = [f"k{i}" for i in range(10)]
    edges = [(f"k{i}", f"k{j}") for i in range(5) for j in range(i + 1, 5)]
    edges += [(f"k{i}", f"k{j}") for i in range(5, 10) for j in range(i + 1, 10)]
    edges.append(("k4", "k5"))
    return nodes, edges, None


def random_with_sectors():
    rng = random.Random(20261129)
    g = nx.gnm_random_graph(200, 700, seed=7)
    nodes = [f"r{v}" for v in g.nodes]
    edges = [(f"r{u}", f"r{v}") for u, v in g.edges]
    sectors = {f"r{v}": rng.choice(SECTORS) for v in g.nodes}
    return nodes, edges, sectors


def brokerage(g, sectors):
    """Gould-Fernandez with every undirected link taken in both directions (ordered pairs a -> v -> c)."""
    result = {}
    for v in g.nodes:
        counts = {"coordinator": 0, "consultant": 0, "representative": 0, "gatekeeper": 0, "liaison": 0}
        for a in g[v]:
            for c in g[v]:
                if a == c or g.has_edge(a, c):
                    continue
                ga, gv, gc = sectors[a], sectors[v], sectors[c]
                if ga == gv == gc:
                    counts["coordinator"] += 1
                elif ga == gc:
                    counts["consultant"] += 1
                elif ga == gv:
                    counts["representative"] += 1
                elif gc == gv:
                    counts["gatekeeper"] += 1
                else:
                    counts["liaison"] += 1
        result[v] = counts
    return result


def eigenvector_per_component(g):
    values = {}
    for component in nx.connected_components(g):
        sub = g.subgraph(component)
        values.update(nx.eigenvector_centrality(sub, max_iter=100000, tol=1e-13))
    return values


def partitions(g, seed):
    rng = random.Random(seed)
    nodes = list(g.nodes)
    labels = {v: rng.randrange(3) for v in nodes}
    random_partition = [[v for v in nodes if labels[v] == k] for k in range(3)]
    random_partition = [p for p in random_partition if p]
    louvain = [sorted(c) for c in nx.community.louvain_communities(g, seed=seed)]
    singletons = [[v] for v in nodes]
    result = []
    for p in (random_partition, louvain, singletons):
        result.append({"communities": p, "modularity": nx.community.modularity(g, p) if g.number_of_edges() else None})
    return result


def describe(name, nodes, edges, sectors):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    rng = random.Random(name)
    strengths = [rng.choice(["Strong", "Weak"]) for _ in edges]
    connected = g.number_of_nodes() > 0 and nx.is_connected(g)
    expected = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "density": nx.density(g),
        "components": nx.number_connected_components(g),
        "bridges": sorted(sorted(e) for e in nx.bridges(g)),
        "articulationPoints": sorted(nx.articulation_points(g)),
        "degree": dict(g.degree),
        "degreeCentrality": nx.degree_centrality(g),
        "betweenness": nx.betweenness_centrality(g, normalized=True),
        "closeness": nx.closeness_centrality(g, wf_improved=True),
        "clustering": nx.clustering(g),
        "eigenvector": nx.eigenvector_centrality(g, max_iter=100000, tol=1e-13) if connected else None,
        "eigenvectorPerComponent": eigenvector_per_component(g),
        "partitions": partitions(g, 5),
    }
    if sectors:
        expected["brokerage"] = brokerage(g, sectors)
    return {
        "name": name,
        "nodes": [{"id": v, "sector": sectors[v]} if sectors else {"id": v} for v in nodes],
        "edges": [{"source": u, "target": v, "strength": s} for (u, v), s in zip(edges, strengths)],
        "expected": expected,
    }


def main():
    graphs = [("small", small), ("disconnected", disconnected), ("star", star), ("two-cliques", two_cliques),
              ("random-200-sectors", random_with_sectors)]
    out = {"generator": f"networkx {nx.__version__}", "graphs": [describe(name, *make()) for name, make in graphs]}
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
