// The statistics the benchmark reports: medians of repeated runs.

export function median(values) {
	if (values.length === 0) throw new Error('no runs to take the median of');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
