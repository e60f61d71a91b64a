// Runs an async function over a list with at most `limit` calls in flight, keeping the input's order: evidence
// gathering fans out per step without sending a burst of requests the service would throttle.

/** Results in input order; the first rejection rejects the whole (calls already started still finish). */
export async function mapBounded<T, R>(
	items: readonly T[],
	limit: number,
	run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await run(items[index] as T, index);
		}
	};

	await Promise.all(Array.from({length: Math.min(Math.max(1, limit), items.length)}, worker));
	return results;
}
