// Lays a Dag out on a character grid (layered boxes and orthogonal edges) for a given width, or says it cannot fit.
import stringWidth from 'string-width';
import {buildLayeredGraph, type LayeredGraph} from './layout-layers.js';
import {orderLayers} from './layout-order.js';
import {type AxisMetrics, placeAlongLayers} from './layout-position.js';
import type {Dag, EdgeKind} from './model.js';
import type {Reach} from './place-arrows.js';
import {type AxisPoint, type ChannelPlan, planChannels, tracePaths} from './route-edges.js';
import {sanitizeLabel} from './box-text.js';

export type NodeBox = {
	name: string;
	/** The step's type, drawn on the box's second line when no decoration is given. */
	type: string;
	x: number;
	y: number;
	width: number;
	height: number;
	layer: number;
};
/** An orthogonal polyline in cell coordinates, from a cell on the source box's border to one on the target's. */
export type EdgePath = {from: string; to: string; kind: EdgeKind; points: Array<{x: number; y: number}>};
export type DagLayout = {
	width: number;
	height: number;
	boxes: NodeBox[];
	edges: EdgePath[];
	direction: 'down' | 'right';
};
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
// Growing a box moves its neighbours, which can crowd another box; a few rounds settle every case seen.
const maxGrowthRounds = 6;

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
// what does not depend on the width (layers, their order, the widest box the names want) is kept per DAG, so a
// resized terminal only places and routes again.
const lastLayouts = new WeakMap<Dag, {key: string; result: LayoutResult}>();
const prepared = new WeakMap<Dag, {graph: LayeredGraph; layers: number[][]; widths: Map<string, number[]>}>();

function prepare(dag: Dag, boxWidth: number | undefined) {
	let entry = prepared.get(dag);
	if (!entry) {
		const graph = buildLayeredGraph(dag);
		entry = {graph, layers: graph.nodeCount === 0 ? [] : orderLayers(graph), widths: new Map()};
		prepared.set(dag, entry);
	}
	const widthKey = String(boxWidth);
	let widths = entry.widths.get(widthKey);
	if (!widths) {
		widths = entry.graph.nodeCount === 0 ? [] : candidateWidths(entry.graph, boxWidth);
		entry.widths.set(widthKey, widths);
	}
	return {graph: entry.graph, layers: entry.layers, widths};
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
	const {graph, layers, widths} = prepare(dag, options.boxWidth);
	if (graph.nodeCount === 0) {
		return {fits: true, width: 0, height: 0, boxes: [], edges: [], direction: options.direction ?? 'down'};
	}
	const down = options.direction === 'right' ? undefined : layoutDown(graph, layers, widths, maxWidth);
	const downFit = down && 'layout' in down ? down : undefined;
	// Sideways only pays when it buys much wider boxes (a wide fan-out); otherwise layers read best as rows.
	const sidewaysGain = 6;
	const tryRight =
		options.direction === 'right' ||
		(options.direction === undefined && (!downFit || downFit.boxWidth + sidewaysGain <= widths[0]!));
	const right = tryRight ? layoutRight(graph, layers, widths, maxWidth) : undefined;
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

function layoutDown(graph: LayeredGraph, layers: number[][], widths: number[], maxWidth: number): Attempt {
	let neededWidth = Number.POSITIVE_INFINITY;
	for (const boxWidth of widths) {
		const base = {boxSize: boxWidth, boxPort: Math.floor((boxWidth - 1) / 2), boxGap: 2};
		for (const aligned of [true, false]) {
			let width = 0;
			const placed = placeWithRoom(graph, layers, base, aligned, 'down', (port, metrics) => {
				width = extent(graph, port, metrics);
				return width <= maxWidth;
			});
			if (!placed) {
				neededWidth = Math.min(neededWidth, width);
				continue;
			}
			const {port, plans, metrics} = placed;
			const {bandStart, length} = bands(plans, boxHeight, labelRoom.down);
			return {
				boxWidth,
				layout: assemble(graph, port, plans, bandStart, metrics, {
					direction: 'down',
					boxWidth,
					bandSize: boxHeight,
					width: extent(graph, port, metrics),
					height: length,
				}),
			};
		}
	}
	return {neededWidth};
}

function layoutRight(graph: LayeredGraph, layers: number[][], widths: number[], maxWidth: number): Attempt {
	// Sideways, a box's port is its name row, and boxes are stacked with one blank row between them.
	const base = {boxSize: boxHeight, boxPort: 1, boxGap: 1};
	const {port, plans, metrics} = placeWithRoom(graph, layers, base, true, 'right', () => true)!;
	const channels = plans.reduce((sum, plan) => sum + channelSize(plan, labelRoom.right), 0);
	const fitting = Math.floor((maxWidth - channels) / layers.length);
	const boxWidth = widths.find((width) => width <= fitting);
	if (boxWidth === undefined) return {neededWidth: channels + layers.length * widths[widths.length - 1]!};
	const {bandStart, length} = bands(plans, boxWidth, labelRoom.right);
	return {
		boxWidth,
		layout: assemble(graph, port, plans, bandStart, metrics, {
			direction: 'right',
			boxWidth,
			bandSize: boxWidth,
			width: length,
			height: extent(graph, port, metrics),
		}),
	};
}

type Placement = {port: number[]; plans: ChannelPlan[]; metrics: AxisMetrics};

/**
 * Positions along the layers and the channel plans. A box with more arrows coming in than its side has free
 * cells for grows by what it lacks (sideways downwards, in rows on both sides, so its port stays in the middle)
 * and everything is placed again. Undefined as soon as `accept` refuses a placement (too wide).
 */
function placeWithRoom(
	graph: LayeredGraph,
	layers: number[][],
	base: {boxSize: number; boxPort: number; boxGap: number},
	aligned: boolean,
	direction: 'down' | 'right',
	accept: (port: number[], metrics: AxisMetrics) => boolean,
): Placement | undefined {
	const extra = new Array<number>(graph.nodeCount).fill(0);
	const metrics: AxisMetrics = {
		boxSize: (item) => base.boxSize + extra[item]!,
		boxPort: (item) => base.boxPort + (direction === 'down' ? extra[item]! / 2 : 0),
		boxGap: base.boxGap,
		lineUpPastLines: direction === 'down',
	};
	for (let round = 0; ; round++) {
		const port = placeAlongLayers(graph, layers, metrics, aligned);
		if (!accept(port, metrics)) return undefined;
		const plans = planChannels(graph, layers, port, reachOf(graph, port, metrics));
		let grown = false;
		for (const plan of plans) {
			for (const [target, cells] of plan.short) {
				if (target >= graph.nodeCount || round === maxGrowthRounds) continue;
				extra[target]! += direction === 'down' ? cells + (cells % 2) : cells;
				grown = true;
			}
		}
		if (!grown) return {port, plans, metrics};
	}
}

/** Arrows enter a box anywhere inside its corners. */
function reachOf(graph: LayeredGraph, port: number[], metrics: AxisMetrics): Reach {
	return (item) => {
		if (item >= graph.nodeCount) return {start: port[item]!, end: port[item]!};
		const start = port[item]! - metrics.boxPort(item);
		return {start: start + 1, end: start + metrics.boxSize(item) - 2};
	};
}

function extent(graph: LayeredGraph, port: number[], metrics: AxisMetrics): number {
	let end = 0;
	for (let item = 0; item < graph.itemCount; item++) {
		const box = item < graph.nodeCount;
		end = Math.max(end, box ? port[item]! - metrics.boxPort(item) + metrics.boxSize(item) : port[item]! + 1);
	}
	return end;
}

function channelSize(plan: ChannelPlan, room: number): number {
	return Math.max(1, plan.tracks + (plan.labelled ? room : 0));
}

/** Where each layer starts across the layers, and the total length. */
function bands(plans: ChannelPlan[], bandSize: number, room: number): {bandStart: number[]; length: number} {
	const bandStart = [0];
	for (const plan of plans)
		bandStart.push(bandStart[bandStart.length - 1]! + bandSize + channelSize(plan, room));
	return {bandStart, length: bandStart[bandStart.length - 1]! + bandSize};
}

function assemble(
	graph: LayeredGraph,
	port: number[],
	plans: ChannelPlan[],
	bandStart: number[],
	metrics: AxisMetrics,
	shape: {direction: 'down' | 'right'; boxWidth: number; bandSize: number; width: number; height: number},
): DagLayout {
	const toCell =
		shape.direction === 'down'
			? (point: AxisPoint) => ({x: point.along, y: point.across})
			: (point: AxisPoint) => ({x: point.across, y: point.along});
	const boxes: NodeBox[] = graph.names.map((name, item) => {
		const layer = graph.layerOf[item]!;
		const corner = toCell({along: port[item]! - metrics.boxPort(item), across: bandStart[layer]!});
		const size = metrics.boxSize(item);
		const [width, height] = shape.direction === 'down' ? [size, boxHeight] : [shape.boxWidth, size];
		return {name, type: graph.types[item]!, ...corner, width, height, layer};
	});
	const paths = tracePaths(graph, port, plans, bandStart, shape.bandSize);
	const edges: EdgePath[] = graph.edges.map((edge, index) => ({
		from: graph.names[edge.from]!,
		to: graph.names[edge.to]!,
		kind: edge.kind,
		points: paths[index]!.map(toCell),
	}));
	return {width: shape.width, height: shape.height, boxes, edges, direction: shape.direction};
}
