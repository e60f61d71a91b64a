// Orders the items inside each layer to reduce edge crossings: barycentre sweeps plus adjacent swaps.
import type {LayeredGraph} from './layout-layers.js';

// Fewer sweeps on very dense graphs, where each one costs more and crossings cannot all go anyway.
const sweepsFor = (edges: number) => (edges > 2000 ? 2 : 8);

/** Returns each layer's items left to right (top to bottom when drawn sideways). Deterministic. */
export function orderLayers(graph: LayeredGraph): number[][] {
	const layers = graph.layers.map((layer) => [...layer]);
	const position = new Int32Array(graph.itemCount);
	const remember = (layer: number[]) => {
		layer.forEach((item, index) => {
			position[item] = index;
		});
	};
	layers.forEach(remember);

	let best = layers.map((layer) => [...layer]);
	let bestCrossings = countCrossings(layers, graph.down, position);
	const sweeps = sweepsFor(graph.edges.length);
	for (let sweep = 0; sweep < sweeps && bestCrossings > 0; sweep++) {
		const downward = sweep % 2 === 0;
		const indices = layers.map((_, index) => index);
		for (const index of downward ? indices.slice(1) : indices.slice(0, -1).reverse()) {
			const layer = layers[index]!;
			sortByBarycentre(layer, downward ? graph.up : graph.down, position);
			remember(layer);
		}
		transpose(layers, graph, position);
		const crossings = countCrossings(layers, graph.down, position);
		if (crossings < bestCrossings) {
			bestCrossings = crossings;
			best = layers.map((layer) => [...layer]);
		}
	}
	shorten(best, graph, position);
	return best;
}

/**
 * Among orders with as few crossings, prefers short edges: swaps neighbours when that crosses no more lines
 * and brings them nearer the items they connect to (a long edge ending beside its target, not around a box).
 */
function shorten(layers: number[][], graph: LayeredGraph, position: Int32Array): void {
	const centre = new Float64Array(graph.itemCount);
	for (const layer of layers) {
		layer.forEach((item, index) => {
			position[item] = index;
			centre[item] = index - (layer.length - 1) / 2;
		});
	}
	const spread = (item: number, at: number) => {
		let sum = 0;
		for (const neighbours of [graph.up, graph.down]) {
			for (const other of neighbours[item]!) sum += Math.abs(at - centre[other]!);
		}
		return sum;
	};
	for (let round = 0; round < 4; round++) {
		let improved = false;
		for (const layer of layers) {
			for (let index = 0; index + 1 < layer.length; index++) {
				const left = layer[index]!;
				const right = layer[index + 1]!;
				if (pairCrossings(right, left, graph, position) > pairCrossings(left, right, graph, position))
					continue;
				const [leftAt, rightAt] = [centre[left]!, centre[right]!];
				if (spread(left, rightAt) + spread(right, leftAt) >= spread(left, leftAt) + spread(right, rightAt))
					continue;
				layer[index] = right;
				layer[index + 1] = left;
				[position[left], position[right]] = [index + 1, index];
				[centre[left], centre[right]] = [rightAt, leftAt];
				improved = true;
			}
		}
		if (!improved) return;
	}
}

function sortByBarycentre(layer: number[], neighbours: number[][], position: Int32Array): void {
	const keyed = layer.map((item, index) => {
		const around = neighbours[item]!;
		if (around.length === 0) return {item, key: index, index};
		let sum = 0;
		for (const other of around) sum += position[other]!;
		return {item, key: sum / around.length, index};
	});
	keyed.sort((a, b) => a.key - b.key || a.index - b.index);
	keyed.forEach((entry, index) => {
		layer[index] = entry.item;
	});
}

/** Swaps neighbouring items while that removes crossings with the layers above and below. */
function transpose(layers: number[][], graph: LayeredGraph, position: Int32Array): void {
	for (let round = 0; round < 4; round++) {
		let improved = false;
		for (const layer of layers) {
			for (let index = 0; index + 1 < layer.length; index++) {
				const left = layer[index]!;
				const right = layer[index + 1]!;
				const now = pairCrossings(left, right, graph, position);
				const swapped = pairCrossings(right, left, graph, position);
				if (swapped < now) {
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

/** Crossings between the edges of `left` and of `right` if `left` stood before `right`. */
function pairCrossings(left: number, right: number, graph: LayeredGraph, position: Int32Array): number {
	let crossings = 0;
	for (const neighbours of [graph.up, graph.down]) {
		for (const a of neighbours[left]!) {
			for (const b of neighbours[right]!) if (position[a]! > position[b]!) crossings++;
		}
	}
	return crossings;
}

function countCrossings(layers: number[][], down: number[][], position: Int32Array): number {
	let total = 0;
	const targets: number[] = [];
	for (let index = 0; index + 1 < layers.length; index++) {
		targets.length = 0;
		for (const item of layers[index]!) {
			// Each item's targets in order (insertion sort: an item has few of them).
			const first = targets.length;
			for (const other of down[item]!) {
				const value = position[other]!;
				let at = targets.length;
				while (at > first && targets[at - 1]! > value) at--;
				targets.splice(at, 0, value);
			}
		}
		total += countInversions(targets, layers[index + 1]!.length);
	}
	return total;
}

/** Pairs i < j with values[i] > values[j], with a Fenwick tree over positions 0..size-1. */
function countInversions(values: number[], size: number): number {
	const tree = new Int32Array(size + 1);
	let inversions = 0;
	for (let index = values.length - 1; index >= 0; index--) {
		const value = values[index]!;
		for (let at = value; at > 0; at -= at & -at) inversions += tree[at]!;
		for (let at = value + 1; at <= size; at += at & -at) tree[at] = tree[at]! + 1;
	}
	return inversions;
}
