// RegisterModel steps and the model registry on simulated time: each run's step registers the next version of
// its group (created on first use), with its evaluated arguments and the execution that registered it; a
// ModelApprovalStatus the service would refuse fails the step instead.
import {describe, expect, it} from 'vitest';
import {readFixture} from '../helpers/fixtures.js';
import {localService} from './local-service.js';

describe('RegisterModel steps', () => {
	it('register one version per run in each group, with CustomerMetadataProperties evaluated', () => {
		const service = localService();
		service.createPipeline('TwoChains', readFixture('dynamic-framework-two-chains.json'));
		const first = service.start('TwoChains');
		expect(service.runToEnd(first).PipelineExecutionStatus).toBe('Succeeded');
		const second = service.start('TwoChains');
		expect(service.runToEnd(second).PipelineExecutionStatus).toBe('Succeeded');

		const groups = service.call('ListModelPackageGroups', {SortBy: 'Name'}).ModelPackageGroupSummaryList;
		expect(groups.map((group: {ModelPackageGroupName: string}) => group.ModelPackageGroupName)).toEqual([
			'test-calhousing',
			'test-falcon40b-finetuneable',
		]);
		const registered = service.step(second, 'calhousing-Register-RegisterModel')!.Metadata.RegisterModel.Arn;
		expect(registered).toBe('arn:aws:sagemaker:us-east-1:000000000000:model-package/test-calhousing/2');
		const described = service.call('DescribeModelPackage', {ModelPackageName: registered});
		expect(described).toMatchObject({
			ModelPackageGroupName: 'test-calhousing',
			ModelPackageVersion: 2,
			ModelApprovalStatus: 'PendingManualApproval',
			CustomerMetadataProperties: {PIPELINE_ARN: second},
			MetadataProperties: {GeneratedBy: second},
		});
		const versions = service.call('ListModelPackages', {
			ModelPackageGroupName: 'test-calhousing',
			SortOrder: 'Descending',
		}).ModelPackageSummaryList;
		expect(versions.map((version: {ModelPackageVersion: number}) => version.ModelPackageVersion)).toEqual([
			2, 1,
		]);
	});

	it('registers in a group created beforehand, and the group cannot be deleted while it holds versions', () => {
		const service = localService();
		service.call('CreateModelPackageGroup', {ModelPackageGroupName: 'Abalone-Models'});
		service.createPipeline('Selective', readFixture('selective-execution-notebook.json'));
		const arn = service.start('Selective', {ApprovalStatus: 'Approved'});
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Succeeded');
		const listed = service.call('ListModelPackages', {ModelPackageGroupName: 'Abalone-Models'});
		expect(listed.ModelPackageSummaryList).toEqual([
			expect.objectContaining({ModelPackageVersion: 1, ModelApprovalStatus: 'Approved'}),
		]);
		expect(service.failure('DeleteModelPackageGroup', {ModelPackageGroupName: 'Abalone-Models'}).code).toBe(
			'ConflictException',
		);
	});

	it('fails the step when the approval status is not one the service accepts', () => {
		const service = localService();
		service.createPipeline('Selective', readFixture('selective-execution-notebook.json'));
		const arn = service.start('Selective', {ApprovalStatus: 'approved'});
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Failed');
		expect(service.step(arn, 'Abalone-ModelRegister-RegisterModel')).toMatchObject({
			StepStatus: 'Failed',
			FailureReason: expect.stringContaining(
				"Value 'approved' at 'modelApprovalStatus' failed to satisfy constraint: Member must satisfy enum value set: [Approved, Rejected, PendingManualApproval]",
			),
		});
		expect(service.call('ListModelPackageGroups').ModelPackageGroupSummaryList).toEqual([]);
	});
});
