#!/usr/bin/env bash
# Map benchmark: 2,000 actors and 8,000 links drawn by the editor's own cytoscape + fcose set-up
# (src/Verkostamo/wwwroot/js/map-canvas.js, the editor's MapEditor.razor.js and the npm-pinned libraries)
# in headless Debian chromium.
# Prints a Markdown table row per variant with the machine it ran on. Usage: bench/map/run.sh [RUNS]
# BENCH_MATCH=text runs only the variants whose name contains the text; BENCH_ACTORS and BENCH_LINKS
# change the size (2,000 and 8,000 by default). BENCH_TUNING='{"sampleSize":10}' adds a standard-drawing row
# with those fcose options.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
web="$here/../../src/Verkostamo"
runs=${1:-3}
chromium=${CHROMIUM:-/usr/bin/chromium}

[ -f "$web/node_modules/.package-lock.json" ] || (cd "$web" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
site=$(mktemp -d /tmp/verkostamo-mapbench.XXXXXX)
profile=$(mktemp -d /tmp/verkostamo-mapbench-profile.XXXXXX)
mkdir -p "$site/js" "$site/lib/map"
cp "$here/bench.html" "$site/"
cp "$web/wwwroot/js/map-canvas.js" "$web/wwwroot/js/map-draft-layout.js" "$web/Features/Map/Editor/MapEditor.razor.js" "$site/js/"
cp "$web/node_modules/cytoscape/dist/cytoscape.min.js" "$web/node_modules/layout-base/layout-base.js" \
   "$web/node_modules/cose-base/cose-base.js" "$web/node_modules/cytoscape-fcose/cytoscape-fcose.js" \
   "$web/node_modules/cytoscape-svg/cytoscape-svg.js" "$site/lib/map/"

port=$((20000 + RANDOM % 20000))
cdp=$((port + 1))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --window-size=1280,800 --remote-debugging-port="$cdp" about:blank >/dev/null 2>&1 &
browser=$!
cleanup() { kill "$server" "$browser" 2>/dev/null || true; wait "$server" "$browser" 2>/dev/null || true; rm -rf "$site" "$profile"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$cdp/json/version" >/dev/null && curl -sf "http://127.0.0.1:$port/bench.html" >/dev/null && break; sleep 0.1; done

json=$(node --experimental-websocket --no-warnings "$here/bench.mjs" "$port" "$cdp" "$runs")
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average: $(cut -d' ' -f1-3 /proc/loadavg); chromium: $("$chromium" --version 2>/dev/null | head -n1)"
echo "| Variant | Nodes | Edges | Create ms | Layout ms | First frame ms | Total ms (median of $runs) | Worst total ms | Zoom in to full drawing ms | Zoom after fit |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s' "$json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const r of JSON.parse(s))console.log(`| ${r.name} | ${r.nodes} | ${r.edges} | ${r.createMs} | ${r.layoutMs ?? "-"} | ${r.renderMs} | ${r.totalMs} | ${r.worstTotalMs} | ${r.zoomInMs ?? "-"} | ${r.zoom} |`)})'
