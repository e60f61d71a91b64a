import {describe, expect, test} from 'vitest';
import {evaluateCondition, evaluateConditions} from '../../source/pipeline/conditions.js';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {type EvaluationContext, EvaluationError} from '../../source/pipeline/expressions.js';
import {readFixture} from '../helpers/fixtures.js';

/** The Conditions list of sdk-unit-all-condition-types.json: one of every condition type. */
function fixtureConditions(): unknown[] {
	const {definition} = parseDefinition(readFixture('sdk-unit-all-condition-types.json'));
	const step = definition?.steps.find((candidate) => candidate.type === 'Condition');
	if (!step) throw new Error('the fixture has no Condition step');
	return (step.arguments as {Conditions: unknown[]}).Conditions;
}

function context(
	parameters: Record<string, string | number | boolean>,
	start = '2026-11-24T13:05:12Z',
): EvaluationContext {
	return {
		parameters,
		execution: {StartDateTime: start},
		stepProperty: (step, path) =>
			step === 'MyStep0' && path[0] === 'TrainingJobName' ? 'pipelines-abc-MyStep0-x' : undefined,
		readPropertyFile: () => undefined,
	};
}

describe('every condition type of sdk-unit-all-condition-types.json', () => {
	const conditions = fixtureConditions();
	const outcomes = (parameters: Record<string, string | number>, start?: string) =>
		conditions.map((condition) => evaluateCondition(condition, context(parameters, start)));

	test('the fixture holds ten conditions: Equals, four comparisons, two In, two Not, one Or', () => {
		expect(conditions.map((condition) => (condition as {Type: string}).Type)).toEqual([
			'Equals',
			'GreaterThan',
			'GreaterThanOrEqualTo',
			'LessThan',
			'LessThanOrEqualTo',
			'In',
			'In',
			'Not',
			'Not',
			'Or',
		]);
	});

	test('with equal integers and MyStr "abc"', () => {
		expect(outcomes({MyInt1: 3, MyInt2: 3, MyStr: 'abc'})).toEqual([
			true, // 3 == 3
			true, // 2026-11-24... > 2020-12-01
			false, // "2026-..." >= "abc" is false: digits sort before letters
			false,
			true,
			true, // abc in [abc, def]
			true, // abc in [abc, job name, start]
			false, // not (3 == 3)
			false, // not (abc in [abc, def])
			true,
		]);
	});

	test('with different integers and MyStr equal to the step property', () => {
		expect(
			outcomes({MyInt1: 1, MyInt2: 2, MyStr: 'pipelines-abc-MyStep0-x'}, '2019-01-01T00:00:00Z'),
		).toEqual([
			false,
			false,
			false,
			true,
			true,
			false,
			true, // found through Steps.MyStep0.TrainingJobName
			true,
			true,
			false, // neither after 2020-12-01 nor in [abc, def]
		]);
	});

	test('the step list is AND-ed', () => {
		expect(evaluateConditions(conditions, context({MyInt1: 3, MyInt2: 3, MyStr: 'abc'}))).toBe(false);
		expect(evaluateConditions([], context({}))).toBe(true);
	});
});

describe('evaluateCondition', () => {
	const none = context({});
	const message = (condition: unknown) => {
		try {
			evaluateCondition(condition, none);
			return 'no error';
		} catch (error) {
			expect(error).toBeInstanceOf(EvaluationError);
			return (error as Error).message;
		}
	};

	test('compares numbers as numbers, also floats against integers', () => {
		expect(evaluateCondition({Type: 'LessThanOrEqualTo', LeftValue: 4.25, RightValue: 6}, none)).toBe(true);
		expect(evaluateCondition({Type: 'GreaterThan', LeftValue: 10, RightValue: 9}, none)).toBe(true);
		expect(evaluateCondition({Type: 'Equals', LeftValue: 6, RightValue: 6.0}, none)).toBe(true);
		expect(evaluateCondition({Type: 'Equals', LeftValue: true, RightValue: true}, none)).toBe(true);
	});

	test('NotEquals and NotIn are the negations', () => {
		expect(evaluateCondition({Type: 'NotEquals', LeftValue: 'a', RightValue: 'b'}, none)).toBe(true);
		expect(evaluateCondition({Type: 'NotIn', QueryValue: 'a', Values: ['a', 'b']}, none)).toBe(false);
	});

	test('In does not match values of another type', () => {
		expect(evaluateCondition({Type: 'In', QueryValue: 1, Values: ['1', true]}, none)).toBe(false);
	});

	test('type mismatches and malformed conditions fail with the service-like message', () => {
		expect(message({Type: 'Equals', LeftValue: 1, RightValue: '1'})).toBe(
			'LeftValue [1] of type [number] and RightValue [1] of type [string] are not of the same type.',
		);
		expect(message({Type: 'GreaterThan', LeftValue: 'abc', RightValue: 3})).toBe(
			'Condition of type [GreaterThan] not supported between [abc] of type [string] and [3] of type [number].',
		);
		expect(message({Type: 'LessThan', LeftValue: true, RightValue: false})).toBe(
			'Condition of type [LessThan] not supported between [true] of type [boolean] and [false] of type [boolean].',
		);
		expect(message({Type: 'Between', LeftValue: 1, RightValue: 2})).toBe(
			'Condition of type [Between] is not supported.',
		);
		expect(message({Type: 'Not', Expression: {}})).toBe(
			'Condition of type [Not] needs a Condition (the old "Expression" member is not accepted by the service).',
		);
		expect(message({Type: 'Or'})).toBe('Condition of type [Or] needs a list of Conditions.');
		expect(message({Type: 'Equals', LeftValue: 1})).toBe(
			'Condition of type [Equals] needs a LeftValue and a RightValue.',
		);
		expect(message('Equals')).toBe('A condition must be an object with a Type.');
		expect(message({Type: 'Equals', LeftValue: {Get: 'Parameters.Nope'}, RightValue: 1})).toBe(
			"Parameter 'Nope' is undefined.",
		);
	});
});
