// `sagemon logs --follow`: polls the execution and, for each chosen step with a job, its log follower (one
// GetLogEvents call per stream per poll, none once the step ended), printing new events as they arrive, until the
// step (with --step) or the execution ends. The outcome is the exit code, as `wait` gives it.
import type {JobLogEvent, LogFollower, LogsApi} from '../aws/logs-types.js';
import {AwsError, type PipelinesApi} from '../aws/types.js';
import {jobOfStepMetadata} from '../pipeline/job-log-names.js';
import {matchesGrep} from '../pipeline/log-lines.js';
import {type StepRecord, terminalExecutionStatuses} from '../pipeline/model.js';
import {ExitCode} from './context.js';
import {type LogCuts, noJobNote, noStreamsNote} from './step-logs.js';

const endedStepStatuses = new Set(['Succeeded', 'Failed', 'Stopped']);

export type FollowLogsOptions = {
	pipelines: PipelinesApi;
	logs: LogsApi;
	executionArn: string;
	/** Which started steps to follow (a --step name, --failed, or every job-backed step). */
	chooses(record: StepRecord): boolean;
	/** With --step: the run ends with that step, and its outcome is the exit code. */
	step?: string;
	cuts: LogCuts;
	intervalMs: number;
	timeoutMs?: number;
	interrupted: Promise<void>;
	now(): number;
	print(step: string, events: JobLogEvent[]): void;
	note(text: string): void;
};

type Followed = {follower?: LogFollower; done: boolean; seen: number; first: boolean};

/** Resolves with the exit code: the outcome (0/1), 124 on --timeout, 130 when interrupted. */
export async function followStepLogs(options: FollowLogsOptions): Promise<number> {
	const followed = new Map<string, Followed>();
	const deadline = options.timeoutMs === undefined ? undefined : options.now() + options.timeoutMs;
	let interrupted = false;
	void options.interrupted.then(() => {
		interrupted = true;
	});

	for (;;) {
		const execution = await options.pipelines.describeExecution(options.executionArn);
		const records = [...(await options.pipelines.listSteps(options.executionArn))].reverse();
		for (const record of records) {
			if (!options.chooses(record)) continue;
			await pollStep(options, followed, record);
		}

		const chosen = options.step ? records.find((record) => record.name === options.step) : undefined;
		if (chosen && endedStepStatuses.has(chosen.status) && followed.get(chosen.name)?.done)
			return chosen.status === 'Succeeded' ? ExitCode.ok : ExitCode.executionFailed;
		if (terminalExecutionStatuses.has(execution.status)) {
			if (options.step && !chosen) options.note(`Step ${options.step} did not run in this execution.`);
			return execution.status === 'Succeeded' ? ExitCode.ok : ExitCode.executionFailed;
		}

		const wait = Math.min(options.intervalMs, deadline === undefined ? Infinity : deadline - options.now());
		if (wait <= 0) {
			options.note(`Gave up following after --timeout; the execution is still ${execution.status}.`);
			return ExitCode.timeout;
		}

		await pause(wait, options.interrupted);
		if (interrupted) {
			options.note('Interrupted; the execution goes on.');
			return ExitCode.interrupted;
		}
	}
}

async function pollStep(options: FollowLogsOptions, followed: Map<string, Followed>, record: StepRecord) {
	let entry = followed.get(record.name);
	if (entry?.done) return;
	const job = jobOfStepMetadata(record.metadata);
	const ended = endedStepStatuses.has(record.status);
	if (!job) {
		// Its job may still be starting: only an ended step without a job has no logs.
		if (ended) {
			options.note(noJobNote(record));
			followed.set(record.name, {done: true, seen: 0, first: false});
		}

		return;
	}

	if (!entry) {
		const instanceCount = await options.pipelines
			.describeJob(jobKindOf(job.kind), job.name)
			.then((details) => details.instanceCount)
			.catch(() => undefined);
		entry = {
			follower: options.logs.follow(job, {
				...(instanceCount === undefined ? {} : {instanceCount}),
				...(options.cuts.since === undefined ? {} : {startTime: options.cuts.since}),
			}),
			done: false,
			seen: 0,
			first: true,
		};
		followed.set(record.name, entry);
	}

	let events: JobLogEvent[];
	try {
		events = (await entry.follower?.poll({jobEnded: ended})) ?? [];
	} catch (error) {
		// Throttled or unreachable: the next poll tries again; anything else (AccessDenied…) ends the command.
		if (error instanceof AwsError && (error.kind === 'Throttled' || error.kind === 'Network')) return;
		throw error;
	}

	events = events.filter((event) => matchesGrep(event.message, options.cuts.grep));
	if (entry.first && events.length > 0 && options.cuts.tail !== undefined) {
		events = options.cuts.tail === 0 ? [] : events.slice(-options.cuts.tail);
	}

	if (events.length > 0) entry.first = false;
	entry.seen += events.length;
	if (events.length > 0) options.print(record.name, events);
	if (ended) {
		entry.done = true;
		if (entry.seen === 0 && !options.cuts.grep) options.note(noStreamsNote(record.name, job));
	}
}

function jobKindOf(kind: 'processing' | 'training' | 'transform') {
	return kind === 'processing' ? 'Processing' : kind === 'training' ? 'Training' : 'Transform';
}

function pause(ms: number, interrupted: Promise<void>): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, ms);
		void interrupted.then(() => {
			clearTimeout(timer);
			resolve();
		});
	});
}
