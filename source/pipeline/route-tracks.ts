// Gives every bus that turns in a channel (a source's line, running along to the arrows it feeds) its track.
import type {ChannelHops, ChannelPlan} from './channel-types.js';

/**
 * Tracks for the buses that turn. A bus crossing another's source line goes below where that line ends, and a
 * bus crossing another's drop goes above where that drop starts, so a crossing never looks like a join.
 * One planner serves every channel of a placement, reusing its buffers.
 */
export class TrackPlanner {
	// Columns where a line runs straight across the whole channel: where straightStamp is `stamp`. Crossing those
	// is unavoidable and unambiguous.
	private readonly straightStamp: Int32Array;
	private stamp = 0;
	// The turning buses of the current channel, as indices into its sources, with their extents.
	private turning: Int32Array = new Int32Array(8);
	private start: Float64Array = new Float64Array(8);
	private end: Float64Array = new Float64Array(8);
	private through: Uint8Array = new Uint8Array(8);
	// `before[b * count + a]`: bus a must run above bus b. A "hard" one is where two lines would otherwise lie on
	// top of each other in one column (a source line and a drop); the others only turn a crossing into a join.
	private before: Uint8Array = new Uint8Array(64);
	private hard: Uint8Array = new Uint8Array(64);
	// Per bus: how many buses it must run below that have no track yet (of them, hard ones), and its track.
	private waiting: Int32Array = new Int32Array(8);
	private waitingHard: Int32Array = new Int32Array(8);
	private track: Int32Array = new Int32Array(8);

	constructor(private readonly span: number) {
		this.straightStamp = new Int32Array(span);
	}

	/** Sets plan.trackOf for the channel's turning buses; returns how many tracks they take. */
	plan(channel: ChannelHops, port: Float64Array, plan: ChannelPlan): number {
		const {sources, sourceHops} = channel;
		const {dropOf} = plan;
		this.reserve(sources.length);
		this.stamp++;
		let count = 0;
		for (let index = 0; index < sources.length; index++) {
			const column = port[sources[index]!]!;
			let start = column;
			let end = column;
			let through = false;
			for (const hop of sourceHops[index]!) {
				const drop = dropOf[hop]!;
				start = Math.min(start, drop);
				end = Math.max(end, drop);
				if (drop === column) through = true;
			}
			if (through && column >= 0 && column < this.span) this.straightStamp[column] = this.stamp;
			if (start < end) {
				this.turning[count] = index;
				this.start[count] = start;
				this.end[count] = end;
				this.through[count] = through ? 1 : 0;
				count++;
			}
		}
		if (count === 0) return 0;
		this.constrain(channel, port, dropOf, count);
		return this.assign(channel, plan, count);
	}

	private reserve(buses: number): void {
		if (this.turning.length < buses) {
			this.turning = new Int32Array(buses);
			this.start = new Float64Array(buses);
			this.end = new Float64Array(buses);
			this.through = new Uint8Array(buses);
			this.waiting = new Int32Array(buses);
			this.waitingHard = new Int32Array(buses);
			this.track = new Int32Array(buses);
		}
		if (this.before.length < buses * buses) {
			this.before = new Uint8Array(buses * buses);
			this.hard = new Uint8Array(buses * buses);
		}
	}

	private constrain(channel: ChannelHops, port: Float64Array, dropOf: Float64Array, count: number): void {
		const {before, hard, start, end} = this;
		before.fill(0, 0, count * count);
		hard.fill(0, 0, count * count);
		const hopsOf = (bus: number) => channel.sourceHops[this.turning[bus]!]!;
		const hasDrop = (bus: number, column: number) => {
			for (const hop of hopsOf(bus)) if (dropOf[hop] === column) return true;
			return false;
		};
		for (let bus = 0; bus < count; bus++) {
			const column = port[channel.sources[this.turning[bus]!]!]!;
			for (let other = 0; other < count; other++) {
				if (other === bus || this.sameFunnel(channel, dropOf, bus, other)) continue;
				const otherColumn = port[channel.sources[this.turning[other]!]!]!;
				if (this.through[other] === 0 && otherColumn >= start[bus]! && otherColumn <= end[bus]!) {
					before[bus * count + other] = 1;
					if (hasDrop(bus, otherColumn)) hard[bus * count + other] = 1;
				}
				for (const hop of hopsOf(other)) {
					const drop = dropOf[hop]!;
					if (drop < start[bus]! || drop > end[bus]! || hasDrop(bus, drop) || this.isStraight(drop)) continue;
					before[other * count + bus] = 1;
					if (drop === column) hard[other * count + bus] = 1;
				}
			}
		}
	}

	private isStraight(column: number): boolean {
		return column >= 0 && column < this.span && this.straightStamp[column] === this.stamp;
	}

	/** Lines that each lead only into the same arrow can join anywhere: every reading of the joined line is right. */
	private sameFunnel(channel: ChannelHops, dropOf: Float64Array, bus: number, other: number): boolean {
		const hops = channel.sourceHops[this.turning[bus]!]!;
		const otherHops = channel.sourceHops[this.turning[other]!]!;
		return hops.length === 1 && otherHops.length === 1 && dropOf[hops[0]!] === dropOf[otherHops[0]!];
	}

	/**
	 * In a topological order of the "goes above" relation, each bus takes the first track below the buses it must
	 * run under that no overlapping bus holds. Where the relation has a cycle, a bus whose hard constraints are
	 * met goes first, then the one with fewest unmet constraints, then the narrowest. Buses take their tracks in
	 * that order, so a bus's track depends only on those placed before it.
	 */
	private assign(channel: ChannelHops, plan: ChannelPlan, count: number): number {
		const {before, hard, waiting, waitingHard, track} = this;
		for (let bus = 0; bus < count; bus++) {
			waiting[bus] = 0;
			waitingHard[bus] = 0;
			track[bus] = -1;
			for (let other = 0; other < count; other++) {
				waiting[bus]! += before[bus * count + other]!;
				waitingHard[bus]! += hard[bus * count + other]!;
			}
		}
		let tracks = 0;
		for (let placed = 0; placed < count; placed++) {
			let next = -1;
			for (let bus = 0; bus < count; bus++) {
				if (track[bus] === -1 && (next === -1 || this.goesFirst(bus, next))) next = bus;
			}
			let chosen = 0;
			for (let earlier = 0; earlier < count; earlier++) {
				if (before[next * count + earlier] && track[earlier]! >= 0)
					chosen = Math.max(chosen, track[earlier]! + 1);
			}
			for (let other = 0; other < count; other++) {
				if (track[other] === chosen && this.clashes(channel, plan.dropOf, next, other)) {
					chosen++;
					other = -1;
				}
			}
			track[next] = chosen;
			plan.trackOf[channel.sources[this.turning[next]!]!] = chosen;
			tracks = Math.max(tracks, chosen + 1);
			for (let later = 0; later < count; later++) {
				if (!before[later * count + next]) continue;
				waiting[later]!--;
				if (hard[later * count + next]) waitingHard[later]!--;
			}
		}
		return tracks;
	}

	private goesFirst(bus: number, other: number): boolean {
		const {waiting, waitingHard} = this;
		const order =
			waitingHard[bus]! - waitingHard[other]! ||
			waiting[bus]! - waiting[other]! ||
			this.narrowness(bus) - this.narrowness(other);
		return order < 0;
	}

	/** Narrower buses first, then the leftmost. */
	private narrowness(bus: number): number {
		return (this.end[bus]! - this.start[bus]!) * 1e6 + this.start[bus]!;
	}

	/** Two buses share a track only if they do not overlap, or both carry one edge into the same arrow (a fan-in). */
	private clashes(channel: ChannelHops, dropOf: Float64Array, bus: number, other: number): boolean {
		return (
			!this.sameFunnel(channel, dropOf, bus, other) &&
			Math.max(this.start[bus]!, this.start[other]!) <= Math.min(this.end[bus]!, this.end[other]!)
		);
	}
}
