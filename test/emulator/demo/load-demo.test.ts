// The demo set: what a first start of `sagemon --local` shows.
import {describe, expect, it} from 'vitest';
import {type Json, localService, startTime} from '../local-service.js';

const service = localService({demo: true, timeScale: 30});
const executionsOf = (name: string): Json[] =>
	service.call('ListPipelineExecutions', {PipelineName: name}).PipelineExecutionSummaries;

describe('the demo set', () => {
	it('holds the tutorial pipeline and the showcase pipelines, each with past executions', () => {
		const names = service
			.call('ListPipelines', {SortBy: 'Name', SortOrder: 'Ascending'})
			.PipelineSummaries.map((pipeline: Json) => pipeline.PipelineName);
		expect(names).toEqual([
			'AbalonePipeline',
			'ChurnModelSelection',
			'ClickstreamFeatures',
			'CreditRiskQualityGate',
			'FraudDetectionTraining',
			'RegionalDemandForecast',
		]);
		for (const name of names) {
			const executions = executionsOf(name);
			expect(executions.length).toBeGreaterThan(0);
			for (const execution of executions) expect(execution.StartTime * 1000).toBeLessThan(startTime);
			expect(executions.some((execution) => execution.PipelineExecutionStatus !== 'Executing')).toBe(true);
		}
	});

	it('shows the abalone tutorial run, an approved run, a stopped run and a live one', () => {
		const statuses = executionsOf('AbalonePipeline').map((execution) => execution.PipelineExecutionStatus);
		expect(statuses).toEqual(['Executing', 'Stopped', 'Succeeded', 'Succeeded']);
		const definition = JSON.parse(
			service.call('DescribePipeline', {PipelineName: 'AbalonePipeline'}).PipelineDefinition,
		);
		expect(definition.Parameters.map((parameter: Json) => parameter.Name)).toContain('ModelApprovalStatus');
		const succeeded = executionsOf('AbalonePipeline')[2]!.PipelineExecutionArn;
		expect(
			service
				.steps(succeeded)
				.map((step) => step.StepName)
				.sort(),
		).toEqual([
			'AbaloneCreateModel',
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneProcess',
			'AbaloneRegisterModel',
			'AbaloneTrain',
			'AbaloneTransform',
		]);
		const parameters = service.call('ListPipelineParametersForExecution', {
			PipelineExecutionArn: succeeded,
		}).PipelineParameters;
		expect(parameters).toContainEqual({Name: 'ModelApprovalStatus', Value: 'Approved'});
	});

	it('shows a failing job with a long failure reason, and the same job retried', () => {
		const [failed, retried] = executionsOf('FraudDetectionTraining');
		expect(failed!.PipelineExecutionStatus).toBe('Failed');
		const train = service.step(failed!.PipelineExecutionArn, 'FraudTrain')!;
		expect(train.StepStatus).toBe('Failed');
		expect(train.FailureReason.length).toBeGreaterThan(300);
		expect(train.FailureReason).toMatch(/^AlgorithmError: /);
		expect(retried!.PipelineExecutionStatus).toBe('Succeeded');
		expect(service.step(retried!.PipelineExecutionArn, 'FraudTrain')).toMatchObject({
			StepStatus: 'Succeeded',
			AttemptCount: 2,
		});
	});

	it('shows a Fail step stopping the pipeline below the accuracy threshold', () => {
		const executions = executionsOf('CreditRiskQualityGate');
		const failed = executions.find((execution) => execution.PipelineExecutionStatus === 'Failed')!;
		expect(service.step(failed.PipelineExecutionArn, 'CreditAccuracyFail')).toMatchObject({
			StepStatus: 'Failed',
			FailureReason: 'Model accuracy 0.8721 is below the threshold 0.9',
		});
		expect(executions.some((execution) => execution.PipelineExecutionStatus === 'Succeeded')).toBe(true);
	});

	it('shows cache hits pointing at the run that computed them', () => {
		const [changedInput, cached, first] = executionsOf('ClickstreamFeatures');
		for (const step of ['SessionizeEvents', 'BuildFeatures', 'TrainRanker']) {
			expect(service.step(cached!.PipelineExecutionArn, step)!.CacheHitResult).toEqual({
				SourcePipelineExecutionArn: first!.PipelineExecutionArn,
			});
			expect(service.step(changedInput!.PipelineExecutionArn, step)!.CacheHitResult).toBeUndefined();
		}
	});

	it('shows fan-out and fan-in', () => {
		const [latest] = executionsOf('ChurnModelSelection');
		const steps = service.steps(latest!.PipelineExecutionArn);
		const trainings = steps.filter((step) => step.StepName.startsWith('Train'));
		expect(trainings).toHaveLength(4);
		expect(new Set(trainings.map((step) => step.StartTime)).size).toBe(1);
		const evaluate = steps.find((step) => step.StepName === 'EvaluateCandidates')!;
		for (const training of trainings) expect(evaluate.StartTime).toBeGreaterThan(training.EndTime);
	});

	it('has a pipeline of more than 120 steps that ran them all', () => {
		const definition = JSON.parse(
			service.call('DescribePipeline', {PipelineName: 'RegionalDemandForecast'}).PipelineDefinition,
		);
		expect(definition.Steps.length).toBeGreaterThan(120);
		const [latest] = executionsOf('RegionalDemandForecast');
		expect(latest!.PipelineExecutionStatus).toBe('Succeeded');
		expect(service.steps(latest!.PipelineExecutionArn)).toHaveLength(definition.Steps.length);
	});
});
