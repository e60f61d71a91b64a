// LogsApi over the CloudWatch Logs SDK client: finds a job's streams, reads them forward or from the end,
// filters across instances and follows a running job with one GetLogEvents call per stream per poll. The only
// importer of @aws-sdk/client-cloudwatch-logs, so the client loads lazily like the S3 client.
import {
	type CloudWatchLogsClient,
	DescribeLogStreamsCommand,
	FilterLogEventsCommand,
	GetLogEventsCommand,
	type OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import {instanceOfStream, logGroupOf, logStreamPrefixOf} from '../pipeline/job-log-names.js';
import {type ErrorHints, normalizeAwsError} from './errors.js';
import type {JobLogEvent, JobLogRef, JobLogStream, LogFollower, LogsApi} from './logs-types.js';
import {AwsError} from './types.js';

export {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';

/** DescribeLogStreams returns at most 50 streams a page. */
const streamPageSize = 50;
const defaultFilterLimit = 10_000;

export function createLogsGateway(client: CloudWatchLogsClient, hints: ErrorHints = {}): LogsApi {
	const call = async <T>(send: () => Promise<T>, about: string): Promise<T> => {
		try {
			return await send();
		} catch (error) {
			throw explain(normalizeAwsError(error, hints), about);
		}
	};

	const findStreams = async (
		job: JobLogRef,
		options: {instanceCount?: number} = {},
	): Promise<JobLogStream[]> => {
		const group = logGroupOf(job.kind);
		const streams: JobLogStream[] = [];
		let nextToken: string | undefined;
		do {
			const limit = Math.min(streamPageSize, Math.max(1, options.instanceCount ?? streamPageSize));
			const page = await call(
				() =>
					client.send(
						new DescribeLogStreamsCommand({
							logGroupName: group,
							logStreamNamePrefix: logStreamPrefixOf(job.name),
							orderBy: 'LogStreamName',
							limit,
							nextToken,
						}),
					),
				`the log group ${group}`,
			);
			for (const stream of page.logStreams ?? []) {
				if (!stream.logStreamName) continue;
				streams.push({
					group,
					stream: stream.logStreamName,
					instance: instanceOfStream(stream.logStreamName),
					...(stream.firstEventTimestamp === undefined ? {} : {firstEventTime: stream.firstEventTimestamp}),
					...(stream.lastEventTimestamp === undefined ? {} : {lastEventTime: stream.lastEventTimestamp}),
				});
			}

			nextToken = page.nextToken;
		} while (nextToken);
		return streams;
	};

	const getEvents = (stream: JobLogStream, input: Record<string, unknown>) =>
		call(
			() =>
				client.send(
					new GetLogEventsCommand({logGroupName: stream.group, logStreamName: stream.stream, ...input}),
				),
			`the log stream ${stream.stream}`,
		);

	return {
		findStreams,

		async readStream(stream, options = {}) {
			const events: JobLogEvent[] = [];
			const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
			let token: string | undefined;
			while (events.length < maxEvents) {
				const page = await getEvents(stream, {
					...(token === undefined ? {startFromHead: true} : {nextToken: token}),
					startTime: options.startTime,
					endTime: options.endTime,
				});
				events.push(...toEvents(stream, page.events));
				// The documented end: the service hands back the token it was given.
				if (page.nextForwardToken === undefined || page.nextForwardToken === token) break;
				token = page.nextForwardToken;
			}

			return events.slice(0, maxEvents);
		},

		async readTail(stream, count) {
			const pages: JobLogEvent[][] = [];
			let have = 0;
			let token: string | undefined;
			while (have < count) {
				const page = await getEvents(stream, {
					limit: Math.min(10_000, count - have),
					...(token === undefined ? {} : {nextToken: token}),
				});
				const events = toEvents(stream, page.events);
				pages.unshift(events);
				have += events.length;
				if (page.nextBackwardToken === undefined || page.nextBackwardToken === token) break;
				token = page.nextBackwardToken;
			}

			return pages.flat().slice(-count);
		},

		async filter(job, options = {}) {
			const group = logGroupOf(job.kind);
			const limit = options.limit ?? defaultFilterLimit;
			const events: JobLogEvent[] = [];
			let nextToken: string | undefined;
			do {
				const page = await call(
					() =>
						client.send(
							new FilterLogEventsCommand({
								logGroupName: group,
								logStreamNamePrefix: logStreamPrefixOf(job.name),
								filterPattern: options.pattern,
								startTime: options.startTime,
								endTime: options.endTime,
								limit: Math.min(10_000, limit - events.length),
								nextToken,
							}),
						),
					`the log group ${group}`,
				);
				for (const event of page.events ?? []) {
					if (event.logStreamName === undefined || event.timestamp === undefined) continue;
					events.push({
						stream: event.logStreamName,
						instance: instanceOfStream(event.logStreamName),
						timestamp: event.timestamp,
						message: event.message ?? '',
						...(event.ingestionTime === undefined ? {} : {ingestionTime: event.ingestionTime}),
					});
				}

				nextToken = page.nextToken;
			} while (nextToken && events.length < limit);
			return events;
		},

		follow(job, options = {}) {
			return createFollower({findStreams, getEvents}, job, options);
		},
	};
}

function createFollower(
	api: {
		findStreams: LogsApi['findStreams'];
		getEvents: (
			stream: JobLogStream,
			input: Record<string, unknown>,
		) => Promise<{events?: OutputLogEvent[]; nextForwardToken?: string}>;
	},
	job: JobLogRef,
	options: {instanceCount?: number; startTime?: number},
): LogFollower {
	const tokens = new Map<string, string | undefined>();
	const streams: JobLogStream[] = [];
	let calls = 0;
	let finished = false;
	const expected = Math.max(1, options.instanceCount ?? 1);
	return {
		get calls() {
			return calls;
		},
		async poll(pollOptions = {}) {
			if (finished) return [];
			if (pollOptions.jobEnded) finished = true;
			// Streams appear as instances first write: look again only while some are still missing.
			if (streams.length < expected) {
				calls++;
				let found: JobLogStream[] = [];
				try {
					found = await api.findStreams(job, {instanceCount: expected});
				} catch (error) {
					if (!(error instanceof AwsError && error.kind === 'NotFound')) throw error;
				}

				for (const stream of found) {
					if (tokens.has(stream.stream)) continue;
					tokens.set(stream.stream, undefined);
					streams.push(stream);
				}
			}

			const pages = await Promise.all(
				streams.map(async (stream) => {
					calls++;
					const token = tokens.get(stream.stream);
					const page = await api.getEvents(
						stream,
						token === undefined
							? {
									startFromHead: true,
									...(options.startTime === undefined ? {} : {startTime: options.startTime}),
								}
							: {nextToken: token},
					);
					if (page.nextForwardToken !== undefined) tokens.set(stream.stream, page.nextForwardToken);
					return toEvents(stream, page.events);
				}),
			);
			// One stream's page is already in time order.
			return pages.length === 1 ? pages[0]! : pages.flat().sort((a, b) => a.timestamp - b.timestamp);
		},
	};
}

function toEvents(stream: JobLogStream, events: OutputLogEvent[] | undefined): JobLogEvent[] {
	// A loop rather than flatMap and spreads: a followed job brings thousands of events a poll.
	const result: JobLogEvent[] = [];
	for (const event of events ?? []) {
		if (event.timestamp === undefined) continue;
		const kept: JobLogEvent = {
			stream: stream.stream,
			instance: stream.instance,
			timestamp: event.timestamp,
			message: event.message ?? '',
		};
		if (event.ingestionTime !== undefined) kept.ingestionTime = event.ingestionTime;
		result.push(kept);
	}

	return result;
}

/** The service's "The specified log group does not exist." does not say which one. */
function explain(error: AwsError, about: string): AwsError {
	if (error.kind !== 'NotFound') return error;
	return new AwsError(error.kind, `${error.message.replace(/\.$/, '')}: ${about}.`, error.code);
}
