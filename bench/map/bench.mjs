// Drives headless chromium over the DevTools protocol and runs bench.html's variants, several times each.
// Usage: node --experimental-websocket bench.mjs PORT CDP_PORT RUNS
const [port, cdpPort, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 3);

const target = await (await fetch(`http://127.0.0.1:${cdpPort}/json/new?http://127.0.0.1:${port}/bench.html`, { method: 'PUT' })).json();
const ws = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
let nextId = 1;
const pending = new Map();
ws.onmessage = m => {
    const msg = JSON.parse(m.data);
    if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
};
const send = (method, params = {}) => new Promise(resolve => { const id = nextId++; pending.set(id, resolve); ws.send(JSON.stringify({ id, method, params })); });
const evaluate = async expression => {
    const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.result?.exceptionDetails) throw new Error(JSON.stringify(r.result.exceptionDetails));
    return r.result.result.value;
};

for (let i = 0; i < 100 && !(await evaluate('window.benchReady === true')); i++) {
    await new Promise(r => setTimeout(r, 100));
}

// BENCH_ACTORS and BENCH_LINKS measure another size, e.g. around the large-map threshold.
const size = { actors: Number(process.env.BENCH_ACTORS || 2000), links: Number(process.env.BENCH_LINKS || 8000) };
// fcose "default" quality takes minutes at this size; it runs only with BENCH_ALL=1.
const variants = [
    // The standard drawing with fcose's own separation is the editor as it was before the large-map mode.
    ...(process.env.BENCH_ALL === '1' ? [['standard drawing, fcose default (the editor before tuning)', { ...size, tuning: { quality: 'default', nodeSeparation: 75 } }]] : []),
    ['standard drawing, fcose draft, separation 75 (before)', { ...size, tuning: { quality: 'draft', nodeSeparation: 75 } }],
    ['standard drawing, fcose draft, large-map separation', { ...size, tuning: { quality: 'draft' } }],
    ['standard drawing, saved view positions (preset, no layout)', { ...size, preset: true }],
    ['editor (large-map drawing above 500 elements), new map: draft layout', { ...size, editor: true }],
    ['editor (large-map drawing above 500 elements), saved view positions', { ...size, editor: true, preset: true }],
    ...(process.env.BENCH_TUNING ? [['standard drawing, fcose draft, tuning ' + process.env.BENCH_TUNING, { ...size, tuning: { quality: 'draft', ...JSON.parse(process.env.BENCH_TUNING) } }]] : []),
].filter(([name]) => !process.env.BENCH_MATCH || name.includes(process.env.BENCH_MATCH));
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [name, options] of variants) {
    const results = [];
    // A tenth-size warm-up first, so the first measured run does not also pay for compiling the code.
    await evaluate(`runBench(${JSON.stringify({ ...options, actors: Math.ceil(size.actors / 10), links: Math.ceil(size.links / 10) })})`);
    for (let i = 0; i < runs; i++) {
        results.push(await evaluate(`runBench(${JSON.stringify(options)})`));
    }
    const row = { name, runs, nodes: results[0].nodes, edges: results[0].edges };
    for (const k of ['createMs', 'layoutMs', 'renderMs', 'totalMs', 'zoomInMs']) {
        row[k] = results[0][k] === undefined ? null : Math.round(median(results.map(r => r[k])));
    }
    row.zoom = Math.round(median(results.map(r => r.zoom)) * 100) / 100;
    row.worstTotalMs = Math.round(Math.max(...results.map(r => r.totalMs)));
    rows.push(row);
    console.error(JSON.stringify(row));
}
console.log(JSON.stringify(rows));
ws.close();
