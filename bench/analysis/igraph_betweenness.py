"""Times igraph's betweenness on an edge list: prints "<median seconds> <igraph version>"."""
import statistics
import sys
import time

import igraph

edges = [tuple(map(int, line.split())) for line in open(sys.argv[1], encoding="ascii")]
repeats = int(sys.argv[2])
n = 1 + max(max(e) for e in edges)
g = igraph.Graph(n=n, edges=edges, directed=False)
times = []
for _ in range(repeats):
    start = time.perf_counter()
    g.betweenness(directed=False)
    times.append(time.perf_counter() - start)
print(f"{statistics.median(times):.6f} {igraph.__version__}")
