import {describe, expect, test} from 'vitest';
import type {EvaluationContext} from '../../source/pipeline/expressions.js';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {describeGate} from '../../source/pipeline/gate-condition.js';
import type {PipelineDefinition, StepDefinition} from '../../source/pipeline/model.js';
import {readFixture} from '../helpers/fixtures.js';

/** A definition whose Condition step has `conditions` and a Fail step in its `branch`. */
function gated(conditions: unknown[], branch: 'IfSteps' | 'ElseSteps' = 'ElseSteps') {
	const fail = {Name: 'Gate', Type: 'Fail', Arguments: {ErrorMessage: 'stop'}};
	const {definition} = parseDefinition({
		Version: '2020-12-01',
		Parameters: [
			{Name: 'Threshold', Type: 'Float', DefaultValue: 0.8},
			{Name: 'Region', Type: 'String', DefaultValue: 'eu'},
		],
		Steps: [
			{
				Name: 'Eval',
				Type: 'Processing',
				Arguments: {},
				PropertyFiles: [{PropertyFileName: 'Metrics', OutputName: 'metrics', FilePath: 'metrics.json'}],
			},
			{
				Name: 'Check',
				Type: 'Condition',
				Arguments: {
					Conditions: conditions,
					IfSteps: branch === 'IfSteps' ? [fail] : [],
					ElseSteps: branch === 'ElseSteps' ? [fail] : [],
				},
			},
		],
	});
	return {
		definition: definition as PipelineDefinition,
		fail: definition?.steps.find((step) => step.name === 'Gate') as StepDefinition,
	};
}

const accuracy = {
	'Std:JsonGet': {PropertyFile: {Get: 'Steps.Eval.PropertyFiles.Metrics'}, Path: 'metrics.accuracy'},
};

function context(
	values: Record<string, unknown>,
	parameters = {Threshold: 0.8, Region: 'eu'},
): EvaluationContext {
	return {
		parameters,
		parameterTypes: {Threshold: 'Float', Region: 'String'},
		execution: {},
		stepProperty: () => undefined,
		readPropertyFile: (step, file, path) =>
			step === 'Eval' && file === 'Metrics' ? values[path.join('.')] : undefined,
	};
}

describe('describeGate', () => {
	test('only the conditions that did not hold are shown for the else branch, with the relation that held', () => {
		const {definition, fail} = gated([
			{Type: 'GreaterThanOrEqualTo', LeftValue: accuracy, RightValue: {Get: 'Parameters.Threshold'}},
			{Type: 'Equals', LeftValue: {Get: 'Parameters.Region'}, RightValue: 'eu'},
		]);
		expect(describeGate(definition, fail, false, context({'metrics.accuracy': 0.71}))).toEqual({
			step: 'Check',
			branch: 'else',
			outcome: false,
			text: "Check: metrics.accuracy 0.71 < Threshold 0.80 (from Eval's metrics.json)",
		});
	});

	test('a Fail step in the if branch shows every condition as it held', () => {
		const {definition, fail} = gated(
			[
				{Type: 'In', QueryValue: {Get: 'Parameters.Region'}, Values: ['eu', 'us']},
				{Type: 'Not', Condition: {Type: 'LessThan', LeftValue: accuracy, RightValue: 0.5}},
				{
					Type: 'Or',
					Conditions: [
						{Type: 'NotEquals', LeftValue: 1, RightValue: 1},
						{Type: 'NotIn', QueryValue: 'x', Values: ['y']},
					],
				},
			],
			'IfSteps',
		);
		expect(describeGate(definition, fail, true, context({'metrics.accuracy': 0.9}))?.text).toBe(
			'Check: Region "eu" in ["eu", "us"] and not (metrics.accuracy 0.9 >= 0.5) and (1 = 1 or "x" not in ["y"]) (from Eval\'s metrics.json)',
		);
	});

	test('the real notebook definition: MSE above the threshold', () => {
		const {definition} = parseDefinition(readFixture('abalone-examples-notebook.json'));
		const fail = definition?.steps.find((step) => step.type === 'Fail') as StepDefinition;
		const gate = describeGate(definition as PipelineDefinition, fail, false, {
			parameters: {MseThreshold: 6},
			parameterTypes: {MseThreshold: 'Float'},
			execution: {},
			stepProperty: () => undefined,
			readPropertyFile: () => 7.2,
		});
		expect(gate?.text).toBe(
			"AbaloneMSECond: regression_metrics.mse.value 7.2 > MseThreshold 6.0 (from AbaloneEval's evaluation.json)",
		);
	});

	test('a top-level Fail step has no gate', () => {
		const {definition} = parseDefinition({
			Steps: [{Name: 'Gate', Type: 'Fail', Arguments: {ErrorMessage: 'x'}}],
		});
		const fail = definition?.steps[0] as StepDefinition;
		expect(describeGate(definition as PipelineDefinition, fail, undefined, context({}))).toBeUndefined();
	});
});
