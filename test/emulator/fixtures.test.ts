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
		const final = service.runToEnd(arn);
		expect(final.PipelineExecutionStatus).toBe('Succeeded');
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

	it('takes the If branch of the examples notebook whatever MseThreshold the execution uses', () => {
		const service = localService();
		service.createPipeline('AbaloneExample', readFixture('abalone-examples-notebook.json'));
		for (const threshold of ['6.0', '3.0', '0.5']) {
			const arn = service.start('AbaloneExample', {MseThreshold: threshold});
			expect(service.runToEnd(arn).PipelineExecutionStatus).toBe('Succeeded');
			const names = service.steps(arn).map((step) => step.StepName);
			expect(names).toContain('AbaloneRegisterModel-RegisterModel');
			expect(names).not.toContain('AbaloneMSEFail');
		}
	});
});
