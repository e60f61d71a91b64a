// Matrix rows about size, for the commands: a 50 MB or binary evaluation.json is read with a capped Range and
// explained; an execution with 300 steps is paged through and drawn within the terminal. Bytes and pages are
// counted at the wire by a recording proxy.
import {randomBytes} from 'node:crypto';
import {DescribePipelineExecutionCommand, type SageMakerClient} from '@aws-sdk/client-sagemaker';
import type {S3Client} from '@aws-sdk/client-s3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cliPath, ensureBuilt, projectRoot, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {s3ClientFor, sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {
	abaloneDefinition,
	chainDefinition,
	createPipeline,
	evaluationUri,
	eventually,
	putObject,
	startExecution,
} from './pipelines.js';
import {type RecordingProxy, startRecordingProxy} from './recording-proxy.js';
import {openTerminal} from './tmux-terminal.js';

const readLimit = 256 * 1024;

let emulator: RunningEmulator;
let client: SageMakerClient;
let s3: S3Client;
let proxy: RecordingProxy;

const sagemon = (args: string[]) => runCli([...args, '--endpoint-url', proxy.url], {env: testAwsEnv()});

async function succeeded(pipelineName: string): Promise<string> {
	const executionArn = await startExecution(client, pipelineName);
	await eventually(
		`${pipelineName} to succeed`,
		async () => {
			const {PipelineExecutionStatus} = await client.send(
				new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn}),
			);
			return PipelineExecutionStatus === 'Succeeded';
		},
		20_000,
	);
	return executionArn;
}

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 20_000, demo: false});
	client = sageMakerClientFor(emulator);
	s3 = s3ClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url);
	await createPipeline(client, 'Abalone', abaloneDefinition());
});

afterAll(async () => {
	client?.destroy();
	s3?.destroy();
	await proxy?.close();
	await emulator?.close();
});

describe('a huge or binary report', () => {
	it('matrix: a 50 MB or binary evaluation.json [report] — a capped Range read, "showing the first 256 KB", binary explained', async () => {
		const huge = await succeeded('Abalone');
		const row = '{"mse": 4.2, "label": "abalone"},\n';
		const body = `{"rows": [\n${row.repeat(Math.ceil((50 * 1024 * 1024) / row.length))}{}]}`;
		await putObject(s3, evaluationUri(huge), body);
		const since = proxy.requests.length;

		const result = await sagemon(['report', huge, '--step', 'AbaloneEval']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(
			/^AbaloneEval\/EvaluationReport: s3:\/\/\S+evaluation\.json, modified .+ UTC \(showing the first 256 KB of 50\.0 MB\)\n$/,
		);
		expect(result.stdout.startsWith(`{"rows": [\n${row}${row}`)).toBe(true);
		expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(readLimit + 1);

		// Every read of the object asked for its first 256 KB only, and got no more.
		const reads = proxy.requests.slice(since).filter((request) => request.operation.startsWith('S3 GET'));
		expect(reads.length).toBeGreaterThan(0);
		for (const read of reads) {
			expect(read.range).toBe(`bytes=0-${readLimit - 1}`);
			expect(read.responseBytes).toBeLessThanOrEqual(readLimit);
		}

		const binary = await succeeded('Abalone');
		const bytes = randomBytes(64 * 1024);
		bytes[10] = 0;
		await putObject(s3, evaluationUri(binary), bytes);
		const refused = await sagemon(['report', binary, '--step', 'AbaloneEval']);
		expect(refused).toMatchObject({code: 3, stdout: ''});
		expect(refused.stderr).toBe(`sagemon: ${evaluationUri(binary)} is a binary file, not a JSON report.\n`);
	});
});

describe('an execution with 300 steps', () => {
	it('matrix: 5,000 pipelines, an execution with 300 steps, 2,000 past executions [steps, watch, dag] — paged, every step listed, drawn within the window', async () => {
		await createPipeline(client, 'Chain300', chainDefinition(300));
		const executionArn = await succeeded('Chain300');
		const since = proxy.requests.length;

		const listed = await sagemon(['steps', executionArn, '--json']);
		expect(listed.code, listed.stderr).toBe(0);
		const records = JSON.parse(listed.stdout) as Array<{name: string; status: string}>;
		expect(records).toHaveLength(300);
		expect(new Set(records.map((record) => record.name)).size).toBe(300);
		const pages = proxy
			.calls('SageMaker.ListPipelineExecutionSteps')
			.filter((request) => proxy.requests.indexOf(request) >= since);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		for (const page of pages) expect(JSON.parse(page.body).MaxResults ?? 100).toBeLessThanOrEqual(100);

		const table = await sagemon(['steps', executionArn]);
		expect(table.code).toBe(0);
		expect(table.stdout.trimEnd().split('\n')).toHaveLength(301);

		const drawn = await sagemon(['dag', 'Chain300']);
		expect(drawn.code, drawn.stderr).toBe(0);
		expect(drawn.stdout).toContain('Step0001');
		expect(drawn.stdout).toContain('Step0300');

		// On a 100×20 terminal the live view keeps to the window: the newest steps, and how many are hidden.
		const terminal = await openTerminal(
			[process.execPath, cliPath, 'watch', executionArn, '--endpoint-url', proxy.url],
			{columns: 100, rows: 20, env: testAwsEnv(), cwd: projectRoot},
		);
		try {
			expect((await terminal.finished()).status).toBe(0);
			const screen = await terminal.screen({history: true});
			expect(screen).toMatch(/… \d+ earlier steps/);
			expect(screen).toContain('✔ Step0300');
			expect(screen.split('\n').every((line) => line.length <= 100)).toBe(true);
		} finally {
			await terminal.close();
		}
	});
});
