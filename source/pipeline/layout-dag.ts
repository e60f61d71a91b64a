// Lays a Dag out on a character grid (layered boxes and orthogonal edges) for a given width, or says it cannot fit.
import stringWidth from 'string-width';
import {buildLayeredGraph, type LayeredGraph} from './layout-layers.js';
import {orderLayers} from './layout-order.js';
import {placeAlongLayers} from './layout-position.js';
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

type Attempt = {layout: DagLayout} | {neededWidth: number};

/**
 * Sugiyama-style: longest-path layers with dummies for long edges (layout-layers), crossing reduction
 * (layout-order), positions along each layer (layout-position), then tracks and arrows in the channels between
 * layers (route-edges). The same DAG and options always give the same layout. Never throws on a bad DAG: edges
 * to unknown steps and self-loops are ignored, an edge closing a cycle is left out, a repeated name drawn once.
 */
export function layoutDag(dag: Dag, options: LayoutOptions): LayoutResult {
	const {maxWidth} = options;
	if (!(maxWidth >= 1)) {
		return {
			fits: false,
			reason: `A width of ${maxWidth} columns cannot hold a picture.`,
			neededWidth: minBoxWidth,
		};
	}
	const graph = buildLayeredGraph(dag);
	if (graph.nodeCount === 0) {
		return {fits: true, width: 0, height: 0, boxes: [], edges: [], direction: options.direction ?? 'down'};
	}
	const layers = orderLayers(graph);
	const widths = candidateWidths(graph, options.boxWidth);

	const down = options.direction === 'right' ? undefined : layoutDown(graph, layers, widths, maxWidth);
	const downLayout = down && 'layout' in down ? down.layout : undefined;
	// Sideways only pays when it buys much wider boxes (a wide fan-out); otherwise layers read best as rows.
	const sidewaysGain = 6;
	const tryRight =
		options.direction === 'right' ||
		(options.direction === undefined &&
			(!downLayout || downLayout.boxes[0]!.width + sidewaysGain <= widths[0]!));
	const right = tryRight ? layoutRight(graph, layers, widths, maxWidth) : undefined;
	const rightLayout = right && 'layout' in right ? right.layout : undefined;
	const chosen =
		downLayout && rightLayout
			? rightLayout.boxes[0]!.width >= downLayout.boxes[0]!.width + sidewaysGain
				? rightLayout
				: downLayout
			: (downLayout ?? rightLayout);
	if (chosen) return {fits: true, ...chosen};

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
		const metrics = {boxSize: boxWidth, boxPort: Math.floor((boxWidth - 1) / 2), boxGap: 2};
		for (const aligned of [true, false]) {
			const port = placeAlongLayers(graph, layers, metrics, aligned);
			const width = extent(graph, port, metrics.boxSize, metrics.boxPort);
			neededWidth = Math.min(neededWidth, width);
			if (width > maxWidth) continue;
			const plans = planChannels(graph, layers, port, reachOf(graph, port, metrics));
			const {bandStart, length} = bands(plans, boxHeight, labelRoom.down);
			return {
				layout: assemble(graph, port, plans, bandStart, {
					direction: 'down',
					boxWidth,
					bandSize: boxHeight,
					boxPort: metrics.boxPort,
					width,
					height: length,
				}),
			};
		}
	}
	return {neededWidth};
}

function layoutRight(graph: LayeredGraph, layers: number[][], widths: number[], maxWidth: number): Attempt {
	// Sideways, a box's port is its name row, and boxes are stacked with one blank row between them.
	const metrics = {boxSize: boxHeight, boxPort: 1, boxGap: 1};
	const port = placeAlongLayers(graph, layers, metrics, true);
	const plans = planChannels(graph, layers, port, reachOf(graph, port, metrics));
	const channels = plans.reduce((sum, plan) => sum + channelSize(plan, labelRoom.right), 0);
	const fitting = Math.floor((maxWidth - channels) / layers.length);
	const boxWidth = widths.find((width) => width <= fitting);
	if (boxWidth === undefined) return {neededWidth: channels + layers.length * widths[widths.length - 1]!};
	const {bandStart, length} = bands(plans, boxWidth, labelRoom.right);
	return {
		layout: assemble(graph, port, plans, bandStart, {
			direction: 'right',
			boxWidth,
			bandSize: boxWidth,
			boxPort: metrics.boxPort,
			width: length,
			height: extent(graph, port, metrics.boxSize, metrics.boxPort),
		}),
	};
}

/** Arrows enter a box anywhere inside its corners. */
function reachOf(graph: LayeredGraph, port: number[], metrics: {boxSize: number; boxPort: number}): Reach {
	return (item) => {
		if (item >= graph.nodeCount) return {start: port[item]!, end: port[item]!};
		const start = port[item]! - metrics.boxPort;
		return {start: start + 1, end: start + metrics.boxSize - 2};
	};
}

function extent(graph: LayeredGraph, port: number[], boxSize: number, boxPort: number): number {
	let end = 0;
	for (let item = 0; item < graph.itemCount; item++) {
		end = Math.max(end, item < graph.nodeCount ? port[item]! - boxPort + boxSize : port[item]! + 1);
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
	shape: {
		direction: 'down' | 'right';
		boxWidth: number;
		bandSize: number;
		boxPort: number;
		width: number;
		height: number;
	},
): DagLayout {
	const toCell =
		shape.direction === 'down'
			? (point: AxisPoint) => ({x: point.along, y: point.across})
			: (point: AxisPoint) => ({x: point.across, y: point.along});
	const boxes: NodeBox[] = graph.names.map((name, item) => {
		const layer = graph.layerOf[item]!;
		const corner = toCell({along: port[item]! - shape.boxPort, across: bandStart[layer]!});
		return {name, type: graph.types[item]!, ...corner, width: shape.boxWidth, height: boxHeight, layer};
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
