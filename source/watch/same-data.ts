// Structural equality for plain JSON-like data, so pollers publish a new snapshot only when something changed.

export function sameData(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, index) => sameData(item, b[index]));
	}

	// Every poll compares a whole step list, so this walks the members without building key lists.
	const aRecord = a as Record<string, unknown>;
	const bRecord = b as Record<string, unknown>;
	let aMembers = 0;
	for (const key in aRecord) {
		if (!Object.hasOwn(aRecord, key) || aRecord[key] === undefined) continue;
		aMembers++;
		if (!sameData(aRecord[key], bRecord[key])) return false;
	}
	return definedMembers(bRecord) === aMembers;
}

function definedMembers(record: Record<string, unknown>): number {
	let count = 0;
	for (const key in record) if (Object.hasOwn(record, key) && record[key] !== undefined) count++;
	return count;
}

/** `next`, except that every top-level member equal to the one in `previous` keeps `previous`'s reference. */
export function reuseUnchanged<T extends object>(previous: T, next: T): T {
	const result = {...next};
	for (const key of Object.keys(next) as Array<keyof T>) {
		if (sameData(previous[key], next[key])) result[key] = previous[key];
	}

	return result;
}
