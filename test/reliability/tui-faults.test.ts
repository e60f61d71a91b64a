// Matrix rows for the full-screen UI on a flaky link, driven from the keyboard on a real terminal (tmux) with the
// built CLI: throttling, latency, the emulator killed and restarted, expired or missing credentials, S3 access
// denied, a pipeline deleted underneath, and stop pressed twice while a refresh is in flight.
import type {ChildProcess} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {
	DeletePipelineCommand,
	DescribePipelineExecutionCommand,
	ListPipelineExecutionsCommand,
	type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cleanEnv, ensureBuilt, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {freePort, spawnEmulatorProcess} from '../helpers/emulator-process.js';
import {
	abaloneDefinition,
	createPipeline,
	evaluationUri,
	eventually,
	gatedAbaloneDefinition,
	releaseGate,
	startExecution,
} from './pipelines.js';
import {expectPollerContract, pollRequests} from './poller-contract.js';
import {isMutating, type RecordingProxy, startRecordingProxy} from './recording-proxy.js';
import {openTui, type Tui} from './tui.js';

let emulator: RunningEmulator;
let client: SageMakerClient;
let proxy: RecordingProxy;
let loseNextAnswerOf: string | undefined;
let tui: Tui | undefined;

// Each test waits on a real terminal step by step; a stuck step fails with what the screen shows, before this.
vi.setConfig({testTimeout: 60_000});

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	client = sageMakerClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url, {
		loseAnswer(request) {
			if (request.operation !== loseNextAnswerOf) return false;
			loseNextAnswerOf = undefined;
			return true;
		},
	});
	await createPipeline(client, 'Gated', gatedAbaloneDefinition());
	await createPipeline(client, 'Abalone', abaloneDefinition());
});

afterEach(async () => {
	emulator.setFaults({});
	await tui?.close();
	tui = undefined;
});

afterAll(async () => {
	client?.destroy();
	await proxy?.close();
	await emulator?.close();
});

/** The screen as one line of text: long messages wrap at the window's edge. */
const flat = (screen: string) => screen.replace(/\s+/g, ' ');
const idOf = (executionArn: string) => executionArn.split('/').pop()!;

async function status(executionArn: string): Promise<string | undefined> {
	const answer = await client.send(
		new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn}),
	);
	return answer.PipelineExecutionStatus;
}

/** The UI on the execution screen of `executionArn` (a run of `pipelineName`). */
async function openExecution(
	pipelineName: string,
	executionArn: string,
	env?: NodeJS.ProcessEnv,
): Promise<Tui> {
	tui = await openTui(proxy.url, env ? {env} : {});
	await tui.openPipeline(pipelineName);
	await tui.select(idOf(executionArn));
	await tui.press('Enter');
	await tui.waitFor(new RegExp(`Pipelines › ${pipelineName} › `));
	return tui;
}

describe('the UI on a flaky link', () => {
	it('matrix: 30% of calls throttled while watching [TUI] — the screen stays up with "retrying", catches up after, calls bounded, none after the end', async () => {
		const executionArn = await startExecution(client, 'Gated');
		// Two attempts per call (one SDK retry) keeps the scaled-down run short; the behaviour is the same.
		const screen = await openExecution('Gated', executionArn, testAwsEnv({AWS_MAX_ATTEMPTS: '2'}));
		await screen.waitFor('● EXECUTING');
		const since = proxy.requests.length;

		emulator.setFaults({throttleRate: 0.3});
		const throttled = () =>
			proxy.requests.slice(since).filter((request) => request.errorType === 'ThrottlingException').length;
		const retriedThrough = () =>
			proxy.requests.slice(since).some((request) => request.attempt! > 1 && request.status === 200);
		await eventually(
			'throttled answers, and SDK retries that got through',
			() => throttled() >= 2 && retriedThrough(),
		);

		emulator.setFaults({throttleRate: 1});
		const offline = await screen.waitFor(/offline, retrying in \d+s/, 20_000);
		expect(offline).toContain('● EXECUTING');
		expect(offline).toContain('showing the last known state: AWS kept throttling the requests');
		emulator.setFaults({});
		await screen.waitFor(/updated (just now|\d+s ago)/, 20_000);

		await releaseGate(client, executionArn);
		await screen.waitFor('✔ SUCCEEDED', 20_000);
		expectPollerContract(proxy, executionArn, since, 500);

		// Done means done: no more polls for the execution (absence takes time to show: two intervals).
		const polls = pollRequests(proxy, executionArn).length;
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(pollRequests(proxy, executionArn).length).toBe(polls);
		expect(screen.running()).toBe(true);
	});

	it('matrix: +2 s latency on every call [TUI] — keys answered while a poll is in flight, no overlapping polls', async () => {
		const executionArn = await startExecution(client, 'Gated');
		const screen = await openExecution('Gated', executionArn);
		await screen.waitFor('● EXECUTING');
		const since = proxy.requests.length;
		emulator.setFaults({latencyMs: 2000});

		const slow = await eventually('a poll in flight', () =>
			pollRequests(proxy, executionArn, since).find((request) => request.endedAt === undefined),
		);
		if (!slow) throw new Error('no poll in flight');
		await screen.press('?');
		// The help opens with the screen's own keys (the global ones are further down on this screen).
		await screen.waitFor('cycle the view: DAG, list, timeline');
		await screen.press('Escape');
		await screen.waitFor((shown) => !shown.includes('cycle the view: DAG, list, timeline'));
		await screen.showList();
		// All of that happened while one slow answer was still on its way.
		expect(slow.endedAt).toBeUndefined();

		// Nothing else was asked about the execution while the slow poll was out (four intervals went by).
		await eventually('the slow answer', () => slow.endedAt !== undefined);
		const during = pollRequests(proxy, executionArn, since).filter(
			(request) => request !== slow && request.startOrder < slow.endOrder!,
		);
		expect(during.filter((request) => request.startOrder > slow.startOrder)).toEqual([]);
		expect(proxy.mostInFlight((request) => pollRequests(proxy, executionArn, since).includes(request))).toBe(
			1,
		);
		emulator.setFaults({});
		await releaseGate(client, executionArn);
	});

	it('matrix: ExpiredTokenException / missing credentials / no region [TUI] — one sentence naming the fix, the UI keeps running, recovers', async () => {
		const executionArn = await startExecution(client, 'Gated');
		const screen = await openTui(proxy.url);
		tui = screen;
		await screen.openPipeline('Gated');
		emulator.setFaults({failWith: 'ExpiredTokenException'});
		// Lists refresh every 5 s on their own; r refreshes now.
		await screen.press('r');
		await screen.waitFor(
			'Your AWS credentials have expired: refresh them (aws sso login) and try again.',
			20_000,
		);
		await screen.press('?');
		await screen.waitFor('Everywhere');
		await screen.press('Escape');
		await screen.waitFor((shown) => !shown.includes('Everywhere'));
		emulator.setFaults({});
		await screen.press('r');
		await screen.waitFor(/updated (just now|\d+s ago)/, 20_000);
		expect(await screen.screen()).toContain(idOf(executionArn));
		await screen.press('q');
		expect(await screen.finished()).toEqual({status: 0, terminalRestored: true});
		await screen.close();
		tui = undefined;

		for (const [env, sentence] of [
			[
				cleanEnv({AWS_REGION: 'us-east-1'}),
				'No AWS credentials found: run "aws configure" or "aws sso login", set AWS_PROFILE, or use --local.',
			],
			[
				testAwsEnv({AWS_REGION: ''}),
				'No AWS region: pass --region, set AWS_REGION, or set a region in ~/.aws/config (or use --local).',
			],
		] as const) {
			const bare = await openTui(proxy.url, {env});
			tui = bare;
			await bare.waitFor((shown) => flat(shown).includes(sentence), 20_000);
			await bare.press('q');
			expect(await bare.finished()).toEqual({status: 0, terminalRestored: true});
			await bare.close();
			tui = undefined;
		}

		await releaseGate(client, executionArn);
	});

	it('matrix: AccessDenied on S3 when opening a report [TUI] — the report pane says access to that object was denied; everything else works', async () => {
		const executionArn = await startExecution(client, 'Abalone');
		await eventually('the run to finish', async () => (await status(executionArn)) === 'Succeeded');
		const screen = await openExecution('Abalone', executionArn);
		await screen.waitFor('✔ SUCCEEDED');
		emulator.setFaults({s3AccessDenied: true});
		await screen.showList();
		await screen.select('AbaloneEval');
		await screen.press('e');
		// The pane wraps long lines inside its border: read it as one text.
		const denied = (await screen.waitFor('Access denied')).replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
		expect(denied).toContain(
			`Access denied: reading ${evaluationUri(executionArn)} was refused: Access Denied. Check the IAM permissions`,
		);
		expect(denied).not.toContain('Access denied: Access denied');
		await screen.press('Escape');
		await screen.waitFor((shown) => !shown.includes('Reports of AbaloneEval'));
		await screen.press('P');
		await screen.waitFor(/ModelApprovalStatus\s+PendingManualApproval/);
		await screen.press('Escape');
		await screen.waitFor((shown) => !shown.includes('Parameters this execution ran with'));
		await screen.press('g');
		await screen.waitFor('DAG list [timeline]');
		expect(screen.running()).toBe(true);
	});

	it('matrix: pipeline deleted by someone else while open [TUI] — "no longer exists", back to the list', async () => {
		await createPipeline(client, 'Doomed', abaloneDefinition());
		const executionArn = await startExecution(client, 'Doomed');
		await eventually('the run to finish', async () => (await status(executionArn)) === 'Succeeded');
		tui = await openTui(proxy.url);
		await tui.openPipeline('Doomed');
		await client.send(new DeletePipelineCommand({PipelineName: 'Doomed', ClientRequestToken: randomUUID()}));
		// Lists refresh every 5 s on their own; r refreshes now.
		await tui.press('r');
		await tui.waitFor('Pipeline Doomed no longer exists', 20_000);
		const list = await tui.waitFor(/sagemon Pipelines {2}/);
		expect(list).not.toMatch(/^. Doomed /m);
	});

	it('matrix: stop/delete keys pressed once, twice, during refresh [TUI] — one confirmation, one call, its retry after a lost answer reuses the token', async () => {
		const executionArn = await startExecution(client, 'Gated');
		const screen = await openExecution('Gated', executionArn);
		await screen.waitFor('● EXECUTING');
		const since = proxy.requests.length;
		// Every answer is slow, so polls are in flight when the keys arrive; the stop's first answer is lost.
		emulator.setFaults({latencyMs: 300});
		loseNextAnswerOf = 'SageMaker.StopPipelineExecution';
		await eventually('a poll in flight', () =>
			pollRequests(proxy, executionArn, since).some((request) => request.endedAt === undefined),
		);
		await screen.type('xx');
		const asked = await screen.waitFor('[y/N]');
		expect(asked.match(/\[y\/N\]/g)).toHaveLength(1);
		await screen.type('yy');
		const stops = () => proxy.requests.slice(since).filter(isMutating);
		// The first answer is lost; the SDK sends the same call again, and the service recognises it.
		await eventually(
			'the stop and its retry',
			() => stops().length === 2 && stops()[1]!.endedAt !== undefined,
		);
		await screen.waitFor(/STOPPING/);
		emulator.setFaults({});

		expect(stops().map((request) => request.operation)).toEqual([
			'SageMaker.StopPipelineExecution',
			'SageMaker.StopPipelineExecution',
		]);
		const [lost, retried] = stops();
		expect(lost!.lost).toBe(true);
		expect(retried!.status).toBe(200);
		expect(retried!.invocationId).toBe(lost!.invocationId);
		expect(JSON.parse(retried!.body).ClientRequestToken).toBe(JSON.parse(lost!.body).ClientRequestToken);
		expect(await status(executionArn)).toBe('Stopping');
		expect(await screen.screen()).not.toMatch(/only pipelines with 'Executing' status/i);
		await releaseGate(client, executionArn);
	});
});

describe('the emulator process killed under the UI', () => {
	let server: ChildProcess | undefined;

	afterAll(() => {
		if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
	});

	it('matrix: emulator killed mid-watch, restarted later [TUI] — "offline, retrying in Ns", then the same screen and selection', async () => {
		const port = await freePort();
		const startServer = async (): Promise<void> => {
			server = await spawnEmulatorProcess(port);
		};

		await startServer();
		const url = `http://127.0.0.1:${port}`;
		const demo = sageMakerClientFor({url} as RunningEmulator);
		const {PipelineExecutionSummaries} = await demo.send(
			new ListPipelineExecutionsCommand({PipelineName: 'AbalonePipeline'}),
		);
		demo.destroy();
		// The demo set is seeded: the restarted emulator serves the same running execution under the same ARN.
		const running = PipelineExecutionSummaries!.find(
			(summary) => summary.PipelineExecutionStatus === 'Executing',
		)!;
		tui = await openTui(url);
		await tui.openPipeline('AbalonePipeline');
		await tui.select(idOf(running.PipelineExecutionArn!));
		await tui.press('Enter');
		await tui.waitFor('● EXECUTING');
		await tui.showList();
		// The second step, so keeping the selection is more than staying on the first row.
		await tui.select('AbaloneTrain');
		const screenName = /^sagemon Pipelines › AbalonePipeline › execution-/;

		server!.kill('SIGKILL');
		const offline = await tui.waitFor(/offline, retrying in \d+s/, 20_000);
		expect(offline).toMatch(screenName);
		expect(offline).toContain('showing the last known state: Could not reach');
		expect(await tui.selectedLine()).toMatch(/^› AbaloneTrain /);

		await startServer();
		const back = await tui.waitFor(/updated (just now|\d+s ago)/, 30_000);
		expect(back).toMatch(screenName);
		expect(back).toContain('● EXECUTING');
		expect(await tui.selectedLine()).toMatch(/^› AbaloneTrain /);
		await tui.press('q');
		expect(await tui.finished()).toEqual({status: 0, terminalRestored: true});
		server!.kill('SIGKILL');
	});
});
