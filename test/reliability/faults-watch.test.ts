// Matrix rows for a flaky link while `sagemon watch` follows an execution on a real terminal: throttling,
// latency, the server killed and restarted, the pipeline deleted. Calls are counted at the wire (a recording
// proxy), the screen is read from tmux, and the execution waits on a Callback step the test releases.
import type {ChildProcess} from 'node:child_process';
import {ListPipelineExecutionsCommand, type SageMakerClient} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cliPath, ensureBuilt, projectRoot, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {freePort, spawnEmulatorProcess} from '../helpers/emulator-process.js';
import {
	createPipeline,
	eventually,
	gatedAbaloneDefinition,
	releaseGate,
	startExecution,
} from './pipelines.js';
import {callsFor, expectPollerContract} from './poller-contract.js';
import {type RecordingProxy, startRecordingProxy} from './recording-proxy.js';
import {openTerminal, type Terminal} from './tmux-terminal.js';

let emulator: RunningEmulator;
let client: SageMakerClient;
let proxy: RecordingProxy;

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	client = sageMakerClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url);
	await createPipeline(client, 'Gated', gatedAbaloneDefinition());
});

afterAll(async () => {
	client?.destroy();
	await proxy?.close();
	await emulator?.close();
});

/** `sagemon watch ARN` on a 100×30 terminal, through `endpoint`. */
function watchOnTerminal(
	executionArn: string,
	endpoint: string,
	interval: number,
	env: NodeJS.ProcessEnv = {},
): Promise<Terminal> {
	return openTerminal(
		[
			process.execPath,
			cliPath,
			'watch',
			executionArn,
			'--endpoint-url',
			endpoint,
			'--interval',
			String(interval),
		],
		{columns: 100, rows: 30, env: testAwsEnv(env), cwd: projectRoot},
	);
}

async function startGated(): Promise<string> {
	const executionArn = await startExecution(client, 'Gated');
	return executionArn;
}

describe('a flaky link while watching', () => {
	it('matrix: 30% of calls throttled while watching [watch] — SDK retries and poller backoff, "retrying" on screen, catches up, calls bounded', async () => {
		const executionArn = await startGated();
		// Two attempts per call (one SDK retry) keeps the scaled-down run short; the behaviour is the same.
		const terminal = await watchOnTerminal(executionArn, proxy.url, 0.1, {AWS_MAX_ATTEMPTS: '2'});
		try {
			await terminal.waitFor(/ApprovalGate +Executing/);
			const since = proxy.requests.length;

			emulator.setFaults({throttleRate: 0.3});
			const throttled = () =>
				proxy.requests.slice(since).filter((request) => request.errorType === 'ThrottlingException');
			// The SDK retries throttled calls, and the retries get through.
			const retriedThrough = () =>
				proxy.requests.slice(since).some((request) => request.attempt! > 1 && request.status === 200);
			await eventually(
				'throttled answers, and retries that got through',
				() => throttled().length >= 4 && retriedThrough(),
			);
			expect(terminal.running()).toBe(true);

			// A burst where every retry fails too: the poller, not the SDK, has to wait, and says so.
			emulator.setFaults({throttleRate: 1});
			const retrying = await terminal.waitFor(/retrying in \d+s: AWS kept throttling the requests/);
			expect(retrying).toMatch(/^Gated · .* · Executing · /);
			emulator.setFaults({});

			await terminal.waitFor((screen) => !screen.includes('retrying in'));
			await releaseGate(client, executionArn);
			expect(await terminal.finished()).toEqual({status: 0, terminalRestored: true});
			const screen = await terminal.screen();
			for (const step of [
				'ApprovalGate',
				'AbaloneProcess',
				'AbaloneTrain',
				'AbaloneEval',
				'AbaloneTransform',
			]) {
				expect(screen).toMatch(new RegExp(`✔ ${step} +Succeeded`));
			}

			expect(screen).toContain('Execution Succeeded after');
			expectPollerContract(proxy, executionArn, since, 100);
		} finally {
			emulator.setFaults({});
			await terminal.close();
		}
	});

	it('matrix: +2 s latency on every call [watch] — Ctrl+C answered at once, no overlapping polls for one execution', async () => {
		const executionArn = await startGated();
		// Scaled: every answer takes 300 ms, six times the 50 ms interval.
		emulator.setFaults({latencyMs: 300});
		const since = proxy.requests.length;
		const terminal = await watchOnTerminal(executionArn, proxy.url, 0.05);
		try {
			await terminal.waitFor(/ApprovalGate +Executing/);
			await eventually(
				'four calls through the slow link',
				() => callsFor(proxy, executionArn, since).length >= 4,
			);
			expectPollerContract(proxy, executionArn, since, 50);

			// Ctrl+C while a call that takes seconds is in flight: the watch ends without its answer.
			emulator.setFaults({latencyMs: 10_000});
			const slowSince = proxy.requests.length;
			const slow = await eventually('a slow call in flight', () =>
				proxy.requests
					.slice(slowSince)
					.find((request) => request.endedAt === undefined && request.body.includes(executionArn)),
			);
			await terminal.press('C-c');
			expect(await terminal.finished()).toEqual({status: 130, terminalRestored: true});
			expect(await terminal.screen()).toContain(
				'stopped watching; the execution goes on. The execution is still Executing.',
			);
			expect(slow?.status).toBeUndefined();
		} finally {
			emulator.setFaults({});
			await terminal.close();
		}
	});
});

describe('the emulator process killed mid-watch', () => {
	let server: ChildProcess | undefined;
	let port: number;

	const startServer = async (): Promise<void> => {
		server = await spawnEmulatorProcess(port);
	};

	afterAll(() => {
		if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
	});

	it('matrix: emulator killed mid-watch, restarted later [watch] — "retrying in Ns", then resumes on the same screen', async () => {
		port = await freePort();
		await startServer();
		const url = `http://127.0.0.1:${port}`;
		const demo = sageMakerClientFor({url} as RunningEmulator);
		// The demo set is seeded: the restarted emulator serves the same running execution under the same ARN.
		const executions = await demo.send(new ListPipelineExecutionsCommand({PipelineName: 'AbalonePipeline'}));
		demo.destroy();
		const running = executions.PipelineExecutionSummaries!.find(
			(summary) => summary.PipelineExecutionStatus === 'Executing',
		)!;
		const terminal = await watchOnTerminal(running.PipelineExecutionArn!, url, 0.5);
		try {
			const before = await terminal.waitFor(/^AbalonePipeline · .* · Executing.*\n.*AbaloneProcess/);
			const stepsShown = (screen: string) =>
				[
					...screen.matchAll(/^ {2}\S (\w+) +(?:Starting|Executing|Stopping|Stopped|Failed|Succeeded) /gm),
				].map((match) => match[1]);

			server!.kill('SIGKILL');
			const offline = await terminal.waitFor(/retrying in \d+s: Could not reach/);
			expect(offline).toContain(`Could not reach ${url} (ECONNREFUSED)`);
			expect(offline).toMatch(/^AbalonePipeline · .* · Executing/);
			expect(stepsShown(offline)).toEqual(stepsShown(before));

			await startServer();
			// The restarted emulator re-creates its demo run (same ARN, same progress, a new display name).
			const back = await terminal.waitFor((screen) => !screen.includes('retrying in'));
			expect(back).toMatch(/^AbalonePipeline · .* · Executing/);
			expect(stepsShown(back)).toEqual(expect.arrayContaining(stepsShown(before)));
			expect(terminal.running()).toBe(true);

			await terminal.press('C-c');
			expect(await terminal.finished()).toEqual({status: 130, terminalRestored: true});
		} finally {
			await terminal.close();
			server?.kill('SIGKILL');
		}
	});
});
