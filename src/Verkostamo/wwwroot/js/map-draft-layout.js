// The draft layout of large maps: pivot MDS (Brandes & Pich, "Eigensolver methods for progressive
// multidimensional scaling of large data", 2006), the same kind of layout as fcose's draft quality, without
// fcose's set-up cost. At 2,000 actors and 8,000 links fcose spent about 1.5 s building its own graph
// structures around a spectral step that itself takes milliseconds; this file computes the spectral step
// on plain arrays and hands cytoscape the positions. docs/decisions/ADR-0011-map-editor-island.md.
//
// Each connected component is laid out on its own: breadth-first distances from up to 50 pivots chosen
// far apart, double centring, the two leading eigenvectors by power iteration. Components are then packed
// in rows, largest first; lone actors come last in a grid. Everything is deterministic: the same map gets
// the same layout.

const pivotCount = 50;
const iterations = 200;

// A small seeded generator for the tie-breaking jitter.
function generator(seed) {
    let s = seed >>> 0;
    return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; };
}

// Compressed adjacency over node indexes; links to nodes not in the list are ignored.
function adjacency(nodeIds, links) {
    const index = new Map(nodeIds.map((id, i) => [id, i]));
    const degree = new Int32Array(nodeIds.length + 1);
    const pairs = [];
    for (const [a, b] of links) {
        const i = index.get(a);
        const j = index.get(b);
        if (i === undefined || j === undefined || i === j) {
            continue;
        }
        pairs.push(i, j);
        degree[i + 1]++;
        degree[j + 1]++;
    }
    for (let i = 0; i < nodeIds.length; i++) {
        degree[i + 1] += degree[i];
    }
    const offsets = degree.slice();
    const fill = degree.slice(0, nodeIds.length);
    const neighbors = new Int32Array(pairs.length);
    for (let p = 0; p < pairs.length; p += 2) {
        neighbors[fill[pairs[p]]++] = pairs[p + 1];
        neighbors[fill[pairs[p + 1]]++] = pairs[p];
    }
    return { offsets, neighbors };
}

function components(n, { offsets, neighbors }) {
    const component = new Int32Array(n).fill(-1);
    const result = [];
    for (let root = 0; root < n; root++) {
        if (component[root] >= 0) {
            continue;
        }
        const members = [root];
        component[root] = result.length;
        for (let head = 0; head < members.length; head++) {
            const v = members[head];
            for (let e = offsets[v]; e < offsets[v + 1]; e++) {
                const w = neighbors[e];
                if (component[w] < 0) {
                    component[w] = result.length;
                    members.push(w);
                }
            }
        }
        result.push(members);
    }
    return result;
}

// Breadth-first hop counts from one node to every member of its component, by the members' local index.
function distancesFrom(source, graph, local, distance, queue) {
    distance.fill(-1);
    distance[local.get(source)] = 0;
    queue[0] = source;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
        const v = queue[head];
        const dv = distance[local.get(v)] + 1;
        for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
            const w = graph.neighbors[e];
            const lw = local.get(w);
            if (distance[lw] < 0) {
                distance[lw] = dv;
                queue[tail++] = w;
            }
        }
    }
}

// The leading eigenvector of a symmetric k × k matrix orthogonal to `against`, by power iteration.
function leadingEigenvector(matrix, k, against) {
    let vector = new Float64Array(k).map((_, i) => 1 + (i % 7) / 7);
    for (let step = 0; step < iterations; step++) {
        if (against) {
            let dot = 0;
            for (let i = 0; i < k; i++) dot += vector[i] * against[i];
            for (let i = 0; i < k; i++) vector[i] -= dot * against[i];
        }
        const next = new Float64Array(k);
        for (let i = 0; i < k; i++) {
            let sum = 0;
            for (let j = 0; j < k; j++) sum += matrix[i * k + j] * vector[j];
            next[i] = sum;
        }
        let norm = 0;
        for (let i = 0; i < k; i++) norm += next[i] * next[i];
        norm = Math.sqrt(norm);
        if (norm === 0) {
            break;
        }
        for (let i = 0; i < k; i++) next[i] /= norm;
        vector = next;
    }
    return vector;
}

// Pivot MDS of one component: coordinates in hops, centred on the origin.
function layoutComponent(members, graph, random) {
    const size = members.length;
    if (size === 1) {
        return [[0, 0]];
    }
    if (size === 2) {
        return [[-0.5, 0], [0.5, 0]];
    }
    const local = new Map(members.map((v, i) => [v, i]));
    const k = Math.min(pivotCount, size);
    const squared = new Float64Array(size * k);
    const distance = new Int32Array(size);
    const nearest = new Float64Array(size).fill(Infinity);
    const queue = new Int32Array(size);
    // Max-min pivots: start from the best-connected actor, then always the one farthest from all chosen.
    let pivot = members.reduce((best, v) => (graph.offsets[v + 1] - graph.offsets[v] > graph.offsets[best + 1] - graph.offsets[best] ? v : best), members[0]);
    for (let p = 0; p < k; p++) {
        distancesFrom(pivot, graph, local, distance, queue);
        let farthest = 0;
        for (let i = 0; i < size; i++) {
            squared[i * k + p] = distance[i] * distance[i];
            nearest[i] = Math.min(nearest[i], distance[i]);
            if (nearest[i] > nearest[farthest]) {
                farthest = i;
            }
        }
        pivot = members[farthest];
    }
    // Double centring: C = -1/2 (D² − row means − column means + grand mean).
    const rowMean = new Float64Array(size);
    const columnMean = new Float64Array(k);
    let grand = 0;
    for (let i = 0; i < size; i++) {
        for (let p = 0; p < k; p++) {
            const d = squared[i * k + p];
            rowMean[i] += d / k;
            columnMean[p] += d / size;
            grand += d / (size * k);
        }
    }
    for (let i = 0; i < size; i++) {
        for (let p = 0; p < k; p++) {
            squared[i * k + p] = -0.5 * (squared[i * k + p] - rowMean[i] - columnMean[p] + grand);
        }
    }
    // CᵀC, then its two leading eigenvectors; the coordinates are C times each.
    const product = new Float64Array(k * k);
    for (let i = 0; i < size; i++) {
        const row = i * k;
        for (let p = 0; p < k; p++) {
            const c = squared[row + p];
            for (let q = p; q < k; q++) {
                product[p * k + q] += c * squared[row + q];
            }
        }
    }
    for (let p = 0; p < k; p++) {
        for (let q = 0; q < p; q++) {
            product[p * k + q] = product[q * k + p];
        }
    }
    const first = leadingEigenvector(product, k, null);
    const second = leadingEigenvector(product, k, first);
    const coordinates = [];
    for (let i = 0; i < size; i++) {
        let x = 0;
        let y = 0;
        for (let p = 0; p < k; p++) {
            x += squared[i * k + p] * first[p];
            y += squared[i * k + p] * second[p];
        }
        coordinates.push([x, y]);
    }
    // One hop is one unit: scale by the mean link length. Actors with the same distances to every pivot
    // would sit on one point; a jitter of a third of a hop keeps them apart.
    let length = 0;
    let count = 0;
    for (const v of members) {
        for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
            const w = graph.neighbors[e];
            const [ax, ay] = coordinates[local.get(v)];
            const [bx, by] = coordinates[local.get(w)];
            length += Math.hypot(ax - bx, ay - by);
            count++;
        }
    }
    const scale = length > 0 ? count / length : 1;
    return coordinates.map(([x, y]) => [x * scale + (random() - 0.5) * 0.66, y * scale + (random() - 0.5) * 0.66]);
}

// Positions for every node id, `separation` pixels per hop.
export function draftPositions(nodeIds, links, separation) {
    const graph = adjacency(nodeIds, links);
    const random = generator(20261129);
    const parts = components(nodeIds.length, graph).sort((a, b) => b.length - a.length);
    const placed = parts.map(members => {
        const coordinates = layoutComponent(members, graph, random);
        const xs = coordinates.map(c => c[0]);
        const ys = coordinates.map(c => c[1]);
        const box = { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
        return { members, coordinates, box };
    });
    // Shelf packing: rows about as wide as the whole map's square root of area, one hop of margin.
    const margin = 1.5;
    const area = placed.reduce((sum, p) => sum + (p.box.maxX - p.box.minX + margin) * (p.box.maxY - p.box.minY + margin), 0);
    const rowWidth = Math.max(Math.sqrt(area) * 1.2, placed.length ? placed[0].box.maxX - placed[0].box.minX + margin : 0);
    const positions = {};
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    for (const part of placed) {
        const width = part.box.maxX - part.box.minX + margin;
        const height = part.box.maxY - part.box.minY + margin;
        if (x > 0 && x + width > rowWidth) {
            x = 0;
            y += rowHeight;
            rowHeight = 0;
        }
        part.members.forEach((v, i) => {
            const [cx, cy] = part.coordinates[i];
            positions[nodeIds[v]] = { x: (x + cx - part.box.minX) * separation, y: (y + cy - part.box.minY) * separation };
        });
        x += width;
        rowHeight = Math.max(rowHeight, height);
    }
    return positions;
}
