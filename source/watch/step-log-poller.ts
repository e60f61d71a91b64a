// Follows one step's job log for the log pane: a LogFollower from the logs adapter (one GetLogEvents call per
// stream per poll) feeding a bounded LogBuffer, until the step has ended and its last lines were read; then no
// more calls. A group or stream that does not exist yet and a refused permission become a `problem` the pane
// shows in one line.
import type {LogFollower, LogsApi} from '../aws/logs-types.js';
import {AwsError} from '../aws/types.js';
import {type JobLogRef, logGroupOf, logStreamPrefixOf} from '../pipeline/job-log-names.js';
import {LogBuffer, type LogBufferLimits} from '../pipeline/log-buffer.js';
import {createPollingStore, type PollerOptions, type PollingStore, type PollStatus} from './polling-store.js';

export type LogProblem = {kind: 'no-group' | 'no-streams' | 'access-denied'; message: string};

export type StepLogData = {
	/** Grows with every line added: the pane redraws when it changes. */
	total: number;
	instances: string[];
	problem?: LogProblem;
	/** True once the step ended and its last lines were read. */
	complete: boolean;
};

export type StepLogSnapshot = PollStatus & StepLogData;

export type StepLogPoller = PollingStore<StepLogSnapshot> & {
	readonly buffer: LogBuffer;
	/** CloudWatch calls so far (the follower's and the checks for a missing group). */
	cloudWatchCalls(): number;
};

export const defaultLogLimits: LogBufferLimits = {head: 2000, tail: 20_000};

export function createStepLogPoller(
	options: PollerOptions & {
		logs: () => Promise<LogsApi>;
		job: JobLogRef;
		/** The job's instance count (DescribeJob), asked once before following; 1 when it cannot be told. */
		instanceCount?: () => Promise<number | undefined>;
		/** Whether the step has ended (read at each poll; the last poll reads what was still to come). */
		stepEnded: () => boolean;
		limits?: LogBufferLimits;
	},
): StepLogPoller {
	const buffer = new LogBuffer(options.limits ?? defaultLogLimits);
	const instances = new Set<string>();
	let follower: LogFollower | undefined;
	let checks = 0;
	const store = createPollingStore<StepLogData>({
		...options,
		initial: {total: 0, instances: [], complete: false},
		async fetch(track) {
			const logs = await options.logs();
			if (!follower) {
				const instanceCount = await options.instanceCount?.().catch(() => undefined);
				follower = logs.follow(options.job, instanceCount === undefined ? {} : {instanceCount});
			}

			const ended = options.stepEnded();
			try {
				// Once the step ended, read page after page until the log is drained; the last poll says so.
				for (let pages = 0; ; pages++) {
					const events = await track(follower.poll(ended && pages < 10_000 ? {} : {jobEnded: ended}));
					for (const event of events) instances.add(event.instance);
					buffer.add(events);
					if (!ended || pages >= 10_000) break;
					if (events.length === 0) {
						await track(follower.poll({jobEnded: true}));
						break;
					}
				}

				let problem: LogProblem | undefined;
				// Nothing read yet: say why (once the lines flow, no more checks are made).
				if (buffer.total === 0) {
					checks++;
					problem = await track(whyNoLines(logs, options.job));
				}

				return {
					data: {
						total: buffer.total,
						instances: [...instances].sort(),
						...(problem ? {problem} : {}),
						complete: ended,
					},
					final: ended,
				};
			} catch (error) {
				if (error instanceof AwsError && error.kind === 'AccessDenied') {
					return {
						data: {
							total: buffer.total,
							instances: [...instances].sort(),
							problem: {kind: 'access-denied', message: error.message},
							complete: false,
						},
						final: true,
					};
				}

				throw error;
			}
		},
	});
	return {
		...store,
		buffer,
		cloudWatchCalls: () => (follower?.calls ?? 0) + checks,
	};
}

async function whyNoLines(logs: LogsApi, job: JobLogRef): Promise<LogProblem | undefined> {
	try {
		const streams = await logs.findStreams(job, {instanceCount: 1});
		if (streams.length > 0) return undefined;
		return {
			kind: 'no-streams',
			message: `No log stream yet in ${logGroupOf(job.kind)} under ${logStreamPrefixOf(job.name)} (the job has not written yet).`,
		};
	} catch (error) {
		if (error instanceof AwsError && error.kind === 'NotFound') {
			return {
				kind: 'no-group',
				message: `The log group ${logGroupOf(job.kind)} does not exist yet (no ${job.kind} job has written a log).`,
			};
		}

		throw error;
	}
}
