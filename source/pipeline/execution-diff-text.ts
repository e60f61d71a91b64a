// An execution diff as `sagemon diff` prints it and the compare screen shows it: one section per heading, changed
// rows only unless `all`, every line marked as a heading, a changed or an unchanged row, every remote text made
// printable.
import {executionIdOf} from './arn.js';
import {changedOnly, type ExecutionDiff} from './execution-diff.js';
import type {DefinitionDiff} from './diff-definition.js';
import type {ReportDiffRow} from './diff-reports.js';
import type {StepDiffRow, StepSide} from './diff-steps.js';
import {formatDuration} from './format.js';
import {sanitizeText} from './sanitize.js';
import {formatDurationDelta, formatLeaf, formatPercent, formatValueChange} from './value-change.js';

/** What a line is: the compare screen emphasises changed rows and dims unchanged ones. */
export type DiffLineKind = 'header' | 'heading' | 'changed' | 'same' | 'blank';

export type DiffLine = {text: string; kind: DiffLineKind};

export type DiffTextOptions = {
	/** Every row, also the unchanged ones. */
	all?: boolean;
	/** Names each execution by the id at the end of its ARN (a narrow screen), not its whole ARN. */
	shortNames?: boolean;
};

/** The plain text lines of a diff; without `all`, unchanged rows are left out and each section says so. */
export function executionDiffLines(full: ExecutionDiff, options: DiffTextOptions = {}): string[] {
	return executionDiffDisplay(full, options).map((line) => line.text);
}

/** The lines of a diff, each with its kind. */
export function executionDiffDisplay(full: ExecutionDiff, options: DiffTextOptions = {}): DiffLine[] {
	const all = options.all === true;
	const diff = all ? full : changedOnly(full);
	const {a, b} = diff.definition;
	const name = (arn: string) => clean(options.shortNames ? executionIdOf(arn) : arn);
	const lines: DiffLine[] = [
		header(`A ${name(a.execution)} (${clean(a.pipeline)}, ${a.status})`),
		header(`B ${name(b.execution)} (${clean(b.pipeline)}, ${b.status})`),
	];
	if (!diff.definition.samePipeline)
		lines.push(
			header(`The executions belong to different pipelines: ${clean(a.pipeline)} and ${clean(b.pipeline)}.`),
		);

	lines.push(blank, heading('Parameters'));
	const parameters = diff.parameters.map((row) => {
		const left = row.a === null ? '-' : `${row.a}${row.aDefault ? ' (default)' : ''}`;
		const right = row.b === null ? '-' : `${row.b}${row.bDefault ? ' (default)' : ''}`;
		const change = row.percent === undefined ? '' : ` (${formatPercent(row.percent)})`;
		return [row.name, row.changed ? `${left} → ${right}${change}` : `${left} (same)`, row.changed] as const;
	});
	lines.push(...table(parameters, all ? 'no parameters' : 'no parameter differs'));
	lines.push(blank, heading('Definition'), ...definitionLines(diff.definition));
	lines.push(blank, heading('Steps'));
	lines.push(
		...table(
			diff.steps.map((row) => [row.name, stepText(row), row.changed] as const),
			all ? 'no steps' : 'no step differs',
		),
	);
	for (const kind of ['propertyFile', 'metric'] as const) {
		const rows = diff.reports.filter((row) => row.kind === kind);
		const everywhere = full.reports.some((row) => row.kind === kind);
		if (rows.length === 0 && !everywhere) continue;
		lines.push(blank, heading(kind === 'metric' ? 'Metrics' : 'Reports'));
		if (rows.length === 0)
			lines.push(same(kind === 'metric' ? '  no metric differs' : '  no report value differs'));
		else lines.push(...reportLines(rows));
	}

	return lines;
}

const blank: DiffLine = {text: '', kind: 'blank'};
const header = (text: string): DiffLine => ({text, kind: 'header'});
const heading = (text: string): DiffLine => ({text, kind: 'heading'});
const same = (text: string): DiffLine => ({text, kind: 'same'});

function definitionLines(definition: ExecutionDiff['definition']): DiffLine[] {
	const {a, b} = definition;
	const versions =
		a.versionId !== null && b.versionId !== null
			? a.versionId === b.versionId
				? ` (version ${a.versionId})`
				: ` (versions ${a.versionId} → ${b.versionId})`
			: '';
	if (definition.identical === null) return [same(`  a definition could not be read${versions}`)];
	if (definition.sameVersion === true || definition.identical)
		return [same(`  the same ${definition.sameVersion ? 'pipeline version' : 'definition'}${versions}`)];
	return [`  different definitions${versions}`, ...changeLines(definition)].map((text) => ({
		text,
		kind: 'changed',
	}));
}

function changeLines(diff: DefinitionDiff): string[] {
	const lines: string[] = [];
	const list = (label: string, names: string[]) => {
		if (names.length > 0) lines.push(`  ${label}: ${names.map(clean).join(', ')}`);
	};

	list('steps added', diff.added);
	list('steps removed', diff.removed);
	for (const change of diff.changed) {
		const shown = change.paths.slice(0, 5).map((path) => (path === '' ? '(the whole step)' : path));
		const more = change.paths.length > 5 ? `, +${change.paths.length - 5} more` : '';
		lines.push(`  changed ${clean(change.step)}: ${shown.map(clean).join(', ')}${more}`);
	}

	list('parameters added', diff.parametersAdded);
	list('parameters removed', diff.parametersRemoved);
	if (lines.length === 0) lines.push('  the steps are the same; the order, parameters or settings differ');
	return lines;
}

function stepText(row: StepDiffRow): string {
	const state = (side: StepSide) => (side.cache === 'reused' ? 'reused' : side.state.replace('-', ' '));
	const parts = [pair(row.a, row.b, state, 'absent')];
	const durationA = row.a?.durationMs ?? null;
	const durationB = row.b?.durationMs ?? null;
	if (durationA !== null || durationB !== null) {
		const show = (ms: number | null) => (ms === null ? '-' : formatDuration(ms));
		let text = durationA === durationB ? show(durationA) : `${show(durationA)} → ${show(durationB)}`;
		if (row.duration && row.duration.deltaMs !== 0) {
			const percent = row.duration.percent === null ? '' : `, ${formatPercent(row.duration.percent, 0)}`;
			text += ` (${formatDurationDelta(row.duration.deltaMs)}${percent})`;
		}

		parts.push(text);
	}

	if (row.a && row.b) {
		if (row.changes.includes('attempts'))
			parts.push(`attempts ${formatLeaf(row.a.attempts)} → ${formatLeaf(row.b.attempts)}`);
		if (row.changes.includes('instanceType'))
			parts.push(`${formatLeaf(row.a.instanceType)} → ${formatLeaf(row.b.instanceType)}`);
		if (row.changes.includes('instanceCount'))
			parts.push(`instances ${formatLeaf(row.a.instanceCount)} → ${formatLeaf(row.b.instanceCount)}`);
	}

	return parts.join('  ');
}

function pair(
	a: StepSide | null,
	b: StepSide | null,
	show: (side: StepSide) => string,
	missing: string,
): string {
	const left = a ? show(a) : missing;
	const right = b ? show(b) : missing;
	return left === right ? left : `${left} → ${right}`;
}

function reportLines(rows: ReportDiffRow[]): DiffLine[] {
	const lines: DiffLine[] = [];
	let group = '';
	let pending: Array<readonly [string, string, boolean]> = [];
	const flush = () => {
		lines.push(...table(pending, '', 4));
		pending = [];
	};

	for (const row of rows) {
		const heading = row.kind === 'metric' ? row.step : `${row.step} ${row.file}`;
		if (heading !== group) {
			flush();
			group = heading;
			lines.push({text: `  ${clean(heading)}`, kind: 'heading'});
		}

		pending.push([row.path === '' ? '(value)' : row.path, formatValueChange(row.a, row.b), row.changed]);
	}

	flush();
	return lines;
}

/**
 * Two columns (name, text; and whether the row changed), the first padded to the longest name (at most 40
 * columns); `empty` when there are no rows.
 */
function table(
	rows: ReadonlyArray<readonly [string, string, boolean]>,
	empty: string,
	indent = 2,
): DiffLine[] {
	const margin = ' '.repeat(indent);
	if (rows.length === 0) return empty === '' ? [] : [same(`${margin}${empty}`)];
	const names = rows.map(([name]) => clean(name));
	const width = Math.min(40, Math.max(...names.map((name) => name.length)));
	return rows.map((row, index) => ({
		text: `${margin}${(names[index] as string).padEnd(width)}  ${clean(row[1])}`,
		kind: row[2] ? 'changed' : 'same',
	}));
}

function clean(text: string): string {
	return sanitizeText(text);
}
