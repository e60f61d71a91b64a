// Every response body of the tutorial flow (and of browsing the whole demo set) checked against botocore's
// SageMaker model: member names, types, enums, required members, lengths, patterns, epoch-second timestamps.
// Errors must be modeled for their operation or be one of the service's common errors.
import {randomUUID} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {checkOutput, checkShape, loadSageMakerModel} from '../emulator/botocore-model.js';
import {everyStepTypeDefinition} from '../emulator/every-step-type.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';

const model = loadSageMakerModel();
const commonErrors = new Set([
	'ValidationException',
	'ThrottlingException',
	'AccessDeniedException',
	'UnknownOperationException',
]);
const roleArn = 'arn:aws:iam::111122223333:role/SageMakerExecutionRole';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as plain JSON.
type Body = Record<string, any>;

let emulator: RunningEmulator;
let checked = 0;

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 2000});
});

afterAll(async () => {
	await emulator?.close();
});

/** Calls an operation over HTTP and checks the body against the model; returns it. */
async function call(operation: string, input: Body = {}, expectError?: string): Promise<Body> {
	const response = await fetch(emulator.url, {
		method: 'POST',
		headers: {'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `SageMaker.${operation}`},
		body: JSON.stringify(input),
	});
	const body = (await response.json()) as Body;
	checked++;
	if (response.status === 200) {
		expect(expectError, `${operation} succeeded`).toBeUndefined();
		// Operations without an output shape (DeleteModelPackageGroup) answer with an empty object.
		if (model.operations[operation] && !model.operations[operation].output) expect(body).toEqual({});
		else expect(checkOutput(model, operation, body), `${operation} response`).toEqual([]);
		return body;
	}

	const code = String(body.__type);
	expect(code, `${operation} failed: ${body.Message}`).toBe(expectError);
	const modeled = (model.operations[operation]?.errors ?? []).map((error) => error.shape);
	expect(
		modeled.includes(code) || commonErrors.has(code),
		`${code} is modeled for ${operation} or common`,
	).toBe(true);
	// Modeled errors are structures with a Message member; the common ones use the same form.
	expect(Object.keys(body).sort()).toEqual(['Message', '__type']);
	expect(typeof body.Message).toBe('string');
	if (modeled.includes(code)) expect(checkShape(model, code, {Message: body.Message})).toEqual([]);
	return body;
}

async function waitFor(arn: string): Promise<Body> {
	for (;;) {
		const described = await call('DescribePipelineExecution', {PipelineExecutionArn: arn});
		if (['Succeeded', 'Failed', 'Stopped'].includes(described.PipelineExecutionStatus)) return described;
		await call('ListPipelineExecutionSteps', {PipelineExecutionArn: arn});
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

async function jobsOf(arn: string): Promise<void> {
	const {PipelineExecutionSteps: steps} = await call('ListPipelineExecutionSteps', {
		PipelineExecutionArn: arn,
		MaxResults: 100,
	});
	for (const step of steps) {
		if (step.Metadata.ProcessingJob)
			await call('DescribeProcessingJob', {
				ProcessingJobName: step.Metadata.ProcessingJob.Arn.split('/').pop(),
			});
		if (step.Metadata.TrainingJob)
			await call('DescribeTrainingJob', {TrainingJobName: step.Metadata.TrainingJob.Arn.split('/').pop()});
		if (step.Metadata.TransformJob)
			await call('DescribeTransformJob', {TransformJobName: step.Metadata.TransformJob.Arn.split('/').pop()});
		if (step.Metadata.Model)
			await call('DescribeModel', {ModelName: step.Metadata.Model.Arn.split('/').pop()});
		for (const check of [step.Metadata.QualityCheck, step.Metadata.ClarifyCheck].filter(Boolean))
			await call('DescribeProcessingJob', {ProcessingJobName: check.CheckJobArn.split('/').pop()});
		if (step.Metadata.TuningJob) {
			const tuning = await call('DescribeHyperParameterTuningJob', {
				HyperParameterTuningJobName: step.Metadata.TuningJob.Arn.split('/').pop(),
			});
			if (tuning.BestTrainingJob)
				await call('DescribeTrainingJob', {TrainingJobName: tuning.BestTrainingJob.TrainingJobName});
		}
	}
}

describe('responses match the botocore model', () => {
	it('the checker finds differences', () => {
		expect(
			checkOutput(model, 'DescribePipelineExecution', {
				PipelineExecutionStatus: 'Running',
				Extra: 1,
				CreationTime: 1_700_000_000_000,
			}),
		).toEqual([
			expect.stringContaining("'Running' is not one of"),
			expect.stringContaining('unknown member Extra'),
			expect.stringContaining('expected epoch seconds'),
		]);
		expect(
			checkOutput(model, 'ListPipelineExecutionSteps', {
				PipelineExecutionSteps: [{StepName: 'a b', AttemptCount: '1'}],
			}),
		).toHaveLength(2);
	});

	it('through the tutorial flow', async () => {
		const definition = readFixture('abalone-tutorial.json');
		await call('CreatePipeline', {
			PipelineName: 'AbaloneTutorial',
			PipelineDefinition: definition,
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		await call('UpdatePipeline', {
			PipelineName: 'AbaloneTutorial',
			PipelineDefinition: definition,
			PipelineDescription: 'tutorial',
		});
		await call('DescribePipeline', {PipelineName: 'AbaloneTutorial'});
		await call('DescribePipeline', {PipelineName: 'AbaloneTutorial', PipelineVersionId: 1});
		await call('ListPipelines', {});
		await call('ListPipelineVersions', {PipelineName: 'AbaloneTutorial'});
		const {PipelineExecutionArn: first} = await call('StartPipelineExecution', {
			PipelineName: 'AbaloneTutorial',
			ClientRequestToken: randomUUID(),
		});
		await call('DescribePipelineExecution', {PipelineExecutionArn: first});
		expect((await waitFor(first)).PipelineExecutionStatus).toBe('Succeeded');
		await jobsOf(first);
		await call('ListPipelineExecutionSteps', {
			PipelineExecutionArn: first,
			SortOrder: 'Ascending',
			MaxResults: 3,
		});
		await call('DescribePipelineDefinitionForExecution', {PipelineExecutionArn: first});
		const {PipelineExecutionArn: selective} = await call('StartPipelineExecution', {
			PipelineName: 'AbaloneTutorial',
			SelectiveExecutionConfig: {
				SourcePipelineExecutionArn: first,
				SelectedSteps: [{StepName: 'AbaloneEval'}],
			},
			ClientRequestToken: randomUUID(),
		});
		await waitFor(selective);
		await call('ListPipelineExecutionSteps', {PipelineExecutionArn: selective});
		await call(
			'StartPipelineExecution',
			{
				PipelineName: 'AbaloneTutorial',
				SelectiveExecutionConfig: {
					SourcePipelineExecutionArn: first,
					SelectedSteps: [{StepName: 'AbaloneTrain'}, {StepName: 'AbaloneMSECond'}],
				},
				ClientRequestToken: randomUUID(),
			},
			'ValidationException',
		);

		const {PipelineExecutionArn: approved} = await call('StartPipelineExecution', {
			PipelineName: 'AbaloneTutorial',
			PipelineParameters: [{Name: 'ModelApprovalStatus', Value: 'Approved'}],
			PipelineExecutionDisplayName: 'approved-run',
			PipelineExecutionDescription: 'Approved model',
			ParallelismConfiguration: {MaxParallelExecutionSteps: 2},
			ClientRequestToken: randomUUID(),
		});
		await waitFor(approved);
		await call('ListPipelineParametersForExecution', {PipelineExecutionArn: approved});
		await call('UpdatePipelineExecution', {
			PipelineExecutionArn: approved,
			PipelineExecutionDescription: 'kept',
		});
		await call('ListPipelineExecutions', {PipelineName: 'AbaloneTutorial'});

		const slow = JSON.parse(definition);
		slow.Metadata = {'sagemon.emulator': {steps: {AbaloneTrain: {durationSeconds: 86_400}}}};
		await call('UpdatePipeline', {PipelineName: 'AbaloneTutorial', PipelineDefinition: JSON.stringify(slow)});
		const {PipelineExecutionArn: stopped} = await call('StartPipelineExecution', {
			PipelineName: 'AbaloneTutorial',
			ClientRequestToken: randomUUID(),
		});
		await call('StopPipelineExecution', {PipelineExecutionArn: stopped, ClientRequestToken: randomUUID()});
		// At this time scale the stop may already have finished by the next call (scheduler tests cover Stopping).
		expect(['Stopping', 'Stopped']).toContain(
			(await call('DescribePipelineExecution', {PipelineExecutionArn: stopped})).PipelineExecutionStatus,
		);
		await waitFor(stopped);
		await jobsOf(stopped);
		await call(
			'StopPipelineExecution',
			{PipelineExecutionArn: stopped, ClientRequestToken: randomUUID()},
			'ValidationException',
		);
		await call('DeletePipeline', {PipelineName: 'AbaloneTutorial', ClientRequestToken: randomUUID()});
		await call('DescribePipeline', {PipelineName: 'AbaloneTutorial'}, 'ResourceNotFound');
		await call('DescribePipelineExecution', {PipelineExecutionArn: first}, 'ResourceNotFound');
		await call('ListPipelines', {MaxResults: 1000}, 'ValidationException');
	});

	it('through failures, retries and callbacks', async () => {
		const failing = JSON.parse(readFixture('abalone-examples-notebook.json'));
		failing.Metadata = {
			'sagemon.emulator': {steps: {AbaloneTrain: {fail: 'ClientError: out of capacity', failAttempts: 1}}},
		};
		await call('CreatePipeline', {
			PipelineName: 'Failing',
			PipelineDefinition: JSON.stringify(failing),
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		const {PipelineExecutionArn: arn} = await call('StartPipelineExecution', {
			PipelineName: 'Failing',
			ClientRequestToken: randomUUID(),
		});
		expect((await waitFor(arn)).PipelineExecutionStatus).toBe('Failed');
		await jobsOf(arn);
		await call('ListPipelineExecutions', {PipelineName: 'Failing'});
		await call('RetryPipelineExecution', {PipelineExecutionArn: arn, ClientRequestToken: randomUUID()});
		expect((await waitFor(arn)).PipelineExecutionStatus).toBe('Succeeded');

		const callbacks = JSON.parse(readFixture('sdk-unit-callback-outputs.json'));
		// MyCallbackStep1 waits for its answer (as every Callback step does by default); MyCallbackStep2 answers itself.
		callbacks.Metadata = {'sagemon.emulator': {steps: {MyCallbackStep2: {waitForCallback: false}}}};
		await call('CreatePipeline', {
			PipelineName: 'Callbacks',
			PipelineDefinition: JSON.stringify(callbacks),
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		const {PipelineExecutionArn: waiting} = await call('StartPipelineExecution', {
			PipelineName: 'Callbacks',
			PipelineParameters: [{Name: 'MyStr', Value: 'x'}],
			ClientRequestToken: randomUUID(),
		});
		let token: string | undefined;
		while (!token) {
			const {PipelineExecutionSteps: steps} = await call('ListPipelineExecutionSteps', {
				PipelineExecutionArn: waiting,
			});
			token = steps.find((step: Body) => step.StepName === 'MyCallbackStep1')?.Metadata.Callback
				?.CallbackToken;
			await new Promise((resolve) => setTimeout(resolve, 10));
		}

		await call('SendPipelineExecutionStepSuccess', {
			CallbackToken: token,
			OutputParameters: [{Name: 'output1', Value: 'done'}],
		});
		await waitFor(waiting);

		await call('CreatePipeline', {
			PipelineName: 'EveryType',
			PipelineDefinition: JSON.stringify(everyStepTypeDefinition),
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		const {PipelineExecutionArn: everyType} = await call('StartPipelineExecution', {
			PipelineName: 'EveryType',
			ClientRequestToken: randomUUID(),
		});
		expect((await waitFor(everyType)).PipelineExecutionStatus).toBe('Succeeded');
		await call('ListPipelineExecutionSteps', {PipelineExecutionArn: everyType});
		await jobsOf(everyType);
		await call(
			'SendPipelineExecutionStepFailure',
			{CallbackToken: 'zzzzzzzzzz', FailureReason: 'no'},
			'ResourceNotFound',
		);
	});

	it('through the model registry', async () => {
		await call('CreatePipeline', {
			PipelineName: 'RegistryTutorial',
			PipelineDefinition: readFixture('abalone-tutorial.json'),
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		const {PipelineExecutionArn: arn} = await call('StartPipelineExecution', {
			PipelineName: 'RegistryTutorial',
			ClientRequestToken: randomUUID(),
		});
		expect((await waitFor(arn)).PipelineExecutionStatus).toBe('Succeeded');
		const {PipelineExecutionSteps: steps} = await call('ListPipelineExecutionSteps', {
			PipelineExecutionArn: arn,
		});
		const packageArn = steps.find((step: Body) => step.StepName === 'AbaloneRegisterModel').Metadata
			.RegisterModel.Arn;
		await call('ListModelPackageGroups', {});
		await call('ListModelPackageGroups', {NameContains: 'Abalone', SortBy: 'Name', SortOrder: 'Descending'});
		await call('DescribeModelPackageGroup', {ModelPackageGroupName: 'AbaloneModelPackageGroupName'});
		await call('ListModelPackages', {ModelPackageGroupName: 'AbaloneModelPackageGroupName', MaxResults: 1});
		await call('ListModelPackages', {
			ModelPackageGroupName: 'AbaloneModelPackageGroupName',
			SortBy: 'Name',
			SortOrder: 'Descending',
		});
		await call('ListModelPackages', {ModelPackageType: 'Both', ModelApprovalStatus: 'PendingManualApproval'});
		await call('DescribeModelPackage', {ModelPackageName: packageArn});
		await call('UpdateModelPackage', {
			ModelPackageArn: packageArn,
			ModelApprovalStatus: 'Approved',
			ApprovalDescription: 'MSE within bounds',
		});
		await call('DescribeModelPackage', {ModelPackageName: packageArn});
		await call(
			'UpdateModelPackage',
			{ModelPackageArn: packageArn, ModelApprovalStatus: 'PendingManualApproval'},
			'ValidationException',
		);
		await call('CreateModelPackageGroup', {
			ModelPackageGroupName: 'empty-group',
			ModelPackageGroupDescription: 'nothing yet',
			Tags: [{Key: 'team', Value: 'ml'}],
		});
		await call('CreateModelPackageGroup', {ModelPackageGroupName: 'empty-group'}, 'ValidationException');
		await call(
			'DeleteModelPackageGroup',
			{ModelPackageGroupName: 'AbaloneModelPackageGroupName'},
			'ConflictException',
		);
		await call('DeleteModelPackageGroup', {ModelPackageGroupName: 'empty-group'});
		await call('DescribeModelPackageGroup', {ModelPackageGroupName: 'empty-group'}, 'ValidationException');
		await call(
			'DescribeModelPackage',
			{ModelPackageName: 'AbaloneModelPackageGroupName/99'},
			'ValidationException',
		);
		await call(
			'UpdateModelPackage',
			{
				ModelPackageArn: 'arn:aws:sagemaker:us-east-1:000000000000:model-package/nothing/1',
				ModelApprovalStatus: 'Approved',
			},
			'ValidationException',
		);
	});

	it('through the resources behind steps, versions, tags and refused definitions', async () => {
		const slow = JSON.parse(readFixture('abalone-tutorial.json'));
		slow.Metadata = {'sagemon.emulator': {steps: {AbaloneTrain: {durationSeconds: 86_400}}}};
		slow.Steps.find((step: Body) => step.Name === 'AbaloneProcess').RetryPolicies = [
			{ExceptionType: ['SageMaker.CAPACITY_ERROR'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 2},
		];
		slow.Metadata['sagemon.emulator'].steps.AbaloneProcess = {
			errorType: 'SageMaker.CAPACITY_ERROR',
			failAttempts: 1,
		};
		const {PipelineArn: pipelineArn} = await call('CreatePipeline', {
			PipelineName: 'Resources',
			PipelineDefinition: JSON.stringify(slow),
			RoleArn: roleArn,
			Tags: [{Key: 'team', Value: 'ml'}],
			ClientRequestToken: randomUUID(),
		});
		const {PipelineExecutionArn: arn} = await call('StartPipelineExecution', {
			PipelineName: 'Resources',
			ClientRequestToken: randomUUID(),
		});
		let training: string | undefined;
		while (!training) {
			const {PipelineExecutionSteps: steps} = await call('ListPipelineExecutionSteps', {
				PipelineExecutionArn: arn,
			});
			const step = steps.find((candidate: Body) => candidate.StepName === 'AbaloneTrain');
			if (step?.StepStatus === 'Executing') training = step.Metadata.TrainingJob.Arn.split('/').pop();
			await new Promise((resolve) => setTimeout(resolve, 10));
		}

		await call('ListProcessingJobs', {});
		await call('ListProcessingJobs', {
			NameContains: 'AbaloneProcess',
			SortBy: 'Name',
			SortOrder: 'Ascending',
		});
		const {TrainingJobSummaries: running} = await call('ListTrainingJobs', {StatusEquals: 'InProgress'});
		expect(running.map((job: Body) => job.TrainingJobName)).toContain(training);
		await call('StopTrainingJob', {TrainingJobName: training});
		await call('StopProcessingJob', {ProcessingJobName: 'no-such-job'}, 'ResourceNotFound');
		expect((await waitFor(arn)).PipelineExecutionStatus).toBe('Failed');
		await call('DescribeTrainingJob', {TrainingJobName: training});
		await call('StopTrainingJob', {TrainingJobName: training}, 'ValidationException');
		await call('ListTrainingJobs', {MaxResults: 2});
		await call('DescribeTransformJob', {TransformJobName: 'missing'}, 'ValidationException');
		await call('DescribeModel', {ModelName: 'missing'}, 'ValidationException');
		await call(
			'DescribeHyperParameterTuningJob',
			{HyperParameterTuningJobName: 'missing'},
			'ResourceNotFound',
		);

		await call('UpdatePipelineVersion', {
			PipelineArn: pipelineArn,
			PipelineVersionId: 1,
			PipelineVersionDisplayName: 'first',
			PipelineVersionDescription: 'the first version',
		});
		await call('UpdatePipelineVersion', {PipelineArn: pipelineArn, PipelineVersionId: 9}, 'ResourceNotFound');
		await call('ListPipelineVersions', {PipelineName: 'Resources'});
		await call('AddTags', {ResourceArn: pipelineArn, Tags: [{Key: 'stage', Value: 'dev'}]});
		expect((await call('ListTags', {ResourceArn: pipelineArn})).Tags).toEqual([
			{Key: 'team', Value: 'ml'},
			{Key: 'stage', Value: 'dev'},
		]);
		await call('DeleteTags', {ResourceArn: pipelineArn, TagKeys: ['team']});
		expect((await call('ListTags', {ResourceArn: pipelineArn})).Tags).toEqual([{Key: 'stage', Value: 'dev'}]);

		// A running processing job stopped: StopProcessingJob answers {}, and the job and its step stop.
		const slowProcessing = JSON.parse(readFixture('abalone-tutorial.json'));
		slowProcessing.Metadata = {'sagemon.emulator': {steps: {AbaloneProcess: {durationSeconds: 86_400}}}};
		await call('CreatePipeline', {
			PipelineName: 'SlowProcessing',
			PipelineDefinition: JSON.stringify(slowProcessing),
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		const {PipelineExecutionArn: processingRun} = await call('StartPipelineExecution', {
			PipelineName: 'SlowProcessing',
			ClientRequestToken: randomUUID(),
		});
		let processing: string | undefined;
		while (!processing) {
			const {PipelineExecutionSteps: steps} = await call('ListPipelineExecutionSteps', {
				PipelineExecutionArn: processingRun,
			});
			const step = steps.find((candidate: Body) => candidate.StepName === 'AbaloneProcess');
			if (step?.StepStatus === 'Executing') processing = step.Metadata.ProcessingJob.Arn.split('/').pop();
			await new Promise((resolve) => setTimeout(resolve, 10));
		}

		await call('StopProcessingJob', {ProcessingJobName: processing});
		expect((await waitFor(processingRun)).PipelineExecutionStatus).toBe('Failed');
		expect((await call('DescribeProcessingJob', {ProcessingJobName: processing})).ProcessingJobStatus).toBe(
			'Stopped',
		);
		await call('StopProcessingJob', {ProcessingJobName: processing}, 'ValidationException');

		const misspelt = JSON.parse(readFixture('abalone-tutorial.json'));
		misspelt.Steps[0].Type = 'Proccessing';
		await call(
			'UpdatePipeline',
			{PipelineName: 'Resources', PipelineDefinition: JSON.stringify(misspelt)},
			'ValidationException',
		);
	});

	it('across the whole demo set', async () => {
		const {PipelineSummaries: pipelines} = await call('ListPipelines', {MaxResults: 100});
		for (const pipeline of pipelines) {
			await call('DescribePipeline', {PipelineName: pipeline.PipelineName});
			const {PipelineExecutionSummaries: executions} = await call('ListPipelineExecutions', {
				PipelineName: pipeline.PipelineName,
			});
			for (const execution of executions) {
				const arn = execution.PipelineExecutionArn;
				await call('DescribePipelineExecution', {PipelineExecutionArn: arn});
				await call('ListPipelineParametersForExecution', {PipelineExecutionArn: arn});
				await call('DescribePipelineDefinitionForExecution', {PipelineExecutionArn: arn});
				let token: string | undefined;
				do {
					const page = await call('ListPipelineExecutionSteps', {
						PipelineExecutionArn: arn,
						MaxResults: 100,
						NextToken: token,
					});
					token = page.NextToken;
				} while (token);
				await jobsOf(arn);
			}
		}

		// The demo's RegisterModel steps registered versions: every group and version reads back per the model.
		const {ModelPackageGroupSummaryList: groups} = await call('ListModelPackageGroups', {MaxResults: 100});
		expect(groups.length).toBeGreaterThan(0);
		for (const group of groups) {
			await call('DescribeModelPackageGroup', {ModelPackageGroupName: group.ModelPackageGroupName});
			const {ModelPackageSummaryList: versions} = await call('ListModelPackages', {
				ModelPackageGroupName: group.ModelPackageGroupName,
				MaxResults: 100,
			});
			for (const version of versions)
				await call('DescribeModelPackage', {ModelPackageName: version.ModelPackageArn});
		}

		expect(checked).toBeGreaterThan(200);
	});
});
