import {describe, expect, test} from 'vitest';
import type {ParameterDefinition} from '../../source/pipeline/model.js';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {
	effectiveParameters,
	overriddenParameters,
	parameterValues,
} from '../../source/pipeline/execution-parameters.js';
import {readFixture} from '../helpers/fixtures.js';

const declared = parseDefinition(readFixture('abalone-examples-notebook.json')).definition?.parameters ?? [];

describe('effectiveParameters', () => {
	test('listed values win, typed as declared; the rest come from the defaults', () => {
		const parameters = effectiveParameters(declared, [
			{name: 'MseThreshold', value: '5.5'},
			{name: 'ProcessingInstanceCount', value: '2'},
		]);
		expect(parameters.map((parameter) => [parameter.name, parameter.text, parameter.fromDefault])).toEqual([
			['ProcessingInstanceCount', '2', false],
			['TrainingInstanceType', 'ml.m5.xlarge', true],
			['ModelApprovalStatus', 'PendingManualApproval', true],
			['InputData', 's3://sagemaker-us-west-2-000000000000/abalone/abalone-dataset.csv', true],
			['BatchData', 's3://sagemaker-us-west-2-000000000000/abalone/abalone-dataset-batch', true],
			['MseThreshold', '5.5', false],
		]);
		expect(parameterValues(parameters)).toMatchObject({ProcessingInstanceCount: 2, MseThreshold: 5.5});
	});

	test('a Float default reads with its decimal point; unknown listed names and unparsable values are kept', () => {
		const parameters = effectiveParameters(declared, [
			{name: 'ProcessingInstanceCount', value: 'two'},
			{name: 'Renamed', value: 'x'},
		]);
		expect(parameters.find((parameter) => parameter.name === 'MseThreshold')?.text).toBe('6.0');
		expect(parameters.find((parameter) => parameter.name === 'ProcessingInstanceCount')?.value).toBe('two');
		expect(parameters.at(-1)).toEqual({name: 'Renamed', text: 'x', value: 'x', fromDefault: false});
	});
});

describe('overriddenParameters', () => {
	const typed: ParameterDefinition[] = [
		{name: 'ProcessingInstanceCount', type: 'Integer', defaultValue: 1},
		{name: 'MseThreshold', type: 'Float', defaultValue: 6},
		{name: 'ModelApprovalStatus', type: 'String', defaultValue: 'PendingManualApproval'},
		{name: 'InputData', type: 'String'},
	];

	test('keeps only values other than the default, compared as typed values, in definition order', () => {
		expect(
			overriddenParameters(typed, [
				{name: 'ModelApprovalStatus', value: 'Approved'},
				{name: 'MseThreshold', value: '6.0'},
				{name: 'ProcessingInstanceCount', value: '2'},
				{name: 'InputData', value: 's3://bucket/input'},
				{name: 'Undeclared', value: 'x'},
			]),
		).toEqual([
			{name: 'ProcessingInstanceCount', value: '2'},
			{name: 'ModelApprovalStatus', value: 'Approved'},
			{name: 'InputData', value: 's3://bucket/input'},
			{name: 'Undeclared', value: 'x'},
		]);
	});

	test('is empty for an execution that ran with the defaults (listed or not)', () => {
		expect(overriddenParameters(typed, [{name: 'ProcessingInstanceCount', value: '1'}])).toEqual([]);
		expect(overriddenParameters(typed, [])).toEqual([]);
	});
});
