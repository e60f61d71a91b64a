// The registry gate and Callback answers as commands of the built CLI against the emulator, read back with
// boto3: the tutorial run twice registers a pending and an approved version, `models` shows both with their MSE,
// `approve` decides the pending one; `callback` lets a waiting execution go on or fail with the reason.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ListPipelineExecutionStepsCommand} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {awsEnvironment, python, runProgram} from '../helpers/aws-programs.js';
import {ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';
import {formatMetricValue} from '../../source/pipeline/model-metrics.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';
const group = 'AbaloneModelPackageGroupName';
const env = testAwsEnv();

let emulator: RunningEmulator;
let scratch: string;
const sagemon = (...args: string[]) =>
	runCli([...args, '--endpoint-url', emulator.url, '--interval', '0.05'], {env, timeoutMs: 60_000});

/** Runs a boto3 snippet (`sm` is the SageMaker client) and returns what it printed as JSON. */
async function boto3(code: string): Promise<unknown> {
	const program = [
		'import boto3, json',
		`sm = boto3.client("sagemaker", endpoint_url=${JSON.stringify(emulator.url)}, region_name="us-east-1")`,
		code,
	].join('\n');
	return JSON.parse(await runProgram(python(), ['-c', program], awsEnvironment(scratch)));
}

async function upsertAndRun(pipeline: string, file: string, ...parameters: string[]): Promise<string> {
	const upserted = await sagemon(
		'upsert',
		pipeline,
		'--definition',
		join(scratch, file),
		'--role-arn',
		roleArn,
	);
	expect(upserted.code, upserted.stderr).toBe(0);
	const started = await sagemon('start', pipeline, ...parameters.flatMap((value) => ['-p', value]), '--wait');
	expect(started.code, started.stderr).toBe(0);
	return started.stdout.trim().split('\n')[0]!;
}

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	scratch = mkdtempSync(join(tmpdir(), 'sagemon-registry-commands-'));
	writeFileSync(join(scratch, 'tutorial.json'), readFixture('abalone-tutorial.json'));
	writeFileSync(join(scratch, 'callback.json'), readFixture('sdk-unit-callback-outputs.json'));
});

afterAll(async () => {
	await emulator?.close();
	if (scratch) rmSync(scratch, {recursive: true, force: true});
});

/** The MSE in the evaluation.json a run wrote, as `sagemon report` prints it. */
async function mseOf(executionArn: string): Promise<number> {
	const report = await sagemon('report', executionArn);
	expect(report.code, report.stderr).toBe(0);
	return JSON.parse(report.stdout).regression_metrics.mse.value;
}

/** A metric value as `models` shows it, as a pattern. */
const shown = (value: number) => formatMetricValue(value).replace('.', '\\.');

// Runs before the describe below registers anything.
describe('models before any run registered a model', () => {
	it('says there are no groups yet, on stderr, and exits 0', async () => {
		const none = await sagemon('models');
		expect(none.code, none.stderr).toBe(0);
		expect(none.stdout).toBe('');
		expect(none.stderr).toMatch(/^No model package groups yet/);
		expect(JSON.parse((await sagemon('models', '--json')).stdout)).toEqual([]);
	});
});

describe('models, approve and reject', () => {
	let pendingRun: string;
	let approvedRun: string;
	let pendingMse: number;
	let approvedMse: number;

	// The tutorial's pipeline as it is: its reports hold the emulator's own MSE for each run.
	beforeAll(async () => {
		pendingRun = await upsertAndRun('Abalone', 'tutorial.json');
		approvedRun = await upsertAndRun('Abalone', 'tutorial.json', 'ModelApprovalStatus=Approved');
		[pendingMse, approvedMse] = await Promise.all([mseOf(pendingRun), mseOf(approvedRun)]);
	}, 120_000);

	it('registers a pending version for the default run and an approved one for ModelApprovalStatus=Approved', async () => {
		const read = (await boto3(
			`r = sm.list_model_packages(ModelPackageGroupName="${group}", SortBy="CreationTime", SortOrder="Ascending")
print(json.dumps([[p["ModelPackageVersion"], p["ModelApprovalStatus"], sm.describe_model_package(ModelPackageName=p["ModelPackageArn"])["MetadataProperties"]["GeneratedBy"]] for p in r["ModelPackageSummaryList"]]))`,
		)) as unknown[];
		expect(read).toEqual([
			[1, 'PendingManualApproval', pendingRun],
			[2, 'Approved', approvedRun],
		]);
	});

	it('lists the groups, and the versions newest first with their MSE next to the approved one', async () => {
		const groups = await sagemon('models');
		expect(groups.code, groups.stderr).toBe(0);
		expect(groups.stdout).toMatch(new RegExp(`^${group}\\s+Completed\\s`, 'm'));

		const versions = await sagemon('models', group);
		expect(versions.code, versions.stderr).toBe(0);
		const lines = versions.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^VERSION\s+APPROVAL\s+REGISTERED \(UTC\)\s+BY\s+METRICS$/);
		const id = (arn: string) => arn.split('/').at(-1)!;
		expect(lines[1]).toMatch(
			new RegExp(`^2\\s+Approved\\s+\\S+ \\S+\\s+${id(approvedRun)}\\s+mse ${shown(approvedMse)}$`),
		);
		expect(lines[2]).toMatch(
			new RegExp(
				`^1\\s+PendingManualApproval\\s+\\S+ \\S+\\s+${id(pendingRun)}\\s+mse ${shown(pendingMse)} \\(approved ${shown(approvedMse)}\\)$`,
			),
		);

		const unknown = await sagemon('models', 'NoSuchGroup');
		expect(unknown).toMatchObject({
			code: 3,
			stdout: '',
			stderr: 'sagemon: There is no model package group named NoSuchGroup.\n',
		});

		const json = await sagemon('models', group, '--json');
		const parsed = JSON.parse(json.stdout);
		expect(parsed.approvedVersion).toBe(2);
		expect(parsed.versions.map((version: {version: number}) => version.version)).toEqual([2, 1]);
		expect(parsed.versions[1].keyMetrics).toEqual([
			{name: 'mse', path: 'regression_metrics.mse.value', value: pendingMse},
		]);
	});

	it('approves the pending version with its description, as boto3 reads it back', async () => {
		const refused = await sagemon('approve', `${group}/1`, '--read-only');
		expect(refused).toMatchObject({code: 2, stdout: ''});
		expect(refused.stderr).toMatch(/Refusing to approve .*--read-only/);

		const approved = await sagemon('approve', `${group}/1`, '--description', 'checked by hand');
		expect(approved.code, approved.stderr).toBe(0);
		expect(approved.stdout).toMatch(
			/^Approved arn:aws:sagemaker:us-east-1:\d+:model-package\/abalonemodelpackagegroupname\/1\n$/,
		);
		expect(
			await boto3(
				`d = sm.describe_model_package(ModelPackageName="${group}/1")
print(json.dumps([d["ModelApprovalStatus"], d["ApprovalDescription"]]))`,
			),
		).toEqual(['Approved', 'checked by hand']);
	});

	it('rejects by ARN, and refuses unknown and malformed packages', async () => {
		const arn = (await boto3(
			`print(json.dumps(sm.describe_model_package(ModelPackageName="${group}/2")["ModelPackageArn"]))`,
		)) as string;
		const rejected = await sagemon('reject', arn, '--json');
		expect(rejected.code, rejected.stderr).toBe(0);
		expect(JSON.parse(rejected.stdout)).toEqual({modelPackageArn: arn, approvalStatus: 'Rejected'});

		const unknown = await sagemon('approve', `${group}/99`);
		expect(unknown.code).toBe(3);
		expect(unknown.stderr).toBe(`sagemon: ModelPackage ${group}/99 does not exist.\n`);
		const malformed = await sagemon('approve', 'not a package');
		expect(malformed.code).toBe(2);
		expect(malformed.stderr).toMatch(/is not a model package version/);
		const local = await runCli(['approve', `${group}/1`, '--local'], {env});
		expect(local.code).toBe(2);
	});
});

describe('callback', () => {
	/** Polls (with the SDK, which is quicker than a Python per poll) until `step` waits for its answer. */
	async function untilWaiting(arn: string, step: string): Promise<void> {
		const client = sageMakerClientFor(emulator);
		for (let attempt = 0; attempt < 400; attempt++) {
			const {PipelineExecutionSteps: steps = []} = await client.send(
				new ListPipelineExecutionStepsCommand({PipelineExecutionArn: arn}),
			);
			const found = steps.find((candidate) => candidate.StepName === step);
			if (found?.StepStatus === 'Executing' && found.Metadata?.Callback?.CallbackToken) return;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}

		throw new Error(`${step} never waited for its callback`);
	}

	async function stepsOf(arn: string): Promise<Record<string, unknown>> {
		return (await boto3(
			`r = sm.list_pipeline_execution_steps(PipelineExecutionArn="${arn}")
print(json.dumps({s["StepName"]: [s["StepStatus"], s.get("FailureReason"), s.get("Metadata", {}).get("Callback", {}).get("OutputParameters")] for s in r["PipelineExecutionSteps"]}))`,
		)) as Record<string, unknown>;
	}

	it('lets the execution go on with typed output parameters, then fails a step with the reason', async () => {
		const upserted = await sagemon(
			'upsert',
			'Callbacks',
			'--definition',
			join(scratch, 'callback.json'),
			'--role-arn',
			roleArn,
		);
		expect(upserted.code, upserted.stderr).toBe(0);
		const started = await sagemon('start', 'Callbacks', '-p', 'MyStr=x');
		expect(started.code, started.stderr).toBe(0);
		const arn = started.stdout.trim();
		await untilWaiting(arn, 'MyCallbackStep1');

		// `why` names the waiting step and the token boto3 reads from its metadata.
		const token = await boto3(
			`r = sm.list_pipeline_execution_steps(PipelineExecutionArn="${arn}")
print(json.dumps(next(s for s in r["PipelineExecutionSteps"] if s["StepName"] == "MyCallbackStep1")["Metadata"]["Callback"]["CallbackToken"]))`,
		);
		const why = await sagemon('why', arn);
		expect(why.code, why.stderr).toBe(0);
		expect(why.stdout).toContain(
			`Waiting: MyCallbackStep1 (Callback) waits for its answer; its token: ${token}\n`,
		);

		const wrongName = await sagemon(
			'callback',
			arn,
			'--step',
			'MyCallbackStep1',
			'--success',
			'-o',
			'nope=1',
		);
		expect(wrongName.code).toBe(2);
		expect(wrongName.stderr).toMatch(/nope is not an output parameter of the step \(declared: output1\)/);
		const notCallback = await sagemon('callback', arn, '--step', 'TestStep', '--success');
		expect(notCallback.code).toBe(2);
		expect(notCallback.stderr).toMatch(/no Callback step named TestStep .*MyCallbackStep1, MyCallbackStep2/);
		const notYet = await sagemon('callback', arn, '--step', 'MyCallbackStep2', '--failure', 'x');
		expect(notYet.code).toBe(3);
		expect(notYet.stderr).toMatch(/MyCallbackStep2 is not waiting for a callback: it has not started/);
		const readOnly = await sagemon('callback', arn, '--step', 'MyCallbackStep1', '--success', '--read-only');
		expect(readOnly.code).toBe(2);
		expect(readOnly.stderr).toMatch(/Refusing to answer step MyCallbackStep1: --read-only/);
		const both = await sagemon('callback', arn, '--step', 'MyCallbackStep1', '--success', '--failure', 'x');
		expect(both.code).toBe(2);

		const success = await sagemon(
			'callback',
			arn,
			'--step',
			'MyCallbackStep1',
			'--success',
			'-o',
			'output1=ok',
		);
		expect(success.code, success.stderr).toBe(0);
		expect(success.stdout).toBe(`Sent success to MyCallbackStep1 of ${arn}\n`);
		const again = await sagemon('callback', arn, '--step', 'MyCallbackStep1', '--success');
		expect(again.code).toBe(3);
		expect(again.stderr).toMatch(/MyCallbackStep1 is not waiting for a callback: it is Succeeded/);

		// The second step reads the first one's output, so it starts only now that the execution went on.
		await untilWaiting(arn, 'MyCallbackStep2');
		const failure = await sagemon('callback', arn, '--step', 'MyCallbackStep2', '--failure', 'MSE too high');
		expect(failure.code, failure.stderr).toBe(0);

		const waited = await sagemon('wait', arn);
		expect(waited.code).toBe(1);
		const steps = await stepsOf(arn);
		expect(steps.MyCallbackStep1).toEqual(['Succeeded', null, [{Name: 'output1', Value: 'ok'}]]);
		expect(steps.MyCallbackStep2).toEqual(['Failed', 'MSE too high', null]);
		expect(
			await boto3(
				`print(json.dumps(sm.describe_pipeline_execution(PipelineExecutionArn="${arn}")["PipelineExecutionStatus"]))`,
			),
		).toBe('Failed');
	}, 120_000);
});
