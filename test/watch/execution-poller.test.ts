// The execution poller against the emulator over HTTP: it follows an execution to its end and then goes quiet,
// backs off while throttled, never overlaps polls when the server is slow, and recovers when the server returns.
import {connect as connectSocket, createServer, type Server, type Socket} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AwsConnection} from '../../source/aws/connect.js';
import type {PipelinesApi} from '../../source/aws/types.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {createExecutionPoller} from '../../source/watch/execution-poller.js';
import {systemTimers, type Timers} from '../../source/watch/timers.js';
import {readFixture} from '../helpers/fixtures.js';
import {connectTryingOnce, startWatchEmulator, waitForSnapshot} from './watch-harness.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';
let emulator: RunningEmulator;
let aws: AwsConnection;

beforeAll(async () => {
	emulator = await startWatchEmulator(200);
	aws = await connectTryingOnce(emulator.url);
	const definition = (processSeconds: number) => {
		const value = JSON.parse(readFixture('abalone-tutorial.json'));
		const steps: Record<string, {durationSeconds: number}> = {
			AbaloneProcess: {durationSeconds: processSeconds},
		};
		for (const name of [
			'AbaloneTrain',
			'AbaloneEval',
			'AbaloneRegisterModel',
			'AbaloneCreateModel',
			'AbaloneTransform',
		]) {
			steps[name] = {durationSeconds: 20};
		}

		value.Metadata = {'sagemon.emulator': {steps}};
		return JSON.stringify(value);
	};
	await aws.pipelines.upsertPipeline({name: 'Quick', definition: definition(20), roleArn});
	await aws.pipelines.upsertPipeline({name: 'Endless', definition: definition(10_000_000), roleArn});
});

afterAll(async () => {
	await aws?.close();
	await emulator?.close();
});

/** Timers that remember every delay the poller asks for. */
function recordingTimers(): Timers & {delays: number[]} {
	const delays: number[] = [];
	return {
		delays,
		setTimeout(callback, ms) {
			delays.push(ms);
			return systemTimers.setTimeout(callback, ms);
		},
		clearTimeout: systemTimers.clearTimeout,
		now: systemTimers.now,
	};
}

describe('createExecutionPoller', () => {
	it('follows an execution to its end, then makes no more calls', async () => {
		const executionArn = await aws.pipelines.startExecution({pipelineName: 'Quick', parameters: []});
		const poller = createExecutionPoller({pipelines: aws.pipelines, executionArn, intervalMs: 20});
		poller.start();
		try {
			const live = await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'live');
			expect(live.execution).toMatchObject({arn: executionArn, status: 'Executing'});
			const done = await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'done');
			expect(done.execution?.status).toBe('Succeeded');
			expect(done.steps.map((step) => step.name)).toContain('AbaloneTransform');
			expect(done.steps.every((step) => step.status === 'Succeeded')).toBe(true);

			const calls = poller.getStats().calls;
			// Absence of calls can only be shown by letting time pass: ten intervals.
			await new Promise((resolve) => setTimeout(resolve, 200));
			expect(poller.getStats()).toMatchObject({calls, inFlight: false});
			expect(poller.getSnapshot()).toBe(done);
		} finally {
			poller.stop();
		}
	});

	it('backs off exponentially while throttled, keeping what it knew, and recovers', async () => {
		const executionArn = await aws.pipelines.startExecution({pipelineName: 'Endless', parameters: []});
		const timers = recordingTimers();
		const poller = createExecutionPoller({
			pipelines: aws.pipelines,
			executionArn,
			intervalMs: 20,
			maxBackoffMs: 160,
			random: () => 1,
			timers,
		});
		poller.start();
		try {
			await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'live');
			emulator.setFaults({throttleRate: 1});
			timers.delays.length = 0;
			const retrying = await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'retrying');
			expect(retrying.error).toMatchObject({kind: 'Throttled'});
			expect(retrying.execution?.status).toBe('Executing');
			await waitForSnapshot(poller, () => timers.delays.filter((delay) => delay > 20).length >= 5);
			expect(timers.delays.filter((delay) => delay > 20).slice(0, 5)).toEqual([40, 80, 160, 160, 160]);

			emulator.setFaults({});
			const recovered = await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'live');
			expect(recovered.error).toBeUndefined();
			expect(recovered.nextRetryAt).toBeUndefined();
		} finally {
			emulator.setFaults({});
			poller.stop();
			await aws.pipelines.stopExecution(executionArn);
		}
	});

	it('never has two polls in flight, however slow the server', async () => {
		const executionArn = await aws.pipelines.startExecution({pipelineName: 'Endless', parameters: []});
		let active = 0;
		let mostActive = 0;
		let calls = 0;
		const measured = new Proxy(aws.pipelines, {
			get(target, property: keyof PipelinesApi) {
				const method = target[property];
				return async (...args: unknown[]) => {
					active++;
					calls++;
					mostActive = Math.max(mostActive, active);
					try {
						return await (method as (...parameters: unknown[]) => Promise<unknown>).apply(target, args);
					} finally {
						active--;
					}
				};
			},
		});
		emulator.setFaults({latencyMs: 60});
		const poller = createExecutionPoller({pipelines: measured, executionArn, intervalMs: 1});
		poller.start();
		try {
			await waitForSnapshot(poller, () => {
				poller.refreshNow();
				return calls >= 8;
			});
			expect(mostActive).toBe(1);
		} finally {
			emulator.setFaults({});
			poller.stop();
			await aws.pipelines.stopExecution(executionArn);
		}
	});

	it('keeps retrying while the server is away and resumes when it comes back', async () => {
		const executionArn = await aws.pipelines.startExecution({pipelineName: 'Endless', parameters: []});
		const proxy = await startProxy(emulator.port);
		const viaProxy = await connectTryingOnce(`http://127.0.0.1:${proxy.port}`);
		const poller = createExecutionPoller({
			pipelines: viaProxy.pipelines,
			executionArn,
			intervalMs: 20,
			maxBackoffMs: 100,
		});
		poller.start();
		try {
			await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'live');
			await proxy.stop();
			const away = await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'retrying');
			expect(away.error).toMatchObject({kind: 'Network'});
			expect(away.execution?.arn).toBe(executionArn);

			await proxy.restart();
			const back = await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'live');
			expect(back.error).toBeUndefined();
			expect(back.execution?.status).toBe('Executing');
		} finally {
			poller.stop();
			await viaProxy.close();
			await proxy.stop();
			await aws.pipelines.stopExecution(executionArn);
		}
	});
});

/** A TCP relay to the emulator on a fixed loopback port that can go away and come back (emulator state kept). */
async function startProxy(
	targetPort: number,
): Promise<{port: number; stop(): Promise<void>; restart(): Promise<void>}> {
	let server: Server | undefined;
	const sockets = new Set<Socket>();
	const listen = (port: number) =>
		new Promise<number>((resolve, reject) => {
			const next = createServer((client) => {
				const upstream = connectSocket(targetPort, '127.0.0.1');
				sockets.add(client).add(upstream);
				client.pipe(upstream).pipe(client);
				const drop = () => {
					client.destroy();
					upstream.destroy();
					sockets.delete(client);
					sockets.delete(upstream);
				};
				client.on('error', drop).on('close', drop);
				upstream.on('error', drop).on('close', drop);
			});
			next.once('error', reject);
			next.listen(port, '127.0.0.1', () => {
				server = next;
				const address = next.address();
				resolve(typeof address === 'object' && address ? address.port : port);
			});
		});
	const port = await listen(0);
	return {
		port,
		async stop() {
			for (const socket of sockets) socket.destroy();
			sockets.clear();
			const closing = server;
			server = undefined;
			if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
		},
		async restart() {
			await listen(port);
		},
	};
}
