// `sagemon logs` as a subprocess of the built CLI against the emulator: the failing-job demo's traceback,
// --failed, --step, --follow (exit code = outcome), --grep, --tail, --since, --json, the notes for steps without
// logs, and reliability matrix rows for logs (throttled, access denied,
// escape sequences inside messages).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {jobPipeline} from '../emulator/logs/log-service.js';
import {ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {startTestEmulator} from '../helpers/emulator.js';

const env = testAwsEnv();
let emulator: RunningEmulator;
const sagemon = (...args: string[]) =>
	runCli([...args, '--endpoint-url', emulator.url, '--interval', '0.05'], {env, timeoutMs: 60_000});

const hostile = 'colour \u001b[31mRED\u001b[0m bell \u0007 osc \u001b]0;pwned\u0007 csi \u009b2J';

/** jobPipeline plus a Condition step after Score, so one step has no job. */
function definition(steps: Record<string, unknown>): string {
	const pipeline = jobPipeline(steps) as {Steps: unknown[]};
	pipeline.Steps.push({
		Name: 'Check',
		Type: 'Condition',
		DependsOn: ['Score'],
		Arguments: {
			Conditions: [{Type: 'GreaterThanOrEqualTo', LeftValue: 1, RightValue: 0}],
			IfSteps: [],
			ElseSteps: [],
		},
	});
	return JSON.stringify(pipeline);
}

async function run(name: string, steps: Record<string, unknown>): Promise<string> {
	const file = `${name}.json`;
	const {writeFileSync, mkdtempSync} = await import('node:fs');
	const {join} = await import('node:path');
	const {tmpdir} = await import('node:os');
	const path = join(mkdtempSync(join(tmpdir(), 'sagemon-logs-cmd-')), file);
	writeFileSync(path, definition(steps));
	const role = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';
	expect((await sagemon('upsert', name, '--definition', path, '--role-arn', role)).code).toBe(0);
	const started = await sagemon('start', name);
	expect(started.code, started.stderr).toBe(0);
	return started.stdout.trim();
}

async function executionOf(pipeline: string, status: string): Promise<string> {
	const response = await fetch(emulator.url, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-amz-json-1.1',
			'x-amz-target': 'SageMaker.ListPipelineExecutions',
		},
		body: JSON.stringify({PipelineName: pipeline}),
	});
	const body = (await response.json()) as {
		PipelineExecutionSummaries: Array<{PipelineExecutionArn: string; PipelineExecutionStatus: string}>;
	};
	const found = body.PipelineExecutionSummaries.find((summary) => summary.PipelineExecutionStatus === status);
	if (!found) throw new Error(`no ${status} execution of ${pipeline}`);
	return found.PipelineExecutionArn;
}

let failingDemo: string;
let scripted: string;

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 100});
	failingDemo = await executionOf('FraudDetectionTraining', 'Failed');
	scripted = await run('LogsScripted', {
		Prep: {durationSeconds: 20},
		Train: {durationSeconds: 20, logs: ['marker-one', hostile]},
		Score: {durationSeconds: 20},
	});
	expect((await sagemon('wait', scripted)).code).toBe(0);
}, 120_000);

afterAll(async () => {
	emulator?.setFaults({});
	await emulator?.close();
});

describe('sagemon logs', () => {
	it('prints the failing-job demo’s traceback with --failed, prefixed with step and instance', async () => {
		const result = await sagemon('logs', failingDemo, '--failed');
		expect(result.code, result.stderr).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines.every((line) => line.startsWith('FraudTrain algo-1 | '))).toBe(true);
		expect(lines).toContain('FraudTrain algo-1 | Traceback (most recent call last):');
		expect(lines.some((line) => line.includes('ValueError: feature_names mismatch'))).toBe(true);
	});

	it('prints every job step in step order and says in one line that a Condition step has no logs', async () => {
		const result = await sagemon('logs', scripted);
		expect(result.code, result.stderr).toBe(0);
		const steps = [
			...new Set(
				result.stdout
					.trimEnd()
					.split('\n')
					.map((line) => line.split(' ')[0]),
			),
		];
		expect(steps).toEqual(['Prep', 'Train', 'Score']);
		expect(result.stdout).toMatch(/^Train algo-2 \| /m);
		expect(result.stderr).toBe(
			'Step Check has no logs (a Condition step: only Processing, Training and Transform jobs write logs).\n',
		);
	});

	it('--grep keeps matching lines, --tail the last N, --since drops older ones', async () => {
		const grep = await sagemon('logs', scripted, '--grep', 'marker-one');
		expect(grep.stdout).toBe('Train algo-1 | marker-one\nTrain algo-2 | marker-one\n');
		const tail = await sagemon('logs', scripted, '--step', 'Score', '--tail', '2');
		expect(tail.stdout.trimEnd().split('\n')).toHaveLength(2);
		const all = await sagemon('logs', scripted, '--step', 'Score');
		expect(all.stdout.endsWith(tail.stdout)).toBe(true);
		// The emulator's clock runs 100× faster, so its events lie in the simulated future: --since 1s keeps
		// them all; an execution that ran hours ago (the demo) has none in the last second.
		const since = await sagemon('logs', failingDemo, '--since', '1s');
		expect(since.stdout).toBe('');
		const badSince = await sagemon('logs', scripted, '--since', 'yesterday');
		expect(badSince).toMatchObject({code: 2, stdout: ''});
	});

	it('--json prints JSON Lines with step, stream, ISO timestamp and the raw message', async () => {
		const result = await sagemon('logs', scripted, '--step', 'Train', '--grep', 'marker', '--json');
		const events = result.stdout
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line));
		expect(events).toHaveLength(2);
		expect(events[0]).toMatchObject({step: 'Train', instance: 'algo-1', message: 'marker-one'});
		expect(events[0].stream).toMatch(/\/algo-1-\d+$/);
		expect(new Date(events[0].timestamp).toISOString()).toBe(events[0].timestamp);
	});

	it('--follow prints lines as the step runs and exits 1 when it failed', async () => {
		const arn = await run('LogsFollow', {
			Prep: {durationSeconds: 100},
			Train: {durationSeconds: 200, fail: 'ValueError: loss is NaN', failureKind: 'algorithm'},
		});
		const result = await sagemon('logs', arn, '--step', 'Train', '--follow');
		expect(result.code, result.stderr).toBe(1);
		expect(result.stdout).toMatch(/^Train algo-1 \| Traceback \(most recent call last\):$/m);
		expect(result.stdout).toMatch(/^Train algo-1 \| ValueError: loss is NaN$/m);
		expect(result.stdout).toMatch(/^Train algo-2 \| /m);
		const whole = await sagemon('logs', arn, '--step', 'Train');
		// Every line once; a poll may bring one instance's line after a later one of the other instance.
		const sorted = (text: string) => text.trimEnd().split('\n').sort();
		expect(sorted(result.stdout)).toEqual(sorted(whole.stdout));
	});

	it('an unknown step is a usage error (2), an unknown execution an AWS error (3)', async () => {
		expect((await sagemon('logs', scripted, '--step', 'Nope')).code).toBe(2);
		const gone = await sagemon('logs', `${scripted.slice(0, -4)}zzzz`);
		expect(gone.code).toBe(3);
	});
});

describe('reliability matrix', () => {
	it('matrix: terminal control sequences in remote text [logs command] — escape sequences in a log line are visible text', async () => {
		const result = await sagemon('logs', scripted, '--step', 'Train', '--grep', 'colour');
		expect(result.stdout).toContain('colour ^[[31mRED^[[0m bell ^G osc ^[]0;pwned^G csi <U+009B>2J');
		expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
	});

	it('matrix: logs access denied [command] — exit 3 with the reason', async () => {
		emulator.setFaults({logsAccessDenied: true});
		try {
			const result = await sagemon('logs', scripted, '--step', 'Train');
			expect(result.code).toBe(3);
			expect(result.stderr).toMatch(/^sagemon: .*(not authorized|denied)/i);
		} finally {
			emulator.setFaults({});
		}
	});

	it('matrix: logs throttled [command] — the SDK retries, the lines arrive', async () => {
		emulator.setFaults({throttleRate: 0.3});
		try {
			const result = await sagemon('logs', scripted, '--grep', 'marker-one');
			expect(result.code, result.stderr).toBe(0);
			expect(result.stdout).toBe('Train algo-1 | marker-one\nTrain algo-2 | marker-one\n');
		} finally {
			emulator.setFaults({});
		}
	});
});
