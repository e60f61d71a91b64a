// Routes edges orthogonally through the channels between layers: one track per source, tracks ordered so lines stay readable.
import type {LayeredGraph} from './layout-layers.js';
import type {AxisMetrics} from './layout-position.js';
import {ArrowPlanner} from './place-arrows.js';
import {TrackPlanner} from './route-tracks.js';

/**
 * The hops of one channel (the gap after a layer), whatever the positions. A hop is one step of a layered edge's
 * chain, numbered across the graph; several edges can share one (lines from a source sharing its dummies).
 */
export type ChannelHops = {
	/** The sources whose lines come down into the channel, first seen first. */
	sources: number[];
	/** Per source, its hops, by first-seen target. */
	sourceHops: number[][];
	/** The targets, in the order of their sources, each with its hops in the order of their sources. */
	targets: number[];
	targetHops: number[][];
	/** Per target: every line into it carries a single edge, so they can join into one arrow. */
	fanIn: boolean[];
	/** A branch (if/else) ends in the channel, so its label needs room. */
	labelled: boolean;
};

export type ChannelHopsOfGraph = {
	channels: ChannelHops[];
	hopSource: Int32Array;
	hopTarget: Int32Array;
	/** Per layered edge, the hop of each step of its chain. */
	edgeHops: number[][];
};

/** Where lines cross the channels for one placement. */
export type ChannelPlan = {
	/** Per channel, how many tracks its buses turn on. */
	tracks: number[];
	/** Per hop: the column (row, sideways) where it enters its target. */
	dropOf: Float64Array;
	/** Per source item whose bus turns: its track in its channel. */
	trackOf: Int32Array;
	/** Per item: how many cells its side lacks for clean arrows (0: enough). Those arrows are placed anyway. */
	lacking: Int32Array;
};

export function channelHopsOf(graph: LayeredGraph, layerCount: number): ChannelHopsOfGraph {
	const hopsByChannel: Array<Map<number, Set<number>>> = [];
	const labelled: boolean[] = [];
	for (let layer = 0; layer + 1 < layerCount; layer++) {
		hopsByChannel.push(new Map());
		labelled.push(false);
	}
	for (const edge of graph.edges) {
		const isBranch = edge.kind === 'condition-if' || edge.kind === 'condition-else';
		for (let index = 0; index + 1 < edge.chain.length; index++) {
			const source = edge.chain[index]!;
			const target = edge.chain[index + 1]!;
			const layer = graph.layerOf[source]!;
			const targets = hopsByChannel[layer]!.get(source) ?? new Set();
			hopsByChannel[layer]!.set(source, targets.add(target));
			if (isBranch && target === edge.to) labelled[layer] = true;
		}
	}
	const hopSource: number[] = [];
	const hopTarget: number[] = [];
	const hopOf = new Map<number, number>();
	const channels = hopsByChannel.map((hops, layer): ChannelHops => {
		const channel: ChannelHops = {
			sources: [],
			sourceHops: [],
			targets: [],
			targetHops: [],
			fanIn: [],
			labelled: labelled[layer]!,
		};
		const targetIndex = new Map<number, number>();
		for (const [source, targets] of hops) {
			const own: number[] = [];
			for (const target of targets) {
				const hop = hopSource.length;
				hopSource.push(source);
				hopTarget.push(target);
				hopOf.set(source * graph.itemCount + target, hop);
				own.push(hop);
				let at = targetIndex.get(target);
				if (at === undefined) {
					at = channel.targets.length;
					targetIndex.set(target, at);
					channel.targets.push(target);
					channel.targetHops.push([]);
					channel.fanIn.push(true);
				}
				channel.targetHops[at]!.push(hop);
				if (targets.size !== 1) channel.fanIn[at] = false;
			}
			channel.sources.push(source);
			channel.sourceHops.push(own);
		}
		return channel;
	});
	const edgeHops = graph.edges.map((edge) =>
		edge.chain.slice(1).map((target, index) => hopOf.get(edge.chain[index]! * graph.itemCount + target)!),
	);
	return {channels, hopSource: Int32Array.from(hopSource), hopTarget: Int32Array.from(hopTarget), edgeHops};
}

/** Where each hop enters its target and the track of every turning bus, for items placed at `port`. */
export function planChannels(
	graph: LayeredGraph,
	hops: ChannelHopsOfGraph,
	port: Float64Array,
	metrics: AxisMetrics,
): ChannelPlan {
	const plan: ChannelPlan = {
		tracks: [],
		dropOf: new Float64Array(hops.hopSource.length),
		trackOf: new Int32Array(graph.itemCount),
		lacking: new Int32Array(graph.itemCount),
	};
	let span = 0;
	for (let item = 0; item < graph.itemCount; item++) span = Math.max(span, port[item]! + 1);
	const arrows = new ArrowPlanner(graph, hops, port, metrics, span);
	const tracks = new TrackPlanner(span);
	for (const channel of hops.channels) {
		arrows.plan(channel, plan);
		plan.tracks.push(tracks.plan(channel, port, plan));
	}
	return plan;
}
