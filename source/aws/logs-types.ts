// The contract between sagemon's log readers (command, pane) and CloudWatch Logs: job log streams and events as
// domain data; failures are AwsError (NotFound for a missing group or stream, AccessDenied, Throttled…).
import type {JobLogRef} from '../pipeline/job-log-names.js';

export type {JobLogRef} from '../pipeline/job-log-names.js';

export type JobLogStream = {
	group: string;
	stream: string;
	/** `algo-1`, or the transform instance id. */
	instance: string;
	firstEventTime?: number;
	lastEventTime?: number;
};

/** One log line. `message` is remote text: sanitise it before it reaches a terminal. */
export type JobLogEvent = {
	stream: string;
	instance: string;
	timestamp: number;
	message: string;
	ingestionTime?: number;
};

export type LogReadOptions = {startTime?: number; endTime?: number};

export type LogFilterOptions = LogReadOptions & {
	/** A CloudWatch filter pattern (terms, "quoted phrases", -exclusions). */
	pattern?: string;
	/** Stop after this many matches (default 10,000). */
	limit?: number;
};

/** Follows a job's streams: each poll makes at most one GetLogEvents call per stream. */
export interface LogFollower {
	/**
	 * New events since the last poll, in time order. Pass `jobEnded` once the job ended: that poll reads what
	 * was still to come, and every later poll returns nothing without calling AWS.
	 */
	poll(options?: {jobEnded?: boolean}): Promise<JobLogEvent[]>;
	/** CloudWatch calls made so far (for the bench and tests). */
	readonly calls: number;
}

export interface LogsApi {
	/** The job's streams, by name (group + `JOB/` prefix); NotFound when its group does not exist yet. */
	findStreams(job: JobLogRef, options?: {instanceCount?: number}): Promise<JobLogStream[]>;
	/** Every event of one stream, oldest first, paging forward until the service hands back the same token. */
	readStream(stream: JobLogStream, options?: LogReadOptions & {maxEvents?: number}): Promise<JobLogEvent[]>;
	/** The last `count` events of one stream, oldest first (pages backwards, like `tail -n`). */
	readTail(stream: JobLogStream, count: number): Promise<JobLogEvent[]>;
	/** Matching events of all the job's streams, interleaved by time. */
	filter(job: JobLogRef, options?: LogFilterOptions): Promise<JobLogEvent[]>;
	/** A follower for the job's streams (found again while fewer than `instanceCount` are known). */
	follow(job: JobLogRef, options?: {instanceCount?: number; startTime?: number}): LogFollower;
}
