// Every real pipeline definition in test/fixtures/definitions runs to a terminal status in the emulator.
import {describe, expect, it} from 'vitest';
import {fixtureNames, readFixture} from '../helpers/fixtures.js';
import {abaloneTutorialStepsNewestFirst} from '../helpers/abalone-tutorial.js';
import {localService} from './local-service.js';

describe('the emulator runs every fixture definition', () => {
	it.each(fixtureNames)('%s ends Succeeded with every started step settled', (name) => {
		const service = localService();
		const text = readFixture(name);
		const definition = JSON.parse(text) as {
			Parameters?: Array<{Name: string; Type: string; DefaultValue?: unknown}>;
			Steps: Array<{Name: string; OutputParameters?: Array<{OutputName: string}>}>;
		};
		service.createPipeline('FixturePipeline', text);
		// Parameters without a default need a value at start.
		const required = Object.fromEntries(
			(definition.Parameters ?? [])
				.filter((parameter) => parameter.DefaultValue === undefined)
				.map((parameter) => [
					parameter.Name,
					parameter.Type === 'String' ? 'value' : parameter.Type === 'Boolean' ? 'true' : '1',
				]),
		);
		const arn = service.start('FixturePipeline', required);
		// Callback steps wait for their answer, as on AWS: the test answers each one as a consumer would.
		service.advanceUntil(() => {
			for (const step of service.steps(arn)) {
				const token = step.Metadata.Callback?.CallbackToken;
				if (token && step.StepStatus === 'Executing' && !step.Metadata.Callback.OutputParameters)
					service.call('SendPipelineExecutionStepSuccess', {
						CallbackToken: token,
						OutputParameters: (
							definition.Steps.find((candidate) => candidate.Name === step.StepName)?.OutputParameters ?? []
						).map((output) => ({Name: output.OutputName, Value: 'answered'})),
					});
			}

			return service.describe(arn).PipelineExecutionStatus !== 'Executing';
		});
		expect(service.describe(arn).PipelineExecutionStatus).toBe('Succeeded');
		const steps = service.steps(arn);
		expect(steps.length).toBeGreaterThan(0);
		for (const step of steps) {
			expect(step.StepStatus).toBe('Succeeded');
			expect(step.EndTime).toBeGreaterThanOrEqual(step.StartTime);
		}
	});

	it('takes the If branch of the abalone tutorial, as in the tutorial output', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', readFixture('abalone-tutorial.json'));
		const arn = service.start('AbalonePipeline');
		service.runToEnd(arn);
		expect(service.steps(arn).map((step) => step.StepName)).toEqual(abaloneTutorialStepsNewestFirst);
		expect(service.step(arn, 'AbaloneMSECond')?.Metadata).toEqual({Condition: {Outcome: 'True'}});
	});

	it('lets MseThreshold decide the branch of the examples notebook, from an MSE the threshold does not choose', () => {
		const service = localService();
		service.createPipeline('AbaloneExample', readFixture('abalone-examples-notebook.json'));
		const mse = (arn: string): number => {
			const job = service.step(arn, 'AbaloneEval')!.Metadata.ProcessingJob.Arn.split('/').pop();
			const described = service.call('DescribeProcessingJob', {ProcessingJobName: job});
			const output = described.ProcessingOutputConfig.Outputs.find(
				(candidate: {OutputName: string}) => candidate.OutputName === 'evaluation',
			);
			const object = service.state.storage.getUri(`${output.S3Output.S3Uri}/evaluation.json`)!;
			return JSON.parse(object.body.toString()).regression_metrics.mse.value;
		};
		for (const threshold of ['6.0', '5.0']) {
			const arn = service.start('AbaloneExample', {MseThreshold: threshold});
			expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Succeeded');
			const names = service.steps(arn).map((step) => step.StepName);
			expect(names).toContain('AbaloneRegisterModel-RegisterModel');
			expect(names).not.toContain('AbaloneMSEFail');
		}

		const arn = service.start('AbaloneExample', {MseThreshold: '-1'});
		expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Failed');
		const steps = service.steps(arn);
		expect(steps[0]).toMatchObject({StepName: 'AbaloneMSEFail', StepStatus: 'Failed'});
		expect(steps.map((step) => step.StepName)).not.toContain('AbaloneRegisterModel-RegisterModel');
		expect(service.step(arn, 'AbaloneMSECond')?.Metadata).toEqual({Condition: {Outcome: 'False'}});
		expect(mse(arn)).toBeGreaterThanOrEqual(2);
	});
});
