// What the map editor and the map benchmark share: the libraries, the style and the layouts, so the
// benchmark measures exactly what the editor draws.
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

export function mapStyle() {
    return [
        {
            selector: 'node',
            style: {
                'background-color': 'data(color)',
                'shape': 'data(shape)',
                'label': 'data(label)',
                'width': 28,
                'height': 28,
                'font-size': 11,
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
        { selector: 'edge:selected', style: { 'line-color': '#000000', 'target-arrow-color': '#000000', 'width': 5 } },
        // Compare mode: added green and solid, removed red, dashed and faded, changed amber.
        { selector: '.added', style: { 'border-color': '#1b7f3b', 'border-width': 4, 'line-color': '#1b7f3b', 'target-arrow-color': '#1b7f3b', 'line-style': 'solid' } },
        { selector: '.removed', style: { 'border-color': '#b3261e', 'border-width': 3, 'border-style': 'dashed', 'opacity': 0.55, 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', 'line-style': 'dashed' } },
        { selector: '.changed', style: { 'border-color': '#b26a00', 'border-width': 4, 'border-style': 'double', 'line-color': '#b26a00', 'target-arrow-color': '#b26a00' } },
    ];
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
                ...tuning,
            };
    }
}
