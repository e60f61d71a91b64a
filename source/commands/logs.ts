// `sagemon logs ARN [--step STEP] [--failed] [--follow] [--since D] [--tail N] [--grep TEXT] [--json]`: the job
// logs of an execution's steps from CloudWatch Logs, one line per event prefixed with the step and instance (or
// JSON Lines), in step order; --follow prints them as they arrive and exits with the outcome like `wait`.
import type {AnyFlags} from 'meow';
import type {JobLogEvent} from '../aws/logs-types.js';
import {parseDefinition} from '../pipeline/definition.js';
import {formatLogJson, formatLogLine, parseDuration} from '../pipeline/log-lines.js';
import type {StepRecord} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import {
	awsOptionsHelp,
	type CommandDescriptor,
	type FlagsOf,
	followFlags,
	followOptionsHelp,
} from './command.js';
import {connect, intervalMs, requireExecutionArn, singleArgument, timeoutMs} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {followStepLogs} from './follow-step-logs.js';
import {UsageError} from './report-error.js';
import {type LogCuts, readStepLogs} from './step-logs.js';

const usage = 'logs ARN [--step STEP] [--failed] [--follow] [--since D] [--tail N] [--grep TEXT] [--json]';

const flags = {
	...followFlags,
	step: {type: 'string'},
	failed: {type: 'boolean', default: false},
	follow: {type: 'boolean', default: false},
	since: {type: 'string'},
	tail: {type: 'number'},
	grep: {type: 'string'},
} satisfies AnyFlags;

type Context = CommandContext<FlagsOf<typeof flags>>;

function cutsOf(context: Context): LogCuts {
	const {since, tail, grep} = context.flags;
	const cuts: LogCuts = {};
	if (since !== undefined) {
		const ms = parseDuration(since);
		if (ms === undefined)
			throw new UsageError(
				`--since takes a duration such as 30s, 10m, 2h or 1d, got "${sanitizeText(since)}".`,
			);
		cuts.since = Date.now() - ms;
	}

	if (tail !== undefined) {
		if (!Number.isInteger(tail) || tail < 0)
			throw new UsageError(`--tail takes a whole number of lines (0 or more), got ${String(tail)}.`);
		cuts.tail = tail;
	}

	if (grep !== undefined && grep !== '') cuts.grep = grep;
	return cuts;
}

async function run(context: Context): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	const cuts = cutsOf(context);
	const interval = intervalMs(context);
	const timeout = timeoutMs(context);
	const {step, failed} = context.flags;
	if (step !== undefined && failed) throw new UsageError('Give --step or --failed, not both.');
	const access = await connect(context);
	const {pipelines} = access;
	await pipelines.describeExecution(executionArn);
	if (step !== undefined) {
		const {definition} = parseDefinition(await pipelines.describeExecutionDefinition(executionArn));
		const names = (definition?.steps ?? []).map((candidate) => candidate.name);
		if (definition && !names.includes(step)) {
			throw new UsageError(
				`This execution has no step "${sanitizeText(step)}"; its steps: ${names.map((name) => sanitizeText(name)).join(', ')}.`,
			);
		}
	}

	const logs = await access.logs();
	const chooses = (record: StepRecord) =>
		step !== undefined ? record.name === step : failed ? record.status === 'Failed' : true;
	const print = (stepName: string, events: JobLogEvent[]) => {
		const format = context.flags.json ? formatLogJson : formatLogLine;
		context.stdout.write(events.map((event) => `${format({...event, step: stepName})}\n`).join(''));
	};
	const note = (text: string) => {
		if (context.flags.json) context.stderr.write(`${JSON.stringify({note: text})}\n`);
		else context.stderr.write(`${text}\n`);
	};

	if (context.flags.follow) {
		return followStepLogs({
			pipelines,
			logs,
			executionArn,
			chooses,
			...(step === undefined ? {} : {step}),
			cuts,
			intervalMs: interval,
			...(timeout === undefined ? {} : {timeoutMs: timeout}),
			interrupted: context.interrupted,
			now: Date.now,
			print,
			note,
		});
	}

	const records = [...(await pipelines.listSteps(executionArn))].reverse().filter(chooses);
	if (records.length === 0) {
		note(
			step !== undefined
				? `Step ${sanitizeText(step)} has not started in this execution.`
				: failed
					? 'No step of this execution failed.'
					: 'No step has started in this execution yet.',
		);
		return ExitCode.ok;
	}

	for (const record of records) {
		const result = await readStepLogs(logs, record, cuts);
		if (result.kind === 'note') note(result.note);
		else print(record.name, result.events);
	}

	return ExitCode.ok;
}

export default {
	name: 'logs',
	usage,
	summary: "print the job logs of an execution's steps (CloudWatch Logs)",
	help: `
  Print the CloudWatch logs of an execution's job steps (Processing, Training, Transform), all instances
  interleaved by time, one line per event: STEP INSTANCE | message. Steps come in the order they started.
  A step without logs (Condition, Fail, Lambda…) or whose log group does not exist yet says so on stderr.

  Usage
    $ sagemon ${usage}

  Options
    --step STEP          only this step
    --failed             only the steps that failed
    --follow             keep printing as lines arrive until the step (with --step) or the execution ends;
                         the exit code is then the outcome: 0 Succeeded, 1 Failed or Stopped
    --since D            only events of the last D (30s, 10m, 2h, 1d)
    --tail N             only the last N events of each step
    --grep TEXT          only events whose message contains TEXT (case-sensitive)
    --json               JSON Lines: {"step", "stream", "instance", "timestamp" (ISO 8601), "message"}
${followOptionsHelp}
${awsOptionsHelp}

  Examples
    $ sagemon logs "$ARN" --failed
    $ sagemon logs "$ARN" --step TrainModel --follow --grep loss
`,
	flags,
	run,
} satisfies CommandDescriptor<typeof flags>;
