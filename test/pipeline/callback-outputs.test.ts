import {describe, expect, it} from 'vitest';
import {
	callbackTokenOf,
	checkOutputs,
	declaredOutputs,
	failureReasonProblem,
} from '../../source/pipeline/callback-outputs.js';
import type {StepDefinition} from '../../source/pipeline/model.js';

function callbackStep(outputs: unknown): StepDefinition {
	return {
		name: 'Approval',
		type: 'Callback',
		dependsOn: [],
		arguments: {},
		propertyFiles: [],
		raw: {Name: 'Approval', Type: 'Callback', OutputParameters: outputs},
	};
}

describe('declaredOutputs and checkOutputs', () => {
	const declared = declaredOutputs(
		callbackStep([
			{OutputName: 'approved', OutputType: 'Boolean'},
			{OutputName: 'threshold', OutputType: 'Float'},
			{OutputName: 'note'},
			{OutputType: 'String'},
		]),
	);

	it('reads the declared outputs, String when the type is missing', () => {
		expect(declared).toEqual([
			{name: 'approved', type: 'Boolean'},
			{name: 'threshold', type: 'Float'},
			{name: 'note', type: 'String'},
		]);
		expect(declaredOutputs(callbackStep(undefined))).toEqual([]);
	});

	it('accepts values of the declared types and names what is wrong otherwise', () => {
		expect(
			checkOutputs(declared, [
				{name: 'approved', value: ' true'},
				{name: 'note', value: ' as typed '},
			]),
		).toEqual({
			ok: true,
			outputs: [
				{name: 'approved', value: 'true'},
				{name: 'note', value: ' as typed '},
			],
		});
		expect(
			checkOutputs(declared, [
				{name: 'threshold', value: 'high'},
				{name: 'other', value: '1'},
				{name: 'approved', value: 'true'},
				{name: 'approved', value: 'false'},
			]),
		).toEqual({
			ok: false,
			problems: [
				"threshold must be a number, got 'high'",
				'other is not an output parameter of the step (declared: approved, threshold, note)',
				'approved is given twice',
			],
		});
	});
});

describe('failure reasons and tokens', () => {
	it('takes a reason of 1 to 256 characters and the token from the step metadata', () => {
		expect(failureReasonProblem('MSE too high')).toBeUndefined();
		expect(failureReasonProblem('  ')).toBe('the failure reason must not be empty');
		expect(failureReasonProblem('x'.repeat(257))).toMatch(/at most 256 characters, got 257/);
		expect(callbackTokenOf({Callback: {CallbackToken: 'Ab3dE5gH9k', SqsQueueUrl: 'q'}})).toBe('Ab3dE5gH9k');
		expect(callbackTokenOf({TrainingJob: {Arn: 'x'}})).toBeUndefined();
		expect(callbackTokenOf(undefined)).toBeUndefined();
	});
});
