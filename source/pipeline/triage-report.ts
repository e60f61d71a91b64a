// A triage as `sagemon why` prints it: the `--json` object, and the plain text lines of its default output.
import {formatTimestamp} from './format.js';
import {sanitizeText} from './sanitize.js';
import type {Triage, TriagedStep} from './triage.js';

export type TriageJson = {
	status: string;
	failureReason: string | null;
	failedSteps: Array<{
		name: string;
		type: string;
		kind: string;
		reason: string | null;
		jobReason: string | null;
		exitMessage: string | null;
		lastStatusMessage: string | null;
		logExcerpt: string[];
		failMessage: string | null;
		condition: string | null;
		advice: string;
		nextAction: string;
	}>;
	stopped?: {by: string | null; at: string | null; steps: string[]};
	/** Callback steps waiting for their answer (a running execution only). */
	waitingSteps?: Array<{name: string; callbackToken: string | null}>;
};

/**
 * Every documented member is present (null when unknown), so a CI script can read them without checks. Times are
 * ISO 8601 texts. Serialise with `stringifyJson` (sanitize.ts) before it reaches a terminal.
 */
export function triageJson(triage: Triage): TriageJson {
	const json: TriageJson = {
		status: triage.status,
		failureReason: triage.failureReason ?? null,
		failedSteps: triage.failedSteps.map((step) => ({
			name: step.name,
			type: step.type,
			kind: step.kind,
			reason: step.reason ?? null,
			jobReason: step.jobReason ?? null,
			exitMessage: step.exitMessage ?? null,
			lastStatusMessage: step.lastStatusMessage ?? null,
			logExcerpt: step.logExcerpt,
			failMessage: step.failMessage ?? null,
			condition: step.gate?.text ?? null,
			advice: step.advice,
			nextAction: step.nextAction,
		})),
	};
	if (triage.stopped) {
		const {by, at, steps} = triage.stopped;
		json.stopped = {by: by ?? null, at: at === undefined ? null : new Date(at).toISOString(), steps};
	}

	if (triage.waiting)
		json.waitingSteps = triage.waiting.map((step) => ({name: step.name, callbackToken: step.token ?? null}));

	return json;
}

/**
 * The default output of `sagemon why`, one entry per line, every remote text made printable. Multi-line reasons
 * are indented under their label. `timeZoneOffsetMinutes` as in `formatTimestamp` (UTC when absent).
 */
export function triageLines(triage: Triage, options: {timeZoneOffsetMinutes?: number} = {}): string[] {
	const lines: string[] = [];
	const head = `Execution ${triage.status}`;
	lines.push(triage.failureReason ? `${head}: ${clean(triage.failureReason)}` : head);
	if (triage.stopped) {
		const {by, at, steps} = triage.stopped;
		const who = by === undefined ? '' : ` by ${clean(by)}`;
		const when = at === undefined ? '' : ` at ${formatTimestamp(at, options)}`;
		const which =
			steps.length === 0 ? 'no step was running' : `stopped steps: ${steps.map(clean).join(', ')}`;
		lines.push(`Stopped${who}${when}; ${which}`);
	}

	if (triage.failedSteps.length === 0 && !triage.stopped) {
		lines.push(triage.status === 'Succeeded' ? 'Nothing failed.' : 'No step has failed so far.');
	}

	for (const step of triage.waiting ?? []) {
		const token = step.token === undefined ? '' : `; its token: ${clean(step.token)}`;
		lines.push(`Waiting: ${clean(step.name)} (Callback) waits for its answer${token}`);
	}

	for (const step of triage.failedSteps) lines.push('', ...stepLines(step));
	return lines;
}

function stepLines(step: TriagedStep): string[] {
	const lines = [`${clean(step.name)} (${clean(step.type)}): ${step.kind}`];
	const field = (label: string, value: string | undefined) => {
		if (value === undefined || value.trim() === '') return;
		const [first, ...rest] = sanitizeText(value, {multiline: true}).split('\n');
		lines.push(`  ${label}: ${first}`);
		for (const line of rest) lines.push(`    ${line}`);
	};

	field('message', step.failMessage);
	field('condition', step.gate?.text);
	// The service often repeats one text as the Fail message, the step's reason and the job's: show it once.
	if (step.reason !== step.failMessage) field('step reason', step.reason);
	if (step.jobReason !== step.reason) field('job reason', step.jobReason);
	field('exit message', step.exitMessage);
	field('last status', step.lastStatusMessage);
	if (step.logExcerpt.length > 0) {
		lines.push('  log:');
		for (const line of step.logExcerpt) lines.push(`    ${clean(line)}`);
	}

	lines.push(`  next: ${clean(step.advice)}`);
	lines.push(`    ${clean(step.nextAction)}`);
	return lines;
}

function clean(text: string): string {
	return sanitizeText(text);
}
