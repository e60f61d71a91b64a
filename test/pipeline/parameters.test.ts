import {describe, expect, test} from 'vitest';
import {parseDefinition} from '../../source/pipeline/definition.js';
import type {ParameterDefinition} from '../../source/pipeline/model.js';
import {
	displayNamePattern,
	formatParameterValue,
	parseAssignment,
	parseOverride,
	resolveParameters,
} from '../../source/pipeline/parameters.js';
import {readFixture} from '../helpers/fixtures.js';

const epochs: ParameterDefinition = {name: 'Epochs', type: 'Integer', defaultValue: 10};
const threshold: ParameterDefinition = {name: 'Threshold', type: 'Float', defaultValue: 6};
const flag: ParameterDefinition = {name: 'UseSpot', type: 'Boolean', defaultValue: false};
const status: ParameterDefinition = {
	name: 'ModelApprovalStatus',
	type: 'String',
	defaultValue: 'PendingManualApproval',
	enumValues: ['Approved', 'Rejected', 'PendingManualApproval'],
};
const input: ParameterDefinition = {name: 'InputData', type: 'String'};

describe('parseOverride', () => {
	test('Integer takes whole numbers only', () => {
		expect(parseOverride(epochs, '3')).toEqual({ok: true, value: 3});
		expect(parseOverride(epochs, ' -12 ')).toEqual({ok: true, value: -12});
		expect(parseOverride(epochs, '3.5')).toEqual({
			ok: false,
			message: "Epochs must be a whole number, got '3.5'",
		});
		expect(parseOverride(epochs, '')).toEqual({ok: false, message: "Epochs must be a whole number, got ''"});
		expect(parseOverride(epochs, '1e3')).toEqual({
			ok: false,
			message: "Epochs must be a whole number, got '1e3'",
		});
		expect(parseOverride(epochs, '99999999999999999999')).toEqual({
			ok: false,
			message: "Epochs is too large, got '99999999999999999999'",
		});
	});

	test('Float takes any decimal number, integers included', () => {
		expect(parseOverride(threshold, '0.5')).toEqual({ok: true, value: 0.5});
		expect(parseOverride(threshold, '6')).toEqual({ok: true, value: 6});
		expect(parseOverride(threshold, '-.25')).toEqual({ok: true, value: -0.25});
		expect(parseOverride(threshold, '1e-3')).toEqual({ok: true, value: 0.001});
		expect(parseOverride(threshold, 'abc')).toEqual({
			ok: false,
			message: "Threshold must be a number, got 'abc'",
		});
		expect(parseOverride(threshold, 'NaN')).toEqual({
			ok: false,
			message: "Threshold must be a number, got 'NaN'",
		});
		expect(parseOverride(threshold, 'Infinity')).toEqual({
			ok: false,
			message: "Threshold must be a number, got 'Infinity'",
		});
	});

	test('Boolean takes true/false in any case, as the Python SDK sends True/False', () => {
		expect(parseOverride(flag, 'true')).toEqual({ok: true, value: true});
		expect(parseOverride(flag, 'True')).toEqual({ok: true, value: true});
		expect(parseOverride(flag, 'FALSE')).toEqual({ok: true, value: false});
		expect(parseOverride(flag, 'yes')).toEqual({
			ok: false,
			message: "UseSpot must be true or false, got 'yes'",
		});
	});

	test('String must be non-empty, at most 1024 characters and one of the EnumValues', () => {
		expect(parseOverride(input, 's3://bucket/data.csv')).toEqual({ok: true, value: 's3://bucket/data.csv'});
		expect(parseOverride(input, ' padded ')).toEqual({ok: true, value: ' padded '});
		expect(parseOverride(input, '')).toEqual({ok: false, message: 'InputData must not be empty'});
		expect(parseOverride(input, 'x'.repeat(1025))).toEqual({
			ok: false,
			message: 'InputData must be at most 1024 characters, got 1025',
		});
		expect(parseOverride(status, 'Approved')).toEqual({ok: true, value: 'Approved'});
		expect(parseOverride(status, 'Yes')).toEqual({
			ok: false,
			message: "ModelApprovalStatus must be one of Approved, Rejected, PendingManualApproval, got 'Yes'",
		});
	});

	test('what a person typed is shown harmlessly in messages', () => {
		expect(parseOverride(epochs, '\u001b[2J')).toEqual({
			ok: false,
			message: "Epochs must be a whole number, got '^[[2J'",
		});
	});
});

describe('parseAssignment', () => {
	test('splits at the first =', () => {
		expect(parseAssignment('ModelApprovalStatus=Approved')).toEqual({
			ok: true,
			name: 'ModelApprovalStatus',
			value: 'Approved',
		});
		expect(parseAssignment('Query=a=b&c=d')).toEqual({ok: true, name: 'Query', value: 'a=b&c=d'});
		expect(parseAssignment('Empty=')).toEqual({ok: true, name: 'Empty', value: ''});
		expect(parseAssignment('Approved')).toEqual({ok: false, message: "Expected Name=Value, got 'Approved'"});
		expect(parseAssignment('=x')).toEqual({
			ok: false,
			message: "The parameter name is missing before '=' in '=x'",
		});
	});
});

describe('resolveParameters', () => {
	test('the abalone tutorial with one override: only the override is sent, every value is known', () => {
		const {definition} = parseDefinition(readFixture('abalone-examples-notebook.json'));
		const result = resolveParameters(definition?.parameters ?? [], {
			ModelApprovalStatus: 'Approved',
			MseThreshold: '7',
		});
		expect(result.problems).toEqual([]);
		expect(result.assignments).toEqual([
			{name: 'ModelApprovalStatus', value: 'Approved'},
			{name: 'MseThreshold', value: '7'},
		]);
		expect(result.values).toEqual({
			ProcessingInstanceCount: 1,
			TrainingInstanceType: 'ml.m5.xlarge',
			ModelApprovalStatus: 'Approved',
			InputData: 's3://sagemaker-us-west-2-000000000000/abalone/abalone-dataset.csv',
			BatchData: 's3://sagemaker-us-west-2-000000000000/abalone/abalone-dataset-batch',
			MseThreshold: 7,
		});
	});

	test('booleans are normalised to the service text form', () => {
		expect(resolveParameters([flag], {UseSpot: 'True'}).assignments).toEqual([
			{name: 'UseSpot', value: 'true'},
		]);
	});

	test('unknown names, bad values and missing required values are all reported', () => {
		const result = resolveParameters([epochs, input, status], {Foo: '1', Epochs: 'ten'});
		expect(result.problems).toEqual([
			{name: 'Foo', message: "Unknown parameter 'Foo'. Parameters: Epochs, InputData, ModelApprovalStatus"},
			{name: 'Epochs', message: "Epochs must be a whole number, got 'ten'"},
			{name: 'InputData', message: 'InputData has no default value, so it needs one (String)'},
		]);
		expect(result.assignments).toEqual([]);
		expect(result.values).toEqual({ModelApprovalStatus: 'PendingManualApproval'});
	});

	test('a pipeline without parameters says so', () => {
		expect(resolveParameters([], {Foo: '1'}).problems).toEqual([
			{name: 'Foo', message: "Unknown parameter 'Foo'. This pipeline has no parameters."},
		]);
	});

	test('every parameter of the all-condition-types fixture lacks a default, so each must be given', () => {
		const {definition} = parseDefinition(readFixture('sdk-unit-all-condition-types.json'));
		const parameters = definition?.parameters ?? [];
		expect(resolveParameters(parameters, {}).problems.map((problem) => problem.name)).toEqual([
			'MyInt1',
			'MyInt2',
			'MyStr',
		]);
		expect(resolveParameters(parameters, {MyInt1: '1', MyInt2: '2', MyStr: 'abc'})).toEqual({
			assignments: [
				{name: 'MyInt1', value: '1'},
				{name: 'MyInt2', value: '2'},
				{name: 'MyStr', value: 'abc'},
			],
			values: {MyInt1: 1, MyInt2: 2, MyStr: 'abc'},
			problems: [],
		});
	});
});

describe('formatParameterValue', () => {
	test('renders each type as text', () => {
		expect(formatParameterValue(true)).toBe('true');
		expect(formatParameterValue(false)).toBe('false');
		expect(formatParameterValue(0.5)).toBe('0.5');
		expect(formatParameterValue(3)).toBe('3');
		expect(formatParameterValue('abc')).toBe('abc');
	});
});

describe('displayNamePattern', () => {
	test("takes the service's display names: up to 82 letters and digits, hyphens only between them", () => {
		for (const name of ['a', 'nightly-run-2', 'A1', 'x'.repeat(82), 'a--b']) {
			expect(displayNamePattern.test(name), name).toBe(true);
		}

		for (const name of ['', '-a', 'a-', 'a b', 'a_b', 'x'.repeat(83), 'é']) {
			expect(displayNamePattern.test(name), name).toBe(false);
		}
	});
});
