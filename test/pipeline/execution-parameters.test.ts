import {describe, expect, test} from 'vitest';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {effectiveParameters, parameterValues} from '../../source/pipeline/execution-parameters.js';
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
