// The registry gate and a Callback answer from the keyboard, on a real terminal (tmux) with the built CLI against
// the emulator: answer the gate of the gated tutorial (success: the execution goes on and registers a version),
// go from its RegisterModel step to the Models screen, approve with a description, confirm, and see the new
// status; fail another run's gate with a reason; with --read-only the decision keys are hidden and refused.
import {
	DescribeModelPackageCommand,
	DescribePipelineExecutionCommand,
	type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {awsEnvironment, python, runProgram} from '../helpers/aws-programs.js';
import {ensureBuilt} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {createPipeline, gatedAbaloneDefinition, startExecution} from '../reliability/pipelines.js';
import {openTui, type Tui} from '../reliability/tui.js';

vi.setConfig({testTimeout: 120_000});

const group = 'AbaloneModelPackageGroupName';
let emulator: RunningEmulator;
let client: SageMakerClient;
let tui: Tui | undefined;
let home: string;

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 5000, demo: false});
	client = sageMakerClientFor(emulator);
	home = mkdtempSync(join(tmpdir(), 'sagemon-tui-registry-'));
	const report = {regression_metrics: {mse: {value: 2.5, standard_deviation: 0.4}}};
	await createPipeline(
		client,
		'Gated',
		gatedAbaloneDefinition({AbaloneEval: {propertyFiles: {EvaluationReport: report}}} as never),
	);
});

afterEach(async () => {
	await tui?.close();
	tui = undefined;
});

afterAll(async () => {
	client?.destroy();
	await emulator?.close();
	if (home) rmSync(home, {recursive: true, force: true});
});

const statusOf = async (executionArn: string) =>
	(await client.send(new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn})))
		.PipelineExecutionStatus;

/** Opens the execution's screen in the list view, with the gate selected once it waits. */
async function openGate(displayName: string): Promise<Tui> {
	const opened = await openTui(emulator.url, {columns: 130, rows: 36});
	await opened.openPipeline('Gated');
	await opened.waitFor(displayName);
	await opened.select(displayName);
	await opened.press('Enter');
	await opened.waitFor(`Gated › ${displayName}`);
	// Once the gate's record is in, the list no longer changes under the selection.
	await opened.waitFor(/ApprovalGate .*● executing/);
	await opened.type('g');
	await opened.waitFor(/\[list\]/);
	await opened.select('ApprovalGate');
	await opened.waitFor(/^› ApprovalGate Callback .*waiting for a callback · A answers it/m);
	return opened;
}

describe('answering a Callback step and approving what the run registered', () => {
	it('answers the gate with success, goes on to the registered version, approves it and shows it Approved', async () => {
		const executionArn = await startExecution(client, 'Gated', {PipelineExecutionDisplayName: 'first-gate'});
		tui = await openGate('first-gate');
		await tui.type('A');
		await tui.waitFor('its output parameters: approved (String)');
		await tui.type('s');
		await tui.waitFor('› approved (String)');
		await tui.type('yes');
		await tui.press('Enter');
		await tui.waitFor('Send success to step ApprovalGate with approved=yes? [y/N]');
		await tui.type('y');
		await tui.waitFor('Sent success to ApprovalGate.');
		await tui.waitFor('✔ SUCCEEDED', 60_000);

		await tui.select('AbaloneRegisterModel');
		await tui.type('M');
		const models = await tui.waitFor(/PendingManualApproval/);
		expect(models).toMatch(new RegExp(`${group} · 1 version, newest first · none approved yet`));
		expect(models).toMatch(/› +1 ◌ PendingManualApproval .* mse 2\.5/);
		await tui.type('a');
		await tui.waitFor(`Approve ${group}/1: description`);
		await tui.type('MSE 2.5 is fine');
		await tui.press('Enter');
		await tui.waitFor(`Approve model version ${group}/1 with "MSE 2.5 is fine"? [y/N]`);
		await tui.type('y');
		await tui.waitFor(`${group}/1 is now Approved.`);
		const after = await tui.waitFor(/› +1 ✔ Approved/);
		expect(after).toMatch(/approved: v1 \(mse 2\.5\)/);

		// boto3 reads the decision back.
		const read = await runProgram(
			python(),
			[
				'-c',
				`import boto3, json
sm = boto3.client("sagemaker", endpoint_url="${emulator.url}", region_name="us-east-1")
d = sm.describe_model_package(ModelPackageName="${group}/1")
print(json.dumps([d["ModelApprovalStatus"], d["ApprovalDescription"], d["MetadataProperties"]["GeneratedBy"]]))`,
			],
			awsEnvironment(home),
		);
		expect(JSON.parse(read)).toEqual(['Approved', 'MSE 2.5 is fine', executionArn]);
	});

	it('fails another run’s gate with the reason', async () => {
		const executionArn = await startExecution(client, 'Gated', {PipelineExecutionDisplayName: 'second-gate'});
		tui = await openGate('second-gate');
		await tui.type('A');
		await tui.type('f');
		await tui.waitFor('› reason');
		await tui.type('not this week');
		await tui.press('Enter');
		await tui.waitFor('Fail step ApprovalGate with "not this week"? [y/N]');
		await tui.type('y');
		await tui.waitFor('✖ FAILED', 30_000);
		expect(await statusOf(executionArn)).toBe('Failed');
		const read = await runProgram(
			python(),
			[
				'-c',
				`import boto3, json
sm = boto3.client("sagemaker", endpoint_url="${emulator.url}", region_name="us-east-1")
s = sm.list_pipeline_execution_steps(PipelineExecutionArn="${executionArn}")["PipelineExecutionSteps"]
print(json.dumps([[x["StepStatus"], x.get("FailureReason")] for x in s if x["StepName"] == "ApprovalGate"]))`,
			],
			awsEnvironment(home),
		);
		expect(JSON.parse(read)).toEqual([['Failed', 'not this week']]);
	});

	it('hides and refuses approving with --read-only', async () => {
		tui = await openTui(emulator.url, {columns: 130, rows: 36, args: ['--read-only']});
		await tui.waitFor(/sagemon Pipelines/);
		await tui.type(':');
		await tui.type(`models ${group}`);
		await tui.press('Enter');
		const shown = await tui.waitFor(/› +1 /);
		expect(shown).not.toMatch(/a approve/);
		await tui.type('a');
		await tui.waitFor('Read-only mode: approve a model version is disabled');
		const {ModelApprovalStatus} = await client.send(
			new DescribeModelPackageCommand({ModelPackageName: `${group}/1`}),
		);
		expect(ModelApprovalStatus).toBe('Approved');
	});
});
