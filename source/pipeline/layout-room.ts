// Places the items along their layers and plans the channels, growing boxes that lack room for their arrows.
import type {LayeredGraph} from './layout-layers.js';
import {type AxisMetrics, type PlacementBasis, placeAlongLayers} from './layout-position.js';
import {type ChannelHopsOfGraph, type ChannelPlan, planChannels} from './route-edges.js';

export type Placement = {port: Float64Array; plan: ChannelPlan; metrics: AxisMetrics};
/** Boxes before any grew: their size along the layers, where their port is, the gap between two. */
export type BoxBase = {boxSize: number; boxPort: number; boxGap: number};

// Growing a box moves its neighbours, which can crowd another box; a few rounds settle every case seen.
const maxGrowthRounds = 6;

/**
 * Positions along the layers and the channel plans. A box with more arrows coming in than its side has free
 * cells for grows by what it lacks (sideways downwards, in rows on both sides, so its port stays in the middle)
 * and everything is placed again. Undefined as soon as `accept` refuses a placement (too wide).
 */
export function placeWithRoom(
	basis: PlacementBasis,
	hops: ChannelHopsOfGraph,
	base: BoxBase,
	aligned: boolean,
	direction: 'down' | 'right',
	accept: (port: Float64Array, metrics: AxisMetrics) => boolean,
): Placement | undefined {
	const {graph} = basis;
	const extra = new Float64Array(graph.nodeCount);
	for (let round = 0; ; round++) {
		const metrics = boxMetrics(graph, base, direction, extra);
		const port = placeAlongLayers(basis, metrics, aligned);
		if (!accept(port, metrics)) return undefined;
		const plan = planChannels(graph, hops, port, metrics);
		let grown = false;
		if (round < maxGrowthRounds) {
			for (let item = 0; item < graph.nodeCount; item++) {
				const cells = plan.lacking[item]!;
				if (cells === 0) continue;
				extra[item]! += direction === 'down' ? cells + (cells % 2) : cells;
				grown = true;
			}
		}
		if (!grown) return {port, plan, metrics};
	}
}

/** Sizes along the layers of boxes `base` grown by `extra` cells each; dummies are one cell with their port in it. */
export function boxMetrics(
	graph: LayeredGraph,
	base: BoxBase,
	direction: 'down' | 'right',
	extra: Float64Array = new Float64Array(graph.nodeCount),
): AxisMetrics {
	const metrics: AxisMetrics = {
		boxSize: new Float64Array(graph.itemCount).fill(1),
		boxPort: new Float64Array(graph.itemCount),
		boxGap: base.boxGap,
		lineUpPastLines: direction === 'down',
	};
	for (let item = 0; item < graph.nodeCount; item++) {
		metrics.boxSize[item] = base.boxSize + extra[item]!;
		metrics.boxPort[item] = base.boxPort + (direction === 'down' ? extra[item]! / 2 : 0);
	}
	return metrics;
}

/** The columns (rows, sideways) the placement spans. */
export function extent(graph: LayeredGraph, port: Float64Array, metrics: AxisMetrics): number {
	let end = 0;
	for (let item = 0; item < graph.itemCount; item++) {
		const box = item < graph.nodeCount;
		end = Math.max(
			end,
			box ? port[item]! - metrics.boxPort[item]! + metrics.boxSize[item]! : port[item]! + 1,
		);
	}
	return end;
}
