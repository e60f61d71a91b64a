// Decides where each edge enters its target box: shared arrows for plain fan-in, else one arrow per source.
import type {LayeredGraph} from './layout-layers.js';
import {ClosestOrdered} from './closest-ordered.js';
import type {AxisMetrics} from './layout-position.js';
import type {ChannelHops, ChannelHopsOfGraph, ChannelPlan} from './channel-types.js';

/**
 * Where each hop of a channel enters its target (plan.dropOf), and which targets have too few free cells on
 * their side for their arrows (plan.lacking: their arrows are still placed, but some lie on another source's line
 * or share a cell). Lines that each carry a single edge into the same box merge into one arrow (a clean fan-in);
 * otherwise every source gets its own arrow, so a line never seems to continue into a box it does not lead to.
 * One planner serves every channel of a placement, reusing its buffers.
 */
export class ArrowPlanner {
	// The source whose line comes down each column of the current channel, valid where sourceStamp is `stamp`.
	private readonly sourceAt: Int32Array;
	private readonly sourceStamp: Int32Array;
	private stamp = 0;
	// The sources feeding the current target have feedStamp[source] === `feed`.
	private readonly feedStamp: Int32Array;
	private feed = 0;
	// The arrows of one target, spread: each one's hop, source and drop, where it would stand packed, where
	// it is placed.
	private readonly closest = new ClosestOrdered(0);
	private hop = new Int32Array(0);
	private source = new Int32Array(0);
	private drop = new Float64Array(0);
	private offsets = new Float64Array(0);
	private placed = new Float64Array(0);
	private identity = new Int32Array(0);

	constructor(
		private readonly graph: LayeredGraph,
		private readonly hops: ChannelHopsOfGraph,
		private readonly port: Float64Array,
		private readonly metrics: AxisMetrics,
		private readonly span: number,
	) {
		this.sourceAt = new Int32Array(span);
		this.sourceStamp = new Int32Array(span);
		this.feedStamp = new Int32Array(graph.itemCount);
	}

	plan(channel: ChannelHops, plan: ChannelPlan): void {
		const {port, metrics} = this;
		this.stamp++;
		for (const source of channel.sources) {
			this.sourceAt[port[source]!] = source;
			this.sourceStamp[port[source]!] = this.stamp;
		}
		for (let index = 0; index < channel.targets.length; index++) {
			const target = channel.targets[index]!;
			const into = channel.targetHops[index]!;
			// Arrows enter a box anywhere inside its corners, a dummy in its one cell.
			let start = port[target]!;
			let end = start;
			if (target < this.graph.nodeCount) {
				const corner = port[target]! - metrics.boxPort[target]!;
				start = corner + 1;
				end = corner + metrics.boxSize[target]! - 2;
			}
			if (channel.fanIn[index] || start === end || into.length === 1)
				this.join(target, into, start, end, plan);
			else this.spread(target, into, start, end, plan);
		}
	}

	/** The source whose line comes down `column`, or -1. */
	private sourceAtColumn(column: number): number {
		return column >= 0 && column < this.span && this.sourceStamp[column] === this.stamp
			? this.sourceAt[column]!
			: -1;
	}

	/**
	 * One arrow for every line into `target`, kept off the lines of sources that do not feed it: a plain fan-in,
	 * or a single line (one arrow then is what giving each source its own gives too).
	 */
	private join(target: number, into: number[], start: number, end: number, plan: ChannelPlan): void {
		this.feed++;
		for (const hop of into) this.feedStamp[this.hops.hopSource[hop]!] = this.feed;
		let drop = this.port[target]!;
		if (this.nonFeedingAt(drop)) {
			// The nearest free cell of the box, the leftmost of two as near.
			let best: number | undefined;
			for (let column = start; column <= end; column++) {
				if (column === drop || this.nonFeedingAt(column)) continue;
				if (best === undefined || Math.abs(column - drop) < Math.abs(best - drop)) best = column;
			}
			if (best !== undefined) drop = best;
		}
		for (const hop of into) plan.dropOf[hop] = drop;
		if (this.nonFeedingAt(drop)) plan.lacking[target] = 1;
	}

	/** Whether the line of a source that does not feed the current target comes down `column`. */
	private nonFeedingAt(column: number): boolean {
		const source = this.sourceAtColumn(column);
		return source >= 0 && this.feedStamp[source] !== this.feed;
	}

	/** One arrow per source into `target`, in the order of the sources, grouped around its middle. */
	private spread(target: number, into: number[], start: number, end: number, plan: ChannelPlan): void {
		const {port} = this;
		const count = into.length;
		this.reserve(count);
		const {hop, source, drop, offsets, placed} = this;
		// The hops by their source's position (insertion sort: a box has few arrows).
		for (let index = 0; index < count; index++) {
			const from = this.hops.hopSource[into[index]!]!;
			let at = index;
			while (at > 0 && (port[source[at - 1]!]! - port[from]! || source[at - 1]! - from) > 0) {
				hop[at] = hop[at - 1]!;
				source[at] = source[at - 1]!;
				at--;
			}
			hop[at] = into[index]!;
			source[at] = from;
		}
		const middle = port[target]!;
		const spacing = (count - 1) * 2 <= end - start ? 2 : 1;
		// Arrows move towards their source only a little, so they stay near the middle.
		const low = Math.max(start, middle - count);
		const high = Math.min(end, middle + count);
		for (let index = 0; index < count; index++) {
			offsets[index] = index * spacing;
			this.closest.add(Math.min(high, Math.max(low, port[source[index]!]!)), 1, offsets[index]!);
		}
		this.closest.place(this.identity, 0, offsets, placed);
		const shift = Math.max(0, start - placed[0]!) - Math.max(0, placed[count - 1]! - end);
		for (let index = 0; index < count; index++)
			drop[index] = Math.min(end, Math.max(start, placed[index]! + shift));
		this.avoidSourceLines(count, start, end);
		for (let index = 0; index < count; index++) plan.dropOf[hop[index]!] = drop[index]!;
		const missing = this.missingCells(count, start, end);
		if (missing > 0) plan.lacking[target] = missing;
	}

	private reserve(count: number): void {
		if (this.hop.length >= count) return;
		this.hop = new Int32Array(count);
		this.source = new Int32Array(count);
		this.drop = new Float64Array(count);
		this.offsets = new Float64Array(count);
		this.placed = new Float64Array(count);
		this.identity = Int32Array.from({length: count}, (_, index) => index);
		this.closest.reserve(count);
	}

	/** Whether a source other than `source` comes down `column`. */
	private blocked(column: number, source: number): boolean {
		const other = this.sourceAtColumn(column);
		return other >= 0 && other !== source;
	}

	/**
	 * An arrow in the column where another source's line comes down would lie on that line; it swaps with a
	 * sibling arrow or moves to the nearest free cell of the box instead.
	 */
	private avoidSourceLines(count: number, start: number, end: number): void {
		const {source, drop} = this;
		for (let entry = 0; entry < count; entry++) {
			if (!this.blocked(drop[entry]!, source[entry]!)) continue;
			let partner = -1;
			for (let other = 0; other < count && partner < 0; other++) {
				if (
					other !== entry &&
					!this.blocked(drop[other]!, source[entry]!) &&
					!this.blocked(drop[entry]!, source[other]!)
				)
					partner = other;
			}
			if (partner >= 0) {
				const swapped = drop[entry]!;
				drop[entry] = drop[partner]!;
				drop[partner] = swapped;
				continue;
			}
			let best: number | undefined;
			for (let column = start; column <= end; column++) {
				if (this.dropAt(column, count) || this.blocked(column, source[entry]!)) continue;
				if (best === undefined || Math.abs(column - drop[entry]!) < Math.abs(best - drop[entry]!))
					best = column;
			}
			if (best !== undefined) drop[entry] = best;
		}
	}

	private dropAt(column: number, count: number): boolean {
		for (let index = 0; index < count; index++) if (this.drop[index] === column) return true;
		return false;
	}

	/** How many more cells the side needs so that every source has its own arrow off other sources' lines. */
	private missingCells(count: number, start: number, end: number): number {
		const {source, drop} = this;
		let clean = true;
		for (let index = 0; index < count && clean; index++) {
			if (this.blocked(drop[index]!, source[index]!)) clean = false;
			for (let other = 0; other < index; other++) if (drop[other] === drop[index]) clean = false;
		}
		if (clean) return 0;
		this.feed++;
		for (let index = 0; index < count; index++) this.feedStamp[source[index]!] = this.feed;
		let free = 0;
		for (let cell = start; cell <= end; cell++) {
			const other = this.sourceAtColumn(cell);
			if (other < 0 || this.feedStamp[other] === this.feed) free++;
		}
		return Math.max(1, count - free);
	}
}
