// Matrix row `--read-only` for the commands: every command sagemon lists in its help runs with --read-only against
// the emulator behind a recording proxy, and not one mutating call reaches the wire. Commands that change things
// refuse before making any call at all; the others work as usual.
import {DescribePipelineExecutionCommand, type SageMakerClient} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {fixturePath} from '../helpers/fixtures.js';
import {
	abaloneDefinition,
	createPipeline,
	eventually,
	gatedAbaloneDefinition,
	roleArn,
	startExecution,
} from './pipelines.js';
import {isMutating, type RecordingProxy, startRecordingProxy} from './recording-proxy.js';

let emulator: RunningEmulator;
let client: SageMakerClient;
let proxy: RecordingProxy;
let finishedArn: string;
let runningArn: string;

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 5000, demo: false});
	client = sageMakerClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url);
	await createPipeline(client, 'Abalone', abaloneDefinition());
	await createPipeline(client, 'Gated', gatedAbaloneDefinition());
	finishedArn = await startExecution(client, 'Abalone');
	runningArn = await startExecution(client, 'Gated');
	await eventually('the abalone run to finish', async () => {
		const {PipelineExecutionStatus} = await client.send(
			new DescribePipelineExecutionCommand({PipelineExecutionArn: finishedArn}),
		);
		return PipelineExecutionStatus === 'Succeeded';
	});
});

afterAll(async () => {
	client?.destroy();
	await proxy?.close();
	await emulator?.close();
});

/** The commands `sagemon --help` lists. */
async function listedCommands(): Promise<string[]> {
	const help = await runCli(['--help']);
	const section = help.stdout.split(/\n\s*Commands\n/)[1]!.split(/\n\s*\n/)[0]!;
	// A command's line starts 4 spaces in; a summary that does not fit beside a long usage is indented further.
	return section
		.split('\n')
		.filter((line) => /^ {4}\S/.test(line))
		.map((line) => line.trim().split(/\s+/)[0]!);
}

describe('--read-only', () => {
	it('matrix: --read-only [commands] — no mutating call from any command; changes refused before any call', async () => {
		const changing: Record<string, string[]> = {
			start: ['Abalone', '-p', 'ModelApprovalStatus=Approved', '--wait'],
			stop: [runningArn],
			retry: [finishedArn],
			delete: ['Abalone', '--yes'],
			upsert: ['Abalone', '--definition', fixturePath('abalone-tutorial.json'), '--role-arn', roleArn],
			approve: ['AbaloneModelPackageGroupName/1', '--description', 'fine'],
			reject: ['AbaloneModelPackageGroupName/1'],
			callback: [runningArn, '--step', 'ApprovalGate', '--success', '-o', 'approved=yes'],
		};
		const reading: Record<string, string[]> = {
			validate: [fixturePath('abalone-tutorial.json')],
			dag: ['Abalone'],
			describe: [finishedArn],
			wait: [finishedArn],
			watch: [finishedArn],
			steps: [finishedArn],
			report: [finishedArn, '--step', 'AbaloneEval'],
			diff: [finishedArn, finishedArn],
			why: [finishedArn],
			logs: [finishedArn],
			models: [],
		};
		// The emulator command serves; it makes no AWS calls, so there is nothing for --read-only to refuse.
		const serving = new Set(['emulator']);
		const listed = await listedCommands();
		expect(listed.filter((name) => !(name in changing || name in reading || serving.has(name)))).toEqual([]);

		for (const [name, args] of Object.entries(changing)) {
			const since = proxy.requests.length;
			const result = await runCli([name, ...args, '--read-only', '--endpoint-url', proxy.url], {
				env: testAwsEnv(),
			});
			expect({name, code: result.code, stdout: result.stdout}).toEqual({name, code: 2, stdout: ''});
			expect(result.stderr).toMatch(
				/^sagemon: Refusing to .+: --read-only is set, which allows no changes\.\n$/,
			);
			expect(proxy.requests.slice(since), name).toEqual([]);
		}

		const since = proxy.requests.length;
		for (const [name, args] of Object.entries(reading)) {
			const result = await runCli([name, ...args, '--read-only', '--endpoint-url', proxy.url], {
				env: testAwsEnv(),
			});
			expect(result.code, `${name}: ${result.stderr}`).toBe(0);
		}

		expect(proxy.requests.length).toBeGreaterThan(since);
		expect(proxy.requests.filter(isMutating)).toEqual([]);
	});
});
