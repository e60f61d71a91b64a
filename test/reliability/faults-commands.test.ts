// Matrix rows for the scriptable commands as subprocesses against the emulator, every call counted at the wire:
// credentials and region problems, S3 access denied, a pipeline deleted underneath, bad parameter overrides, and
// stop/delete run twice or retried after a lost answer (idempotent ClientRequestToken).
import {
	DeletePipelineCommand,
	DescribePipelineExecutionCommand,
	ListPipelineParametersForExecutionCommand,
	type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {randomUUID} from 'node:crypto';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cleanEnv, ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {fixturePath} from '../helpers/fixtures.js';
import {
	abaloneDefinition,
	createPipeline,
	evaluationUri,
	eventually,
	gatedAbaloneDefinition,
	releaseGate,
	roleArn,
	startExecution,
} from './pipelines.js';
import {isMutating, type RecordingProxy, startRecordingProxy} from './recording-proxy.js';

let emulator: RunningEmulator;
let client: SageMakerClient;
let proxy: RecordingProxy;
let loseNextAnswerOf: string | undefined;
let finishedArn: string;

const sagemon = (args: string[], env = testAwsEnv()) =>
	runCli([...args, '--endpoint-url', proxy.url, '--interval', '0.05'], {env});

async function finishedExecution(pipelineName: string): Promise<string> {
	const executionArn = await startExecution(client, pipelineName);
	await eventually(`${pipelineName} to finish`, async () => {
		const {PipelineExecutionStatus} = await client.send(
			new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn}),
		);
		return PipelineExecutionStatus === 'Succeeded';
	});
	return executionArn;
}

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 5000, demo: false});
	client = sageMakerClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url, {
		loseAnswer(request) {
			if (request.operation !== loseNextAnswerOf) return false;
			loseNextAnswerOf = undefined;
			return true;
		},
	});
	await createPipeline(client, 'Abalone', abaloneDefinition());
	finishedArn = await finishedExecution('Abalone');
});

afterEach(() => emulator.setFaults({}));

afterAll(async () => {
	client?.destroy();
	await proxy?.close();
	await emulator?.close();
});

describe('credentials and region', () => {
	const commands = () => [
		['describe', finishedArn],
		['steps', finishedArn],
		['wait', finishedArn],
		['watch', finishedArn],
		['report', finishedArn],
		['dag', 'Abalone'],
		['start', 'Abalone'],
		['stop', finishedArn],
		['delete', 'Abalone', '--yes'],
		['upsert', 'Abalone', '--definition', fixturePath('abalone-tutorial.json'), '--role-arn', roleArn],
	];

	it('matrix: ExpiredTokenException / missing credentials / no region [commands] — every AWS command exits 3 with one sentence naming the fix, nothing changed', async () => {
		const since = proxy.requests.length;
		const cases = [
			{
				// A command given an ARN takes the region from it, so only the commands given a name have none.
				env: testAwsEnv({AWS_REGION: ''}),
				withoutArn: true,
				stderr:
					'sagemon: No AWS region: pass --region, set AWS_REGION, or set a region in ~/.aws/config (or use --local).\n',
			},
			{
				env: cleanEnv({AWS_REGION: 'us-east-1'}),
				stderr:
					'sagemon: No AWS credentials found: run "aws configure" or "aws sso login", set AWS_PROFILE, or use --local.\n',
			},
			{
				env: testAwsEnv(),
				faults: {failWith: 'ExpiredTokenException' as const},
				stderr: 'sagemon: Your AWS credentials have expired: refresh them (aws sso login) and try again.\n',
			},
		];
		for (const {env, faults, stderr, withoutArn} of cases as Array<
			(typeof cases)[number] & {withoutArn?: true}
		>) {
			emulator.setFaults(faults ?? {});
			const chosen = commands().filter((args) => !withoutArn || !args.includes(finishedArn));
			const results = await Promise.all(chosen.map((args) => sagemon(args, env)));
			results.forEach((result, index) => {
				const what = `sagemon ${chosen[index]!.join(' ')}`;
				expect({what, ...result}).toEqual({what, code: 3, signal: null, stdout: '', stderr});
			});
		}

		// Only the expired-token round reached the server, and nothing it was asked to change was changed.
		expect(proxy.requests.slice(since).filter((request) => request.status === 200)).toEqual([]);

		// Whatever goes wrong, the credentials in use are never printed.
		const secret = {
			AWS_ACCESS_KEY_ID: 'AKIASAGEMONKEEPOUT01',
			AWS_SECRET_ACCESS_KEY: 'sagemon/keep-out+secret',
		};
		for (const failWith of ['UnrecognizedClientException', 'AccessDeniedException', undefined] as const) {
			emulator.setFaults(failWith ? {failWith} : {});
			const said = await Promise.all(
				[
					['describe', finishedArn],
					['describe', finishedArn, '--json'],
					['report', finishedArn],
				].map((args) => sagemon(args, testAwsEnv(secret))),
			);
			for (const result of said) {
				expect(`${result.stdout}${result.stderr}`).not.toMatch(/AKIASAGEMONKEEPOUT01|keep-out/);
			}
		}
	});
});

describe('S3', () => {
	it('matrix: AccessDenied on S3 when opening a report [report] — says access to that object was denied; everything else works', async () => {
		emulator.setFaults({s3AccessDenied: true});
		const report = await sagemon(['report', finishedArn, '--step', 'AbaloneEval']);
		expect(report).toMatchObject({code: 3, stdout: ''});
		expect(report.stderr).toBe(
			`sagemon: Access denied: reading ${evaluationUri(finishedArn)} was refused: Access Denied. Check the IAM permissions of the credentials in use.\n`,
		);

		for (const args of [
			['describe', finishedArn],
			['steps', finishedArn],
			['wait', finishedArn],
			['dag', 'Abalone'],
		]) {
			const result = await sagemon(args);
			expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
		}
	});
});

describe('a pipeline deleted by someone else', () => {
	it('matrix: pipeline deleted by someone else while open [commands] — its pipeline and executions are reported gone, exit 3', async () => {
		await createPipeline(client, 'Doomed', abaloneDefinition());
		const executionArn = await finishedExecution('Doomed');
		expect((await sagemon(['describe', executionArn])).code).toBe(0);
		await client.send(new DeletePipelineCommand({PipelineName: 'Doomed', ClientRequestToken: randomUUID()}));

		const commands = ['describe', 'steps', 'wait', 'watch', 'report'];
		const results = await Promise.all(commands.map((command) => sagemon([command, executionArn])));
		results.forEach((result, index) => {
			expect({command: commands[index], ...result}).toMatchObject({
				command: commands[index],
				code: 3,
				stdout: '',
			});
			expect(result.stderr).toMatch(/^sagemon: .*does not exist\.\n$/);
		});

		const pipelineCommands = [
			['start', 'Doomed'],
			['dag', 'Doomed'],
			['delete', 'Doomed', '--yes'],
		];
		const gone = await Promise.all(pipelineCommands.map((args) => sagemon(args)));
		gone.forEach((result, index) => {
			expect(result.code, pipelineCommands[index]!.join(' ')).toBe(3);
			expect(result.stderr).toMatch(/^sagemon: .*Doomed.* does not exist\.\n$/i);
		});
	});
});

describe('parameter overrides', () => {
	it('matrix: parameter overrides of the wrong type, empty, huge, unicode [start] — one error per field, nothing sent until all are valid', async () => {
		const since = proxy.requests.length;
		const result = await sagemon([
			'start',
			'Abalone',
			'-p',
			'ProcessingInstanceCount=many',
			'-p',
			'ModelApprovalStatus=',
			'-p',
			`InputData=s3://bucket/${'x'.repeat(5000)}`,
			'-p',
			'TrainingInstanceType=ml.m5.xlarge',
			'-p',
			'BatchData=s3://bucket/données/模型/😀',
			'-p',
			'ProcessingInstanceType=\u001B]52;c;cm0gLXJmIH4=\u0007',
			'-p',
			'Epochs=3',
		]);
		expect(result).toMatchObject({code: 2, stdout: ''});
		expect(result.stderr).toBe(
			[
				'sagemon: 4 problems with the parameters:',
				"  Unknown parameter 'Epochs'. Parameters: ProcessingInstanceType, ProcessingInstanceCount, TrainingInstanceType, ModelApprovalStatus, InputData, BatchData.",
				"  ProcessingInstanceCount must be a whole number, got 'many'.",
				'  ModelApprovalStatus must not be empty.',
				'  InputData must be at most 1024 characters, got 5012.',
				'',
			].join('\n'),
		);

		for (const [override, message] of [
			['ProcessingInstanceCount=', "ProcessingInstanceCount must be a whole number, got ''."],
			['ProcessingInstanceCount=３', "ProcessingInstanceCount must be a whole number, got '３'."],
			[
				'ProcessingInstanceCount=99999999999999999999',
				"ProcessingInstanceCount is too large, got '99999999999999999999'.",
			],
		] as const) {
			expect(await sagemon(['start', 'Abalone', '-p', override])).toMatchObject({
				code: 2,
				stderr: `sagemon: ${message}\n`,
			});
		}

		// Reading the pipeline is all that happened: nothing was started.
		const calls = proxy.requests.slice(since);
		expect(calls.filter(isMutating)).toEqual([]);
		expect(calls.length).toBeGreaterThan(0);

		// Valid unicode is sent exactly as typed.
		const started = await sagemon(['start', 'Abalone', '-p', 'BatchData=s3://bucket/données/模型/😀']);
		expect(started.code, started.stderr).toBe(0);
		const {PipelineParameters} = await client.send(
			new ListPipelineParametersForExecutionCommand({PipelineExecutionArn: started.stdout.trim()}),
		);
		expect(PipelineParameters).toContainEqual({Name: 'BatchData', Value: 's3://bucket/données/模型/😀'});
	});
});

describe('stop and delete, once and twice', () => {
	it('matrix: stop/delete keys pressed once, twice, during refresh [commands] — one call each, a retry after a lost answer reuses its ClientRequestToken', async () => {
		await createPipeline(client, 'Gated', gatedAbaloneDefinition());
		const executionArn = await startExecution(client, 'Gated');
		const since = proxy.requests.length;

		// The service stops the execution but its answer is lost: the SDK retries with the same token, and the
		// service recognises the retry instead of refusing to stop a Stopping execution.
		loseNextAnswerOf = 'SageMaker.StopPipelineExecution';
		const stopped = await sagemon(['stop', executionArn]);
		expect(stopped).toMatchObject({code: 0, stdout: `Stopping ${executionArn}\n`});
		const stops = proxy
			.calls('SageMaker.StopPipelineExecution')
			.filter((request) => proxy.requests.indexOf(request) >= since);
		expect(stops.map((request) => request.lost ?? false)).toEqual([true, false]);
		expect(new Set(stops.map((request) => request.invocationId)).size).toBe(1);
		const tokens = stops.map((request) => JSON.parse(request.body).ClientRequestToken as string);
		expect(tokens[0]).toMatch(/^[\w-]{32,}$/);
		expect(tokens[1]).toBe(tokens[0]);

		// A second stop is a new request: it is refused with what the status is.
		const again = await sagemon(['stop', executionArn]);
		expect(again.code).toBe(3);
		expect(again.stderr).toMatch(
			/^sagemon: The execution is already (Stopping|Stopped); only an Executing execution can be stopped\.\n$/,
		);
		// A waiting Callback step holds the stop until it gets its answer, as in the service.
		await releaseGate(client, executionArn);
		await eventually('the execution to stop', async () => {
			const {PipelineExecutionStatus} = await client.send(
				new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn}),
			);
			return PipelineExecutionStatus === 'Stopped';
		});

		loseNextAnswerOf = 'SageMaker.DeletePipeline';
		const deleted = await sagemon(['delete', 'Gated', '--yes']);
		expect(deleted).toMatchObject({code: 0, stdout: 'Deleted pipeline Gated\n'});
		const deletes = proxy
			.calls('SageMaker.DeletePipeline')
			.filter((request) => proxy.requests.indexOf(request) >= since);
		expect(deletes.map((request) => request.lost ?? false)).toEqual([true, false]);
		expect(JSON.parse(deletes[1]!.body).ClientRequestToken).toBe(
			JSON.parse(deletes[0]!.body).ClientRequestToken,
		);

		const deletedAgain = await sagemon(['delete', 'Gated', '--yes']);
		expect(deletedAgain.code).toBe(3);
		expect(deletedAgain.stderr).toMatch(/^sagemon: .*Gated.* does not exist\.\n$/i);
		// Each command made exactly one mutating call (the lost answer's retry is the same call).
		const mutating = proxy.requests.slice(since).filter(isMutating);
		expect(new Set(mutating.map((request) => request.invocationId)).size).toBe(3);
	});
});
