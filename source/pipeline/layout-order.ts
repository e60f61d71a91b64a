// Orders the items inside each layer to reduce edge crossings: barycentre sweeps plus adjacent swaps.
import type {LayeredGraph} from './layout-layers.js';

// Fewer sweeps on very dense graphs, where each one costs more and crossings cannot all go anyway.
const sweepsFor = (edges: number) => (edges > 2000 ? 2 : 8);

/** Returns each layer's items left to right (top to bottom when drawn sideways). Deterministic. */
export function orderLayers(graph: LayeredGraph): number[][] {
	const layers = graph.layers.map((layer) => [...layer]);
	// Every item's index in its layer, kept up to date by every pass.
	const position = new Int32Array(graph.itemCount);
	for (const layer of layers) remember(layer, position);

	const keys = new Float64Array(graph.itemCount);
	const counter = new CrossingCounter(graph, position);
	let best = layers.map((layer) => [...layer]);
	let bestCrossings = counter.total(layers);
	const sweeps = sweepsFor(graph.edges.length);
	for (let sweep = 0; sweep < sweeps && bestCrossings > 0; sweep++) {
		const downward = sweep % 2 === 0;
		const neighbours = downward ? graph.up : graph.down;
		const first = downward ? 1 : layers.length - 2;
		for (let index = first; index >= 0 && index < layers.length; index += downward ? 1 : -1) {
			const layer = layers[index]!;
			sortByBarycentre(layer, neighbours, position, keys);
			remember(layer, position);
		}
		transpose(layers, graph, position);
		const crossings = counter.total(layers);
		if (crossings < bestCrossings) {
			bestCrossings = crossings;
			best = layers.map((layer) => [...layer]);
		}
	}
	shorten(best, graph, position);
	return best;
}

function remember(layer: number[], position: Int32Array): void {
	for (let index = 0; index < layer.length; index++) position[layer[index]!] = index;
}

/**
 * Among orders with as few crossings, prefers short edges: swaps neighbours when that crosses no more lines
 * and brings them nearer the items they connect to (a long edge ending beside its target, not around a box).
 */
function shorten(layers: number[][], graph: LayeredGraph, position: Int32Array): void {
	const centre = new Float64Array(graph.itemCount);
	for (const layer of layers) {
		for (let index = 0; index < layer.length; index++) {
			position[layer[index]!] = index;
			centre[layer[index]!] = index - (layer.length - 1) / 2;
		}
	}
	const spread = (item: number, at: number) => {
		let sum = 0;
		for (const other of graph.up[item]!) sum += Math.abs(at - centre[other]!);
		for (const other of graph.down[item]!) sum += Math.abs(at - centre[other]!);
		return sum;
	};
	for (let round = 0; round < 4; round++) {
		let improved = false;
		for (const layer of layers) {
			for (let index = 0; index + 1 < layer.length; index++) {
				const left = layer[index]!;
				const right = layer[index + 1]!;
				if (swapGain(left, right, graph, position) < 0) continue;
				const leftAt = centre[left]!;
				const rightAt = centre[right]!;
				if (spread(left, rightAt) + spread(right, leftAt) >= spread(left, leftAt) + spread(right, rightAt))
					continue;
				layer[index] = right;
				layer[index + 1] = left;
				position[left] = index + 1;
				position[right] = index;
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
	layer: number[],
	neighbours: number[][],
	position: Int32Array,
	keys: Float64Array,
): void {
	for (let index = 0; index < layer.length; index++) {
		const item = layer[index]!;
		const around = neighbours[item]!;
		if (around.length === 0) {
			keys[item] = index;
			continue;
		}
		let sum = 0;
		for (const other of around) sum += position[other]!;
		keys[item] = sum / around.length;
	}
	// `position` still holds each item's index here: the tie-break, which makes the order total, so insertion
	// sort (cheaper on the few items of most layers) gives the same order as Array#sort.
	if (layer.length > 16) {
		layer.sort((a, b) => keys[a]! - keys[b]! || position[a]! - position[b]!);
		return;
	}
	for (let index = 1; index < layer.length; index++) {
		const item = layer[index]!;
		const key = keys[item]!;
		let at = index;
		// Items before `item` have smaller indices: it goes before them only on a strictly smaller key.
		while (at > 0 && keys[layer[at - 1]!]! > key) {
			layer[at] = layer[at - 1]!;
			at--;
		}
		layer[at] = item;
	}
}

/** Swaps neighbouring items while that removes crossings with the layers above and below. */
function transpose(layers: number[][], graph: LayeredGraph, position: Int32Array): void {
	for (let round = 0; round < 4; round++) {
		let improved = false;
		for (const layer of layers) {
			for (let index = 0; index + 1 < layer.length; index++) {
				const left = layer[index]!;
				const right = layer[index + 1]!;
				if (swapGain(left, right, graph, position) > 0) {
					layer[index] = right;
					layer[index + 1] = left;
					position[left] = index + 1;
					position[right] = index;
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
function swapGain(left: number, right: number, graph: LayeredGraph, position: Int32Array): number {
	return (
		pairGain(graph.up[left]!, graph.up[right]!, position) +
		pairGain(graph.down[left]!, graph.down[right]!, position)
	);
}

function pairGain(lefts: number[], rights: number[], position: Int32Array): number {
	let gain = 0;
	for (const a of lefts) {
		const at = position[a]!;
		for (const b of rights) {
			const other = position[b]!;
			if (at > other) gain++;
			else if (at < other) gain--;
		}
	}
	return gain;
}

/** Counts the crossings of a whole arrangement, reusing its buffers from one count to the next. */
class CrossingCounter {
	private readonly targets: Int32Array;
	private tree: Int32Array;

	constructor(
		private readonly graph: LayeredGraph,
		private readonly position: Int32Array,
	) {
		let hops = 0;
		for (const list of graph.down) hops += list.length;
		this.targets = new Int32Array(hops);
		this.tree = new Int32Array(1);
	}

	total(layers: number[][]): number {
		let total = 0;
		for (let index = 0; index + 1 < layers.length; index++) {
			// Each item's targets in order (insertion sort: an item has few of them).
			let count = 0;
			for (const item of layers[index]!) {
				const first = count;
				for (const other of this.graph.down[item]!) {
					const value = this.position[other]!;
					let at = count++;
					while (at > first && this.targets[at - 1]! > value) {
						this.targets[at] = this.targets[at - 1]!;
						at--;
					}
					this.targets[at] = value;
				}
			}
			total += this.inversions(count, layers[index + 1]!.length);
		}
		return total;
	}

	/** Pairs i < j with targets[i] > targets[j], with a Fenwick tree over positions 0..size-1. */
	private inversions(count: number, size: number): number {
		if (this.tree.length < size + 1) this.tree = new Int32Array(size + 1);
		const tree = this.tree;
		tree.fill(0, 0, size + 1);
		let inversions = 0;
		for (let index = count - 1; index >= 0; index--) {
			const value = this.targets[index]!;
			for (let at = value; at > 0; at -= at & -at) inversions += tree[at]!;
			for (let at = value + 1; at <= size; at += at & -at) tree[at] = tree[at]! + 1;
		}
		return inversions;
	}
}
