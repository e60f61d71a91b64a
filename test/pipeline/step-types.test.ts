import {describe, expect, it} from 'vitest';
import {validateDefinition} from '../../source/pipeline/dag.js';
import {
	intendedStepType,
	isKnownStepType,
	unknownStepTypeWarnings,
} from '../../source/pipeline/step-types.js';
import {fixtureNames, readFixture} from '../helpers/fixtures.js';

describe('step types', () => {
	it('suggests the known type a misspelt one was meant to be', () => {
		expect(intendedStepType('Proccessing')).toBe('Processing');
		expect(intendedStepType('processing')).toBe('Processing');
		expect(intendedStepType('Trainig')).toBe('Training');
		expect(intendedStepType('Conditon')).toBe('Condition');
		expect(intendedStepType('RegisterModle')).toBe('RegisterModel');
	});

	it('suggests nothing for a known type or one too far from every known type', () => {
		expect(intendedStepType('Processing')).toBeUndefined();
		expect(intendedStepType('Banana')).toBeUndefined();
		expect(intendedStepType('SomeFutureStep')).toBeUndefined();
		expect(isKnownStepType('QualityCheck')).toBe(true);
		expect(isKnownStepType('Banana')).toBe(false);
	});

	it('makes a misspelt type a problem of the definition, naming the step and the intended type', () => {
		const {problems} = validateDefinition({
			Version: '2020-12-01',
			Steps: [{Name: 'Prep', Type: 'Proccessing', Arguments: {}}],
		});
		expect(problems).toEqual([
			{
				path: 'Steps[0].Type',
				step: 'Prep',
				message: `Step 'Prep' has Type "Proccessing"; did you mean "Processing"?`,
			},
		]);
	});

	it('warns of a type neither known nor misspelt, nested steps included, and of nothing else', () => {
		const {definition} = validateDefinition({
			Version: '2020-12-01',
			Steps: [
				{Name: 'Prep', Type: 'Proccessing', Arguments: {}},
				{
					Name: 'Check',
					Type: 'Condition',
					Arguments: {
						Conditions: [],
						IfSteps: [{Name: 'Peel', Type: 'Banana', Arguments: {}}],
						ElseSteps: [{Name: 'Train', Type: 'Training', Arguments: {}}],
					},
				},
			],
		});
		expect(unknownStepTypeWarnings(definition!.steps)).toEqual([
			{
				path: 'Steps[1].Arguments.IfSteps[0].Type',
				step: 'Peel',
				message:
					'Step \'Peel\' has Type "Banana", which sagemon does not know: the service refuses a type it does not know when the pipeline is created',
			},
		]);
	});

	it.each(fixtureNames)('finds every step type of %s known', (name) => {
		const {definition} = validateDefinition(readFixture(name));
		const types = new Set<string>();
		const visit = (steps: NonNullable<typeof definition>['steps']) => {
			for (const step of steps) types.add(step.type);
		};
		visit(definition?.steps ?? []);
		for (const type of types) expect(isKnownStepType(type), type).toBe(true);
	});
});
