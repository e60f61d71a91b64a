// Plain-text views of an execution's steps for the commands: the `steps` table and per-step one-liners.
import stringWidth from 'string-width';
import {formatDuration, formatTimestamp, truncateEnd} from '../pipeline/format.js';
import type {StepRecord} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';

const metadataTypes: Record<string, string> = {
	TrainingJob: 'Training',
	ProcessingJob: 'Processing',
	TransformJob: 'Transform',
	TuningJob: 'Tuning',
	AutoMLJob: 'AutoML',
};

/** The step's type from the definition, else guessed from the metadata the service attached, else '-'. */
export function stepType(step: StepRecord, types: ReadonlyMap<string, string>): string {
	const declared = types.get(step.name);
	if (declared) return declared;
	const key = Object.keys(step.metadata ?? {})[0];
	if (key === undefined) return '-';
	return metadataTypes[key] ?? key;
}

/** Steps in the order they started (the service lists newest first). */
export function inStartOrder(steps: StepRecord[]): StepRecord[] {
	return [...steps].sort(
		(a, b) =>
			(a.startedAt ?? Number.MAX_SAFE_INTEGER) - (b.startedAt ?? Number.MAX_SAFE_INTEGER) ||
			a.name.localeCompare(b.name),
	);
}

/** "1m 05s" for an ended step, "1m 05s…" for one still running, '-' before it starts. */
export function stepDuration(step: StepRecord, now: number): string {
	if (step.startedAt === undefined) return '-';
	if (step.endedAt !== undefined) return formatDuration(step.endedAt - step.startedAt);
	return `${formatDuration(now - step.startedAt)}…`;
}

/**
 * The `steps` table: STEP, TYPE, STATUS, STARTED (UTC), DURATION, CACHE, FAILURE REASON. With `width` (a
 * terminal), the failure reason is cut to fit; without, it is printed whole on its line.
 */
export function formatStepsTable(
	steps: StepRecord[],
	options: {types: ReadonlyMap<string, string>; now: number; width?: number},
): string {
	const header = ['STEP', 'TYPE', 'STATUS', 'STARTED (UTC)', 'DURATION', 'CACHE', 'FAILURE REASON'];
	const rows = inStartOrder(steps).map((step) => [
		sanitizeText(step.name),
		sanitizeText(stepType(step, options.types)),
		step.status,
		step.startedAt === undefined ? '-' : formatTimestamp(step.startedAt),
		stepDuration(step, options.now),
		step.reusedFromArn ? 'reused' : step.cacheSourceArn ? 'hit' : '-',
		step.failureReason ? sanitizeText(step.failureReason).trim() : '',
	]);
	const widths = header
		.slice(0, -1)
		.map((title, column) => Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[column]!))));
	const lines = [header, ...rows].map((cells) => {
		const fixed = cells
			.slice(0, -1)
			.map((cell, column) => cell + ' '.repeat(widths[column]! - stringWidth(cell)))
			.join('  ');
		const reason = cells.at(-1)!;
		if (reason === '') return fixed.trimEnd();
		const room =
			options.width === undefined ? Number.POSITIVE_INFINITY : options.width - stringWidth(fixed) - 2;
		return room >= 10 ? `${fixed}  ${truncateEnd(reason, room)}` : `${fixed}  ${reason}`;
	});
	return `${[...lines, ...reuseLines(steps)].join('\n')}\n`;
}

/** Under the table of a selective execution: which steps were reused, from which execution. */
function reuseLines(steps: StepRecord[]): string[] {
	const bySource = new Map<string, string[]>();
	for (const step of inStartOrder(steps)) {
		if (step.reusedFromArn)
			bySource.set(step.reusedFromArn, [...(bySource.get(step.reusedFromArn) ?? []), step.name]);
	}

	return [...bySource].map(
		([source, names]) =>
			`Reused from ${sanitizeText(source)}: ${names.map((name) => sanitizeText(name)).join(', ')}`,
	);
}
