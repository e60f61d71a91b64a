// Places the ordered items of each layer along the layer: children under their parents, long edges straight.
import {ClosestOrdered} from './closest-ordered.js';
import {flattenLayers, type LayeredGraph} from './layout-layers.js';

/**
 * Sizes along the layer, per item: box `item` is `boxSize[item]` cells with its port `boxPort[item]` cells in;
 * a dummy is one cell with its port at 0.
 */
export type AxisMetrics = {
	boxSize: Float64Array;
	boxPort: Float64Array;
	boxGap: number;
	/**
	 * A box lines up with the one box it connects to even when lines join it too: only where boxes are wide
	 * enough for those lines to enter beside the straight one (drawn in rows, not sideways).
	 */
	lineUpPastLines: boolean;
};

/** What placement needs of an ordered graph whatever the sizes: kept per DAG, so a new width only places again. */
export type PlacementBasis = {
	graph: LayeredGraph;
	/** The items layer after layer, layer `index` from layerStart[index] up to layerStart[index + 1]. */
	order: Int32Array;
	layerStart: Int32Array;
	/** Per pass direction (0: towards the layer above, 1: below), the neighbours each item moves towards. */
	pulls: [Pulls, Pulls];
	/** Per lineUpPastLines (0: false, 1: true) and direction, the one neighbour each item straightens to, or -1. */
	lineUpWith: [[Int32Array, Int32Array], [Int32Array, Int32Array]];
	/** Room for one layer's pooled blocks. */
	widest: number;
};

/** Item `item` moves towards the mean of towards[start[item]..start[item + 1]), pulling with weight[item]. */
type Pulls = {start: Int32Array; towards: Int32Array; weight: Float64Array};

const passes = ['down', 'up', 'down', 'up', 'down'] as const;
// Long edges (runs of dummies) pull harder than boxes, so they stay straight and boxes move around them.
const dummyWeight = 8;
// An item with nothing to pull it stays where it is, unless its neighbours in the layer push it.
const restingWeight = 0.001;

export function placementBasis(graph: LayeredGraph, layers: number[][]): PlacementBasis {
	const {order, layerStart} = flattenLayers(layers);
	const widest = layers.reduce((most, layer) => Math.max(most, layer.length), 0);
	const isBox = (item: number) => item < graph.nodeCount;
	const pulls = (neighbours: number[][]): Pulls => {
		const start = new Int32Array(graph.itemCount + 1);
		const towards: number[] = [];
		const weight = new Float64Array(graph.itemCount);
		for (let item = 0; item < graph.itemCount; item++) {
			const all = neighbours[item]!;
			// A box lines up with the boxes it connects to rather than with lines passing by.
			const boxes = isBox(item) ? all.filter(isBox) : [];
			const around = boxes.length > 0 ? boxes : all;
			for (const other of around) towards.push(other);
			start[item + 1] = towards.length;
			// A long edge keeps straight between dummies; where it leaves or enters a box it may bend.
			weight[item] =
				all.length === 0 ? restingWeight : isBox(item) ? around.length : all.some(isBox) ? 0.5 : dummyWeight;
		}
		return {start, towards: Int32Array.from(towards), weight};
	};
	const lineUpWith = (neighbours: number[][], pastLines: boolean) => {
		const single = new Int32Array(graph.itemCount).fill(-1);
		for (let item = 0; item < graph.itemCount; item++) {
			const all = neighbours[item]!;
			const boxes = isBox(item) && pastLines ? all.filter(isBox) : [];
			const around = boxes.length > 0 ? boxes : all;
			if (around.length === 1) single[item] = around[0]!;
		}
		return single;
	};
	return {
		graph,
		order,
		layerStart,
		pulls: [pulls(graph.up), pulls(graph.down)],
		lineUpWith: [
			[lineUpWith(graph.up, false), lineUpWith(graph.down, false)],
			[lineUpWith(graph.up, true), lineUpWith(graph.down, true)],
		],
		widest,
	};
}

/**
 * The port coordinate of every item (the cell where its edges attach), with the leftmost item at 0.
 * `aligned` false packs each layer tightly and centres it: the narrowest picture, used when aligned is too wide.
 */
export function placeAlongLayers(
	basis: PlacementBasis,
	metrics: AxisMetrics,
	aligned: boolean,
): Float64Array {
	const {graph, order, layerStart} = basis;
	const layerCount = layerStart.length - 1;
	const port = new Float64Array(graph.itemCount);
	const separation = separationOf(graph, metrics);
	const offset = packedOffsets(basis, separation);

	if (aligned) {
		for (let index = 0; index < order.length; index++) port[order[index]!] = offset[index]!;
		const pool = new ClosestOrdered(basis.widest);
		for (const pass of passes) {
			const pulls = basis.pulls[pass === 'down' ? 0 : 1];
			const first = pass === 'down' ? 1 : layerCount - 2;
			for (let layer = first; layer >= 0 && layer < layerCount; layer += pass === 'down' ? 1 : -1) {
				const start = layerStart[layer]!;
				const end = layerStart[layer + 1]!;
				for (let index = start; index < end; index++) {
					const item = order[index]!;
					const from = pulls.start[item]!;
					const to = pulls.start[item + 1]!;
					let value = port[item]!;
					if (to > from) {
						let sum = 0;
						for (let at = from; at < to; at++) sum += port[pulls.towards[at]!]!;
						value = sum / (to - from);
					}
					pool.add(value, pulls.weight[item]!, offset[index]!);
				}
				pool.place(order, start, offset, port);
			}
		}
		straighten(basis, port, separation, metrics.lineUpPastLines);
	} else {
		const extents = packedExtents(basis, offset, metrics);
		const widest = extents.reduce((most, extent) => Math.max(most, extent), 0);
		for (let layer = 0; layer < layerCount; layer++) {
			const shift = Math.floor((widest - extents[layer]!) / 2);
			for (let index = layerStart[layer]!; index < layerStart[layer + 1]!; index++) {
				port[order[index]!] = offset[index]! + shift;
			}
		}
	}

	let leftmost = Number.POSITIVE_INFINITY;
	for (let item = 0; item < graph.itemCount; item++) {
		leftmost = Math.min(leftmost, port[item]! - (item < graph.nodeCount ? metrics.boxPort[item]! : 0));
	}
	if (Number.isFinite(leftmost)) for (let item = 0; item < graph.itemCount; item++) port[item]! -= leftmost;
	return port;
}

/**
 * The widest layer packed. No placement with these sizes is narrower: every placement keeps each layer's items
 * at least this far apart, and boxes only grow.
 */
export function packedWidth(basis: PlacementBasis, metrics: AxisMetrics): number {
	const extents = packedExtents(basis, packedOffsets(basis, separationOf(basis.graph, metrics)), metrics);
	return extents.reduce((most, extent) => Math.max(most, extent), 0);
}

/** Each item's port with its layer packed from 0, by the item's index in `order`. */
function packedOffsets(
	basis: PlacementBasis,
	separation: (left: number, right: number) => number,
): Float64Array {
	const {order, layerStart} = basis;
	const offset = new Float64Array(order.length);
	for (let layer = 0; layer + 1 < layerStart.length; layer++) {
		for (let index = layerStart[layer]! + 1; index < layerStart[layer + 1]!; index++) {
			offset[index] = offset[index - 1]! + separation(order[index - 1]!, order[index]!);
		}
	}
	return offset;
}

function packedExtents(basis: PlacementBasis, offset: Float64Array, metrics: AxisMetrics): Float64Array {
	const {graph, order, layerStart} = basis;
	const extents = new Float64Array(layerStart.length - 1);
	for (let layer = 0; layer < extents.length; layer++) {
		extents[layer] = layerExtent(order, layerStart[layer]!, layerStart[layer + 1]!, offset, graph, metrics);
	}
	return extents;
}

/** Cells from the port of `left` to the port of `right` when they stand side by side, `left` first. */
function separationOf(graph: LayeredGraph, metrics: AxisMetrics): (left: number, right: number) => number {
	const {boxSize, boxPort, boxGap} = metrics;
	const nodeCount = graph.nodeCount;
	return (left, right) =>
		(left < nodeCount ? boxSize[left]! - boxPort[left]! : 1) +
		(left < nodeCount && right < nodeCount ? boxGap : 1) +
		(right < nodeCount ? boxPort[right]! : 0);
}

/**
 * Rounding and crowding leave one-cell jogs: an item with a single neighbour (or a box with a single neighbouring
 * box, see lineUpPastLines) moves in line with it wherever there is room, pushing aside lines (never boxes) that
 * stand in the way.
 */
function straighten(
	basis: PlacementBasis,
	port: Float64Array,
	separation: (left: number, right: number) => number,
	lineUpPastLines: boolean,
): void {
	const {graph, order, layerStart} = basis;
	const layerCount = layerStart.length - 1;
	const moved = new Float64Array(basis.widest);
	for (const direction of [0, 1] as const) {
		const lineUpWith = basis.lineUpWith[lineUpPastLines ? 1 : 0][direction];
		for (let step = 0; step < layerCount; step++) {
			const layer = direction === 0 ? step : layerCount - 1 - step;
			const start = layerStart[layer]!;
			const end = layerStart[layer + 1]!;
			for (let at = start; at < end; at++) {
				const item = order[at]!;
				const other = lineUpWith[item]!;
				if (other < 0 || port[other] === port[item]) continue;
				// The item and the lines it pushes, each to where it must go; none if a box is in the way.
				const wanted = port[other]!;
				const sign = wanted > port[item]! ? 1 : -1;
				moved[0] = wanted;
				let count = 1;
				let blocked = false;
				for (let next = at + sign; next >= start && next < end; next += sign) {
					const previous = order[next - sign]!;
					const pushed = order[next]!;
					const gap = sign > 0 ? separation(previous, pushed) : separation(pushed, previous);
					const needed = moved[count - 1]! + sign * gap;
					if (sign * (needed - port[pushed]!) <= 0) break;
					if (pushed < graph.nodeCount) {
						blocked = true;
						break;
					}
					moved[count++] = needed;
				}
				if (blocked) continue;
				for (let index = 0; index < count; index++) port[order[at + index * sign]!] = moved[index]!;
			}
		}
	}
}

function layerExtent(
	order: Int32Array,
	start: number,
	end: number,
	offset: Float64Array,
	graph: LayeredGraph,
	metrics: AxisMetrics,
): number {
	if (end === start) return 0;
	const first = order[start]!;
	const last = order[end - 1]!;
	const isBox = (item: number) => item < graph.nodeCount;
	const from = isBox(first) ? -metrics.boxPort[first]! : 0;
	const to = offset[end - 1]! + (isBox(last) ? metrics.boxSize[last]! - metrics.boxPort[last]! : 1);
	return to - from;
}
