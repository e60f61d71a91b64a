// How long to wait before the next try after consecutive failures: exponential, capped, with full jitter.

/**
 * `failures` consecutive failures (1 for the first) → a delay drawn uniformly from [intervalMs, ceiling], where
 * ceiling = min(maxBackoffMs, intervalMs × 2^failures). Full jitter spreads many clients apart; the floor keeps a
 * retry from ever polling faster than the normal interval.
 */
export function backoffDelay(options: {
	failures: number;
	intervalMs: number;
	maxBackoffMs: number;
	random: () => number;
}): number {
	const {failures, intervalMs, maxBackoffMs, random} = options;
	const ceiling = Math.max(intervalMs, Math.min(maxBackoffMs, intervalMs * 2 ** Math.max(1, failures)));
	const draw = Math.min(1, Math.max(0, random()));
	return Math.round(intervalMs + draw * (ceiling - intervalMs));
}
