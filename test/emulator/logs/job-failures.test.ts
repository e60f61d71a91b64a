// Job-level failure fields and metrics as DescribeProcessingJob/DescribeTrainingJob report them, chosen through
// `sagemon.emulator` metadata: the reason per failure kind, ExitMessage, SecondaryStatusTransitions, the
// traceback in the log, and FinalMetricDataList (tuned, from a parameter, drawn per run, or by MetricDefinitions).
import {describe, expect, it} from 'vitest';
import {capacityReason, internalReason} from '../../../source/emulator/engine/job-failure.js';
import type {Json} from '../local-service.js';
import {jobPipeline, logService} from './log-service.js';

function run(steps: Json = {}, training: Json = {}, parameters: Record<string, string> = {}) {
	const service = logService();
	service.createPipeline('FailPipeline', jobPipeline(steps, training));
	const arn = service.start('FailPipeline', parameters);
	service.runToEnd(arn);
	const trainingJob = () =>
		service.call('DescribeTrainingJob', {TrainingJobName: service.jobOf(arn, 'Train')});
	const processingJob = () =>
		service.call('DescribeProcessingJob', {ProcessingJobName: service.jobOf(arn, 'Prep')});
	const messages = (group: string, job: string) =>
		service
			.logs('FilterLogEvents', {logGroupName: `/aws/sagemaker/${group}`, logStreamNamePrefix: `${job}/`})
			.events.map((event: Json) => event.message);
	return {service, arn, trainingJob, processingJob, messages};
}

describe('failure kinds', () => {
	it('algorithm: the service reason on job and step, the traceback in the log and in ExitMessage', () => {
		const {service, arn, processingJob, messages} = run({
			Prep: {failureKind: 'algorithm', fail: "KeyError: 'rings'"},
		});
		const job = processingJob();
		expect(job.ProcessingJobStatus).toBe('Failed');
		expect(job.FailureReason).toBe('AlgorithmError: See job logs for more information');
		expect(service.step(arn, 'Prep')?.FailureReason).toBe(
			'AlgorithmError: See job logs for more information',
		);
		expect(job.ExitMessage.split('\n')[0]).toBe('Traceback (most recent call last):');
		expect(job.ExitMessage.split('\n').at(-1)).toBe("KeyError: 'rings'");
		const log = messages('ProcessingJobs', job.ProcessingJobName);
		expect(log.at(-1)).toBe("KeyError: 'rings'");
		expect(log).toContain('  File "/opt/ml/processing/input/code/preprocess.py", line 87, in <module>');
		expect(log).not.toContain('Processing completed.');
	});

	it('client: a ClientError reason and its line in the log', () => {
		const {processingJob, messages} = run({
			Prep: {failureKind: 'client', fail: 'Data download failed: no objects under s3://bucket/in'},
		});
		const job = processingJob();
		expect(job.FailureReason).toBe('ClientError: Data download failed: no objects under s3://bucket/in');
		expect(job.ExitMessage).toBe(job.FailureReason);
		expect(messages('ProcessingJobs', job.ProcessingJobName).at(-1)).toBe(`ERROR: ${job.FailureReason}`);
	});

	it('capacity: no container ran, so no log stream; training transitions go Starting → Failed', () => {
		const {service, trainingJob} = run({Train: {failureKind: 'capacity'}});
		const job = trainingJob();
		expect(job.FailureReason).toBe(capacityReason);
		expect(job.SecondaryStatus).toBe('Failed');
		expect(job.SecondaryStatusTransitions.map((transition: Json) => transition.Status)).toEqual([
			'Starting',
			'Failed',
		]);
		expect(job.SecondaryStatusTransitions[0].StatusMessage).toMatch(/Insufficient capacity/);
		expect(
			service.logsFailure('DescribeLogStreams', {logGroupName: '/aws/sagemaker/TrainingJobs'}).code,
		).toBe('ResourceNotFoundException');
	});

	it('internal: an internal-error reason, the log stops without a traceback', () => {
		const {trainingJob, messages} = run({Train: {failureKind: 'internal'}});
		const job = trainingJob();
		expect(job.FailureReason).toBe(internalReason);
		expect(
			messages('TrainingJobs', job.TrainingJobName).some((line: string) => line.startsWith('Traceback')),
		).toBe(false);
	});

	it('a plain fail text stays the reason, and the log ends in it', () => {
		const {service, arn, trainingJob, messages} = run({
			Train: {fail: 'ValueError: bad input', failAttempts: 1},
		});
		const job = trainingJob();
		expect(job.FailureReason).toBe('ValueError: bad input');
		expect(service.step(arn, 'Train')?.FailureReason).toBe('ValueError: bad input');
		const log = messages('TrainingJobs', job.TrainingJobName);
		expect(log.at(-2)).toBe('ValueError: bad input');
		expect(log.at(-1)).toBe('sagemaker-training-toolkit ERROR    Reporting training FAILURE');
		expect(job.SecondaryStatusTransitions.map((transition: Json) => transition.Status)).toEqual([
			'Starting',
			'Downloading',
			'Training',
			'Failed',
		]);
		expect(job.SecondaryStatusTransitions.at(-1).EndTime).toBe(job.TrainingEndTime);
	});
});

describe('a succeeded training job', () => {
	it('goes through every secondary status and reports the metrics its log wrote', () => {
		const {trainingJob, messages} = run({Train: {metrics: {'validation:rmse': 3.25, 'train:rmse': 2.5}}});
		const job = trainingJob();
		expect(job.SecondaryStatus).toBe('Completed');
		expect(job.SecondaryStatusTransitions.map((transition: Json) => transition.Status)).toEqual([
			'Starting',
			'Downloading',
			'Training',
			'Uploading',
			'Completed',
		]);
		expect(job.FinalMetricDataList.map(({MetricName, Value}: Json) => [MetricName, Value])).toEqual([
			['validation:rmse', 3.25],
			['train:rmse', 2.5],
		]);
		expect(messages('TrainingJobs', job.TrainingJobName)).toContain(
			'#metrics {"validation:rmse":3.25,"train:rmse":2.5}',
		);
	});

	it('takes a metric from a parameter, so two runs differ', () => {
		const service = logService();
		service.createPipeline(
			'Metrics',
			jobPipeline({Train: {metrics: {'validation:rmse': {Get: 'Parameters.Rmse'}}}}),
		);
		const values = ['4.5', '3.9'].map((rmse) => {
			const arn = service.start('Metrics', {Rmse: rmse});
			service.runToEnd(arn);
			const job = service.call('DescribeTrainingJob', {TrainingJobName: service.jobOf(arn, 'Train')});
			return job.FinalMetricDataList[0].Value;
		});
		expect(values).toEqual([4.5, 3.9]);
	});

	it('draws untuned metrics per execution, named by MetricDefinitions and read with their regexes', () => {
		const service = logService();
		const definitions = {
			AlgorithmSpecification: {
				TrainingImage: 'pytorch:2.1',
				TrainingInputMode: 'File',
				MetricDefinitions: [{Name: 'test:mse', Regex: 'test:mse=([0-9.]+)'}],
			},
		};
		service.createPipeline('Drawn', jobPipeline({}, definitions));
		const values = [1, 2].map(() => {
			const arn = service.start('Drawn');
			service.runToEnd(arn);
			const job = service.call('DescribeTrainingJob', {TrainingJobName: service.jobOf(arn, 'Train')});
			expect(job.FinalMetricDataList.map((metric: Json) => metric.MetricName)).toEqual(['test:mse']);
			return job.FinalMetricDataList[0].Value;
		});
		expect(values[0]).not.toBe(values[1]);
	});

	it('reports scripted lines in the log and the metrics they carry', () => {
		const {trainingJob, messages} = run({Train: {logs: ['loading shards', '#metrics {"train:loss": 0.42}']}});
		const job = trainingJob();
		const log = messages('TrainingJobs', job.TrainingJobName);
		expect(log).toContain('loading shards');
		expect(job.FinalMetricDataList.map(({MetricName, Value}: Json) => [MetricName, Value])).toEqual([
			['train:loss', 0.42],
		]);
	});
});

describe('a running training job', () => {
	it('has an open Training transition and no final metrics before its metric lines', () => {
		const service = logService();
		service.createPipeline('Running', jobPipeline());
		const arn = service.start('Running');
		service.advanceUntil(() => service.step(arn, 'Train')?.StepStatus === 'Executing');
		service.clock.advance(30_000);
		const job = service.call('DescribeTrainingJob', {TrainingJobName: service.jobOf(arn, 'Train')});
		expect(job.SecondaryStatus).toBe('Training');
		expect(job.SecondaryStatusTransitions.at(-1).EndTime).toBeUndefined();
		expect(job.FinalMetricDataList).toBeUndefined();
	});
});

describe('a reason that quotes its traceback', () => {
	it('is written to the log as it was quoted', () => {
		const reason = [
			'AlgorithmError: framework error:',
			'Traceback (most recent call last):',
			'  File "/miniconda3/lib/python3.8/site-packages/sagemaker_xgboost_container/training.py", line 94, in main',
			'    train(framework.training_env())',
			"ValueError: feature_names mismatch: ['amount'] ['merchant_id']",
			'expected merchant_category in input data, exit code: 1',
		].join('\n');
		const {trainingJob, messages} = run({Train: {fail: reason}});
		const job = trainingJob();
		expect(job.FailureReason).toBe(reason);
		const log = messages('TrainingJobs', job.TrainingJobName);
		expect(log.slice(-5)).toEqual([
			'Traceback (most recent call last):',
			'  File "/miniconda3/lib/python3.8/site-packages/sagemaker_xgboost_container/training.py", line 94, in main',
			'    train(framework.training_env())',
			"ValueError: feature_names mismatch: ['amount'] ['merchant_id']",
			'expected merchant_category in input data',
		]);
	});
});

describe('checking the tuning', () => {
	it('refuses unknown failure kinds, non-text log lines and bad line counts by name', () => {
		const service = logService();
		const failure = service.failure('CreatePipeline', {
			PipelineName: 'Bad',
			PipelineDefinition: JSON.stringify(
				jobPipeline({Train: {failureKind: 'cosmic-ray', logs: [1], logLines: 0, metrics: 3}}),
			),
			RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
			ClientRequestToken: 'bad-tuning-000000000000000000000001',
		});
		expect(failure.code).toBe('ValidationException');
		for (const member of [
			'failureKind must be one of algorithm, client, capacity, internal',
			'logs must be',
			'logLines must be',
			'metrics must',
		])
			expect(failure.message).toContain(`Metadata["sagemon.emulator"].steps.Train.${member}`);
	});
});
