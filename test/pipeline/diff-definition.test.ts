import {describe, expect, test} from 'vitest';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {diffDefinitions} from '../../source/pipeline/diff-definition.js';
import type {PipelineDefinition} from '../../source/pipeline/model.js';
import {readFixture} from '../helpers/fixtures.js';

type RawStep = {Name: string; Type: string; Arguments: Record<string, unknown>};
type Raw = {Parameters: Array<Record<string, unknown>>; Steps: RawStep[]};

function load(name: string, edit?: (raw: Raw) => void): PipelineDefinition {
	const raw = JSON.parse(readFixture(name)) as Raw;
	edit?.(raw);
	return parseDefinition(raw).definition as PipelineDefinition;
}

const tutorial = load('abalone-tutorial.json');

describe('diffDefinitions', () => {
	test('a definition compared with itself is identical', () => {
		expect(diffDefinitions(tutorial, load('abalone-tutorial.json'))).toEqual({
			identical: true,
			added: [],
			removed: [],
			changed: [],
			parametersAdded: [],
			parametersRemoved: [],
		});
	});

	test('a new version: a changed hyperparameter, a removed step, an added step and parameter', () => {
		const next = load('abalone-tutorial.json', (raw) => {
			const train = raw.Steps[1] as RawStep;
			(train.Arguments.HyperParameters as Record<string, string>).max_depth = '7';
			(train.Arguments.ResourceConfig as Record<string, unknown>).InstanceCount = 2;
			const condition = raw.Steps[3] as RawStep;
			const ifSteps = condition.Arguments.IfSteps as RawStep[];
			condition.Arguments.IfSteps = ifSteps.filter((step) => step.Name !== 'AbaloneTransform');
			raw.Steps.push({Name: 'Notify', Type: 'Lambda', Arguments: {}});
			raw.Parameters.push({Name: 'Epochs', Type: 'Integer', DefaultValue: 5});
		});
		expect(diffDefinitions(tutorial, next)).toEqual({
			identical: false,
			added: ['Notify'],
			removed: ['AbaloneTransform'],
			changed: [
				{
					step: 'AbaloneTrain',
					// In the order the definition writes them.
					paths: ['Arguments.ResourceConfig.InstanceCount', 'Arguments.HyperParameters.max_depth'],
				},
				// The condition lists other steps in its If branch; its nested steps are compared on their own.
				{step: 'AbaloneMSECond', paths: ['Arguments.IfSteps']},
			],
			parametersAdded: ['Epochs'],
			parametersRemoved: [],
		});
	});

	test('two different pipelines: the tutorial and the notebook with its Fail step', () => {
		const diff = diffDefinitions(tutorial, load('abalone-examples-notebook.json'));
		expect(diff.identical).toBe(false);
		expect(diff.added).toEqual([
			'AbaloneRegisterModel-RegisterModel',
			'AbaloneCreateModel-CreateModel',
			'AbaloneMSEFail',
		]);
		expect(diff.removed).toEqual(['AbaloneRegisterModel', 'AbaloneCreateModel']);
		expect(diff.parametersAdded).toEqual(['MseThreshold']);
		expect(diff.parametersRemoved).toEqual(['ProcessingInstanceType']);
		const condition = diff.changed.find((change) => change.step === 'AbaloneMSECond');
		expect(condition?.paths).toEqual([
			'Arguments.Conditions[0].RightValue',
			'Arguments.IfSteps[0]',
			'Arguments.IfSteps[1]',
			'Arguments.ElseSteps',
		]);
	});

	test('without both definitions nothing can be compared', () => {
		expect(diffDefinitions(tutorial, undefined).identical).toBeNull();
	});

	test('a long list of changed paths is cut, saying how many more', () => {
		const wide = (count: number) =>
			parseDefinition({
				Steps: [
					{
						Name: 'S',
						Type: 'Processing',
						Arguments: {
							Environment: Object.fromEntries(Array.from({length: 60}, (_, index) => [`K${index}`, count])),
						},
					},
				],
			}).definition as PipelineDefinition;
		const [change] = diffDefinitions(wide(1), wide(2)).changed;
		expect(change?.paths).toHaveLength(51);
		expect(change?.paths.at(-1)).toBe('… 10 more');
	});
});
