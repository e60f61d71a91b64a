// The emulated CloudWatch Logs data, derived from the job registry and the clock: one group per job kind
// (`/aws/sagemaker/TrainingJobs`…), one stream per instance (`JOB/algo-1-<epoch>`, transform `JOB/<instance-id>`),
// events spread over each job's run time. Only what has been written by `now` is visible, so a running job's log
// grows; a stream exists once its container wrote, a group once a stream in it exists.
import type {JobRecord, JobRegistry} from '../engine/jobs.js';
import {derivedRandom} from '../random.js';
import {instanceCountOf, jobLogLines} from './job-log-lines.js';

export type LogEvent = {timestamp: number; ingestionTime: number; message: string};
export type LogStream = {name: string; events: LogEvent[]};
export type LogGroupView = {name: string; creationTime: number};
export type LogStreamView = {
	name: string;
	creationTime: number;
	/** How many events are visible, and the first and last of them. */
	count: number;
	first: LogEvent;
	last: LogEvent;
	/** The visible events (copied on each read: read it once per request). */
	readonly events: LogEvent[];
};

/** The jobs that write CloudWatch logs, and their groups (tuning jobs log through their training jobs). */
const groupOfKind: Partial<Record<JobRecord['kind'], string>> = {
	processing: '/aws/sagemaker/ProcessingJobs',
	training: '/aws/sagemaker/TrainingJobs',
	transform: '/aws/sagemaker/TransformJobs',
};

/** A job with no planned end (it never ran to a schedule) spreads its log over this long. */
const fallbackRunMilliseconds = 60_000;

export class LogStore {
	readonly #timelines = new Map<string, {version: string; streams: LogStream[]}>();

	constructor(private readonly jobs: JobRegistry) {}

	/** Groups that exist at `now` in `region`, by name. */
	groups(region: string, now: number): LogGroupView[] {
		const created = new Map<string, number>();
		for (const job of this.#jobsIn(region)) {
			const group = groupOfKind[job.kind]!;
			for (const stream of this.#streams(job)) {
				const first = stream.events[0];
				if (!first || first.ingestionTime > now) continue;
				created.set(group, Math.min(created.get(group) ?? first.ingestionTime, first.ingestionTime));
			}
		}

		return [...created]
			.map(([name, creationTime]) => ({name, creationTime}))
			.sort((a, b) => (a.name < b.name ? -1 : 1));
	}

	/** The group's streams at `now` with their visible events, or undefined when the group does not exist. */
	streams(region: string, group: string, now: number): LogStreamView[] | undefined {
		const views: LogStreamView[] = [];
		for (const job of this.#jobsIn(region)) {
			if (groupOfKind[job.kind] !== group) continue;
			for (const stream of this.#streams(job)) {
				const visible = visibleCount(stream.events, now);
				if (visible === 0) continue;
				const all = stream.events;
				views.push({
					name: stream.name,
					creationTime: all[0]!.ingestionTime,
					count: visible,
					first: all[0]!,
					last: all[visible - 1]!,
					get events() {
						return all.slice(0, visible);
					},
				});
			}
		}

		return views.length === 0 ? undefined : views;
	}

	*#jobsIn(region: string): Iterable<JobRecord> {
		for (const job of this.jobs.all())
			if (job.arn.split(':')[3] === region && job.startTime !== undefined && groupOfKind[job.kind]) yield job;
	}

	#streams(job: JobRecord): LogStream[] {
		const key = `${job.kind}:${job.name}`;
		const version = `${job.status}:${job.endTime ?? ''}:${job.plannedEndTime ?? ''}`;
		const cached = this.#timelines.get(key);
		if (cached?.version === version) return cached.streams;
		const streams = timeline(job);
		this.#timelines.set(key, {version, streams});
		return streams;
	}
}

/** Every line the job's instances write over its whole run, with timestamps. */
function timeline(job: JobRecord): LogStream[] {
	if (job.script?.failure?.kind === 'capacity' || job.startTime === undefined) return [];
	// Logs' timestamps are whole milliseconds; simulated times may carry fractions.
	const start = Math.ceil(job.startTime);
	const plannedEnd = job.plannedEndTime ?? job.endTime ?? start + fallbackRunMilliseconds;
	const failed = job.status === 'Failed';
	// A job that ended before its plan (stopped) wrote nothing after it ended; a failed one wrote its traceback.
	const end = failed ? (job.endTime ?? plannedEnd) : plannedEnd;
	const cutoff = job.endTime === undefined ? Number.POSITIVE_INFINITY : Math.floor(job.endTime);
	const span = Math.max(1, end - start);
	const count = instanceCountOf(job);
	const random = derivedRandom(job.script?.seed ?? 1, `${job.script?.label ?? job.name}/logs`);
	const epoch = Math.floor(start / 1000);
	const streams: LogStream[] = [];
	for (let index = 1; index <= count; index++) {
		const name =
			job.kind === 'transform'
				? `${job.name}/i-0${random.text(16, '0123456789abcdef')}`
				: `${job.name}/algo-${index}-${epoch}`;
		const events: LogEvent[] = [];
		let previous = start;
		let ingested = start;
		for (const line of jobLogLines(job, index, count)) {
			const timestamp = Math.max(previous, Math.round(start + line.at * span + index - 1));
			if (timestamp > cutoff) break;
			previous = timestamp;
			// Ingested a little after it was written, in order, and all of it by the time the job ended.
			ingested = Math.max(
				ingested,
				Math.min(timestamp + 5 + Math.floor(random.next() * 50), Math.max(timestamp, cutoff)),
			);
			const ingestionTime = ingested;
			for (const message of line.message.split('\n'))
				if (message !== '') events.push({timestamp, ingestionTime, message});
		}

		if (events.length > 0) streams.push({name, events});
	}

	return streams;
}

/** How many events were ingested by `now` (events are in time order). */
function visibleCount(events: LogEvent[], now: number): number {
	let low = 0;
	let high = events.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (events[middle]!.ingestionTime <= now) low = middle + 1;
		else high = middle;
	}

	return low;
}
