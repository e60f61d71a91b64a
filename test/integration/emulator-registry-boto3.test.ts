// The model registry read back by boto3: the tutorial pipeline run on the emulator with the default parameters
// and with ModelApprovalStatus=Approved registers two versions, listed, described and approved as the service
// does. The same reads and updates run against moto_server (on versions made with CreateModelPackage, as moto
// runs no pipelines), and the differences between the two are named.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {awsEnvironment, python, runProgram} from '../helpers/aws-programs.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {fixturePath} from '../helpers/fixtures.js';
import {type MotoServer, startMotoServer} from '../helpers/moto-server.js';

const script = fileURLToPath(new URL('python/registry_flow.py', import.meta.url));

let emulator: RunningEmulator;
let moto: MotoServer | undefined;
let home: string;

beforeAll(async () => {
	// Without the demo set, whose abalone pipeline registers versions in the same group.
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	moto = await startMotoServer();
	home = mkdtempSync(join(tmpdir(), 'sagemon-registry-'));
});

afterAll(async () => {
	await emulator?.close();
	await moto?.close();
	if (home) rmSync(home, {recursive: true, force: true});
});

// biome-ignore lint/suspicious/noExplicitAny: the script's JSON is read as plain data.
type Flow = Record<string, any>;

function runFlow(extra: Record<string, string>): Promise<Flow> {
	return runProgram(python(), [script], awsEnvironment(home, extra)).then(
		(output) => JSON.parse(output) as Flow,
	);
}

describe('the model registry with boto3', () => {
	let ours: Flow;

	it('registers one version per tutorial run, with the run’s approval status, and approves it', async () => {
		ours = await runFlow({
			SAGEMON_ENDPOINT: emulator.url,
			SAGEMON_MODE: 'pipeline',
			SAGEMON_DEFINITION: fixturePath('abalone-tutorial.json'),
		});
		const group = 'arn:aws:sagemaker:us-east-1:000000000000:model-package/abalonemodelpackagegroupname';
		expect(ours.executions.map((run: Flow) => run.registered)).toEqual([`${group}/1`, `${group}/2`]);
		expect(ours.groups).toContainEqual({
			ModelPackageGroupName: 'AbaloneModelPackageGroupName',
			ModelPackageGroupStatus: 'Completed',
		});
		expect(ours.group.ModelPackageGroupArn).toBe(
			'arn:aws:sagemaker:us-east-1:000000000000:model-package-group/abalonemodelpackagegroupname',
		);
		expect(ours.newest_first).toEqual([
			{
				ModelPackageVersion: 2,
				ModelApprovalStatus: 'Approved',
				ModelPackageStatus: 'Completed',
				ModelPackageName: null,
			},
			{
				ModelPackageVersion: 1,
				ModelApprovalStatus: 'PendingManualApproval',
				ModelPackageStatus: 'Completed',
				ModelPackageName: null,
			},
		]);
		expect(ours.pending_versions).toEqual([1]);
		expect(ours.by_name_ascending).toEqual([1, 2]);
		expect(ours.pages).toEqual([[1], [2]]);
		expect(ours.last_page_has_token).toBe(false);
		expect(ours.described).toMatchObject({
			ModelPackageName: 'AbaloneModelPackageGroupName',
			ModelPackageGroupName: 'AbaloneModelPackageGroupName',
			ModelPackageVersion: 1,
			ModelApprovalStatus: 'PendingManualApproval',
			ModelPackageStatus: 'Completed',
			MetadataProperties: {GeneratedBy: ours.executions[0].arn},
			CustomerMetadataProperties: {
				approval: 'PendingManualApproval',
				pipeline_execution: ours.executions[0].arn,
			},
			creation_time_type: 'datetime',
		});
		expect(ours.described.ModelMetrics.ModelQuality.Statistics).toEqual({
			ContentType: 'application/json',
			S3Uri: expect.stringMatching(/^s3:\/\/.+\/evaluation\/evaluation\.json$/),
		});
		expect(ours.described.container_model_data).toMatch(/^s3:\/\/.+\/output\/model\.tar\.gz$/);
		expect(ours.updated).toEqual({ModelApprovalStatus: 'Approved', ApprovalDescription: 'MSE is fine'});
		expect(ours.back_to_pending?.code).toBe('ValidationException');
		expect(ours.unknown_package).toEqual({
			code: 'ValidationException',
			message: 'ModelPackage AbaloneModelPackageGroupName/99 does not exist.',
		});
		expect(ours.unknown_update?.code).toBe('ValidationException');
		expect(ours.unknown_group).toEqual({
			code: 'ValidationException',
			message:
				'ModelPackageGroup arn:aws:sagemaker:us-east-1:000000000000:model-package-group/nosuchgroup does not exist.',
		});
	});

	it('agrees with moto_server on the reads and the approval, apart from the differences named here', async () => {
		const theirs = await runFlow({SAGEMON_ENDPOINT: moto!.url, SAGEMON_MODE: 'direct'});
		expect(theirs.pending_versions).toEqual(ours.pending_versions);
		expect(theirs.by_name_ascending).toEqual(ours.by_name_ascending);
		expect(theirs.pages).toEqual(ours.pages);
		expect(theirs.last_page_has_token).toBe(false);
		expect(theirs.updated).toEqual(ours.updated);
		for (const key of ['ModelPackageGroupName', 'ModelPackageVersion', 'ModelApprovalStatus'])
			expect(theirs.described[key], key).toEqual(ours.described[key]);
		expect(theirs.described.creation_time_type).toBe('datetime');
		expect(theirs.unknown_group?.code).toBe('ValidationException');
		expect(theirs.unknown_package?.code).toBe('ValidationException');
		expect(
			theirs.newest_first.map((summary: Flow) => [summary.ModelPackageVersion, summary.ModelApprovalStatus]),
		).toEqual(
			ours.newest_first.map((summary: Flow) => [summary.ModelPackageVersion, summary.ModelApprovalStatus]),
		);
		// Both leave ModelPackageName out of a version's summary, as the service does (aws/sagemaker-python-sdk#5606).
		expect(theirs.newest_first[0].ModelPackageName).toBeNull();
		// Differences: moto leaves ModelPackageName out of DescribeModelPackage (the model requires it; we give the
		// group's name), accepts taking a decision back to PendingManualApproval, and words its unknown-package error
		// "Model package … not found".
		expect(theirs.described.ModelPackageName).toBeNull();
		expect(theirs.back_to_pending).toBeNull();
		expect(theirs.unknown_package.message).toMatch(/not found/);
	});
});
