// describeJob through the gateway against the emulator over HTTP: the job behind a step as JobDetails (status,
// failure fields, resources, where its logs are), and jobOfStep finding that job in a step record.
import {describe, expect, it} from 'vitest';
import {jobOfStep} from '../../source/aws/job-details.js';
import {AwsError} from '../../source/aws/types.js';
import {failingJobDemo} from '../../source/emulator/demo/failing-job-pipeline.js';
import {readFixture} from '../helpers/fixtures.js';
import {evidenceBackendForFile, runToEnd} from './evidence-harness.js';

const backend = evidenceBackendForFile();

describe('describeJob', () => {
	it("describes a failed training job with the job's reason and its log location", async () => {
		const arn = await runToEnd(backend.pipelines, 'FraudJobs', failingJobDemo.definition);
		const records = await backend.pipelines.listSteps(arn);
		const job = jobOfStep(records.find((record) => record.name === 'FraudTrain'));
		expect(job?.kind).toBe('Training');
		const details = await backend.pipelines.describeJob('Training', job?.name ?? '');
		expect(details).toMatchObject({
			kind: 'Training',
			name: job?.name,
			status: 'Failed',
			instanceType: 'ml.p3.2xlarge',
			instanceCount: 1,
			logGroup: '/aws/sagemaker/TrainingJobs',
			logStreamPrefix: `${job?.name}/`,
		});
		expect(details.failureReason).toContain('feature_names mismatch');
	});

	it('describes a processing job with the instance type and count it ran on', async () => {
		const arn = await runToEnd(
			backend.pipelines,
			'AbaloneJobs',
			JSON.parse(readFixture('abalone-tutorial.json')),
			{
				ProcessingInstanceType: 'ml.c5.2xlarge',
			},
		);
		const records = await backend.pipelines.listSteps(arn);
		const job = jobOfStep(records.find((record) => record.name === 'AbaloneProcess'));
		expect(job?.kind).toBe('Processing');
		expect(await backend.pipelines.describeJob('Processing', job?.name ?? '')).toEqual({
			kind: 'Processing',
			name: job?.name,
			status: 'Completed',
			instanceType: 'ml.c5.2xlarge',
			instanceCount: 1,
			logGroup: '/aws/sagemaker/ProcessingJobs',
			logStreamPrefix: `${job?.name}/`,
		});
		// Steps without a job (a condition) have none to describe.
		expect(jobOfStep(records.find((record) => record.name === 'AbaloneMSECond'))).toBeUndefined();
	});

	it("describes a failed transform job with the job's reason (a transform job has no exit message)", async () => {
		const definition = JSON.parse(readFixture('abalone-tutorial.json'));
		definition.Metadata = {'sagemon.emulator': {steps: {AbaloneTransform: {failureKind: 'client'}}}};
		const arn = await runToEnd(backend.pipelines, 'AbaloneTransformFails', definition);
		const records = await backend.pipelines.listSteps(arn);
		const job = jobOfStep(records.find((record) => record.name === 'AbaloneTransform'));
		expect(job?.kind).toBe('Transform');
		const details = await backend.pipelines.describeJob('Transform', job?.name ?? '');
		expect(details).toMatchObject({
			kind: 'Transform',
			status: 'Failed',
			logGroup: '/aws/sagemaker/TransformJobs',
		});
		expect(details.failureReason).toMatch(/^ClientError: /);
		expect(details.exitMessage).toBeUndefined();
	});

	it('reports a job that does not exist as an AwsError', async () => {
		const error = await backend.pipelines.describeJob('Processing', 'no-such-job').catch((caught) => caught);
		expect(error).toBeInstanceOf(AwsError);
		expect(error.message).toContain('no-such-job');
	});
});
