// The map canvas: cytoscape with fcose. The Blazor island owns the data and every edit; this module only
// draws, reports pointer and keyboard gestures back, and exports pictures.
import { drawForSize, largeMapDraft, layoutOptions, loadLibraries, mapStyle } from '/js/map-canvas.js';

let state = null;

export async function start(container, dotnet, options) {
    const cytoscape = await loadLibraries();
    dispose();
    const cy = cytoscape({
        container,
        elements: [],
        style: mapStyle(),
        wheelSensitivity: 0.3,
        autoungrabify: !!options.readOnly,
        boxSelectionEnabled: false,
        minZoom: 0.05,
        maxZoom: 5,
    });
    // Tests and the benchmark read the instance from the element; nothing else relies on it.
    container.cy = cy;
    state = { cy, container, dotnet, readOnly: !!options.readOnly, connectFrom: null, connectMode: false, known: new Map() };

    cy.on('tap', 'node', e => onNodeTap(e.target));
    cy.on('tap', 'edge', e => { if (!state.connectMode) { selectOnly(e.target); dotnet.invokeMethodAsync('EdgeSelected', e.target.id()); } });
    cy.on('tap', e => { if (e.target === cy) { cy.elements().unselect(); state.connectFrom = null; dotnet.invokeMethodAsync('SelectionCleared'); } });
    cy.on('dbltap', e => {
        if (e.target === cy && !state.readOnly) {
            dotnet.invokeMethodAsync('AddAtRequested', e.position.x, e.position.y);
        }
    });
    cy.on('dragfree', 'node', () => dotnet.invokeMethodAsync('PositionsChanged'));
    container.addEventListener('keydown', onKey);
}

function onNodeTap(node) {
    const { dotnet } = state;
    if (state.connectMode && !state.readOnly) {
        if (state.connectFrom && state.connectFrom !== node.id()) {
            const from = state.connectFrom;
            state.connectFrom = null;
            state.cy.nodes().removeClass('connect-source');
            dotnet.invokeMethodAsync('ConnectRequested', from, node.id());
            return;
        }
        state.connectFrom = node.id();
        state.cy.nodes().removeClass('connect-source');
        node.addClass('connect-source');
    }
    selectOnly(node);
    dotnet.invokeMethodAsync('NodeSelected', node.id());
}

function selectOnly(element) {
    state.cy.elements().unselect();
    element.select();
}

// Arrow keys move the selection to the nearest actor in that direction; Enter edits, Delete removes
// (the island asks for confirmation), + and - zoom, 0 fits the whole map.
function onKey(e) {
    if (!state) {
        return;
    }
    const { cy, dotnet } = state;
    const dirs = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (dirs[e.key]) {
        e.preventDefault();
        const next = nearestInDirection(dirs[e.key]);
        if (next) {
            selectOnly(next);
            ensureVisible(next);
            dotnet.invokeMethodAsync('NodeSelected', next.id());
        }
    } else if (e.key === 'Enter') {
        e.preventDefault();
        dotnet.invokeMethodAsync('EditRequested');
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        dotnet.invokeMethodAsync('DeleteRequested');
    } else if (e.key === '+' || e.key === '=') {
        e.preventDefault();
        zoom(1.25);
    } else if (e.key === '-') {
        e.preventDefault();
        zoom(0.8);
    } else if (e.key === '0') {
        e.preventDefault();
        fit();
    }
    void cy;
}

function nearestInDirection([dx, dy]) {
    const { cy } = state;
    const nodes = cy.nodes(':visible');
    const current = cy.nodes(':selected').first();
    if (current.empty()) {
        return nodes.sort((a, b) => a.position('x') - b.position('x') || a.position('y') - b.position('y')).first();
    }
    const p = current.position();
    let best = null;
    let bestScore = Infinity;
    nodes.forEach(n => {
        if (n.same(current)) {
            return;
        }
        const vx = n.position('x') - p.x;
        const vy = n.position('y') - p.y;
        const along = vx * dx + vy * dy;
        if (along <= 0) {
            return;
        }
        const across = Math.abs(vx * dy - vy * dx);
        // Straight ahead beats off to the side: the sideways distance weighs double.
        const score = along + 2 * across;
        if (score < bestScore) {
            bestScore = score;
            best = n;
        }
    });
    return best;
}

function ensureVisible(node) {
    const { cy } = state;
    const bb = node.renderedBoundingBox();
    if (bb.x1 < 0 || bb.y1 < 0 || bb.x2 > cy.width() || bb.y2 > cy.height()) {
        cy.center(node);
    }
}

// Replaces the drawn elements. Nodes keep the place they had; new ones take the given position, or
// one near the centre of the others. With a saved view's positions and no layout asked for, nothing moves.
// Returns whether the map is drawn the large-map way, for the legend to say so.
export function setElements(nodes, edges, positions, layout, runLayout) {
    if (!state) {
        return false;
    }
    const { cy } = state;
    cy.nodes().forEach(n => state.known.set(n.id(), { ...n.position() }));
    if (positions) {
        for (const [id, p] of Object.entries(positions)) {
            state.known.set(id, p);
        }
    }
    const centre = centreOf([...state.known.values()]);
    let missing = 0;
    const elements = nodes.map(n => {
        let position = state.known.get(n.id);
        if (!position) {
            missing++;
            position = { x: centre.x + (Math.random() - 0.5) * 200, y: centre.y + (Math.random() - 0.5) * 200 };
        }
        return { group: 'nodes', data: n, position: { ...position }, classes: n.status || '' };
    }).concat(edges.map(e => ({ group: 'edges', data: e, classes: [e.strength, e.directed ? 'directed' : '', e.status || ''].join(' ').trim() })));
    const firstDraw = state.known.size === missing;
    // A large map's force-directed layout is computed before the nodes are added, so they are placed once.
    const draft = runLayout || firstDraw ? largeMapDraft(layout, nodes, edges) : null;
    if (draft) {
        elements.forEach(e => {
            if (e.group === 'nodes') {
                e.position = { ...draft[e.data.id] };
            }
        });
    }
    const selected = cy.nodes(':selected').map(n => n.id());
    let large = false;
    cy.batch(() => {
        cy.elements().remove();
        large = drawForSize(cy, elements.length);
        cy.add(elements);
        selected.forEach(id => cy.getElementById(id).select());
    });
    if (draft) {
        cy.fit(undefined, 30);
        laidOut();
    } else if (runLayout || firstDraw) {
        runLayoutNamed(layout);
    }
    return large;
}

function centreOf(points) {
    if (points.length === 0) {
        return { x: 0, y: 0 };
    }
    const sum = points.reduce((s, p) => ({ x: s.x + p.x, y: s.y + p.y }), { x: 0, y: 0 });
    return { x: sum.x / points.length, y: sum.y / points.length };
}

export function runLayoutNamed(name) {
    if (!state || state.cy.nodes().empty()) {
        return;
    }
    state.cy.layout(layoutOptions(name, state.cy)).run();
    laidOut();
}

// Remembers where a layout put the nodes and tells the island, which offers to save them in a view.
function laidOut() {
    state.cy.nodes().forEach(n => state.known.set(n.id(), { ...n.position() }));
    state.dotnet.invokeMethodAsync('PositionsChanged');
}

export function zoom(factor) {
    const { cy } = state;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

export function pan(dx, dy) {
    state.cy.panBy({ x: dx, y: dy });
}

export function fit() {
    state.cy.fit(undefined, 30);
}

export function setConnectMode(on) {
    state.connectMode = on;
    state.connectFrom = null;
    state.cy.nodes().removeClass('connect-source');
}

export function select(id) {
    const node = state.cy.getElementById(id);
    if (node.nonempty()) {
        selectOnly(node);
        ensureVisible(node);
    }
}

// Highlights every actor whose name contains the text and centres on them; returns how many matched.
export function search(text) {
    const { cy } = state;
    const needle = (text || '').trim().toLocaleLowerCase();
    cy.nodes().removeClass('match');
    if (!needle) {
        return 0;
    }
    const found = cy.nodes().filter(n => String(n.data('label')).toLocaleLowerCase().includes(needle));
    found.addClass('match');
    if (found.nonempty()) {
        cy.animate({ center: { eles: found }, duration: 0 });
        selectOnly(found.first());
    }
    return found.length;
}

export function positions() {
    const result = {};
    state.cy.nodes().forEach(n => { result[n.id()] = { x: n.position('x'), y: n.position('y') }; });
    return result;
}

export function viewport() {
    const { cy } = state;
    return { zoom: cy.zoom(), panX: cy.pan().x, panY: cy.pan().y };
}

export function setViewport(zoomLevel, panX, panY) {
    state.cy.viewport({ zoom: zoomLevel, pan: { x: panX, y: panY } });
}

export function exportPng(fileName) {
    download(state.cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' }), fileName);
}

export function exportSvg(fileName) {
    const svg = state.cy.svg({ full: true, scale: 1, bg: '#ffffff' });
    download(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

function download(blob, fileName) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function dispose() {
    if (state) {
        state.container.removeEventListener('keydown', onKey);
        state.cy.destroy();
        state = null;
    }
}
