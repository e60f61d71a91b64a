// Structural equality for plain JSON-like data, so pollers publish a new snapshot only when something changed.

export function sameData(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, index) => sameData(item, b[index]));
	}

	const aRecord = a as Record<string, unknown>;
	const bRecord = b as Record<string, unknown>;
	const aKeys = Object.keys(aRecord).filter((key) => aRecord[key] !== undefined);
	const bKeys = Object.keys(bRecord).filter((key) => bRecord[key] !== undefined);
	return aKeys.length === bKeys.length && aKeys.every((key) => sameData(aRecord[key], bRecord[key]));
}

/** `next`, except that every top-level member equal to the one in `previous` keeps `previous`'s reference. */
export function reuseUnchanged<T extends object>(previous: T, next: T): T {
	const result = {...next};
	for (const key of Object.keys(next) as Array<keyof T>) {
		if (sameData(previous[key], next[key])) result[key] = previous[key];
	}

	return result;
}
