import {describe, expect, test} from 'vitest';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {fixtureNames, readFixture} from '../helpers/fixtures.js';

const messages = (input: unknown) =>
	parseDefinition(input).problems.map((problem) => `${problem.path}: ${problem.message}`);

describe('parseDefinition', () => {
	test.each(fixtureNames)('parses %s without problems', (name) => {
		const {definition, problems} = parseDefinition(readFixture(name));
		expect(problems).toEqual([]);
		expect(definition?.steps.length).toBeGreaterThan(0);
		expect(definition?.version).toBe('2020-12-01');
	});

	test('reads the abalone definition: parameters, nested branch steps with their parent, property files', () => {
		const {definition} = parseDefinition(readFixture('abalone-examples-notebook.json'));
		expect(definition?.parameters).toContainEqual({name: 'MseThreshold', type: 'Float', defaultValue: 6});
		expect(definition?.parameters).toContainEqual({
			name: 'ProcessingInstanceCount',
			type: 'Integer',
			defaultValue: 1,
		});
		expect(definition?.steps.map((step) => [step.name, step.parent?.condition, step.parent?.branch])).toEqual(
			[
				['AbaloneProcess', undefined, undefined],
				['AbaloneTrain', undefined, undefined],
				['AbaloneEval', undefined, undefined],
				['AbaloneMSECond', undefined, undefined],
				['AbaloneRegisterModel-RegisterModel', 'AbaloneMSECond', 'if'],
				['AbaloneCreateModel-CreateModel', 'AbaloneMSECond', 'if'],
				['AbaloneTransform', 'AbaloneMSECond', 'if'],
				['AbaloneMSEFail', 'AbaloneMSECond', 'else'],
			],
		);
		const evaluation = definition?.steps.find((step) => step.name === 'AbaloneEval');
		expect(evaluation?.propertyFiles).toEqual([
			{name: 'EvaluationReport', outputName: 'evaluation', filePath: 'evaluation.json'},
		]);
		expect(definition?.steps[4]?.path).toBe('Steps[3].Arguments.IfSteps[0]');
		expect(definition?.steps[7]?.path).toBe('Steps[3].Arguments.ElseSteps[0]');
	});

	test('flattens 31 nested conditions depth-first, each the parent of the next', () => {
		const {definition} = parseDefinition(readFixture('airflow-31-nested-conditions.json'));
		const steps = definition?.steps ?? [];
		expect(steps).toHaveLength(31);
		for (let index = 1; index < steps.length; index++) {
			expect(steps[index]?.parent).toEqual({condition: steps[index - 1]?.name, branch: 'if'});
		}
	});

	test('keeps display names, descriptions, cache config and unknown step types', () => {
		const {definition, problems} = parseDefinition({
			Steps: [
				{
					Name: 'Deploy',
					Type: 'BedrockModelImport',
					DisplayName: 'Deploy it',
					Description: 'Imports the model',
					CacheConfig: {Enabled: true, ExpireAfter: '30d'},
					Arguments: {},
				},
			],
		});
		expect(problems).toEqual([]);
		expect(definition?.steps[0]).toMatchObject({
			name: 'Deploy',
			type: 'BedrockModelImport',
			displayName: 'Deploy it',
			description: 'Imports the model',
			cacheConfig: {enabled: true, expireAfter: '30d'},
			dependsOn: [],
		});
	});

	test('says where the JSON is broken, by line and column', () => {
		const text = '{\n  "Steps": [\n    {"Name": "A", "Type": "Training",}\n  ]\n}';
		expect(messages(text)).toEqual([
			`: The definition is not valid JSON: expected a property name in double quotes but found '}' at line 3, column 38`,
		]);
		expect(messages('{"Steps": [')).toEqual([
			': The definition is not valid JSON: the JSON ends early: an array is not closed at line 1, column 12',
		]);
		expect(messages('')).toEqual([': The definition is empty: expected a JSON object']);
		expect(messages('{} x')).toEqual([
			": The definition is not valid JSON: unexpected 'x' after the end of the JSON value at line 1, column 4",
		]);
	});

	test('rejects what is not an object, or has no usable Steps list, with no definition', () => {
		expect(parseDefinition('[1, 2]')).toEqual({
			problems: [{path: '', message: 'The definition must be a JSON object, got a list'}],
		});
		expect(parseDefinition('"text"').problems[0]?.message).toBe(
			'The definition must be a JSON object, got the text "text"',
		);
		expect(parseDefinition({Version: '2020-12-01'})).toEqual({
			problems: [{path: 'Steps', message: 'The definition has no Steps list'}],
		});
		expect(parseDefinition({Steps: {A: 1}})).toEqual({
			problems: [{path: 'Steps', message: 'Steps must be a list of steps, got an object'}],
		});
	});

	test('reports steps without a Name or Type, keeping the drawable ones', () => {
		const {definition, problems} = parseDefinition({
			Steps: [
				{Type: 'Training'},
				{Name: 42, Type: 'Training'},
				{Name: 'NoType'},
				'step',
				{Name: 'Ok', Type: 'Processing'},
			],
		});
		expect(definition?.steps.map((step) => `${step.name}:${step.type}`)).toEqual([
			'NoType:Unknown',
			'Ok:Processing',
		]);
		expect(problems).toEqual([
			{path: 'Steps[0].Name', message: 'The step has no Name (a non-empty text); got none'},
			{path: 'Steps[1].Name', message: 'The step has no Name (a non-empty text); got the number 42'},
			{
				path: 'Steps[2].Type',
				step: 'NoType',
				message: `Step 'NoType' has no Type (such as "Training" or "Processing")`,
			},
			{
				path: 'Steps[3]',
				message: 'A step must be an object with Name, Type and Arguments, got the text "step"',
			},
		]);
	});

	test('reports malformed members of a step', () => {
		expect(
			messages({
				Steps: [
					{
						Name: 'A',
						Type: 'Processing',
						DependsOn: 'B',
						DisplayName: 3,
						CacheConfig: {Enabled: 'yes'},
						PropertyFiles: [{PropertyFileName: 'R'}],
					},
					{Name: 'bad name!', Type: 'Training', DependsOn: [1]},
					{Name: 'C', Type: 'Condition', Arguments: {IfSteps: {}}},
				],
			}),
		).toEqual([
			"Steps[0].DependsOn: DependsOn of 'A' must be a list of step names",
			'Steps[0].PropertyFiles[0]: A property file needs PropertyFileName, OutputName and FilePath texts',
			"Steps[0].DisplayName: DisplayName of 'A' must be a text",
			'Steps[0].CacheConfig: CacheConfig must be {"Enabled": true|false, "ExpireAfter"?: "30d"}',
			"Steps[1].Name: Step name 'bad name!' is not allowed: use letters, digits, '-' or '_'",
			'Steps[1].DependsOn[0]: DependsOn entries must be step names, got the number 1',
			'Steps[2].Arguments.Conditions: A Condition step needs a Conditions list',
			"Steps[2].Arguments.IfSteps: IfSteps of 'C' must be a list of steps",
		]);
	});

	test('shortens a 10,000-character step name in messages', () => {
		const name = 'N'.repeat(10_000);
		const {definition, problems} = parseDefinition({Steps: [{Name: name, Type: 'Training'}]});
		expect(definition?.steps[0]?.name).toBe(name);
		expect(problems).toEqual([
			{
				path: 'Steps[0].Name',
				step: name,
				message: 'Step name is 10000 characters long; the service allows at most 64',
			},
		]);
	});

	test('reports malformed parameters: wrong default types, bad enums, unknown types, duplicates', () => {
		expect(
			messages({
				Parameters: [
					{Name: 'Epochs', Type: 'Integer', DefaultValue: 3.5},
					{Name: 'Rate', Type: 'Float', DefaultValue: '0.1'},
					{Name: 'Flag', Type: 'Boolean', DefaultValue: 'true'},
					{Name: 'Status', Type: 'String', DefaultValue: 'Yes', EnumValues: ['Approved', 'Rejected']},
					{Name: 'Mode', Type: 'String', EnumValues: ['a', 2]},
					{Name: 'Size', Type: 'Number'},
					{Type: 'String'},
					{Name: 'Epochs', Type: 'Integer'},
					'x',
				],
				Steps: [{Name: 'A', Type: 'Training'}],
			}),
		).toEqual([
			"Parameters[0].DefaultValue: Parameter 'Epochs' is Integer but its DefaultValue is the number 3.5, not a whole number",
			'Parameters[1].DefaultValue: Parameter \'Rate\' is Float but its DefaultValue is the text "0.1", not a number',
			'Parameters[2].DefaultValue: Parameter \'Flag\' is Boolean but its DefaultValue is the text "true", not true or false',
			'Parameters[3].DefaultValue: Parameter \'Status\' has DefaultValue "Yes", which is not one of its EnumValues (Approved, Rejected)',
			"Parameters[4].EnumValues[1]: EnumValues of parameter 'Mode' must all be texts",
			'Parameters[5].Type: Parameter \'Size\' has Type "Number"; it must be one of String, Integer, Float, Boolean',
			'Parameters[6].Name: The parameter has no Name (a non-empty text)',
			"Parameters[7].Name: Parameter 'Epochs' is declared twice",
			'Parameters[8]: A parameter must be an object with Name and Type, got the text "x"',
		]);
		expect(messages({Parameters: {}, Steps: [{Name: 'A', Type: 'Training'}]})).toEqual([
			'Parameters: Parameters must be a list, got an object',
		]);
	});

	test('reports a wrong Version, Metadata or experiment config but still gives the definition', () => {
		const result = parseDefinition({
			Version: '2019',
			Metadata: [],
			PipelineExperimentConfig: 'x',
			Steps: [{Name: 'A', Type: 'Training'}],
		});
		expect(result.definition?.steps).toHaveLength(1);
		expect(result.problems.map((problem) => problem.message)).toEqual([
			'Version must be "2020-12-01", got "2019"',
			'Metadata must be an object, got a list',
			'PipelineExperimentConfig must be an object or null, got the text "x"',
		]);
	});
});
