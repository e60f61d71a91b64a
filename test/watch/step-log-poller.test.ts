// The log pane's poller over a fake LogsApi: lines go into the bounded buffer as they arrive, a finished step is
// read to its end and then no more calls are made, and a missing group or a refused permission is a `problem`.
import {describe, expect, test} from 'vitest';
import type {JobLogEvent, LogsApi} from '../../source/aws/logs-types.js';
import {AwsError} from '../../source/aws/types.js';
import {createStepLogPoller, type StepLogPoller} from '../../source/watch/step-log-poller.js';

const job = {kind: 'training', name: 'job-1'} as const;

function fakeLogs(pages: JobLogEvent[][], options: {findStreams?: () => Promise<unknown[]>} = {}) {
	const counts = {polls: 0, ended: 0, findStreams: 0};
	let finished = false;
	const logs: LogsApi = {
		findStreams: async () => {
			counts.findStreams++;
			return (await (options.findStreams?.() ?? Promise.resolve([{}]))) as never;
		},
		readStream: async () => [],
		readTail: async () => [],
		filter: async () => [],
		follow: () => ({
			get calls() {
				return counts.polls;
			},
			async poll(pollOptions = {}) {
				if (finished) return [];
				counts.polls++;
				if (pollOptions.jobEnded) {
					counts.ended++;
					finished = true;
				}

				return pages.shift() ?? [];
			},
		}),
	};
	return {logs, counts};
}

const line = (n: number, instance = 'algo-1'): JobLogEvent => ({
	stream: `job-1/${instance}-1`,
	instance,
	timestamp: n,
	message: `line ${n}`,
});

const kept = ({timestamp, instance, message}: JobLogEvent) => ({timestamp, instance, message});

function poller(logs: LogsApi, ended: () => boolean, limits = {head: 2, tail: 3}): StepLogPoller {
	return createStepLogPoller({logs: async () => logs, job, stepEnded: ended, intervalMs: 5, limits});
}

async function until(check: () => boolean, what: string) {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > 3000) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe('createStepLogPoller', () => {
	test('adds lines as polls bring them, keeps head and tail, and stops calling once the step ended', async () => {
		let ended = false;
		const {logs, counts} = fakeLogs([
			[line(1), line(2, 'algo-2')],
			[line(3), line(4)],
			[line(5), line(6), line(7)],
		]);
		const store = poller(logs, () => ended);
		store.start();
		await until(() => store.getSnapshot().total === 7, 'seven lines');
		expect(store.getSnapshot().instances).toEqual(['algo-1', 'algo-2']);
		// The buffer keeps what the pane shows of each event: its time, instance and message.
		expect(store.buffer.entries()).toEqual([
			kept(line(1)),
			kept(line(2, 'algo-2')),
			{skipped: 2},
			kept(line(5)),
			kept(line(6)),
			kept(line(7)),
		]);
		ended = true;
		await until(() => store.getSnapshot().complete, 'the step to be read to its end');
		const calls = store.cloudWatchCalls();
		expect(counts.ended).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(store.cloudWatchCalls()).toBe(calls);
		expect(store.getSnapshot().phase).toBe('done');
		store.stop();
	});

	test('a group that does not exist yet is a problem until lines come', async () => {
		const {logs} = fakeLogs([], {
			findStreams: () => Promise.reject(new AwsError('NotFound', 'The specified log group does not exist.')),
		});
		const store = poller(logs, () => false);
		store.start();
		await until(() => store.getSnapshot().problem !== undefined, 'a problem');
		expect(store.getSnapshot().problem).toMatchObject({kind: 'no-group'});
		store.stop();
	});

	test('a refused permission is a problem and the poller stops', async () => {
		const {logs} = fakeLogs([]);
		const denied: LogsApi = {
			...logs,
			follow: () => ({calls: 1, poll: () => Promise.reject(new AwsError('AccessDenied', 'not authorized'))}),
		};
		const store = poller(denied, () => false);
		store.start();
		await until(() => store.getSnapshot().problem !== undefined, 'a problem');
		expect(store.getSnapshot()).toMatchObject({
			problem: {kind: 'access-denied', message: 'not authorized'},
			phase: 'done',
		});
		store.stop();
	});
});
