// What the map editor and the map benchmark share: the libraries, the style and the layouts, so the
// benchmark measures exactly what the editor draws.
import { draftPositions } from './map-draft-layout.js';

const libraries = ['cytoscape.min.js', 'layout-base.js', 'cose-base.js', 'cytoscape-fcose.js', 'cytoscape-svg.js'];
let loading = null;

function loadScript(src) {
    return new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = src;
        s.onload = resolve;
        s.onerror = () => reject(new Error('Could not load ' + src));
        document.head.appendChild(s);
    });
}

// The libraries are UMD bundles that publish globals; they load in order, once per page.
export function loadLibraries(base = '/lib/map/') {
    if (!loading) {
        loading = (async () => {
            for (const file of libraries) {
                if (file === 'cytoscape.min.js' && window.cytoscape) {
                    continue;
                }
                await loadScript(base + file);
            }
            window.cytoscape.use(window.cytoscapeFcose);
            window.cytoscape.use(window.cytoscapeSvg);
            return window.cytoscape;
        })();
    }
    return loading;
}

// Above this many drawn elements (actors plus links) the map is drawn the large-map way. A map of a few
// dozen actors with a few hundred links keeps the full drawing; by 500 elements the first frame on a
// modest laptop without GPU rasterisation (bezier curves, dashes, a label per actor) passes a few
// hundred milliseconds, and above that it grows with the element count.
export const largeMapElements = 500;

// From this zoom up a large map is drawn in full again: names and dashed weak links. Below it too many
// elements fit on the screen for either to be readable, and drawing them costs most of the first frame.
export const largeMapDetailZoom = 0.9;
const labelSize = 11;

export function isLargeMap(elementCount) {
    return elementCount > largeMapElements;
}

// Large maps: straight edges (haystack, or straight with an arrow for directed links), no labels until
// zoomed in, and weak links thin, solid and lighter at overview zoom. Strength stays readable by width
// (1 px against 4 px), never by colour alone; zoomed in, weak links are dashed again as in the legend.
function largeMapStyle(detail) {
    return [
        { selector: 'node', style: { 'min-zoomed-font-size': labelSize * largeMapDetailZoom } },
        { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0 } },
        { selector: 'edge.directed', style: { 'curve-style': 'straight' } },
        detail
            ? { selector: 'edge.Weak', style: { 'width': 1.5, 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } }
            : { selector: 'edge.Weak', style: { 'width': 1, 'line-style': 'solid', 'line-color': '#8a8a8a', 'target-arrow-color': '#8a8a8a' } },
    ];
}

export function mapStyle({ large = false, detail = false } = {}) {
    const base = [
        {
            selector: 'node',
            style: {
                'background-color': 'data(color)',
                'shape': 'data(shape)',
                'label': 'data(label)',
                'width': 28,
                'height': 28,
                'font-size': labelSize,
                'color': '#1a1a1a',
                'text-valign': 'bottom',
                'text-margin-y': 4,
                'text-wrap': 'ellipsis',
                'text-max-width': 120,
                'border-width': 1,
                'border-color': '#333333',
                'min-zoomed-font-size': 6,
            },
        },
        // Sized by an analysis metric when the view asks for it; otherwise every actor is 28 px.
        { selector: 'node[size > 0]', style: { 'width': 'data(size)', 'height': 'data(size)' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000000', 'overlay-opacity': 0.08 } },
        { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#c2185b', 'border-style': 'double' } },
        { selector: 'node.connect-source', style: { 'border-width': 4, 'border-color': '#1f6fb5', 'border-style': 'dashed' } },
        { selector: 'edge', style: { 'curve-style': 'bezier', 'line-color': '#555555', 'target-arrow-color': '#555555', 'width': 1.5 } },
        { selector: 'edge.Strong', style: { 'width': 4, 'line-style': 'solid' } },
        { selector: 'edge.Weak', style: { 'width': 1.5, 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
        { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle', 'arrow-scale': 1.2 } },
    ];
    const marks = [
        { selector: 'edge:selected', style: { 'line-color': '#000000', 'target-arrow-color': '#000000', 'width': 5 } },
        // Compare mode: added green and solid, removed red, dashed and faded, changed amber.
        { selector: '.added', style: { 'border-color': '#1b7f3b', 'border-width': 4, 'line-color': '#1b7f3b', 'target-arrow-color': '#1b7f3b', 'line-style': 'solid' } },
        { selector: '.removed', style: { 'border-color': '#b3261e', 'border-width': 3, 'border-style': 'dashed', 'opacity': 0.55, 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', 'line-style': 'dashed' } },
        { selector: '.changed', style: { 'border-color': '#b26a00', 'border-width': 4, 'border-style': 'double', 'line-color': '#b26a00', 'target-arrow-color': '#b26a00' } },
    ];
    // Selection and compare marks come last so they win over the large-map lines.
    return large ? [...base, ...largeMapStyle(detail), ...marks] : [...base, ...marks];
}

// Sets the drawing for the number of elements about to be drawn, before they are added (restyling an
// empty graph is free). A large map starts in the overview drawing, as it is usually fitted to the screen
// far below largeMapDetailZoom; past that zoom it switches to the full drawing and back. The zoom is
// checked once a frame, after a fit or a wheel gesture has settled, so each crossing restyles once.
// Large maps also leave edges out while the view is dragged or zoomed. Small maps keep the standard drawing.
export function drawForSize(cy, elementCount) {
    let scale = cy.scratch('_mapScale');
    if (!scale) {
        scale = { large: false, detail: false, checking: false };
        cy.scratch('_mapScale', scale);
        cy.on('zoom', () => checkDetail(cy, scale));
    }
    const large = isLargeMap(elementCount);
    if (large !== scale.large) {
        scale.large = large;
        scale.detail = false;
        cy.style(mapStyle(scale));
        // A renderer setting with no public setter; cytoscape reads it on every frame.
        cy.renderer().hideEdgesOnViewport = large;
        // A map that grows past the threshold while zoomed in, with no layout to fit it, still gets the
        // full drawing.
        checkDetail(cy, scale);
    }
    return large;
}

function checkDetail(cy, scale) {
    if (!scale.large || scale.checking) {
        return;
    }
    scale.checking = true;
    requestAnimationFrame(() => {
        scale.checking = false;
        if (cy.destroyed() || !scale.large) {
            return;
        }
        const detail = cy.zoom() >= largeMapDetailZoom;
        if (detail !== scale.detail) {
            scale.detail = detail;
            cy.style(mapStyle(scale));
        }
    });
}

const grid = 110;

// Places each node by a function of its data: a cell's members sit in a small square around its centre.
function cellLayout(cy, cellOf) {
    const cells = new Map();
    cy.nodes().forEach(n => {
        const key = cellOf(n).join(',');
        if (!cells.has(key)) {
            cells.set(key, []);
        }
        cells.get(key).push(n);
    });
    const positions = {};
    let widest = 1;
    cells.forEach(members => { widest = Math.max(widest, Math.ceil(Math.sqrt(members.length))); });
    const cellSize = Math.max(2, widest) * grid * 0.6 + grid;
    cells.forEach((members, key) => {
        const [cx, cyy] = key.split(',').map(Number);
        const side = Math.ceil(Math.sqrt(members.length));
        members.forEach((n, i) => {
            positions[n.id()] = {
                x: cx * cellSize + (i % side - (side - 1) / 2) * grid * 0.6,
                y: cyy * cellSize + (Math.floor(i / side) - (side - 1) / 2) * grid * 0.6,
            };
        });
    });
    return { name: 'preset', positions: n => positions[n.id()], fit: true, padding: 30, animate: false };
}

// The draft layout places actors by their graph distances times this separation. Networks of many actors
// have short distances (a few hops between any two), so at fcose's 75 px a 2,000-actor map collapses into
// a knot that fits the screen zoomed in (about 1.6x), actors on top of one another and every name drawn.
// Large maps get room that grows with the square root of their actor count, which puts the whole map
// below largeMapDetailZoom; small maps keep fcose's separation.
function nodeSeparation(nodeCount, elementCount) {
    const standard = 75;
    return isLargeMap(elementCount) ? Math.max(standard, standard * Math.sqrt(nodeCount / 100)) : standard;
}

// The force-directed layout of a large map, computed from the editor's node and link data before anything
// is drawn: positions by actor id, or null when the layout asked for is another or the map is small (small
// maps get fcose, whose result is finer). Placing the nodes as they are added costs far less than moving
// 2,000 drawn nodes afterwards.
export function largeMapDraft(name, nodes, edges) {
    if (!isForceLayout(name) || !isLargeMap(nodes.length + edges.length)) {
        return null;
    }
    return draftPositions(nodes.map(n => n.id), edges.map(e => [e.source, e.target]), nodeSeparation(nodes.length, nodes.length + edges.length));
}

const namedLayouts = ['ConcentricByRole', 'GroupedBySector', 'SectorLevelGrid', 'Preset'];

function isForceLayout(name) {
    return !namedLayouts.includes(name);
}

export function layoutOptions(name, cy, tuning = {}) {
    switch (name) {
        case 'ConcentricByRole':
            // Locomotives in the middle, information relays and actors without a role outermost.
            return { name: 'concentric', concentric: n => n.data('roleRank'), levelWidth: () => 1, minNodeSpacing: 30, animate: false, fit: true, padding: 30 };
        case 'GroupedBySector':
            return cellLayout(cy, n => [n.data('sectorIndex') % 2, Math.floor(n.data('sectorIndex') / 2)]);
        case 'SectorLevelGrid':
            return cellLayout(cy, n => [n.data('sectorIndex'), n.data('levelIndex')]);
        case 'Preset':
            return { name: 'preset', fit: true, padding: 30, animate: false };
        default:
            // fcose's set-up alone takes longer than the whole drawing of a large map; the same kind of draft
            // layout on plain arrays takes tens of milliseconds (map-draft-layout.js).
            const draft = tuning.quality ? null : largeMapDraft(name, cy.nodes().map(n => n.data()), cy.edges().map(e => e.data()));
            if (draft) {
                return { name: 'preset', positions: n => draft[n.id()], fit: true, padding: 30, animate: false };
            }
            return {
                name: 'fcose',
                quality: 'draft',
                randomize: true,
                animate: false,
                fit: true,
                padding: 30,
                nodeDimensionsIncludeLabels: false,
                nodeRepulsion: 6000,
                idealEdgeLength: 90,
                nodeSeparation: nodeSeparation(cy.nodes().length, cy.elements().length),
                ...tuning,
            };
    }
}
