// Orders the items inside each layer to reduce edge crossings: barycentre sweeps plus adjacent swaps.
import {flattenLayers, type LayeredGraph} from './layout-layers.js';

// Fewer sweeps on very dense graphs, where each one costs more and crossings cannot all go anyway.
const sweepsFor = (edges: number) => (edges > 2000 ? 2 : 8);

/** Neighbours of every item: those of `item` are list[start[item]] up to list[start[item + 1]]. */
type Adjacency = {start: Int32Array; list: Int32Array};

/**
 * An arrangement: the items layer after layer (layer `index` from layerStart[index] up to layerStart[index + 1])
 * and every item's index in its layer, kept up to date by every pass.
 */
type Arrangement = {order: Int32Array; layerStart: Int32Array; position: Int32Array};

/** Returns each layer's items left to right (top to bottom when drawn sideways). Deterministic. */
export function orderLayers(graph: LayeredGraph): number[][] {
	const layerCount = graph.layers.length;
	const {order, layerStart} = flattenLayers(graph.layers);
	const arrangement: Arrangement = {order, layerStart, position: new Int32Array(graph.itemCount)};
	for (let layer = 0; layer < layerCount; layer++) remember(arrangement, layer);
	const up = adjacency(graph.up);
	const down = adjacency(graph.down);

	const keys = new Float64Array(graph.itemCount);
	const counter = new CrossingCounter(down, arrangement);
	const best = order.slice();
	let bestCrossings = counter.total();
	const sweeps = sweepsFor(graph.edges.length);
	for (let sweep = 0; sweep < sweeps && bestCrossings > 0; sweep++) {
		const downward = sweep % 2 === 0;
		const first = downward ? 1 : layerCount - 2;
		for (let layer = first; layer >= 0 && layer < layerCount; layer += downward ? 1 : -1) {
			sortByBarycentre(arrangement, layer, downward ? up : down, keys);
			remember(arrangement, layer);
		}
		transpose(arrangement, up, down);
		const crossings = counter.total();
		if (crossings < bestCrossings) {
			bestCrossings = crossings;
			best.set(order);
		}
	}
	const bestArrangement = {order: best, layerStart, position: arrangement.position};
	shorten(bestArrangement, up, down);
	return graph.layers.map((_, layer) => {
		const items: number[] = [];
		for (let index = layerStart[layer]!; index < layerStart[layer + 1]!; index++) items.push(best[index]!);
		return items;
	});
}

function adjacency(lists: number[][]): Adjacency {
	// The same flattening as the layers': item `item`'s neighbours are list[start[item]] up to list[start[item + 1]].
	const {order, layerStart} = flattenLayers(lists);
	return {start: layerStart, list: order};
}

function remember({order, layerStart, position}: Arrangement, layer: number): void {
	for (let index = layerStart[layer]!; index < layerStart[layer + 1]!; index++) {
		position[order[index]!] = index - layerStart[layer]!;
	}
}

/**
 * Among orders with as few crossings, prefers short edges: swaps neighbours when that crosses no more lines
 * and brings them nearer the items they connect to (a long edge ending beside its target, not around a box).
 */
function shorten(arrangement: Arrangement, up: Adjacency, down: Adjacency): void {
	const {order, layerStart, position} = arrangement;
	const centre = new Float64Array(position.length);
	for (let layer = 0; layer + 1 < layerStart.length; layer++) {
		const size = layerStart[layer + 1]! - layerStart[layer]!;
		for (let index = layerStart[layer]!; index < layerStart[layer + 1]!; index++) {
			position[order[index]!] = index - layerStart[layer]!;
			centre[order[index]!] = index - layerStart[layer]! - (size - 1) / 2;
		}
	}
	const spread = (item: number, at: number) => {
		let sum = 0;
		for (let next = up.start[item]!; next < up.start[item + 1]!; next++)
			sum += Math.abs(at - centre[up.list[next]!]!);
		for (let next = down.start[item]!; next < down.start[item + 1]!; next++) {
			sum += Math.abs(at - centre[down.list[next]!]!);
		}
		return sum;
	};
	for (let round = 0; round < 4; round++) {
		let improved = false;
		for (let layer = 0; layer + 1 < layerStart.length; layer++) {
			for (let index = layerStart[layer]!; index + 1 < layerStart[layer + 1]!; index++) {
				const left = order[index]!;
				const right = order[index + 1]!;
				if (swapGain(left, right, up, down, position) < 0) continue;
				const leftAt = centre[left]!;
				const rightAt = centre[right]!;
				if (spread(left, rightAt) + spread(right, leftAt) >= spread(left, leftAt) + spread(right, rightAt))
					continue;
				order[index] = right;
				order[index + 1] = left;
				position[left]!++;
				position[right]!--;
				centre[left] = rightAt;
				centre[right] = leftAt;
				improved = true;
			}
		}
		if (!improved) return;
	}
}

/** Sorts by the mean position of the neighbours; an item without any keeps its index, ties keep their order. */
function sortByBarycentre(
	{order, layerStart, position}: Arrangement,
	layer: number,
	neighbours: Adjacency,
	keys: Float64Array,
): void {
	const start = layerStart[layer]!;
	const end = layerStart[layer + 1]!;
	for (let index = start; index < end; index++) {
		const item = order[index]!;
		const from = neighbours.start[item]!;
		const to = neighbours.start[item + 1]!;
		if (from === to) {
			keys[item] = index - start;
			continue;
		}
		let sum = 0;
		for (let next = from; next < to; next++) sum += position[neighbours.list[next]!]!;
		keys[item] = sum / (to - from);
	}
	// `position` still holds each item's index here: the tie-break, which makes the order total, so insertion
	// sort (cheaper on the few items of most layers) gives the same order as any other sort.
	if (end - start > 16) {
		order.subarray(start, end).sort((a, b) => keys[a]! - keys[b]! || position[a]! - position[b]!);
		return;
	}
	for (let index = start + 1; index < end; index++) {
		const item = order[index]!;
		const key = keys[item]!;
		let at = index;
		// Items before `item` have smaller indices: it goes before them only on a strictly smaller key.
		while (at > start && keys[order[at - 1]!]! > key) {
			order[at] = order[at - 1]!;
			at--;
		}
		order[at] = item;
	}
}

/** Swaps neighbouring items while that removes crossings with the layers above and below. */
function transpose({order, layerStart, position}: Arrangement, up: Adjacency, down: Adjacency): void {
	for (let round = 0; round < 4; round++) {
		let improved = false;
		for (let layer = 0; layer + 1 < layerStart.length; layer++) {
			for (let index = layerStart[layer]!; index + 1 < layerStart[layer + 1]!; index++) {
				const left = order[index]!;
				const right = order[index + 1]!;
				if (swapGain(left, right, up, down, position) > 0) {
					order[index] = right;
					order[index + 1] = left;
					position[left]!++;
					position[right]!--;
					improved = true;
				}
			}
		}
		if (!improved) return;
	}
}

/**
 * How many fewer crossings the edges of `left` and `right` make with `right` first (negative: more). A pair
 * of lines crosses in exactly one of the two orders, unless they share their other end.
 */
function swapGain(left: number, right: number, up: Adjacency, down: Adjacency, position: Int32Array): number {
	return pairGain(left, right, up, position) + pairGain(left, right, down, position);
}

function pairGain(left: number, right: number, neighbours: Adjacency, position: Int32Array): number {
	const {start, list} = neighbours;
	let gain = 0;
	for (let a = start[left]!; a < start[left + 1]!; a++) {
		const at = position[list[a]!]!;
		for (let b = start[right]!; b < start[right + 1]!; b++) {
			const other = position[list[b]!]!;
			if (at > other) gain++;
			else if (at < other) gain--;
		}
	}
	return gain;
}

/** Counts the crossings of the whole arrangement, reusing its buffers from one count to the next. */
class CrossingCounter {
	private readonly targets: Int32Array;
	private tree: Int32Array;

	constructor(
		private readonly down: Adjacency,
		private readonly arrangement: Arrangement,
	) {
		this.targets = new Int32Array(down.list.length);
		this.tree = new Int32Array(1);
	}

	total(): number {
		const {order, layerStart, position} = this.arrangement;
		const {start, list} = this.down;
		const targets = this.targets;
		let total = 0;
		for (let layer = 0; layer + 2 < layerStart.length; layer++) {
			// Each item's targets in order (insertion sort: an item has few of them).
			let count = 0;
			for (let index = layerStart[layer]!; index < layerStart[layer + 1]!; index++) {
				const item = order[index]!;
				const first = count;
				for (let next = start[item]!; next < start[item + 1]!; next++) {
					const value = position[list[next]!]!;
					let at = count++;
					while (at > first && targets[at - 1]! > value) {
						targets[at] = targets[at - 1]!;
						at--;
					}
					targets[at] = value;
				}
			}
			total += this.inversions(count, layerStart[layer + 2]! - layerStart[layer + 1]!);
		}
		return total;
	}

	/** Pairs i < j with targets[i] > targets[j], with a Fenwick tree over positions 0..size-1. */
	private inversions(count: number, size: number): number {
		if (this.tree.length < size + 1) this.tree = new Int32Array(size + 1);
		const {tree, targets} = this;
		tree.fill(0, 0, size + 1);
		let inversions = 0;
		for (let index = count - 1; index >= 0; index--) {
			const value = targets[index]!;
			for (let at = value; at > 0; at -= at & -at) inversions += tree[at]!;
			for (let at = value + 1; at <= size; at += at & -at) tree[at] = tree[at]! + 1;
		}
		return inversions;
	}
}
