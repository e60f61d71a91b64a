// Places the ordered items of each layer along the layer: children under their parents, long edges straight.
import type {LayeredGraph} from './layout-layers.js';

/** Sizes along the layer: box `item` is `boxSize(item)` cells with its port `boxPort(item)` cells in; a dummy is one cell. */
export type AxisMetrics = {
	boxSize: (item: number) => number;
	boxPort: (item: number) => number;
	boxGap: number;
	/**
	 * A box lines up with the one box it connects to even when lines join it too: only where boxes are wide
	 * enough for those lines to enter beside the straight one (drawn in rows, not sideways).
	 */
	lineUpPastLines: boolean;
};

const passes = ['down', 'up', 'down', 'up', 'down'] as const;
// Long edges (runs of dummies) pull harder than boxes, so they stay straight and boxes move around them.
const dummyWeight = 8;

/**
 * The port coordinate of every item (the cell where its edges attach), with the leftmost item at 0.
 * `aligned` false packs each layer tightly and centres it: the narrowest picture, used when aligned is too wide.
 */
export function placeAlongLayers(
	graph: LayeredGraph,
	layers: number[][],
	metrics: AxisMetrics,
	aligned: boolean,
): number[] {
	const port = new Array<number>(graph.itemCount).fill(0);
	const place = (layer: number[], values: number[]) => {
		layer.forEach((item, at) => {
			port[item] = values[at]!;
		});
	};
	const isBox = (item: number) => item < graph.nodeCount;
	const separation = (left: number, right: number) =>
		(isBox(left) ? metrics.boxSize(left) - metrics.boxPort(left) : 1) +
		(isBox(left) && isBox(right) ? metrics.boxGap : 1) +
		(isBox(right) ? metrics.boxPort(right) : 0);
	const offsets = layers.map((layer) => {
		const offset = [0];
		for (let index = 1; index < layer.length; index++) {
			offset.push(offset[index - 1]! + separation(layer[index - 1]!, layer[index]!));
		}
		return offset;
	});

	if (aligned) {
		layers.forEach((layer, index) => {
			place(layer, offsets[index]!);
		});
		for (const pass of passes) {
			const indices = layers.map((_, index) => index);
			const sequence = pass === 'down' ? indices.slice(1) : indices.slice(0, -1).reverse();
			for (const index of sequence) {
				const layer = layers[index]!;
				const neighbours = pass === 'down' ? graph.up : graph.down;
				const desired = layer.map((item) => {
					const all = neighbours[item]!;
					if (all.length === 0) return {value: port[item]!, weight: 0.001};
					// A box lines up with the boxes it connects to rather than with lines passing by.
					const boxes = isBox(item) ? all.filter(isBox) : [];
					const around = boxes.length > 0 ? boxes : all;
					let sum = 0;
					for (const other of around) sum += port[other]!;
					// A long edge keeps straight between dummies; where it leaves or enters a box it may bend.
					const weight = isBox(item) ? around.length : all.some(isBox) ? 0.5 : dummyWeight;
					return {value: sum / around.length, weight};
				});
				place(layer, closestOrdered(desired, offsets[index]!));
			}
		}
		straighten(graph, layers, port, separation, metrics.lineUpPastLines);
	} else {
		const widths = layers.map((layer, index) => layerExtent(layer, offsets[index]!, isBox, metrics));
		const widest = Math.max(0, ...widths);
		layers.forEach((layer, index) => {
			const shift = Math.floor((widest - widths[index]!) / 2);
			place(
				layer,
				offsets[index]!.map((offset) => offset + shift),
			);
		});
	}

	let leftmost = Number.POSITIVE_INFINITY;
	for (let item = 0; item < graph.itemCount; item++) {
		leftmost = Math.min(leftmost, port[item]! - (isBox(item) ? metrics.boxPort(item) : 0));
	}
	if (Number.isFinite(leftmost)) for (let item = 0; item < graph.itemCount; item++) port[item]! -= leftmost;
	return port;
}

/**
 * Rounding and crowding leave one-cell jogs: an item with a single neighbour (or a box with a single neighbouring
 * box, see lineUpPastLines) moves in line with it wherever there is room, pushing aside lines (never boxes) that
 * stand in the way.
 */
function straighten(
	graph: LayeredGraph,
	layers: number[][],
	port: number[],
	separation: (left: number, right: number) => number,
	lineUpPastLines: boolean,
): void {
	const isBox = (item: number) => item < graph.nodeCount;
	const moves = (layer: number[], at: number, wanted: number): Array<[number, number]> | undefined => {
		const step = wanted > port[layer[at]!]! ? 1 : -1;
		const moved: Array<[number, number]> = [[layer[at]!, wanted]];
		for (let next = at + step; layer[next] !== undefined; next += step) {
			const [previous, position] = moved[moved.length - 1]!;
			const item = layer[next]!;
			const gap = step > 0 ? separation(previous, item) : separation(item, previous);
			const needed = position + step * gap;
			if (step * (needed - port[item]!) <= 0) break;
			if (isBox(item)) return undefined;
			moved.push([item, needed]);
		}
		return moved;
	};
	for (const neighbours of [graph.up, graph.down]) {
		const sequence = neighbours === graph.up ? layers : [...layers].reverse();
		for (const layer of sequence) {
			layer.forEach((item, at) => {
				const all = neighbours[item]!;
				const boxes = isBox(item) && lineUpPastLines ? all.filter(isBox) : [];
				const around = boxes.length > 0 ? boxes : all;
				if (around.length !== 1 || port[around[0]!] === port[item]) return;
				for (const [moved, position] of moves(layer, at, port[around[0]!]!) ?? []) port[moved] = position;
			});
		}
	}
}

function layerExtent(
	layer: number[],
	offsets: number[],
	isBox: (item: number) => boolean,
	metrics: AxisMetrics,
): number {
	if (layer.length === 0) return 0;
	const first = layer[0]!;
	const last = layer[layer.length - 1]!;
	const start = isBox(first) ? -metrics.boxPort(first) : 0;
	const end =
		offsets[offsets.length - 1]! + (isBox(last) ? metrics.boxSize(last) - metrics.boxPort(last) : 1);
	return end - start;
}

/**
 * Integer positions p[i] >= p[i-1] + (offsets[i] - offsets[i-1]) closest (weighted least squares) to the
 * desired values: isotonic regression by pooling adjacent violators on value - offset.
 */
export function closestOrdered(desired: Array<{value: number; weight: number}>, offsets: number[]): number[] {
	const blocks: Array<{sum: number; weight: number; count: number}> = [];
	desired.forEach(({value, weight}, index) => {
		blocks.push({sum: (value - offsets[index]!) * weight, weight, count: 1});
		while (blocks.length > 1) {
			const top = blocks[blocks.length - 1]!;
			const below = blocks[blocks.length - 2]!;
			if (below.sum / below.weight <= top.sum / top.weight) break;
			below.sum += top.sum;
			below.weight += top.weight;
			below.count += top.count;
			blocks.pop();
		}
	});
	const placed: number[] = [];
	for (const block of blocks) {
		const value = Math.round(block.sum / block.weight);
		for (let index = 0; index < block.count; index++) placed.push(value + offsets[placed.length]!);
	}
	return placed;
}
