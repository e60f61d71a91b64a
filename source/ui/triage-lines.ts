// The triage as the execution screen shows it: in full in the `w` pane (the lines `sagemon why` prints), and at a
// glance under the steps (the failed step, its kind and reason, the error its log ends in, the next action).
import type {TriagedStep} from '../pipeline/triage.js';
import {triageLines} from '../pipeline/triage-report.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {Loading} from './hooks/use-async-resource.js';
import type {ScreenTriage} from './hooks/use-triage.js';
import type {PaneLine, PaneSpan} from './components/text-pane.js';
import type {Tone} from './theme.js';
import {wrapLines} from './wrap-lines.js';

/** The `w` pane's lines: `sagemon why`'s output, wrapped to `width`, step headings and next actions coloured. */
export function triagePaneLines(loaded: Loading<ScreenTriage>, width: number): PaneLine[] {
	if (loaded.state === 'loading')
		return [line('loading', 'Reading the failed steps’ jobs and logs…', 'muted')];
	if (loaded.state === 'failed')
		return [line('failed', `Could not read the triage: ${sanitizeText(loaded.message)}`, 'danger')];
	const {triage, logProblems} = loaded.value;
	const headings = new Set(triage.failedSteps.map((step) => `${sanitizeText(step.name)} (`));
	const texts = [
		...triageLines(triage, {timeZoneOffsetMinutes: -new Date().getTimezoneOffset()}),
		...Object.entries(logProblems).map(
			([step, problem]) => `Could not read the log of ${sanitizeText(step)}: ${sanitizeText(problem)}`,
		),
	];
	const lines: PaneLine[] = [];
	let inNext = false;
	for (const text of texts) {
		const heading = [...headings].some((start) => text.startsWith(start));
		if (heading || text === '') inNext = false;
		if (text.startsWith('  next: ')) inNext = true;
		const tone: Tone | undefined = heading ? 'danger' : inNext ? 'accent' : undefined;
		const indent = /^ */.exec(text)?.[0] ?? '';
		// A blank line keeps its row (an empty text would take none).
		for (const part of wrapLines(text.slice(indent.length), Math.max(10, width - 4 - indent.length - 2)))
			lines.push(line(String(lines.length), `${indent}${part}` || ' ', tone, heading));
	}

	return lines;
}

/**
 * Up to three lines about `step` (else the first failed step): what failed and why, the error its log (or its
 * reason) ends in, and what to do next. Empty when nothing failed. Before the triage is read, the step's own
 * reason from the step list.
 */
export function triageGlance(
	loaded: Loading<ScreenTriage>,
	step: {name: string; reason?: string} | undefined,
): string[] {
	if (loaded.state !== 'ready') {
		if (step === undefined) return [];
		const reading = loaded.state === 'loading' ? ' (reading its job and log…)' : '';
		return [`${sanitizeText(step.name)} failed: ${firstLine(step.reason ?? 'no reason given')}${reading}`];
	}

	const {failedSteps, stopped} = loaded.value.triage;
	const shown = failedSteps.find((candidate) => candidate.name === step?.name) ?? failedSteps[0];
	if (shown === undefined) return [];
	const stoppedBy = stopped?.by === undefined ? 'stopped' : `stopped by ${stopped.by}`;
	const reason =
		shown.failMessage ??
		shown.jobReason ??
		shown.reason ??
		shown.lastStatusMessage ??
		(shown.kind === 'stopped' ? stoppedBy : undefined);
	const more = failedSteps.length > 1 ? ` (+${failedSteps.length - 1} more)` : '';
	const lines = [
		`${sanitizeText(shown.name)}: ${shown.kind}${more} · ${firstLine(reason ?? 'no reason given')}`,
	];
	const error = errorLine(shown);
	if (error !== undefined && error !== firstLine(reason ?? '')) lines.push(`  ${error}`);
	lines.push(`  next: ${sanitizeText(shown.nextAction)}`);
	return lines;
}

/** The line that names the error: a gate's condition, else the exception line of the log or the reason. */
function errorLine(step: TriagedStep): string | undefined {
	if (step.gate) return sanitizeText(step.gate.text);
	// The log's exception first; a reason's first line is already on the line above.
	const candidates = [...(step.jobReason ?? step.reason ?? '').split('\n').slice(1), ...step.logExcerpt];
	const exception = candidates
		.reverse()
		.find((text) => /^[A-Za-z_][\w.]*(Error|Exception)\b/.test(text.trim()));
	// A stopped job's last log line is whatever it was doing, not an error.
	const chosen =
		exception ?? (step.kind === 'stopped' ? undefined : (step.logExcerpt.at(-1) ?? step.exitMessage));
	return chosen === undefined ? undefined : firstLine(chosen);
}

function firstLine(text: string): string {
	return sanitizeText(text.trim().split('\n')[0] ?? '');
}

function line(key: string, text: string, tone?: Tone, bold?: boolean): PaneLine {
	const span: PaneSpan = {text};
	if (tone) span.tone = tone;
	if (bold) span.bold = true;
	return {key, spans: [span]};
}
