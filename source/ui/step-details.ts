// Everything known about one step, as lines for the details pane: type, status, times, attempts, job, failure
// reason in full, condition outcome, Fail message, cache source, Lambda/Callback outputs, property files, links.
import {formatDuration, formatTimestamp} from '../pipeline/format.js';
import type {StepView} from '../pipeline/execution-state.js';
import type {Dag, StepDefinition} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {PaneLine, PaneSpan} from './components/text-pane.js';
import {stepDuration, stepLook} from './step-look.js';
import type {Theme, Tone} from './theme.js';
import {wrapLines} from './wrap-lines.js';
import {jobOfStepMetadata, logGroupOf, logStreamPrefixOf} from '../pipeline/job-log-names.js';

type Entry = {label: string; value: string; tone?: Tone};

/** Metadata members that carry a job or resource ARN, in the order they are shown. */
const arnMembers = [
	'ProcessingJob',
	'TrainingJob',
	'TransformJob',
	'TuningJob',
	'AutoMLJob',
	'Model',
	'RegisterModel',
	'Lambda',
	'Endpoint',
	'EndpointConfig',
	'Job',
];
const explained = new Set([...arnMembers, 'Condition', 'Fail', 'Callback', 'EMR']);

export function stepDetailLines(
	theme: Theme,
	view: StepView,
	step: StepDefinition | undefined,
	dag: Dag | undefined,
	now: number,
	width: number,
): PaneLine[] {
	const record = view.record;
	const look = stepLook(theme, view);
	const entries: Entry[] = [];
	const add = (label: string, value: string | undefined, tone?: Tone) => {
		if (value !== undefined && value !== '')
			entries.push({label, value: sanitizeText(value, {multiline: true}), tone});
	};

	add(
		'Step',
		view.displayName && view.displayName !== view.name ? `${view.name} (${view.displayName})` : view.name,
	);
	add('Type', view.type);
	add('Status', `${look.icon} ${look.word}`, look.tone);
	if (step?.description) add('Description', step.description);
	if (!view.inDefinition)
		add('Note', 'This step is not in the definition this execution ran with.', 'warning');
	const local = (at: number) =>
		formatTimestamp(at, {timeZoneOffsetMinutes: -new Date(at).getTimezoneOffset()});
	if (record?.startedAt !== undefined) add('Started', local(record.startedAt));
	if (record?.endedAt !== undefined) add('Ended', local(record.endedAt));
	const duration = stepDuration(view, now);
	if (duration !== undefined)
		add(
			'Duration',
			record?.endedAt === undefined
				? `${formatDuration(duration, 'minute')} so far`
				: formatDuration(duration),
		);
	const running = view.state === 'executing' || view.state === 'starting';
	if (record?.attemptCount !== undefined) {
		const retrying = running && record.attemptCount > 1;
		add(
			'Attempts',
			retrying
				? `${record.attemptCount}: attempt ${record.attemptCount} is running (its retry policy retries it)`
				: String(record.attemptCount),
			retrying ? 'warning' : undefined,
		);
	}

	if (running && view.type === 'Callback')
		add(
			'Waiting',
			'for its answer: SendPipelineExecutionStepSuccess or SendPipelineExecutionStepFailure with the token below',
			'warning',
		);
	if (view.state === 'not-started') add('Waiting for', parentsOf(dag, view.name).join(', ') || 'its turn');
	if (view.state === 'skipped')
		add(
			'Skipped',
			'It can no longer run: a condition chose the other branch, or a step it needs did not succeed.',
			'muted',
		);

	const metadata = record?.metadata ?? {};
	for (const member of arnMembers) {
		const arn = field(metadata[member], 'Arn');
		if (arn) add(member === 'Lambda' ? 'Function' : member.replace(/Job$/, ' job'), arn);
	}

	const job = jobOfStepMetadata(metadata);
	if (job) add('Logs', `${logGroupOf(job.kind)}  ${logStreamPrefixOf(job.name)}*  (L opens them)`);

	if (view.conditionOutcome !== undefined) {
		const branch = view.conditionOutcome ? 'if' : 'else';
		const taken = childrenOf(dag, view.name, `condition-${branch}`);
		add(
			'Outcome',
			`${view.conditionOutcome ? 'true' : 'false'}: took the ${view.conditionOutcome ? 'If' : 'Else'} branch${taken.length > 0 ? ` (${taken.join(', ')})` : ''}`,
			'accent',
		);
	}

	const fail = metadata.Fail;
	if (fail !== undefined) add('Fail message', field(fail, 'ErrorMessage') || '(none given)', 'danger');
	if (record?.failureReason) add('Failure', record.failureReason, 'danger');

	if (record?.reusedFromArn) {
		add(
			'Reused',
			`not run: this selective execution reused the result of ${record.reusedFromArn}`,
			'success',
		);
	}

	if (record?.cacheSourceArn) add('Cache', `hit: reused the result of ${record.cacheSourceArn}`, 'success');
	else if (step?.cacheConfig?.enabled) {
		add(
			'Cache',
			`enabled${step.cacheConfig.expireAfter ? ` (results kept ${step.cacheConfig.expireAfter})` : ''}, not used`,
		);
	}

	const callback = metadata.Callback;
	if (callback !== undefined) {
		add('Callback token', field(callback, 'CallbackToken'));
		add('SQS queue', field(callback, 'SqsQueueUrl'));
	}

	const emr = metadata.EMR;
	if (emr !== undefined) {
		add('EMR cluster', field(emr, 'ClusterId'));
		add('EMR step', [field(emr, 'StepId'), field(emr, 'StepName')].filter(Boolean).join(' '));
		add('EMR logs', field(emr, 'LogFilePath'));
	}

	for (const member of ['Lambda', 'Callback']) {
		const outputs = (metadata[member] as {OutputParameters?: unknown} | undefined)?.OutputParameters;
		if (Array.isArray(outputs)) {
			for (const output of outputs)
				add(`${member} output`, `${field(output, 'Name')} = ${field(output, 'Value')}`);
		}
	}

	for (const file of step?.propertyFiles ?? []) {
		add('Property file', `${file.name}: ${file.filePath} in output "${file.outputName}" (e shows it)`);
	}

	add('Needs', parentsOf(dag, view.name).join(', '));
	add('Feeds', childrenOf(dag, view.name).join(', '));

	for (const [member, value] of Object.entries(metadata)) {
		if (!explained.has(member)) add(member, JSON.stringify(value));
	}

	return toLines(entries, width);
}

function toLines(entries: Entry[], width: number): PaneLine[] {
	const labelWidth = Math.min(16, Math.max(...entries.map((entry) => entry.label.length))) + 2;
	const lines: PaneLine[] = [];
	const room = Math.max(10, width - labelWidth - 4);
	for (const entry of entries) {
		// An ARN that does not fit beside its label gets the whole width under it, with nothing before it, so a mouse
		// selection takes it whole.
		if (/^arn:\S+$/.test(entry.value) && entry.value.length > room) {
			lines.push({key: `${entry.label}-${lines.length}`, spans: [{text: entry.label, tone: 'muted'}]});
			for (const text of wrapLines(entry.value, Math.max(10, width - 2))) {
				lines.push({
					key: `${entry.label}-${lines.length}`,
					spans: [{text, ...(entry.tone ? {tone: entry.tone} : {})}],
				});
			}

			continue;
		}

		wrapLines(entry.value, room).forEach((text, index) => {
			const spans: PaneSpan[] = [
				{text: (index === 0 ? entry.label : '').padEnd(labelWidth), tone: 'muted'},
				{text, ...(entry.tone ? {tone: entry.tone} : {})},
			];
			lines.push({key: `${entry.label}-${lines.length}`, spans});
		});
	}

	return lines;
}

function field(value: unknown, name: string): string {
	if (value === null || typeof value !== 'object') return '';
	const member = (value as Record<string, unknown>)[name];
	return typeof member === 'string' || typeof member === 'number' || typeof member === 'boolean'
		? String(member)
		: '';
}

function parentsOf(dag: Dag | undefined, name: string): string[] {
	return (dag?.edges ?? []).filter((edge) => edge.to === name).map((edge) => edge.from);
}

function childrenOf(dag: Dag | undefined, name: string, kind?: string): string[] {
	return (dag?.edges ?? [])
		.filter((edge) => edge.from === name && (kind === undefined || edge.kind === kind))
		.map((edge) => edge.to);
}
