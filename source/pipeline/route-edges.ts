// Routes edges orthogonally through the channels between layers: one track per source, tracks ordered so lines stay readable.
import type {LayeredGraph} from './layout-layers.js';
import type {AxisMetrics} from './layout-position.js';
import {ArrowPlanner} from './place-arrows.js';
import {TrackPlanner} from './route-tracks.js';
import type {ChannelHops, ChannelHopsOfGraph, ChannelPlan} from './channel-types.js';

export type {ChannelHops, ChannelHopsOfGraph, ChannelPlan} from './channel-types.js';

export function channelHopsOf(graph: LayeredGraph, layerCount: number): ChannelHopsOfGraph {
	const channels: ChannelHops[] = [];
	for (let layer = 0; layer + 1 < layerCount; layer++) {
		channels.push({sources: [], sourceHops: [], targets: [], targetHops: [], fanIn: [], labelled: false});
	}
	// A source's targets are graph.down[source], in the order its hops first appear in the edges' chains.
	const seen = new Uint8Array(graph.itemCount);
	for (const edge of graph.edges) {
		const isBranch = edge.kind === 'condition-if' || edge.kind === 'condition-else';
		for (let index = 0; index + 1 < edge.chain.length; index++) {
			const source = edge.chain[index]!;
			const channel = channels[graph.layerOf[source]!]!;
			if (!seen[source]) {
				seen[source] = 1;
				channel.sources.push(source);
			}
			if (isBranch && edge.chain[index + 1] === edge.to) channel.labelled = true;
		}
	}
	// Hops are numbered channel by channel, source by source, target by target.
	const hopSource: number[] = [];
	const hopTarget: number[] = [];
	const firstHop = new Int32Array(graph.itemCount);
	const targetSlot = new Int32Array(graph.itemCount).fill(-1);
	for (const channel of channels) {
		for (const source of channel.sources) {
			const own: number[] = [];
			const targets = graph.down[source]!;
			firstHop[source] = hopSource.length;
			for (const target of targets) {
				const hop = hopSource.length;
				hopSource.push(source);
				hopTarget.push(target);
				own.push(hop);
				if (targetSlot[target] === -1) {
					targetSlot[target] = channel.targets.length;
					channel.targets.push(target);
					channel.targetHops.push([]);
					channel.fanIn.push(true);
				}
				channel.targetHops[targetSlot[target]!]!.push(hop);
				if (targets.length !== 1) channel.fanIn[targetSlot[target]!] = false;
			}
			channel.sourceHops.push(own);
		}
	}
	// The k-th target a source's hops reach first is graph.down[source][k]; a hop into a dummy can repeat (edges
	// sharing it), a hop into a step cannot (one edge per pair of steps).
	const hopInto = new Int32Array(graph.itemCount).fill(-1);
	const reached = new Int32Array(graph.itemCount);
	const edgeHops = graph.edges.map(({chain}) => {
		const hops: number[] = [];
		for (let index = 0; index + 1 < chain.length; index++) {
			const source = chain[index]!;
			const target = chain[index + 1]!;
			let hop = target >= graph.nodeCount ? hopInto[target]! : -1;
			if (hop === -1) {
				hop = firstHop[source]! + reached[source]!++;
				hopInto[target] = hop;
			}
			hops.push(hop);
		}
		return hops;
	});
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
