// Turns a placement into the layout's boxes and edge polylines, in cell coordinates.
import type {DagLayout, EdgePath, NodeBox} from './layout-dag.js';
import type {LayeredGraph} from './layout-layers.js';
import type {Placement} from './layout-room.js';
import type {ChannelHopsOfGraph} from './route-edges.js';

export type Shape = {
	direction: 'down' | 'right';
	boxWidth: number;
	/** The height of a box (drawn in rows) or its width (sideways): how deep each layer's band is. */
	bandSize: number;
	/** The height of a box drawn in rows. */
	boxHeight: number;
	width: number;
	height: number;
};

export function assemble(
	graph: LayeredGraph,
	hops: ChannelHopsOfGraph,
	{port, plan, metrics}: Placement,
	bandStart: number[],
	shape: Shape,
): DagLayout {
	const down = shape.direction === 'down';
	const boxes: NodeBox[] = graph.names.map((name, item) => {
		const layer = graph.layerOf[item]!;
		const along = port[item]! - metrics.boxPort[item]!;
		const across = bandStart[layer]!;
		const size = metrics.boxSize[item]!;
		return {
			name,
			type: graph.types[item]!,
			x: down ? along : across,
			y: down ? across : along,
			width: down ? size : shape.boxWidth,
			height: down ? shape.boxHeight : size,
			layer,
		};
	});

	// The polyline of every layered edge in axis coordinates (`along` the layers, `across` them): from the
	// source's border cell to the target's border cell, turning on its source's track in each channel it crosses.
	let longest = 0;
	for (const edge of graph.edges) longest = Math.max(longest, edge.chain.length);
	const along = new Float64Array(3 * longest + 1);
	const across = new Float64Array(3 * longest + 1);
	let count = 0;
	// Drops points that repeat the last one, and a point in line with the two before it replaces the middle one.
	const add = (alongAt: number, acrossAt: number) => {
		const last = count - 1;
		if (count > 0 && along[last] === alongAt && across[last] === acrossAt) return;
		if (
			count > 1 &&
			((along[last - 1] === along[last] && along[last] === alongAt) ||
				(across[last - 1] === across[last] && across[last] === acrossAt))
		) {
			along[last] = alongAt;
			across[last] = acrossAt;
		} else {
			along[count] = alongAt;
			across[count] = acrossAt;
			count++;
		}
	};
	const edges: EdgePath[] = graph.edges.map((edge, index) => {
		const {chain} = edge;
		const chainHops = hops.edgeHops[index]!;
		count = 0;
		add(port[chain[0]!]!, bandStart[graph.layerOf[chain[0]!]!]! + shape.bandSize - 1);
		for (let step = 0; step + 1 < chain.length; step++) {
			const source = chain[step]!;
			const layer = graph.layerOf[source]!;
			const drop = plan.dropOf[chainHops[step]!]!;
			if (port[source] !== drop) {
				const track = bandStart[layer]! + shape.bandSize + plan.trackOf[source]!;
				add(port[source]!, track);
				add(drop, track);
			}
			add(drop, bandStart[layer + 1]!);
		}
		const points: Array<{x: number; y: number}> = [];
		for (let point = 0; point < count; point++) {
			points.push(down ? {x: along[point]!, y: across[point]!} : {x: across[point]!, y: along[point]!});
		}
		return {from: graph.names[edge.from]!, to: graph.names[edge.to]!, kind: edge.kind, points};
	});
	return {width: shape.width, height: shape.height, boxes, edges, direction: shape.direction};
}
