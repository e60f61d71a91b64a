// The execution engine as a client sees it: which steps are listed when, their statuses, metadata and
// failure reasons, and how stop, retry, Fail steps, callbacks, caching and parallelism behave.
import {describe, expect, it} from 'vitest';
import {readFixture} from '../helpers/fixtures.js';
import {everyStepTypeDefinition} from './every-step-type.js';
import {type Json, localService, roleArn} from './local-service.js';

const tutorial = () => JSON.parse(readFixture('abalone-tutorial.json')) as Json;

function tuned(definition: Json, steps: Json): Json {
	return {...definition, Metadata: {...definition.Metadata, 'sagemon.emulator': {steps}}};
}

const active = new Set(['Starting', 'Executing', 'Stopping']);

describe('running the tutorial pipeline', () => {
	it('lists a step only once it has started, newest first', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		expect(service.describe(arn).PipelineExecutionStatus).toBe('Executing');
		const first = service.steps(arn);
		expect(first.map((step) => [step.StepName, step.StepStatus])).toEqual([['AbaloneProcess', 'Starting']]);
		expect(first[0]!.Metadata).toEqual({});
		service.advanceUntil(() => service.step(arn, 'AbaloneProcess')?.StepStatus === 'Executing');
		expect(service.step(arn, 'AbaloneProcess')?.Metadata.ProcessingJob.Arn).toMatch(
			/^arn:aws:sagemaker:us-east-1:000000000000:processing-job\/pipelines-[a-z0-9]{12}-AbaloneProcess-[A-Za-z0-9]{10}$/,
		);
		service.advanceUntil(() => service.steps(arn).length === 2);
		expect(service.steps(arn).map((step) => step.StepName)).toEqual(['AbaloneTrain', 'AbaloneProcess']);
		expect(service.step(arn, 'AbaloneProcess')?.StepStatus).toBe('Succeeded');

		const final = service.runToEnd(arn);
		expect(final.PipelineExecutionStatus).toBe('Succeeded');
		expect(final.FailureReason).toBeUndefined();
		const ascending = service.steps(arn, {SortOrder: 'Ascending'}).map((step) => step.StepName);
		expect(ascending).toEqual([
			'AbaloneProcess',
			'AbaloneTrain',
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneCreateModel',
			'AbaloneRegisterModel',
			'AbaloneTransform',
		]);
	});

	it('gives every step the Metadata member of its type and one attempt', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		service.runToEnd(arn);
		const metadata = Object.fromEntries(service.steps(arn).map((step) => [step.StepName, step.Metadata]));
		expect(Object.keys(metadata.AbaloneTrain)).toEqual(['TrainingJob']);
		expect(metadata.AbaloneTrain.TrainingJob.Arn).toContain(':training-job/pipelines-');
		expect(metadata.AbaloneEval.ProcessingJob.Arn).toContain(':processing-job/pipelines-');
		expect(metadata.AbaloneMSECond).toEqual({Condition: {Outcome: 'True'}});
		expect(metadata.AbaloneCreateModel.Model.Arn).toContain(':model/pipelines-');
		expect(metadata.AbaloneRegisterModel.RegisterModel.Arn).toBe(
			'arn:aws:sagemaker:us-east-1:000000000000:model-package/abalonemodelpackagegroupname/1',
		);
		expect(metadata.AbaloneTransform.TransformJob.Arn).toContain(':transform-job/pipelines-');
		for (const step of service.steps(arn)) expect(step.AttemptCount).toBe(1);
	});

	it('gives each step type the Metadata member the service gives it', () => {
		const service = localService();
		service.createPipeline('EveryType', everyStepTypeDefinition);
		const arn = service.start('EveryType');
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Succeeded');
		const metadata = Object.fromEntries(service.steps(arn).map((step) => [step.StepName, step.Metadata]));
		expect(metadata.Tune.TuningJob.Arn).toMatch(/:hyper-parameter-tuning-job\/.+/);
		expect(metadata.TopModel.Model.Arn).toMatch(/:model\/pipelines-/);
		expect(metadata.AutoPilot.AutoMLJob.Arn).toMatch(/:automl-job\/pipelines-/);
		expect(metadata.SparkStep.EMR).toMatchObject({
			ClusterId: 'j-1YONHTCP3YZKC',
			StepName: 'SparkStep',
			StepId: expect.stringMatching(/^s-/),
		});
		expect(metadata.DataQuality.QualityCheck).toEqual({
			CheckType: 'DATA_QUALITY',
			SkipCheck: false,
			RegisterNewBaseline: true,
			ModelPackageGroupName: 'Models',
			CheckJobArn: expect.stringMatching(/:processing-job\/pipelines-/),
			CalculatedBaselineConstraints: 's3://bucket/checks/quality/constraints.json',
			CalculatedBaselineStatistics: 's3://bucket/checks/quality/statistics.json',
			BaselineUsedForDriftCheckConstraints: 's3://bucket/checks/quality/constraints.json',
			BaselineUsedForDriftCheckStatistics: 's3://bucket/checks/quality/statistics.json',
		});
		expect(metadata.Bias.ClarifyCheck).toMatchObject({
			CheckType: 'DATA_BIAS',
			ModelPackageGroupName: 'Models',
			SkipCheck: true,
			RegisterNewBaseline: false,
			BaselineUsedForDriftCheckConstraints: 's3://bucket/baselines/bias.json',
		});
		const registered = service.step(arn, 'RegisterChecked')!;
		expect(registered.StepStatus).toBe('Succeeded');
		expect(service.state.storage.getUri('s3://bucket/checks/quality/statistics.json')).toBeDefined();
		expect(metadata.EndpointSettings.EndpointConfig.Arn).toMatch(/:endpoint-config\//);
		expect(metadata.Serve.Endpoint.Arn).toMatch(/:endpoint\//);
		expect(metadata.Notify.Lambda).toEqual({
			Arn: 'arn:aws:lambda:us-east-1:111122223333:function:notify',
			OutputParameters: [
				{Name: 'ok', Value: 'true'},
				{Name: 'count', Value: '1'},
			],
		});
		expect(metadata.Approve.Callback).toMatchObject({
			CallbackToken: expect.stringMatching(/^[A-Za-z0-9]{10}$/),
			SqsQueueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/approvals',
			OutputParameters: [],
		});
		const spark = service.step(arn, 'SparkStep')!;
		expect(spark.StepDisplayName).toBe('Spark job');
		expect(spark.StepDescription).toBe('Runs on EMR');
	});

	it('starts a step only after the steps it reads have succeeded', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		service.runToEnd(arn);
		const byName = Object.fromEntries(service.steps(arn).map((step) => [step.StepName, step]));
		const startsAfter = (child: string, parent: string) =>
			expect(byName[child]!.StartTime).toBeGreaterThan(byName[parent]!.EndTime);
		startsAfter('AbaloneTrain', 'AbaloneProcess');
		startsAfter('AbaloneEval', 'AbaloneTrain');
		startsAfter('AbaloneMSECond', 'AbaloneEval');
		startsAfter('AbaloneTransform', 'AbaloneCreateModel');
		expect(byName.AbaloneRegisterModel!.StartTime).toBe(byName.AbaloneCreateModel!.StartTime);
	});

	it('writes evaluation.json to the output the processing job reports, with an MSE the condition accepts', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		service.runToEnd(arn);
		const jobArn: string = service.step(arn, 'AbaloneEval')!.Metadata.ProcessingJob.Arn;
		const job = service.call('DescribeProcessingJob', {ProcessingJobName: jobArn.split('/').pop()});
		expect(job.ProcessingJobStatus).toBe('Completed');
		const output = job.ProcessingOutputConfig.Outputs.find(
			(candidate: Json) => candidate.OutputName === 'evaluation',
		);
		const executionId = arn.split('/').pop();
		expect(output.S3Output.S3Uri).toBe(
			`s3://sagemaker-us-east-2-111122223333/AbalonePipeline/${executionId}/evaluation`,
		);
		const report = service.state.storage.getUri(`${output.S3Output.S3Uri}/evaluation.json`);
		const mse = JSON.parse(report!.body.toString('utf8')).regression_metrics.mse.value;
		expect(typeof mse).toBe('number');
		expect(mse).toBeLessThanOrEqual(6);
	});

	it('resolves the experiment config as the service does', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		expect(service.describe(arn).PipelineExperimentConfig).toEqual({
			ExperimentName: 'abalonepipeline',
			TrialName: arn.split('/').pop(),
		});
	});

	it('gives the same run for the same seed and the same request times', () => {
		const run = () => {
			const service = localService({seed: 42});
			service.createPipeline('AbalonePipeline', tutorial());
			const arn = service.start('AbalonePipeline');
			service.runToEnd(arn);
			return {arn, steps: service.steps(arn)};
		};

		expect(run()).toEqual(run());
	});
});

describe('failures', () => {
	it('runs the Else branch and fails the execution with the Fail step message', () => {
		const service = localService();
		const definition = JSON.parse(readFixture('abalone-examples-notebook.json'));
		service.createPipeline(
			'AbaloneExample',
			tuned(definition, {
				AbaloneEval: {propertyFiles: {EvaluationReport: {regression_metrics: {mse: {value: 7.2}}}}},
			}),
		);
		const arn = service.start('AbaloneExample');
		const final = service.runToEnd(arn);
		expect(final.PipelineExecutionStatus).toBe('Failed');
		expect(final.FailureReason).toBe('Step failure: One or multiple steps failed.');
		const steps = service.steps(arn);
		expect(steps.map((step) => step.StepName)).toEqual([
			'AbaloneMSEFail',
			'AbaloneMSECond',
			'AbaloneEval',
			'AbaloneTrain',
			'AbaloneProcess',
		]);
		const fail = service.step(arn, 'AbaloneMSEFail')!;
		expect(fail.StepStatus).toBe('Failed');
		expect(fail.FailureReason).toBe('Execution failed due to MSE > 6.0');
		expect(fail.Metadata).toEqual({Fail: {ErrorMessage: 'Execution failed due to MSE > 6.0'}});
		expect(service.step(arn, 'AbaloneMSECond')!.Metadata).toEqual({Condition: {Outcome: 'False'}});
		expect(service.step(arn, 'AbaloneRegisterModel-RegisterModel')).toBeUndefined();
		expect(
			service.failure('RetryPipelineExecution', {
				PipelineExecutionArn: arn,
				ClientRequestToken: 'r'.repeat(32),
			}),
		).toEqual({
			code: 'ValidationException',
			message: expect.stringContaining('ended in a Fail step'),
		});
	});

	it('lets running steps finish after a failure, starts nothing new, then fails the execution', () => {
		const service = localService();
		const definition = JSON.parse(readFixture('dynamic-framework-two-chains.json'));
		const firstStep: string = definition.Steps[0].Name;
		const reason =
			'ClientError: Failed to invoke sagemaker:CreateProcessingJob. Error Details: quota exceeded';
		service.createPipeline(
			'TwoChains',
			tuned(definition, {[firstStep]: {fail: reason, durationSeconds: 30}}),
		);
		const arn = service.start('TwoChains');
		const final = service.runToEnd(arn);
		expect(final.PipelineExecutionStatus).toBe('Failed');
		const steps = service.steps(arn);
		const failed = steps.find((step) => step.StepName === firstStep)!;
		expect(failed).toMatchObject({StepStatus: 'Failed', FailureReason: reason});
		for (const step of steps) {
			if (step.StepName !== firstStep) expect(step.StepStatus).toBe('Succeeded');
			expect(active.has(step.StepStatus)).toBe(false);
		}

		// Nothing started after the failure.
		for (const step of steps) expect(step.StartTime).toBeLessThanOrEqual(failed.EndTime);
	});

	it('retries a failed execution under the same ARN, re-running only the failed steps', () => {
		const service = localService();
		service.createPipeline(
			'AbalonePipeline',
			tuned(tutorial(), {AbaloneTrain: {fail: 'AlgorithmError: out of memory', failAttempts: 1}}),
		);
		const arn = service.start('AbalonePipeline');
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Failed');
		const processBefore = service.step(arn, 'AbaloneProcess')!;
		expect(service.step(arn, 'AbaloneTrain')).toMatchObject({
			StepStatus: 'Failed',
			AttemptCount: 1,
			Metadata: {TrainingJob: {}},
		});

		const retried = service.call('RetryPipelineExecution', {
			PipelineExecutionArn: arn,
			ClientRequestToken: 'r'.repeat(32),
		});
		expect(retried.PipelineExecutionArn).toBe(arn);
		expect(service.describe(arn).PipelineExecutionStatus).toBe('Executing');
		expect(service.describe(arn).FailureReason).toBeUndefined();
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Succeeded');
		expect(service.step(arn, 'AbaloneTrain')).toMatchObject({StepStatus: 'Succeeded', AttemptCount: 2});
		expect(service.step(arn, 'AbaloneProcess')).toEqual(processBefore);
		expect(service.steps(arn)).toHaveLength(7);
	});

	it('refuses to retry an execution that is still running or succeeded', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		expect(
			service.failure('RetryPipelineExecution', {
				PipelineExecutionArn: arn,
				ClientRequestToken: 'a'.repeat(32),
			}).code,
		).toBe('ValidationException');
		service.runToEnd(arn);
		expect(
			service.failure('RetryPipelineExecution', {
				PipelineExecutionArn: arn,
				ClientRequestToken: 'b'.repeat(32),
			}).message,
		).toContain("Only pipeline executions with 'Failed' or 'Stopped' status can be retried");
	});

	it('fails a step whose arguments cannot be resolved, saying why', () => {
		const service = localService();
		const definition = tutorial();
		definition.Steps[1].Arguments.HyperParameters.num_round = {Get: 'Steps.AbaloneProcess.NoSuchProperty'};
		service.createPipeline('AbalonePipeline', definition);
		const arn = service.start('AbalonePipeline');
		service.runToEnd(arn);
		expect(service.step(arn, 'AbaloneTrain')).toMatchObject({
			StepStatus: 'Failed',
			FailureReason: expect.stringContaining("Step 'AbaloneProcess' has no property 'NoSuchProperty'"),
		});
	});
});

describe('stopping', () => {
	it('moves running steps through Stopping to Stopped and ends Stopped', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		service.advanceUntil(() => service.step(arn, 'AbaloneTrain')?.StepStatus === 'Executing');
		service.call('StopPipelineExecution', {PipelineExecutionArn: arn, ClientRequestToken: 's'.repeat(32)});
		expect(service.describe(arn).PipelineExecutionStatus).toBe('Stopping');
		expect(service.step(arn, 'AbaloneTrain')!.StepStatus).toBe('Stopping');
		const final = service.runToEnd(arn);
		expect(final.PipelineExecutionStatus).toBe('Stopped');
		expect(service.steps(arn).map((step) => [step.StepName, step.StepStatus])).toEqual([
			['AbaloneTrain', 'Stopped'],
			['AbaloneProcess', 'Succeeded'],
		]);
		const job: string = service.step(arn, 'AbaloneTrain')!.Metadata.TrainingJob.Arn;
		expect(
			service.call('DescribeTrainingJob', {TrainingJobName: job.split('/').pop()}).TrainingJobStatus,
		).toBe('Stopped');
	});

	it('only stops executing executions', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		service.runToEnd(arn);
		const failure = service.failure('StopPipelineExecution', {
			PipelineExecutionArn: arn,
			ClientRequestToken: 't'.repeat(32),
		});
		expect(failure.code).toBe('ValidationException');
		expect(failure.message).toContain("Only pipelines with 'Executing' status can be stopped");
	});

	it('resumes a stopped execution on retry', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		service.advanceUntil(() => service.step(arn, 'AbaloneTrain')?.StepStatus === 'Executing');
		service.call('StopPipelineExecution', {PipelineExecutionArn: arn, ClientRequestToken: 's'.repeat(32)});
		service.runToEnd(arn);
		service.call('RetryPipelineExecution', {PipelineExecutionArn: arn, ClientRequestToken: 'r'.repeat(32)});
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Succeeded');
		expect(service.step(arn, 'AbaloneTrain')).toMatchObject({StepStatus: 'Succeeded', AttemptCount: 2});
	});
});

describe('callback steps', () => {
	const callbackDefinition = (wait: boolean) => {
		const definition = JSON.parse(readFixture('sdk-unit-callback-outputs.json'));
		definition.Steps.push({
			Name: 'Report',
			Type: 'Fail',
			Arguments: {
				ErrorMessage: {
					'Std:Join': {
						On: ' ',
						Values: ['callback said', {Get: "Steps.MyCallbackStep1.OutputParameters['output1']"}],
					},
				},
			},
		});
		// MyCallbackStep2 always answers itself; MyCallbackStep1 waits (the default) unless told not to.
		return tuned(definition, {
			MyCallbackStep2: {waitForCallback: false},
			...(wait ? {} : {MyCallbackStep1: {waitForCallback: false}}),
		});
	};

	it('waits for SendPipelineExecutionStepSuccess and passes its outputs on', () => {
		const service = localService();
		service.createPipeline('Callbacks', callbackDefinition(true));
		const arn = service.start('Callbacks', {MyStr: 'x'});
		service.advanceUntil(() => service.step(arn, 'MyCallbackStep1')?.StepStatus === 'Executing');
		service.clock.advance(24 * 3_600_000);
		const waiting = service.step(arn, 'MyCallbackStep1')!;
		expect(waiting.StepStatus).toBe('Executing');
		const token: string = waiting.Metadata.Callback.CallbackToken;
		expect(token).toMatch(/^[A-Za-z0-9]{10}$/);
		expect(waiting.Metadata.Callback.SqsQueueUrl).toBe(
			'https://sqs.us-east-2.amazonaws.com/123456789012/MyQueue',
		);

		const reply = service.call('SendPipelineExecutionStepSuccess', {
			CallbackToken: token,
			OutputParameters: [{Name: 'output1', Value: 'hello'}],
		});
		expect(reply.PipelineExecutionArn).toBe(arn);
		expect(service.step(arn, 'MyCallbackStep1')).toMatchObject({
			StepStatus: 'Succeeded',
			Metadata: {Callback: {CallbackToken: token, OutputParameters: [{Name: 'output1', Value: 'hello'}]}},
		});
		service.runToEnd(arn);
		expect(service.step(arn, 'Report')!.FailureReason).toBe('callback said hello');
		expect(service.failure('SendPipelineExecutionStepSuccess', {CallbackToken: token}).code).toBe(
			'ValidationException',
		);
	});

	it('fails the step with the reason given to SendPipelineExecutionStepFailure', () => {
		const service = localService();
		service.createPipeline('Callbacks', callbackDefinition(true));
		const arn = service.start('Callbacks', {MyStr: 'x'});
		service.advanceUntil(() => service.step(arn, 'MyCallbackStep1')?.StepStatus === 'Executing');
		const token: string = service.step(arn, 'MyCallbackStep1')!.Metadata.Callback.CallbackToken;
		service.call('SendPipelineExecutionStepFailure', {
			CallbackToken: token,
			FailureReason: 'the approver said no',
		});
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Failed');
		expect(service.step(arn, 'MyCallbackStep1')).toMatchObject({
			StepStatus: 'Failed',
			FailureReason: 'the approver said no',
		});
	});

	it('fails a Callback step nobody answers when its timeout passes', () => {
		const service = localService();
		const definition = callbackDefinition(true);
		definition.Metadata['sagemon.emulator'].steps.MyCallbackStep1 = {callbackTimeoutSeconds: 3600};
		service.createPipeline('Callbacks', definition);
		const arn = service.start('Callbacks', {MyStr: 'x'});
		service.advanceUntil(() => service.step(arn, 'MyCallbackStep1')?.StepStatus === 'Executing');
		service.clock.advance(3_000_000);
		expect(service.step(arn, 'MyCallbackStep1')!.StepStatus).toBe('Executing');
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Failed');
		expect(service.step(arn, 'MyCallbackStep1')!.FailureReason).toMatch(/timed out.+3600 seconds/);
	});

	it('completes Callback steps on their own when the definition asks for it', () => {
		const service = localService();
		service.createPipeline('Callbacks', callbackDefinition(false));
		const arn = service.start('Callbacks', {MyStr: 'x'});
		service.runToEnd(arn);
		expect(service.step(arn, 'MyCallbackStep1')!.Metadata.Callback.OutputParameters).toEqual([
			{Name: 'output1', Value: 'output1-value'},
		]);
		expect(service.step(arn, 'Report')!.FailureReason).toBe('callback said output1-value');
	});

	it('answers ResourceNotFound for a token no step holds', () => {
		const service = localService();
		expect(service.failure('SendPipelineExecutionStepSuccess', {CallbackToken: 'abcdeABCDE'}).code).toBe(
			'ResourceNotFound',
		);
	});
});

describe('caching', () => {
	const cached = (expireAfter: string) => {
		const definition = tutorial();
		for (const step of definition.Steps.slice(0, 3))
			step.CacheConfig = {Enabled: true, ExpireAfter: expireAfter};
		return definition;
	};

	it('reuses an earlier successful run of a step with the same arguments', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', cached('30d'));
		const first = service.start('AbalonePipeline');
		service.runToEnd(first);
		const second = service.start('AbalonePipeline');
		service.runToEnd(second);
		const process = service.step(second, 'AbaloneProcess')!;
		expect(process.CacheHitResult).toEqual({SourcePipelineExecutionArn: first});
		expect(process.Metadata).toEqual(service.step(first, 'AbaloneProcess')!.Metadata);
		expect(process.EndTime - process.StartTime).toBeLessThan(1);
		expect(service.step(second, 'AbaloneTrain')!.CacheHitResult).toEqual({SourcePipelineExecutionArn: first});
		expect(service.step(second, 'AbaloneMSECond')!.CacheHitResult).toBeUndefined();
	});

	it('runs the step again when its arguments change or the cache expired', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', cached('PT1H'));
		const first = service.start('AbalonePipeline');
		service.runToEnd(first);
		const changed = service.start('AbalonePipeline', {InputData: 's3://other-bucket/abalone.csv'});
		service.runToEnd(changed);
		expect(service.step(changed, 'AbaloneProcess')!.CacheHitResult).toBeUndefined();
		service.clock.advance(2 * 3_600_000);
		const later = service.start('AbalonePipeline');
		service.runToEnd(later);
		expect(service.step(later, 'AbaloneProcess')!.CacheHitResult).toBeUndefined();
	});
});

describe('parallelism', () => {
	const fanOut = () => {
		const definition = JSON.parse(readFixture('dynamic-framework-two-chains.json'));
		return definition;
	};

	const mostActive = (service: ReturnType<typeof localService>, arn: string) => {
		let most = 0;
		service.advanceUntil(() => {
			most = Math.max(most, service.steps(arn).filter((step) => active.has(step.StepStatus)).length);
			return service.describe(arn).PipelineExecutionStatus !== 'Executing';
		});
		return most;
	};

	it('runs independent steps side by side without a limit', () => {
		const service = localService();
		service.createPipeline('TwoChains', fanOut());
		expect(mostActive(service, service.start('TwoChains'))).toBe(2);
	});

	it('honours MaxParallelExecutionSteps from the pipeline and from the start request', () => {
		const service = localService();
		service.createPipeline('TwoChains', fanOut(), {ParallelismConfiguration: {MaxParallelExecutionSteps: 1}});
		const limited = service.start('TwoChains');
		expect(mostActive(service, limited)).toBe(1);
		expect(service.describe(limited).ParallelismConfiguration).toEqual({MaxParallelExecutionSteps: 1});
		expect(service.steps(limited)).toHaveLength(9);
		const overridden = service.start(
			'TwoChains',
			{},
			{ParallelismConfiguration: {MaxParallelExecutionSteps: 2}},
		);
		expect(mostActive(service, overridden)).toBe(2);
	});
});

describe('simulated time', () => {
	it('divides the default durations by the time scale and honours durationSeconds', () => {
		const slow = localService({timeScale: 1});
		const fast = localService({timeScale: 100});
		for (const service of [slow, fast])
			service.createPipeline('AbalonePipeline', tuned(tutorial(), {AbaloneTrain: {durationSeconds: 1000}}));
		const slowArn = slow.start('AbalonePipeline');
		const fastArn = fast.start('AbalonePipeline');
		slow.runToEnd(slowArn);
		fast.runToEnd(fastArn, 10);
		const length = (service: typeof slow, arn: string) => {
			const step = service.step(arn, 'AbaloneTrain')!;
			return step.EndTime - step.StartTime;
		};

		expect(length(slow, slowArn)).toBeCloseTo(1000, 0);
		expect(length(fast, fastArn)).toBeCloseTo(10, 1);
		const process = slow.step(slowArn, 'AbaloneProcess')!;
		expect(process.EndTime - process.StartTime).toBeGreaterThan(60);
	});
});

describe('selective execution', () => {
	it('runs only the selected steps and reuses the results of the steps they depend on', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const source = service.start('AbalonePipeline');
		service.runToEnd(source);
		const selective = service.start(
			'AbalonePipeline',
			{},
			{
				SelectiveExecutionConfig: {
					SourcePipelineExecutionArn: source,
					SelectedSteps: [{StepName: 'AbaloneEval'}, {StepName: 'AbaloneMSECond'}],
				},
			},
		);
		expect(service.runToEnd(selective).PipelineExecutionStatus).toBe('Succeeded');
		const steps = service.steps(selective);
		expect(steps.map((step) => step.StepName)).toEqual([
			'AbaloneMSECond',
			'AbaloneEval',
			'AbaloneTrain',
			'AbaloneProcess',
		]);
		for (const name of ['AbaloneTrain', 'AbaloneProcess']) {
			const reused = steps.find((step) => step.StepName === name)!;
			expect(reused.SelectiveExecutionResult).toEqual({SourcePipelineExecutionArn: source});
			expect(reused.Metadata).toEqual(service.step(source, name)!.Metadata);
		}

		const evaluate = steps.find((step) => step.StepName === 'AbaloneEval')!;
		expect(evaluate.SelectiveExecutionResult).toBeUndefined();
		expect(evaluate.Metadata.ProcessingJob.Arn).not.toBe(
			service.step(source, 'AbaloneEval')!.Metadata.ProcessingJob.Arn,
		);
		expect(service.describe(selective).SelectiveExecutionConfig).toEqual({
			SourcePipelineExecutionArn: source,
			SelectedSteps: [{StepName: 'AbaloneEval'}, {StepName: 'AbaloneMSECond'}],
		});
	});

	it('needs a source execution when the selected steps depend on others', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const failure = service.failure('StartPipelineExecution', {
			PipelineName: 'AbalonePipeline',
			ClientRequestToken: 'c'.repeat(32),
			SelectiveExecutionConfig: {SelectedSteps: [{StepName: 'AbaloneTrain'}]},
		});
		expect(failure).toEqual({
			code: 'ValidationException',
			message:
				'Invalid SourcePipelineExecutionArn: null. The selected steps [AbaloneTrain] have dependencies on [AbaloneProcess]',
		});
		const first = service.start(
			'AbalonePipeline',
			{},
			{SelectiveExecutionConfig: {SelectedSteps: [{StepName: 'AbaloneProcess'}]}},
		);
		service.runToEnd(first);
		expect(service.steps(first).map((step) => step.StepName)).toEqual(['AbaloneProcess']);
	});
});

describe('retry policies', () => {
	const withPolicy = (policy: Json | undefined, tuning: Json) => {
		const definition = tutorial();
		const train = definition.Steps.find((step: Json) => step.Name === 'AbaloneTrain');
		if (policy) train.RetryPolicies = [policy];
		return tuned(definition, {AbaloneTrain: tuning});
	};

	it('retries a capacity error after IntervalSeconds × BackoffRate^n and counts the attempts', () => {
		const service = localService();
		service.createPipeline(
			'Retried',
			withPolicy(
				{ExceptionType: ['SageMaker.CAPACITY_ERROR'], IntervalSeconds: 30, BackoffRate: 2, MaxAttempts: 3},
				{errorType: 'SageMaker.CAPACITY_ERROR', failAttempts: 2},
			),
		);
		const arn = service.start('Retried');
		service.advanceUntil(() => service.step(arn, 'AbaloneTrain')?.AttemptCount === 2, 100);
		const second = service.clock.now();
		service.advanceUntil(() => service.step(arn, 'AbaloneTrain')?.AttemptCount === 3, 100);
		const third = service.clock.now();
		// The second wait is twice the first (BackoffRate 2): 60 s plus the attempt's own start-up time.
		expect(third - second).toBeGreaterThanOrEqual(60_000);
		expect(service.step(arn, 'AbaloneTrain')!.StepStatus).not.toBe('Failed');
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Succeeded');
		expect(service.step(arn, 'AbaloneTrain')).toMatchObject({StepStatus: 'Succeeded', AttemptCount: 3});
		expect(service.steps(arn).filter((step) => step.StepName === 'AbaloneTrain')).toHaveLength(1);
	});

	it('fails when MaxAttempts retries are used up', () => {
		const service = localService();
		service.createPipeline(
			'Exhausted',
			withPolicy(
				{ExceptionType: ['SageMaker.CAPACITY_ERROR'], IntervalSeconds: 1, BackoffRate: 1, MaxAttempts: 2},
				{errorType: 'SageMaker.CAPACITY_ERROR'},
			),
		);
		const arn = service.start('Exhausted');
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Failed');
		const train = service.step(arn, 'AbaloneTrain')!;
		expect(train).toMatchObject({StepStatus: 'Failed', AttemptCount: 3, Metadata: {}});
		expect(train.FailureReason).toContain('Failed to invoke sagemaker:CreateTrainingJob');
		expect(train.FailureReason).toContain('SAGEMAKER_CAPACITY_ERROR');
	});

	it('stops retrying once ExpireAfterMin has passed', () => {
		const service = localService();
		service.createPipeline(
			'Expired',
			withPolicy(
				{ExceptionType: ['SageMaker.CAPACITY_ERROR'], IntervalSeconds: 50, BackoffRate: 2, ExpireAfterMin: 2},
				{errorType: 'SageMaker.CAPACITY_ERROR'},
			),
		);
		const arn = service.start('Expired');
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Failed');
		const train = service.step(arn, 'AbaloneTrain')!;
		// 50 s, then 100 s would end past 2 minutes: one retry only.
		expect(train.AttemptCount).toBe(2);
		expect(train.FailureReason).toContain('expires after 2 minutes');
	});

	it('does not retry an exception type no policy lists, and says so', () => {
		const service = localService();
		service.createPipeline(
			'Unlisted',
			withPolicy(
				{ExceptionType: ['SageMaker.JOB_INTERNAL_ERROR'], MaxAttempts: 5},
				{errorType: 'SageMaker.RESOURCE_LIMIT', failAttempts: 1},
			),
		);
		const arn = service.start('Unlisted');
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Failed');
		const train = service.step(arn, 'AbaloneTrain')!;
		expect(train.AttemptCount).toBe(1);
		expect(train.FailureReason).toContain(
			'No retry policy configured for the exception type SAGEMAKER_RESOURCE_LIMIT.',
		);
	});

	it('refuses an errorType that is not a retry exception type', () => {
		const service = localService();
		const failure = service.failure('CreatePipeline', {
			PipelineName: 'Bad',
			PipelineDefinition: JSON.stringify(withPolicy(undefined, {errorType: 'Capacity'})),
			RoleArn: roleArn,
			ClientRequestToken: 'c'.repeat(32),
		});
		expect(failure.message).toContain('errorType must be one of Step.SERVICE_FAULT');
	});
});
