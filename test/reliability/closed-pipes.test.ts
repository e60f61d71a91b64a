// Matrix row: the reader of sagemon's output goes away (`| head`, `| grep -m1`, `| true`). Real shell pipes
// against the built CLI: each command stops quietly with 141 (128 + SIGPIPE), never a stack trace, never 1
// (which says the execution failed).
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import type {SageMakerClient} from '@aws-sdk/client-sagemaker';
import type {S3Client} from '@aws-sdk/client-s3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cliPath, ensureBuilt, projectRoot, testAwsEnv} from '../helpers/built-cli.js';
import {s3ClientFor, sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {fixturePath} from '../helpers/fixtures.js';
import {scratchDirectory} from '../helpers/scratch-directory.js';
import {
	abaloneDefinition,
	createPipeline,
	evaluationUri,
	eventually,
	putObject,
	startExecution,
} from './pipelines.js';

let emulator: RunningEmulator;
let client: SageMakerClient;
let s3: S3Client;
const scratch = scratchDirectory('sagemon-pipes-');

/** Each step takes about a second, so a followed execution keeps printing after the reader has gone. */
const steps = Object.fromEntries(
	[
		'AbaloneProcess',
		'AbaloneTrain',
		'AbaloneEval',
		'AbaloneMSECond',
		'AbaloneRegisterModel',
		'AbaloneCreateModel',
		'AbaloneTransform',
	].map((name) => [name, {durationSeconds: 0.8}]),
);

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 1, demo: false});
	client = sageMakerClientFor(emulator);
	s3 = s3ClientFor(emulator);
	await createPipeline(client, 'Abalone', abaloneDefinition(steps));
});

afterAll(async () => {
	client?.destroy();
	s3?.destroy();
	await emulator?.close();
});

type Piped = {code: number; stderr: string; read: string};

/**
 * Runs `sagemon ARGS | READER` in bash and returns sagemon's own exit code (PIPESTATUS), its stderr (from a
 * file, unless `stderrToPipe` sends it down the pipe too, as `2>&1` does) and what the reader printed.
 */
function piped(args: string[], reader: string, options: {stderrToPipe?: boolean} = {}): Promise<Piped> {
	const errors = scratch.path(`stderr-${Math.random().toString(36).slice(2)}`);
	const quoted = [process.execPath, cliPath, ...args, '--endpoint-url', emulator.url, '--interval', '0.1']
		.map((word) => `'${word.replaceAll("'", "'\\''")}'`)
		.join(' ');
	const redirect = options.stderrToPipe ? '2>&1' : `2>'${errors}'`;
	const script = `${quoted} ${redirect} | ${reader}; echo "exit=\${PIPESTATUS[0]}" >&2`;
	return new Promise((resolve, reject) => {
		execFile(
			'bash',
			['-c', script],
			{cwd: projectRoot, env: testAwsEnv(), timeout: 30_000},
			(error, stdout, stderr) => {
				if (error) return reject(error);
				const code = Number(/exit=(\d+)/.exec(stderr)?.[1]);
				let written = '';
				try {
					written = readFileSync(errors, 'utf8');
				} catch {}
				resolve({code, stderr: written, read: stdout});
			},
		);
	});
}

function expectQuietStop(result: Piped, what: string) {
	expect(result.code, `${what}: ${result.stderr}`).toBe(141);
	expect(result.stderr, what).not.toMatch(/EPIPE|Error|\n\s+at /);
}

describe('a closed pipe', () => {
	it('matrix: a closed pipe [watch, wait] — the follower stops quietly with 141 when the reader has its line', async () => {
		const watched = await startExecution(client, 'Abalone');
		const watch = await piped(['watch', watched], 'grep -m1 Succeeded');
		expect(watch.read).toMatch(/Succeeded/);
		expectQuietStop(watch, 'watch | grep -m1');

		const waited = await startExecution(client, 'Abalone');
		const wait = await piped(['wait', waited], 'head -2', {stderrToPipe: true});
		expect(wait.read.split('\n').filter(Boolean)).toHaveLength(2);
		expect(wait.read).not.toMatch(/EPIPE|Error/);
		expect(wait.code).toBe(141);
		// The execution itself goes on: sagemon only stopped reading.
		const {PipelineExecutionStatus} = await client.send(
			new (await import('@aws-sdk/client-sagemaker')).DescribePipelineExecutionCommand({
				PipelineExecutionArn: waited,
			}),
		);
		expect(PipelineExecutionStatus).toBe('Executing');
	});

	it('matrix: a closed pipe [steps, validate, describe, report, dag, why, diff, logs, models] — a reader that is gone, or takes 300 bytes of a large report, is no failure', async () => {
		const finished = await startExecution(client, 'Abalone');
		await eventually(
			'the execution to end',
			async () => {
				const result = await piped(['describe', finished], 'cat');
				return /Succeeded|Failed/.test(result.read);
			},
			30_000,
		);

		expectQuietStop(await piped(['steps', finished, '--json'], 'true'), 'steps --json | true');
		expectQuietStop(await piped(['describe', finished], 'true'), 'describe | true');
		expectQuietStop(
			await piped(['validate', fixturePath('abalone-tutorial.json')], 'true'),
			'validate | true',
		);

		// The other commands that print (the handler is the entry point's, so each one is the same code path).
		const other = await startExecution(client, 'Abalone');
		for (const args of [
			['dag', fixturePath('abalone-tutorial.json')],
			['why', finished],
			['diff', finished, other],
			['logs', finished],
			['models'],
		]) {
			expectQuietStop(await piped(args, 'true'), `${args[0]} | true`);
		}

		const row = '{"mse": 4.2, "label": "abalone"},\n';
		await putObject(s3, evaluationUri(finished), `{"rows": [\n${row.repeat(60_000)}{}]}`);
		const report = await piped(['report', finished, '--step', 'AbaloneEval'], 'head -c 300');
		expect(report.read).toHaveLength(300);
		expect(report.code, report.stderr).toBe(141);
		expect(report.stderr).toMatch(/^AbaloneEval\/EvaluationReport: s3:\/\/\S+ /);
		expect(report.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
	});
});
