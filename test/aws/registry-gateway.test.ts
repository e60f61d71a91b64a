// The registry adapter against the emulator over HTTP: the tutorial pipeline run twice registers two versions,
// which the adapter lists (pages, newest first, by approval status), describes (the evaluation report, the
// trained model, the execution that registered it) and approves; unknown groups and packages are NotFound.
import {
	CreatePipelineCommand,
	DescribePipelineExecutionCommand,
	type SageMakerClient,
	StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createRegistryGateway} from '../../source/aws/registry-gateway.js';
import type {ModelRegistryApi} from '../../source/aws/registry-types.js';
import {AwsError} from '../../source/aws/types.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';

const group = 'AbaloneModelPackageGroupName';
let emulator: RunningEmulator;
let client: SageMakerClient;
let registry: ModelRegistryApi;
const runs: string[] = [];

async function runToEnd(parameters: Array<{Name: string; Value: string}>): Promise<string> {
	const {PipelineExecutionArn: arn} = await client.send(
		new StartPipelineExecutionCommand({PipelineName: 'Tutorial', PipelineParameters: parameters}),
	);
	for (;;) {
		const {PipelineExecutionStatus: status} = await client.send(
			new DescribePipelineExecutionCommand({PipelineExecutionArn: arn}),
		);
		if (status !== 'Executing') return arn!;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	client = sageMakerClientFor(emulator);
	registry = createRegistryGateway(client, {endpoint: emulator.url});
	await client.send(
		new CreatePipelineCommand({
			PipelineName: 'Tutorial',
			PipelineDefinition: readFixture('abalone-tutorial.json'),
			RoleArn: 'arn:aws:iam::111122223333:role/SageMakerExecutionRole',
		}),
	);
	runs.push(await runToEnd([]));
	runs.push(await runToEnd([{Name: 'ModelApprovalStatus', Value: 'Approved'}]));
});

afterAll(async () => {
	client?.destroy();
	await emulator?.close();
});

describe('the registry gateway', () => {
	it('lists the groups', async () => {
		const {items} = await registry.listGroups();
		expect(items).toEqual([
			{
				name: group,
				arn: 'arn:aws:sagemaker:us-east-1:000000000000:model-package-group/abalonemodelpackagegroupname',
				createdAt: expect.any(Number),
				status: 'Completed',
			},
		]);
		expect((await registry.listGroups({nameContains: 'nothing'})).items).toEqual([]);
	});

	it('lists a group’s versions newest first, page by page and by approval status', async () => {
		const first = await registry.listPackages(group, {maxResults: 1});
		expect(first.items.map((item) => [item.version, item.approvalStatus])).toEqual([[2, 'Approved']]);
		const second = await registry.listPackages(group, {maxResults: 1, nextToken: first.nextToken});
		expect(second.items.map((item) => [item.version, item.approvalStatus])).toEqual([
			[1, 'PendingManualApproval'],
		]);
		expect(second.nextToken).toBeUndefined();
		const all = await registry.listAllPackages(group);
		expect(all.map((item) => item.version)).toEqual([2, 1]);
		expect(all[0]).toMatchObject({groupName: group, status: 'Completed', createdAt: expect.any(Number)});
		const pending = await registry.listAllPackages(group, {approvalStatus: 'PendingManualApproval'});
		expect(pending.map((item) => item.version)).toEqual([1]);
	});

	it('describes a version: its evaluation report, trained model and the execution that registered it', async () => {
		const details = await registry.describePackage(`${group}/1`);
		expect(details).toMatchObject({
			arn: 'arn:aws:sagemaker:us-east-1:000000000000:model-package/abalonemodelpackagegroupname/1',
			groupName: group,
			version: 1,
			approvalStatus: 'PendingManualApproval',
			generatedBy: runs[0],
		});
		expect(details.metrics).toEqual([
			{
				name: 'ModelQuality.Statistics',
				s3Uri: expect.stringMatching(/^s3:\/\/.+\/evaluation\.json$/),
				contentType: 'application/json',
			},
		]);
		expect(details.containers).toEqual([
			{
				image: '257758044811.dkr.ecr.us-east-2.amazonaws.com/sagemaker-xgboost:1.0-1-cpu-py3',
				modelDataUrl: expect.stringMatching(/\/output\/model\.tar\.gz$/),
			},
		]);
	});

	it('approves by GROUP/VERSION and rejects by ARN, with a description', async () => {
		const arn = await registry.updateApproval({
			package: `${group}/1`,
			status: 'Approved',
			description: 'MSE 4.2',
		});
		expect(arn).toBe('arn:aws:sagemaker:us-east-1:000000000000:model-package/abalonemodelpackagegroupname/1');
		expect(await registry.describePackage(arn)).toMatchObject({
			approvalStatus: 'Approved',
			approvalDescription: 'MSE 4.2',
			modifiedAt: expect.any(Number),
			modifiedBy: expect.any(String),
		});
		await registry.updateApproval({package: arn, status: 'Rejected'});
		expect((await registry.describePackage(arn)).approvalStatus).toBe('Rejected');
	});

	it('reports an unknown package or group as NotFound, and a refused transition as Validation', async () => {
		const unknown = await registry.describePackage(`${group}/42`).catch((error: unknown) => error);
		expect(unknown).toBeInstanceOf(AwsError);
		expect(unknown).toMatchObject({kind: 'NotFound', message: `ModelPackage ${group}/42 does not exist.`});
		await expect(
			registry.updateApproval({package: 'NoSuchGroup/1', status: 'Approved'}),
		).rejects.toMatchObject({
			kind: 'NotFound',
		});
		await expect(
			registry.updateApproval({package: `${group}/2`, status: 'PendingManualApproval'}),
		).rejects.toMatchObject({kind: 'Validation'});
		expect((await registry.listPackages('NoSuchGroup')).items).toEqual([]);
	});
});
