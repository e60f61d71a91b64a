// Turns a Dag into a layered graph: acyclic edges, longest-path layers and dummy items for edges that skip layers.
import type {Dag, EdgeKind} from './model.js';

/** An edge of the layered graph; `chain` lists the items it passes, source first, target last. */
export type LayeredEdge = {from: number; to: number; kind: EdgeKind; chain: number[]};

export type LayeredGraph = {
	/** Real nodes are items 0..nodeCount-1 (in definition order); dummies follow. */
	nodeCount: number;
	names: string[];
	types: string[];
	itemCount: number;
	layerOf: number[];
	/** Item ids per layer, in a first, definition-ordered arrangement. */
	layers: number[][];
	/** Neighbours of each item in the layer above / below. */
	up: number[][];
	down: number[][];
	edges: LayeredEdge[];
};

/** Layers as one array, layer after layer: layer `index` is order[layerStart[index]] up to order[layerStart[index + 1]]. */
export function flattenLayers(layers: number[][]): {order: Int32Array; layerStart: Int32Array} {
	const layerStart = new Int32Array(layers.length + 1);
	layers.forEach((layer, index) => {
		layerStart[index + 1] = layerStart[index]! + layer.length;
	});
	const order = new Int32Array(layerStart[layers.length]!);
	layers.forEach((layer, index) => {
		for (let at = 0; at < layer.length; at++) order[layerStart[index]! + at] = layer[at]!;
	});
	return {order, layerStart};
}

// When two edges join the same pair of steps, the one that says most about the pipeline is drawn.
const kindRank: Record<EdgeKind, number> = {'condition-if': 0, 'condition-else': 0, dependsOn: 1, data: 2};

export function buildLayeredGraph(dag: Dag): LayeredGraph {
	const names: string[] = [];
	const types: string[] = [];
	const indexOf = new Map<string, number>();
	for (const node of dag.nodes) {
		if (indexOf.has(node.name)) continue;
		indexOf.set(node.name, names.length);
		names.push(node.name);
		types.push(node.type);
	}
	const nodeCount = names.length;

	const byPair = new Map<number, {from: number; to: number; kind: EdgeKind}>();
	for (const edge of dag.edges) {
		const from = indexOf.get(edge.from);
		const to = indexOf.get(edge.to);
		if (from === undefined || to === undefined || from === to) continue;
		const key = from * nodeCount + to;
		const known = byPair.get(key);
		if (!known || kindRank[edge.kind] < kindRank[known.kind]) byPair.set(key, {from, to, kind: edge.kind});
	}
	const candidates = [...byPair.values()];
	const outgoing: number[][] = Array.from({length: nodeCount}, () => []);
	candidates.forEach((edge, index) => {
		outgoing[edge.from]!.push(index);
	});

	const {order, backEdge} = depthFirst(nodeCount, outgoing, candidates);
	const layerOf = longestPathLayers(nodeCount, order, outgoing, candidates, backEdge);
	return withDummies(
		names,
		types,
		layerOf,
		candidates.filter((_, index) => !backEdge[index]),
	);
}

/** Reverse post-order (a topological order once back edges are dropped) and which edges close a cycle. */
function depthFirst(
	nodeCount: number,
	outgoing: number[][],
	edges: Array<{to: number}>,
): {order: number[]; backEdge: Uint8Array} {
	const state = new Uint8Array(nodeCount); // 0 new, 1 on the stack, 2 done
	const backEdge = new Uint8Array(edges.length);
	const order = new Array<number>(nodeCount);
	let placed = nodeCount;
	// The nodes on the stack, each with the index of the next of its edges to follow.
	const stackNode = new Int32Array(nodeCount);
	const stackNext = new Int32Array(nodeCount);
	for (let root = 0; root < nodeCount; root++) {
		if (state[root] !== 0) continue;
		let depth = 0;
		stackNode[0] = root;
		stackNext[0] = 0;
		state[root] = 1;
		while (depth >= 0) {
			const node = stackNode[depth]!;
			const edgeIds = outgoing[node]!;
			if (stackNext[depth]! < edgeIds.length) {
				const edgeId = edgeIds[stackNext[depth]!++]!;
				const target = edges[edgeId]!.to;
				if (state[target] === 1) backEdge[edgeId] = 1;
				else if (state[target] === 0) {
					state[target] = 1;
					depth++;
					stackNode[depth] = target;
					stackNext[depth] = 0;
				}
			} else {
				state[node] = 2;
				order[--placed] = node;
				depth--;
			}
		}
	}
	return {order, backEdge};
}

function longestPathLayers(
	nodeCount: number,
	order: number[],
	outgoing: number[][],
	edges: Array<{to: number}>,
	backEdge: Uint8Array,
): number[] {
	const layer = new Array<number>(nodeCount).fill(0);
	const hasParent = new Uint8Array(nodeCount);
	// In topological order every node's layer is final before it pushes its children down.
	for (const node of order) {
		for (const edgeId of outgoing[node]!) {
			if (backEdge[edgeId]) continue;
			const child = edges[edgeId]!.to;
			hasParent[child] = 1;
			layer[child] = Math.max(layer[child]!, layer[node]! + 1);
		}
	}
	// A root feeding only deep steps sits just above its first child, so its edges stay short.
	for (let node = 0; node < nodeCount; node++) {
		if (hasParent[node]) continue;
		let highest = Number.POSITIVE_INFINITY;
		for (const edgeId of outgoing[node]!)
			if (!backEdge[edgeId]) highest = Math.min(highest, layer[edges[edgeId]!.to]!);
		if (highest !== Number.POSITIVE_INFINITY) layer[node] = highest - 1;
	}
	return layer;
}

function withDummies(
	names: string[],
	types: string[],
	nodeLayers: number[],
	edges: Array<{from: number; to: number; kind: EdgeKind}>,
): LayeredGraph {
	const nodeCount = names.length;
	const layerOf = [...nodeLayers];
	// Long edges from one source share their dummies while they run side by side: one line that branches off
	// at each target, instead of parallel lines from the same box. A source's dummies, by layers below it.
	const dummiesOf: number[][] = Array.from({length: nodeCount}, () => []);
	const up: number[][] = [];
	const down: number[][] = [];
	for (let item = 0; item < nodeCount; item++) {
		up.push([]);
		down.push([]);
	}
	// Each hop is listed once: a hop into a step belongs to one edge (one edge per pair of steps), and a hop
	// into a shared dummy is new exactly when the dummy is.
	const link = (from: number, to: number) => {
		down[from]!.push(to);
		up[to]!.push(from);
	};
	const layered: LayeredEdge[] = edges.map((edge) => {
		const chain = [edge.from];
		const dummies = dummiesOf[edge.from]!;
		const first = layerOf[edge.from]! + 1;
		for (let layer = first; layer < layerOf[edge.to]!; layer++) {
			let dummy = layer - first < dummies.length ? dummies[layer - first]! : -1;
			if (dummy === -1) {
				dummy = layerOf.length;
				dummies.push(dummy);
				layerOf.push(layer);
				up.push([]);
				down.push([]);
				link(chain[chain.length - 1]!, dummy);
			}
			chain.push(dummy);
		}
		link(chain[chain.length - 1]!, edge.to);
		chain.push(edge.to);
		return {from: edge.from, to: edge.to, kind: edge.kind, chain};
	});
	const itemCount = layerOf.length;
	const depth = nodeLayers.reduce((deepest, layer) => Math.max(deepest, layer + 1), 0);
	const layers: number[][] = Array.from({length: depth}, () => []);
	// Items are numbered real nodes first, then dummies edge by edge, which is the first arrangement wanted.
	for (let item = 0; item < itemCount; item++) layers[layerOf[item]!]!.push(item);
	return {nodeCount, names, types, itemCount, layerOf, layers, up, down, edges: layered};
}
