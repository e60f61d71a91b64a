// What `sagemon logs` reads for one step: its job (from the step's Metadata), the job's streams, and the events
// of all of them interleaved by time, cut by --since, --grep and --tail. A step without a job or a group that
// does not exist yet is a one-line note, not an error.
import type {JobLogEvent, LogsApi} from '../aws/logs-types.js';
import {AwsError} from '../aws/types.js';
import {type JobLogRef, jobOfStepMetadata, logGroupOf, logStreamPrefixOf} from '../pipeline/job-log-names.js';
import {matchesGrep} from '../pipeline/log-lines.js';
import type {StepRecord} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';

export type LogCuts = {since?: number; tail?: number; grep?: string};

/** Oldest first, ties in arrival order (Array.prototype.sort is stable). */
export function byTime<T extends {timestamp: number}>(events: T[]): T[] {
	return events.sort((a, b) => a.timestamp - b.timestamp);
}

/** The note for a step that has no job to read logs from (Condition, Fail, Lambda, RegisterModel…). */
export function noJobNote(record: StepRecord): string {
	const kind = Object.keys(record.metadata ?? {})[0];
	const what = kind ? `a ${sanitizeText(kind)} step` : 'its job has not started';
	return `Step ${sanitizeText(record.name)} has no logs (${what}: only Processing, Training and Transform jobs write logs).`;
}

export function missingGroupNote(step: string, job: JobLogRef): string {
	return `Step ${sanitizeText(step)}: the log group ${logGroupOf(job.kind)} does not exist yet (no ${job.kind} job has written a log).`;
}

export function noStreamsNote(step: string, job: JobLogRef): string {
	return `Step ${sanitizeText(step)}: no log streams yet in ${logGroupOf(job.kind)} under ${sanitizeText(logStreamPrefixOf(job.name))}.`;
}

export type StepLogs = {kind: 'events'; job: JobLogRef; events: JobLogEvent[]} | {kind: 'note'; note: string};

/** The step's events after the cuts, or a note saying why there are none. AWS failures other than NotFound throw. */
export async function readStepLogs(logs: LogsApi, record: StepRecord, cuts: LogCuts): Promise<StepLogs> {
	const job = jobOfStepMetadata(record.metadata);
	if (!job) return {kind: 'note', note: noJobNote(record)};
	let streams: Awaited<ReturnType<LogsApi['findStreams']>>;
	try {
		streams = await logs.findStreams(job);
	} catch (error) {
		if (error instanceof AwsError && error.kind === 'NotFound')
			return {kind: 'note', note: missingGroupNote(record.name, job)};
		throw error;
	}

	if (streams.length === 0) return {kind: 'note', note: noStreamsNote(record.name, job)};
	const plainTail = cuts.tail !== undefined && cuts.since === undefined && !cuts.grep;
	const perStream = await Promise.all(
		streams.map((stream) =>
			plainTail
				? logs.readTail(stream, cuts.tail ?? 0)
				: logs.readStream(stream, cuts.since === undefined ? {} : {startTime: cuts.since}),
		),
	);
	let events = byTime(perStream.flat()).filter((event) => matchesGrep(event.message, cuts.grep));
	if (cuts.tail !== undefined) events = cuts.tail === 0 ? [] : events.slice(-cuts.tail);
	return {kind: 'events', job, events};
}
