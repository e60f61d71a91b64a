// The reports section of an execution diff: the leaves of every property file (evaluation.json and the like) and
// every training metric (FinalMetricDataList) of both executions, side by side with the change.
import {isRecord} from './expressions.js';
import {indexPath, memberPath} from './json-path.js';
import {compareValues, type Leaf} from './value-change.js';

/** A property file a step wrote, parsed; `file` is its PropertyFileName (e.g. EvaluationReport). */
export type ReportValue = {step: string; file: string; value: unknown};

/** A training job's final metric (DescribeTrainingJob.FinalMetricDataList[]). */
export type FinalMetric = {name: string; value: number};

export type ReportDiffRow = {
	kind: 'propertyFile' | 'metric';
	step: string;
	/** The PropertyFileName; `FinalMetricDataList` for metrics. */
	file: string;
	/** The leaf's JSON path in the file (`regression_metrics.mse.value`), or the metric's name. */
	path: string;
	/** Null when that execution has no such value. */
	a: Leaf;
	b: Leaf;
	changed: boolean;
	delta?: number;
	percent?: number;
};

export type ReportsSide = {reports?: ReportValue[]; metrics?: Record<string, FinalMetric[]>};

/** At most this many leaves are read from one file (a report is small; this bounds a mistaken huge one). */
const maximumLeaves = 5000;

/**
 * Rows for every property file and metric of either execution, ordered by `stepOrder` (the diff's step order),
 * then file, then the leaves in A's document order followed by those only B has.
 */
export function diffReports(a: ReportsSide, b: ReportsSide, stepOrder: string[]): ReportDiffRow[] {
	const rank = new Map(stepOrder.map((name, index) => [name, index]));
	const groups = new Map<
		string,
		{kind: ReportDiffRow['kind']; step: string; file: string; a?: Leaves; b?: Leaves}
	>();
	const add = (kind: ReportDiffRow['kind'], step: string, file: string, side: 'a' | 'b', leaves: Leaves) => {
		const key = `${kind}\u0000${step}\u0000${file}`;
		const group = groups.get(key) ?? {kind, step, file};
		group[side] = leaves;
		groups.set(key, group);
	};

	for (const [side, source] of [
		['a', a],
		['b', b],
	] as const) {
		for (const report of source.reports ?? [])
			add('propertyFile', report.step, report.file, side, flatten(report.value));
		for (const [step, metrics] of Object.entries(source.metrics ?? {})) {
			add(
				'metric',
				step,
				'FinalMetricDataList',
				side,
				new Map(metrics.map((metric) => [metric.name, metric.value])),
			);
		}
	}

	const ordered = [...groups.values()].sort(
		(x, y) =>
			(rank.get(x.step) ?? rank.size) - (rank.get(y.step) ?? rank.size) ||
			x.step.localeCompare(y.step) ||
			(x.kind === y.kind ? 0 : x.kind === 'propertyFile' ? -1 : 1) ||
			x.file.localeCompare(y.file),
	);
	const rows: ReportDiffRow[] = [];
	for (const group of ordered) {
		const left = group.a ?? new Map<string, Leaf>();
		const right = group.b ?? new Map<string, Leaf>();
		const paths = [...left.keys(), ...[...right.keys()].filter((path) => !left.has(path))];
		for (const path of paths) {
			const one = left.has(path) ? (left.get(path) as Leaf) : undefined;
			const two = right.has(path) ? (right.get(path) as Leaf) : undefined;
			const change = compareValues(one, two);
			const row: ReportDiffRow = {
				kind: group.kind,
				step: group.step,
				file: group.file,
				path,
				a: one ?? null,
				b: two ?? null,
				changed: change.changed,
			};
			if (change.delta !== undefined) row.delta = change.delta;
			if (change.percent !== undefined) row.percent = change.percent;
			rows.push(row);
		}
	}

	return rows;
}

type Leaves = Map<string, Leaf>;

/** Every leaf (text, number, boolean, null) of a parsed JSON value with its path; empty objects and lists are leaves too. */
export function flatten(value: unknown): Leaves {
	const leaves: Leaves = new Map();
	const stack: Array<[unknown, string]> = [[value, '']];
	while (stack.length > 0 && leaves.size < maximumLeaves) {
		const [item, path] = stack.pop() as [unknown, string];
		if (Array.isArray(item) && item.length > 0) {
			for (let index = item.length - 1; index >= 0; index--)
				stack.push([item[index], indexPath(path, index)]);
		} else if (isRecord(item) && Object.keys(item).length > 0) {
			const keys = Object.keys(item);
			for (let index = keys.length - 1; index >= 0; index--) {
				const key = keys[index] as string;
				stack.push([item[key], memberPath(path, key)]);
			}
		} else if (
			item === null ||
			typeof item === 'string' ||
			typeof item === 'number' ||
			typeof item === 'boolean'
		) {
			leaves.set(path, item);
		} else leaves.set(path, JSON.stringify(item) ?? null);
	}

	return leaves;
}
