// The lines of a failed job's log worth showing first: its last Python traceback, or else its last lines.

const tracebackHeader = 'Traceback (most recent call last):';

/**
 * From the last line that starts a Python traceback to the end of the log; without one, the last `count` lines.
 * A traceback longer than `count` keeps its header line and its last `count - 1` lines (where the exception is).
 * Trailing blank lines are dropped first. `count` below 1 gives no lines.
 */
export function selectLogExcerpt(lines: string[], count: number): string[] {
	if (count < 1) return [];
	let end = lines.length;
	while (end > 0 && (lines[end - 1] as string).trim() === '') end--;
	const kept = lines.slice(0, end);
	let start = -1;
	for (let index = kept.length - 1; index >= 0; index--) {
		if ((kept[index] as string).trimStart().startsWith(tracebackHeader)) {
			start = index;
			break;
		}
	}

	if (start === -1) return kept.slice(Math.max(0, kept.length - count));
	const traceback = kept.slice(start);
	if (traceback.length <= count) return traceback;
	return count === 1 ? traceback.slice(-1) : [traceback[0] as string, ...traceback.slice(-(count - 1))];
}
