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
 * Placements by box sizes, kept per DAG: where boxes go does not depend on the width available, only whether
 * that width takes them does. The extent of every round placed is kept too, so another width knows at once
 * whether a placement fits it; where an earlier width stopped it before its last round, it is placed again.
 */
export class Placements {
	private readonly tried = new Map<string, {extents: number[]; placement: Placement | undefined}>();

	constructor(
		private readonly basis: PlacementBasis,
		private readonly hops: ChannelHopsOfGraph,
	) {}

	/** The placement if no round of it is wider than `maxExtent`, else the extent of the first round that is. */
	place(
		base: BoxBase,
		aligned: boolean,
		direction: 'down' | 'right',
		maxExtent: number,
	): {placement: Placement} | {tooWide: number} {
		const key = `${direction} ${base.boxSize} ${base.boxPort} ${base.boxGap} ${aligned}`;
		const known = this.tried.get(key);
		if (known) {
			for (const width of known.extents) if (width > maxExtent) return {tooWide: width};
			if (known.placement) return {placement: known.placement};
		}
		const extents: number[] = [];
		const placement = placeWithRoom(this.basis, this.hops, base, aligned, direction, (port, metrics) => {
			extents.push(extent(this.basis.graph, port, metrics));
			return extents[extents.length - 1]! <= maxExtent;
		});
		this.tried.set(key, {extents, placement});
		return placement ? {placement} : {tooWide: extents[extents.length - 1]!};
	}

	/** The placement, however wide. */
	placeUnbounded(base: BoxBase, aligned: boolean, direction: 'down' | 'right'): Placement {
		const placed = this.place(base, aligned, direction, Number.POSITIVE_INFINITY);
		if ('tooWide' in placed)
			throw new Error(`A placement ${placed.tooWide} cells wide is wider than unbounded.`);
		return placed.placement;
	}
}

/**
 * Positions along the layers and the channel plans. A box with more arrows coming in than its side has free
 * cells for grows by what it lacks (sideways downwards, in rows on both sides, so its port stays in the middle)
 * and everything is placed again. Undefined as soon as `accept` refuses a placement (too wide).
 */
function placeWithRoom(
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
