// Decides where each edge enters its target box: shared arrows for plain fan-in, else one arrow per source.
import {closestOrdered} from './layout-position.js';

/** The cells of an item's border that edges may enter: the whole inside of a box's side, a dummy's one cell. */
export type Reach = (item: number) => {start: number; end: number};

export function hopKey(source: number, target: number): number {
	return source * 4_194_304 + target;
}

export type ArrowPlan = {
	/** Keyed by hopKey(source, target): the cell of the target's border where the hop enters it. */
	dropOf: Map<number, number>;
	/**
	 * Targets whose side has too few free cells for their arrows, each with how many more cells it needs. Their
	 * arrows are still placed, but some lie on another source's line or share a cell.
	 */
	short: Map<number, number>;
};

/**
 * Where each hop (source item -> target item in one channel) enters its target. Lines that each carry a single
 * edge into the same box merge into one arrow (a clean fan-in); otherwise every source gets its own arrow, so a
 * line never seems to continue into a box it does not lead to.
 */
export function placeArrows(hops: Map<number, Set<number>>, port: number[], reach: Reach): ArrowPlan {
	const incoming = new Map<number, number[]>();
	for (const [source, targets] of hops) {
		for (const target of targets) {
			const sources = incoming.get(target);
			if (sources) sources.push(source);
			else incoming.set(target, [source]);
		}
	}
	const sourceAt = new Map<number, number>();
	for (const source of hops.keys()) sourceAt.set(port[source]!, source);
	const dropOf = new Map<number, number>();
	const short = new Map<number, number>();
	for (const [target, sources] of incoming) {
		const {start, end} = reach(target);
		if (sources.every((source) => hops.get(source)!.size === 1) || start === end) {
			// A plain fan-in: every line joins one arrow, kept off the lines of sources that do not feed the box.
			const shared = sources.map((source) => ({source, drop: port[target]!}));
			const feeding = new Set(sources);
			const otherAt = (column: number) => {
				const source = sourceAt.get(column);
				return source === undefined || feeding.has(source) ? undefined : source;
			};
			avoidSourceLines(shared.slice(0, 1), otherAt, start, end);
			for (const source of sources) dropOf.set(hopKey(source, target), shared[0]!.drop);
			if (otherAt(shared[0]!.drop) !== undefined) short.set(target, 1);
			continue;
		}
		const drops = spreadDrops(sources, port, port[target]!, start, end);
		avoidSourceLines(drops, (column) => sourceAt.get(column), start, end);
		for (const {source, drop} of drops) dropOf.set(hopKey(source, target), drop);
		const missing = missingCells(drops, sourceAt, start, end);
		if (missing > 0) short.set(target, missing);
	}
	return {dropOf, short};
}

/** How many more cells the side needs so that every source has its own arrow off other sources' lines. */
function missingCells(
	drops: Array<{source: number; drop: number}>,
	sourceAt: Map<number, number>,
	start: number,
	end: number,
): number {
	const clean =
		new Set(drops.map((entry) => entry.drop)).size === drops.length &&
		drops.every((entry) => (sourceAt.get(entry.drop) ?? entry.source) === entry.source);
	if (clean) return 0;
	const feeding = new Set(drops.map((entry) => entry.source));
	let free = 0;
	for (let cell = start; cell <= end; cell++) {
		const source = sourceAt.get(cell);
		if (source === undefined || feeding.has(source)) free++;
	}
	return Math.max(1, drops.length - free);
}

/** One arrow per source, in the order of the sources, grouped around the middle of the box. */
function spreadDrops(
	sources: number[],
	port: number[],
	middle: number,
	start: number,
	end: number,
): Array<{source: number; drop: number}> {
	if (sources.length === 1) return [{source: sources[0]!, drop: middle}];
	sources.sort((a, b) => port[a]! - port[b]! || a - b);
	const spacing = (sources.length - 1) * 2 <= end - start ? 2 : 1;
	const offsets = sources.map((_, index) => index * spacing);
	// Arrows move towards their source only a little, so they stay near the middle.
	const low = Math.max(start, middle - sources.length);
	const high = Math.min(end, middle + sources.length);
	const desired = sources.map((source) => ({value: Math.min(high, Math.max(low, port[source]!)), weight: 1}));
	const placed = closestOrdered(desired, offsets);
	const shift = Math.max(0, start - placed[0]!) - Math.max(0, placed[placed.length - 1]! - end);
	return sources.map((source, index) => ({
		source,
		drop: Math.min(end, Math.max(start, placed[index]! + shift)),
	}));
}

/**
 * An arrow in the column where another source's line comes down would lie on that line; it swaps with a sibling
 * arrow or moves to the nearest free cell of the box instead.
 */
function avoidSourceLines(
	drops: Array<{source: number; drop: number}>,
	sourceAt: (column: number) => number | undefined,
	start: number,
	end: number,
): void {
	const blocked = (column: number, source: number) => (sourceAt(column) ?? source) !== source;
	for (const entry of drops) {
		if (!blocked(entry.drop, entry.source)) continue;
		const partner = drops.find(
			(other) => other !== entry && !blocked(other.drop, entry.source) && !blocked(entry.drop, other.source),
		);
		if (partner) {
			[entry.drop, partner.drop] = [partner.drop, entry.drop];
			continue;
		}
		const used = new Set(drops.map((other) => other.drop));
		let best: number | undefined;
		for (let column = start; column <= end; column++) {
			if (used.has(column) || blocked(column, entry.source)) continue;
			if (best === undefined || Math.abs(column - entry.drop) < Math.abs(best - entry.drop)) best = column;
		}
		if (best !== undefined) entry.drop = best;
	}
}
