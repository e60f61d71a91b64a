// Lays a Dag out on a character grid (layered boxes and orthogonal edges) for a given width, or says it cannot fit.
import stringWidth from 'string-width';
import {sanitizeLabel} from './box-text.js';
import {assemble} from './layout-assemble.js';
import {buildLayeredGraph, type LayeredGraph} from './layout-layers.js';
import {orderLayers} from './layout-order.js';
import {type PlacementBasis, packedWidth, placementBasis} from './layout-position.js';
import {type BoxBase, boxMetrics, extent, Placements} from './layout-room.js';
import type {DagLayout} from './layout-types.js';
import type {Dag} from './model.js';
import {type ChannelHopsOfGraph, type ChannelPlan, channelHopsOf} from './route-edges.js';

export type {DagLayout, EdgePath, NodeBox} from './layout-types.js';
export type LayoutResult = ({fits: true} & DagLayout) | {fits: false; reason: string; neededWidth: number};
export type LayoutOptions = {
	maxWidth: number;
	/** Exact box width; without it the widest box (up to what the names need) that still fits is used. */
	boxWidth?: number;
	/** Without it 'down' (layers are rows) is used, or 'right' when that allows clearly wider boxes. */
	direction?: 'down' | 'right';
	/** Accepted for symmetry with drawDag; the layout is the same either way. */
	ascii?: boolean;
};

export const boxHeight = 4;
export const minBoxWidth = 10;
const maxPreferredBoxWidth = 27;
// Room before an arrow for an "if"/"else" label: a row above it, or five columns to its left (sideways).
const labelRoom = {down: 1, right: 5};

/** A layout and the width of its boxes (before any box grew), or the columns it would need. */
type Attempt = {layout: DagLayout; boxWidth: number} | {neededWidth: number};

/**
 * Sugiyama-style: longest-path layers with dummies for long edges (layout-layers), crossing reduction
 * (layout-order), positions along each layer (layout-position), then tracks and arrows in the channels between
 * layers (route-edges). The same DAG and options always give the same layout. Never throws on a bad DAG: edges
 * to unknown steps and self-loops are ignored, an edge closing a cycle is left out, a repeated name drawn once.
 */
export function layoutDag(dag: Dag, options: LayoutOptions): LayoutResult {
	const key = `${options.maxWidth} ${options.boxWidth} ${options.direction}`;
	const last = lastLayouts.get(dag);
	if (last?.key === key) return last.result;
	const result = computeLayout(dag, options);
	lastLayouts.set(dag, {key, result});
	return result;
}

// A DAG is treated as an immutable value (like the layouts made from it). Its last layout is kept, so asking
// again with the same options (a poll that changed only statuses, a redraw) returns the very same object, and
// what does not depend on the width (layers, their order, what placement and routing need of them, the widest
// box the names want, the placements for each box width) is kept per DAG, so a resized terminal mostly only
// draws the edges again.
const lastLayouts = new WeakMap<Dag, {key: string; result: LayoutResult}>();
type Prepared = {
	graph: LayeredGraph;
	layers: number[][];
	basis: PlacementBasis;
	hops: ChannelHopsOfGraph;
	placements: Placements;
	widthsByBoxWidth: Map<string, number[]>;
};
const prepared = new WeakMap<Dag, Prepared>();

function prepare(dag: Dag, boxWidth: number | undefined): {entry: Prepared; widths: number[]} {
	let entry = prepared.get(dag);
	if (!entry) {
		const graph = buildLayeredGraph(dag);
		const layers = graph.nodeCount === 0 ? [] : orderLayers(graph);
		const basis = placementBasis(graph, layers);
		const hops = channelHopsOf(graph, layers.length);
		entry = {
			graph,
			layers,
			basis,
			hops,
			placements: new Placements(basis, hops),
			widthsByBoxWidth: new Map(),
		};
		prepared.set(dag, entry);
	}
	const widthKey = String(boxWidth);
	let widths = entry.widthsByBoxWidth.get(widthKey);
	if (!widths) {
		widths = entry.graph.nodeCount === 0 ? [] : candidateWidths(entry.graph, boxWidth);
		entry.widthsByBoxWidth.set(widthKey, widths);
	}
	return {entry, widths};
}

function computeLayout(dag: Dag, options: LayoutOptions): LayoutResult {
	const {maxWidth} = options;
	if (!(maxWidth >= 1)) {
		return {
			fits: false,
			reason: `A width of ${maxWidth} columns cannot hold a picture.`,
			neededWidth: minBoxWidth,
		};
	}
	const {entry, widths} = prepare(dag, options.boxWidth);
	const {graph, layers} = entry;
	if (graph.nodeCount === 0) {
		return {fits: true, width: 0, height: 0, boxes: [], edges: [], direction: options.direction ?? 'down'};
	}
	const down = options.direction === 'right' ? undefined : layoutDown(entry, widths, maxWidth);
	const downFit = down && 'layout' in down ? down : undefined;
	// Sideways only pays when it buys much wider boxes (a wide fan-out); otherwise layers read best as rows.
	const sidewaysGain = 6;
	const tryRight =
		options.direction === 'right' ||
		(options.direction === undefined && (!downFit || downFit.boxWidth + sidewaysGain <= widths[0]!));
	const right = tryRight ? layoutRight(entry, widths, maxWidth) : undefined;
	const rightFit = right && 'layout' in right ? right : undefined;
	const chosen =
		downFit && rightFit
			? rightFit.boxWidth >= downFit.boxWidth + sidewaysGain
				? rightFit
				: downFit
			: (downFit ?? rightFit);
	if (chosen) return {fits: true, ...chosen.layout};

	const needed = Math.min(
		down && 'neededWidth' in down ? down.neededWidth : Number.POSITIVE_INFINITY,
		right && 'neededWidth' in right ? right.neededWidth : Number.POSITIVE_INFINITY,
	);
	const widest = Math.max(...layers.map((layer) => layer.filter((item) => item < graph.nodeCount).length));
	return {
		fits: false,
		reason:
			`The DAG needs ${needed} columns, but only ${maxWidth} are available ` +
			`(up to ${widest} steps run side by side, and the longest path has ${layers.length}).`,
		neededWidth: needed,
	};
}

/** Box widths to try, widest first: odd, so a box's port sits exactly in its middle. */
function candidateWidths(graph: LayeredGraph, boxWidth: number | undefined): number[] {
	if (boxWidth !== undefined && Number.isFinite(boxWidth)) return [Math.max(5, Math.floor(boxWidth))];
	const longest = [...graph.names, ...graph.types].reduce(
		(widest, text) => Math.max(widest, stringWidth(sanitizeLabel(text.slice(0, maxPreferredBoxWidth * 2)))),
		0,
	);
	let preferred = Math.min(maxPreferredBoxWidth, Math.max(minBoxWidth, longest + 4));
	if (preferred % 2 === 0) preferred++;
	const widths: number[] = [];
	for (let width = preferred; width >= minBoxWidth; width -= 2) widths.push(width);
	return widths;
}

function layoutDown({graph, basis, hops, placements}: Prepared, widths: number[], maxWidth: number): Attempt {
	let neededWidth = Number.POSITIVE_INFINITY;
	// Box widths whose widest layer alone is too wide: both their attempts fail at their first placement.
	const hopeless: Array<{base: BoxBase; bound: number}> = [];
	for (const boxWidth of widths) {
		const base = {boxSize: boxWidth, boxPort: Math.floor((boxWidth - 1) / 2), boxGap: 2};
		const bound = packedWidth(basis, boxMetrics(graph, base, 'down'));
		if (bound > maxWidth) {
			hopeless.push({base, bound});
			continue;
		}
		for (const aligned of [true, false]) {
			const placed = placements.place(base, aligned, 'down', maxWidth);
			if ('tooWide' in placed) {
				neededWidth = Math.min(neededWidth, placed.tooWide);
				continue;
			}
			const {placement} = placed;
			const {bandStart, length} = bands(placement.plan, hops, boxHeight, labelRoom.down);
			return {
				boxWidth,
				layout: assemble(graph, hops, placement, bandStart, {
					direction: 'down',
					boxWidth,
					bandSize: boxHeight,
					boxHeight,
					width: extent(graph, placement.port, placement.metrics),
					height: length,
				}),
			};
		}
	}
	// Nothing fits: the fewest columns an attempt needed. A hopeless one needs its first placement's extent, which
	// is never below its bound, so only one whose bound is below the fewest so far is placed (narrowest first).
	hopeless.sort((a, b) => a.bound - b.bound);
	for (const {base, bound} of hopeless) {
		for (const aligned of [false, true]) {
			if (bound >= neededWidth) break;
			const first = placements.place(base, aligned, 'down', Number.NEGATIVE_INFINITY);
			if ('tooWide' in first) neededWidth = Math.min(neededWidth, first.tooWide);
		}
	}
	return {neededWidth};
}

function layoutRight(
	{graph, layers, hops, placements}: Prepared,
	widths: number[],
	maxWidth: number,
): Attempt {
	// Sideways, a box's port is its name row, and boxes are stacked with one blank row between them.
	const base = {boxSize: boxHeight, boxPort: 1, boxGap: 1};
	const placed = placements.placeUnbounded(base, true, 'right');
	let channels = 0;
	hops.channels.forEach((channel, index) => {
		channels += channelSize(placed.plan.tracks[index]!, channel.labelled, labelRoom.right);
	});
	const fitting = Math.floor((maxWidth - channels) / layers.length);
	const boxWidth = widths.find((width) => width <= fitting);
	if (boxWidth === undefined) return {neededWidth: channels + layers.length * widths[widths.length - 1]!};
	const {bandStart, length} = bands(placed.plan, hops, boxWidth, labelRoom.right);
	return {
		boxWidth,
		layout: assemble(graph, hops, placed, bandStart, {
			direction: 'right',
			boxWidth,
			bandSize: boxWidth,
			boxHeight,
			width: length,
			height: extent(graph, placed.port, placed.metrics),
		}),
	};
}

function channelSize(tracks: number, labelled: boolean, room: number): number {
	return Math.max(1, tracks + (labelled ? room : 0));
}

/** Where each layer starts across the layers, and the total length. */
function bands(
	plan: ChannelPlan,
	hops: ChannelHopsOfGraph,
	bandSize: number,
	room: number,
): {bandStart: number[]; length: number} {
	const bandStart = [0];
	hops.channels.forEach((channel, index) => {
		const size = channelSize(plan.tracks[index]!, channel.labelled, room);
		bandStart.push(bandStart[bandStart.length - 1]! + bandSize + size);
	});
	return {bandStart, length: bandStart[bandStart.length - 1]! + bandSize};
}
