// Turns a placement into the layout's boxes and edge polylines, in cell coordinates.
import type {DagLayout, EdgePath, NodeBox} from './layout-types.js';
import type {LayeredGraph} from './layout-layers.js';
import type {Placement} from './layout-room.js';
import type {ChannelHopsOfGraph} from './channel-types.js';

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
	const line = new Polyline(3 * longest + 1);
	const edges: EdgePath[] = graph.edges.map((edge, index) => {
		const {chain} = edge;
		const chainHops = hops.edgeHops[index]!;
		line.clear();
		line.add(port[chain[0]!]!, bandStart[graph.layerOf[chain[0]!]!]! + shape.bandSize - 1);
		for (let step = 0; step + 1 < chain.length; step++) {
			const source = chain[step]!;
			const layer = graph.layerOf[source]!;
			const drop = plan.dropOf[chainHops[step]!]!;
			if (port[source] !== drop) {
				const track = bandStart[layer]! + shape.bandSize + plan.trackOf[source]!;
				line.add(port[source]!, track);
				line.add(drop, track);
			}
			line.add(drop, bandStart[layer + 1]!);
		}
		return {
			from: graph.names[edge.from]!,
			to: graph.names[edge.to]!,
			kind: edge.kind,
			points: line.cells(down),
		};
	});
	return {width: shape.width, height: shape.height, boxes, edges, direction: shape.direction};
}

/** The corners of one polyline, without points that repeat the last one or lie in line with the two before. */
class Polyline {
	private readonly along: Float64Array;
	private readonly across: Float64Array;
	private count = 0;

	constructor(capacity: number) {
		this.along = new Float64Array(capacity);
		this.across = new Float64Array(capacity);
	}

	clear(): void {
		this.count = 0;
	}

	add(along: number, across: number): void {
		const last = this.count - 1;
		if (this.count > 0 && this.along[last] === along && this.across[last] === across) return;
		if (
			this.count > 1 &&
			((this.along[last - 1] === this.along[last] && this.along[last] === along) ||
				(this.across[last - 1] === this.across[last] && this.across[last] === across))
		) {
			// A point in line with the two before it replaces the middle one.
			this.along[last] = along;
			this.across[last] = across;
			return;
		}
		this.along[this.count] = along;
		this.across[this.count] = across;
		this.count++;
	}

	/** The points in cell coordinates: `along` is x when the layers are rows (down), y sideways. */
	cells(down: boolean): Array<{x: number; y: number}> {
		const points: Array<{x: number; y: number}> = [];
		for (let point = 0; point < this.count; point++) {
			const along = this.along[point]!;
			const across = this.across[point]!;
			points.push(down ? {x: along, y: across} : {x: across, y: along});
		}
		return points;
	}
}
