// The tutorial's whole flow through @aws-sdk/client-sagemaker and @aws-sdk/client-s3 over HTTP against the
// emulator: create, update, start, describe, wait, list steps, read evaluation.json, start with
// ModelApprovalStatus=Approved, list the parameters used, stop, delete.
import {GetObjectCommand, type S3Client} from '@aws-sdk/client-s3';
import {
	CreatePipelineCommand,
	DeletePipelineCommand,
	DescribePipelineCommand,
	DescribePipelineExecutionCommand,
	DescribeProcessingJobCommand,
	ListPipelineExecutionStepsCommand,
	ListPipelineExecutionsCommand,
	ListPipelineParametersForExecutionCommand,
	type PipelineExecutionStatus,
	type SageMakerClient,
	StartPipelineExecutionCommand,
	StopPipelineExecutionCommand,
	UpdatePipelineCommand,
} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {s3ClientFor, sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';
import {abaloneTutorialParameterNames, abaloneTutorialStepsNewestFirst} from '../helpers/abalone-tutorial.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerExecutionRole';
const terminal = new Set(['Succeeded', 'Failed', 'Stopped']);

let emulator: RunningEmulator;
let sagemaker: SageMakerClient;
let s3: S3Client;

beforeAll(async () => {
	emulator = await startTestEmulator({demo: false, timeScale: 2000});
	sagemaker = sageMakerClientFor(emulator);
	s3 = s3ClientFor(emulator);
});

afterAll(async () => {
	sagemaker?.destroy();
	s3?.destroy();
	await emulator?.close();
});

/** Polls DescribePipelineExecution until the execution ends, like `execution.wait()`. */
async function waitFor(arn: string): Promise<PipelineExecutionStatus> {
	for (;;) {
		const {PipelineExecutionStatus: status} = await sagemaker.send(
			new DescribePipelineExecutionCommand({PipelineExecutionArn: arn}),
		);
		if (status && terminal.has(status)) return status;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('the tutorial flow through the JavaScript SDK', () => {
	let firstArn: string;

	it('creates the pipeline and updates it to a new version', async () => {
		const created = await sagemaker.send(
			new CreatePipelineCommand({
				PipelineName: 'AbalonePipeline',
				PipelineDefinition: readFixture('abalone-tutorial.json'),
				RoleArn: roleArn,
			}),
		);
		expect(created.PipelineArn).toBe('arn:aws:sagemaker:us-east-1:000000000000:pipeline/AbalonePipeline');
		const updated = await sagemaker.send(
			new UpdatePipelineCommand({
				PipelineName: 'AbalonePipeline',
				PipelineDefinition: readFixture('abalone-tutorial.json'),
				PipelineDescription: 'Abalone tutorial pipeline',
			}),
		);
		expect(updated).toMatchObject({PipelineArn: created.PipelineArn, PipelineVersionId: 2});
		const described = await sagemaker.send(new DescribePipelineCommand({PipelineName: 'AbalonePipeline'}));
		expect(described).toMatchObject({
			PipelineName: 'AbalonePipeline',
			PipelineDescription: 'Abalone tutorial pipeline',
			PipelineStatus: 'Active',
		});
		expect(described.CreationTime).toBeInstanceOf(Date);
	});

	it('starts an execution, describes it and waits for it to succeed', async () => {
		const started = await sagemaker.send(
			new StartPipelineExecutionCommand({PipelineName: 'AbalonePipeline'}),
		);
		firstArn = started.PipelineExecutionArn!;
		expect(firstArn).toMatch(/\/execution\/[a-z0-9]{12}$/);
		const described = await sagemaker.send(
			new DescribePipelineExecutionCommand({PipelineExecutionArn: firstArn}),
		);
		expect(described).toMatchObject({
			PipelineExecutionArn: firstArn,
			PipelineExecutionStatus: 'Executing',
			PipelineVersionId: 2,
		});
		expect(await waitFor(firstArn)).toBe('Succeeded');
	});

	it('lists the steps newest first with their metadata', async () => {
		const {PipelineExecutionSteps: steps = []} = await sagemaker.send(
			new ListPipelineExecutionStepsCommand({PipelineExecutionArn: firstArn}),
		);
		expect(steps.map((step) => step.StepName)).toEqual(abaloneTutorialStepsNewestFirst);
		for (const step of steps) {
			expect(step.StepStatus).toBe('Succeeded');
			expect(step.StartTime).toBeInstanceOf(Date);
			expect(step.AttemptCount).toBe(1);
		}

		expect(steps.find((step) => step.StepName === 'AbaloneMSECond')?.Metadata?.Condition?.Outcome).toBe(
			'True',
		);
	});

	it("reads evaluation.json through the evaluation step's processing job output", async () => {
		const {PipelineExecutionSteps: steps = []} = await sagemaker.send(
			new ListPipelineExecutionStepsCommand({PipelineExecutionArn: firstArn}),
		);
		const jobArn = steps.find((step) => step.StepName === 'AbaloneEval')?.Metadata?.ProcessingJob?.Arn;
		const job = await sagemaker.send(
			new DescribeProcessingJobCommand({ProcessingJobName: jobArn!.split('/').pop()}),
		);
		expect(job.ProcessingJobStatus).toBe('Completed');
		const uri = job.ProcessingOutputConfig?.Outputs?.find((output) => output.OutputName === 'evaluation')
			?.S3Output?.S3Uri;
		const [, bucket, prefix] = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri!)!;
		const object = await s3.send(new GetObjectCommand({Bucket: bucket, Key: `${prefix}/evaluation.json`}));
		const report = JSON.parse(await object.Body!.transformToString());
		expect(report.regression_metrics.mse.value).toBeLessThanOrEqual(6);
	});

	it('starts with ModelApprovalStatus=Approved and lists the parameters used', async () => {
		const {PipelineExecutionArn: arn} = await sagemaker.send(
			new StartPipelineExecutionCommand({
				PipelineName: 'AbalonePipeline',
				PipelineParameters: [{Name: 'ModelApprovalStatus', Value: 'Approved'}],
			}),
		);
		expect(await waitFor(arn!)).toBe('Succeeded');
		const {PipelineParameters: parameters = []} = await sagemaker.send(
			new ListPipelineParametersForExecutionCommand({PipelineExecutionArn: arn}),
		);
		expect(parameters).toContainEqual({Name: 'ModelApprovalStatus', Value: 'Approved'});
		expect(parameters.map((parameter) => parameter.Name)).toEqual(abaloneTutorialParameterNames);
	});

	it('stops a running execution', async () => {
		// A long training step keeps the execution running while the stop arrives.
		const definition = JSON.parse(readFixture('abalone-tutorial.json'));
		definition.Metadata = {'sagemon.emulator': {steps: {AbaloneTrain: {durationSeconds: 86_400}}}};
		await sagemaker.send(
			new UpdatePipelineCommand({
				PipelineName: 'AbalonePipeline',
				PipelineDefinition: JSON.stringify(definition),
			}),
		);
		const {PipelineExecutionArn: arn} = await sagemaker.send(
			new StartPipelineExecutionCommand({PipelineName: 'AbalonePipeline'}),
		);
		await sagemaker.send(new StopPipelineExecutionCommand({PipelineExecutionArn: arn}));
		expect(await waitFor(arn!)).toBe('Stopped');
		const {PipelineExecutionSteps: steps = []} = await sagemaker.send(
			new ListPipelineExecutionStepsCommand({PipelineExecutionArn: arn}),
		);
		expect(steps[0]?.StepStatus).toBe('Stopped');
		await expect(
			sagemaker.send(new StopPipelineExecutionCommand({PipelineExecutionArn: arn})),
		).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining("Only pipelines with 'Executing' status can be stopped"),
		});
		const {PipelineExecutionSummaries: summaries = []} = await sagemaker.send(
			new ListPipelineExecutionsCommand({PipelineName: 'AbalonePipeline'}),
		);
		expect(summaries.map((summary) => summary.PipelineExecutionStatus)).toEqual([
			'Stopped',
			'Succeeded',
			'Succeeded',
		]);
	});

	it('deletes the pipeline', async () => {
		const deleted = await sagemaker.send(new DeletePipelineCommand({PipelineName: 'AbalonePipeline'}));
		expect(deleted.PipelineArn).toBe('arn:aws:sagemaker:us-east-1:000000000000:pipeline/AbalonePipeline');
		await expect(
			sagemaker.send(new DescribePipelineCommand({PipelineName: 'AbalonePipeline'})),
		).rejects.toMatchObject({
			name: 'ResourceNotFound',
			$metadata: {httpStatusCode: 400},
		});
	});
});
