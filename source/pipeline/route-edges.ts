// Routes edges orthogonally through the channels between layers: one track per source, tracks ordered so lines stay readable.
import type {LayeredGraph} from './layout-layers.js';
import {hopKey, placeArrows, type Reach} from './place-arrows.js';

/** The gap after layer `index`: its tracks, where each hop enters its target, and whether labels need room. */
export type ChannelPlan = {
	tracks: number;
	labelled: boolean;
	trackOf: Map<number, number>;
	/** Keyed by hopKey(source, target): the column (row, sideways) where the hop enters its target. */
	dropOf: Map<number, number>;
	/** Targets too narrow (too short, sideways) for clean arrows, and how many cells each lacks. */
	short: Map<number, number>;
};

export type AxisPoint = {along: number; across: number};

type Bus = {
	source: number;
	column: number;
	/** Target item -> the column its line drops into it. */
	drops: Map<number, number>;
	start: number;
	end: number;
	/** The source's line continues straight across the whole channel into one of its targets. */
	throughLine: boolean;
};

/** `port` is each item's coordinate along its layer; the result has one plan per gap between layers. */
export function planChannels(
	graph: LayeredGraph,
	layers: number[][],
	port: number[],
	reach: Reach,
): ChannelPlan[] {
	const channels: Array<Map<number, Set<number>>> = layers.slice(0, -1).map(() => new Map());
	const labelled = layers.slice(0, -1).map(() => false);
	for (const edge of graph.edges) {
		const isBranch = edge.kind === 'condition-if' || edge.kind === 'condition-else';
		for (let index = 0; index + 1 < edge.chain.length; index++) {
			const source = edge.chain[index]!;
			const target = edge.chain[index + 1]!;
			const layer = graph.layerOf[source]!;
			const targets = channels[layer]!.get(source) ?? new Set();
			channels[layer]!.set(source, targets.add(target));
			if (isBranch && target === edge.to) labelled[layer] = true;
		}
	}
	return channels.map((hops, layer) => {
		const {dropOf, short} = placeArrows(hops, port, reach);
		const buses: Bus[] = [];
		for (const [source, targets] of hops) {
			const column = port[source]!;
			const bus: Bus = {source, column, drops: new Map(), start: column, end: column, throughLine: false};
			for (const target of targets) {
				const drop = dropOf.get(hopKey(source, target))!;
				bus.drops.set(target, drop);
				bus.start = Math.min(bus.start, drop);
				bus.end = Math.max(bus.end, drop);
				if (drop === column) bus.throughLine = true;
			}
			buses.push(bus);
		}
		const trackOf = assignTracks(buses);
		const tracks = Math.max(0, ...[...trackOf.values()].map((track) => track + 1));
		return {tracks, labelled: labelled[layer]!, trackOf, dropOf, short};
	});
}

/**
 * Tracks for the buses that turn. A bus crossing another's source line goes below where that line ends, and a
 * bus crossing another's drop goes above where that drop starts, so a crossing never looks like a join.
 */
function assignTracks(buses: Bus[]): Map<number, number> {
	const turning = buses.filter((bus) => bus.start < bus.end);
	// Columns where a line runs straight across the whole channel: crossing those is unavoidable and unambiguous.
	const straight = new Set<number>();
	for (const bus of buses) if (bus.throughLine) straight.add(bus.column);
	const dropColumns = turning.map((bus) => new Set(bus.drops.values()));

	// `before[b]` holds the buses that must run above b. A "hard" one is where two lines would otherwise lie on
	// top of each other in one column (a source line and a drop); the others only turn a crossing into a join.
	const before: Array<Set<number>> = turning.map(() => new Set());
	const hard: Array<Set<number>> = turning.map(() => new Set());
	const inside = (column: number, bus: Bus) => column >= bus.start && column <= bus.end;
	turning.forEach((bus, index) => {
		turning.forEach((other, otherIndex) => {
			if (other === bus || sameFunnel(bus, other)) return;
			if (!other.throughLine && inside(other.column, bus)) {
				before[index]!.add(otherIndex);
				if (dropColumns[index]!.has(other.column)) hard[index]!.add(otherIndex);
			}
			for (const drop of dropColumns[otherIndex]!) {
				if (inside(drop, bus) && !dropColumns[index]!.has(drop) && !straight.has(drop)) {
					before[otherIndex]!.add(index);
					if (drop === bus.column) hard[otherIndex]!.add(index);
				}
			}
		});
	});

	const trackOf = new Map<number, number>();
	const occupied: Bus[][] = [];
	const trackIndex = new Map<number, number>();
	for (const index of orderRespecting(turning, before, hard)) {
		const bus = turning[index]!;
		let track = 0;
		for (const earlier of before[index]!) {
			const placed = trackIndex.get(earlier);
			if (placed !== undefined) track = Math.max(track, placed + 1);
		}
		while (occupied[track]?.some((other) => clashes(bus, other))) track++;
		if (!occupied[track]) occupied[track] = [];
		occupied[track]!.push(bus);
		trackIndex.set(index, track);
		trackOf.set(bus.source, track);
	}
	return trackOf;
}

/** Two buses share a track only if they do not overlap, or both carry one edge into the same arrow (a fan-in). */
function clashes(bus: Bus, other: Bus): boolean {
	return !sameFunnel(bus, other) && Math.max(bus.start, other.start) <= Math.min(bus.end, other.end);
}

/** Lines that each lead only into the same arrow can join anywhere: every reading of the joined line is right. */
function sameFunnel(bus: Bus, other: Bus): boolean {
	if (bus.drops.size !== 1 || other.drops.size !== 1) return false;
	return [...bus.drops.values()][0] === [...other.drops.values()][0];
}

/**
 * A topological order of the "goes above" relation. Where it has a cycle, a bus whose hard constraints are met
 * goes first, then the one with fewest unmet constraints, then the narrowest.
 */
function orderRespecting(buses: Bus[], before: Array<Set<number>>, hard: Array<Set<number>>): number[] {
	const waiting = buses.map((_, index) => before[index]!.size);
	const waitingHard = buses.map((_, index) => hard[index]!.size);
	const after: number[][] = buses.map(() => []);
	before.forEach((list, index) => {
		for (const earlier of list) after[earlier]!.push(index);
	});
	const key = (index: number) => {
		const bus = buses[index]!;
		return (bus.end - bus.start) * 1e6 + bus.start;
	};
	const compare = (a: number, b: number) =>
		waitingHard[a]! - waitingHard[b]! || waiting[a]! - waiting[b]! || key(a) - key(b);
	const done = buses.map(() => false);
	const order: number[] = [];
	while (order.length < buses.length) {
		let next = -1;
		for (let index = 0; index < buses.length; index++) {
			if (!done[index] && (next === -1 || compare(index, next) < 0)) next = index;
		}
		done[next] = true;
		order.push(next);
		for (const later of after[next]!) {
			waiting[later]!--;
			if (hard[later]!.has(next)) waitingHard[later]!--;
		}
	}
	return order;
}

/**
 * The polyline of every layered edge in axis coordinates (`along` the layers, `across` them): from the source's
 * border cell to the target's border cell, turning on its source's track in each channel it crosses.
 */
export function tracePaths(
	graph: LayeredGraph,
	port: number[],
	plans: ChannelPlan[],
	bandStart: number[],
	bandSize: number,
): AxisPoint[][] {
	return graph.edges.map((edge) => {
		const first = edge.chain[0]!;
		const points: AxisPoint[] = [
			{along: port[first]!, across: bandStart[graph.layerOf[first]!]! + bandSize - 1},
		];
		for (let index = 0; index + 1 < edge.chain.length; index++) {
			const source = edge.chain[index]!;
			const target = edge.chain[index + 1]!;
			const layer = graph.layerOf[source]!;
			const plan = plans[layer]!;
			const drop = plan.dropOf.get(hopKey(source, target))!;
			if (port[source] !== drop) {
				const across = bandStart[layer]! + bandSize + plan.trackOf.get(source)!;
				points.push({along: port[source]!, across}, {along: drop, across});
			}
			points.push({along: drop, across: bandStart[layer + 1]!});
		}
		return withoutStraightRuns(points);
	});
}

function withoutStraightRuns(points: AxisPoint[]): AxisPoint[] {
	const kept: AxisPoint[] = [];
	for (const point of points) {
		const last = kept[kept.length - 1];
		if (last && last.along === point.along && last.across === point.across) continue;
		const beforeLast = kept[kept.length - 2];
		if (
			last &&
			beforeLast &&
			((beforeLast.along === last.along && last.along === point.along) ||
				(beforeLast.across === last.across && last.across === point.across))
		) {
			kept[kept.length - 1] = point;
		} else kept.push(point);
	}
	return kept;
}
