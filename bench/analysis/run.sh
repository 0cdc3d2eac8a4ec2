#!/bin/sh
# Betweenness against igraph in one run, and all metrics for 2,000 and 10,000 actors.
# Installs Debian's python3-igraph when missing (needs root); results go to docs/BENCHMARKS.md by hand.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if ! /usr/bin/python3 -c "import igraph" 2>/dev/null; then
    apt-get update && apt-get install -y python3-igraph
fi
echo "machine: $(nproc) processors; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --project "$here/Verkostamo.Bench.Analysis.csproj" -- /usr/bin/python3 "$here"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
