// The key metrics of a model quality report (the JSON a RegisterModel step attaches as ModelMetrics, such as the
// tutorial's evaluation.json): the numbers SageMaker's report format keeps under `<group>.<metric>.value`.
export type KeyMetric = {
	/** The metric's own name, e.g. `mse`. */
	name: string;
	/** Where it is in the report, e.g. `regression_metrics.mse.value`. */
	path: string;
	value: number;
};

/** At most this many metrics per report: a report is read for its headline numbers, not dumped. */
const maximumMetrics = 12;

/**
 * The metrics of `report`: every object with a numeric `value` member (`{"mse": {"value": 2.5,
 * "standard_deviation": 0.4}}` → mse 2.5); when the report has none of those, its numeric leaves, named by their
 * key. In document order.
 */
export function keyMetricsOf(report: unknown): KeyMetric[] {
	const valued: KeyMetric[] = [];
	const leaves: KeyMetric[] = [];
	walk(report, [], valued, leaves, 0);
	return (valued.length > 0 ? valued : leaves).slice(0, maximumMetrics);
}

function walk(node: unknown, path: string[], valued: KeyMetric[], leaves: KeyMetric[], depth: number): void {
	if (depth > 8 || node === null || typeof node !== 'object' || Array.isArray(node)) return;
	const record = node as Record<string, unknown>;
	const name = path.at(-1);
	if (name !== undefined && typeof record.value === 'number' && Number.isFinite(record.value)) {
		valued.push({name, path: [...path, 'value'].join('.'), value: record.value});
		return;
	}

	for (const [key, value] of Object.entries(record)) {
		if (typeof value === 'number' && Number.isFinite(value)) {
			leaves.push({name: key, path: [...path, key].join('.'), value});
		} else {
			walk(value, [...path, key], valued, leaves, depth + 1);
		}
	}
}

/** A metric's value for a person: up to 4 significant digits, no exponent for everyday sizes. */
export function formatMetricValue(value: number): string {
	if (Number.isInteger(value)) return String(value);
	const magnitude = Math.abs(value);
	if (magnitude !== 0 && (magnitude < 0.001 || magnitude >= 1e6)) return value.toExponential(3);
	return String(Number(value.toPrecision(4)));
}

/**
 * `mse 2.5 (approved 3.1)`: each metric of a version, next to the approved version's value of the same path when
 * there is one and this is not the approved version itself.
 */
export function describeMetrics(metrics: readonly KeyMetric[], approved?: readonly KeyMetric[]): string {
	return metrics
		.map((metric) => {
			const other = approved?.find((candidate) => candidate.path === metric.path);
			const next = other ? ` (approved ${formatMetricValue(other.value)})` : '';
			return `${metric.name} ${formatMetricValue(metric.value)}${next}`;
		})
		.join(', ');
}
