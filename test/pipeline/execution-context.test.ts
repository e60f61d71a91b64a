import {describe, expect, test} from 'vitest';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {executionContext} from '../../source/pipeline/execution-context.js';
import {evaluate} from '../../source/pipeline/expressions.js';
import type {PipelineDefinition, StepDefinition} from '../../source/pipeline/model.js';
import {readFixture} from '../helpers/fixtures.js';

const definition = parseDefinition(readFixture('abalone-examples-notebook.json'))
	.definition as PipelineDefinition;
const pipelineArn = 'arn:aws:sagemaker:us-west-2:000000000000:pipeline/abalone-pipeline';
const execution = {arn: `${pipelineArn}/execution/k2x9q0a1b2c3`, pipelineArn};

describe('executionContext', () => {
	test("evaluates the Fail step's message with the execution's parameters, as the service did", () => {
		const fail = definition.steps.find((step) => step.type === 'Fail') as StepDefinition;
		const message = (fail.arguments as {ErrorMessage: unknown}).ErrorMessage;
		expect(evaluate(message, executionContext({execution, definition}))).toBe(
			'Execution failed due to MSE > 6.0',
		);
		const overridden = executionContext({
			execution,
			definition,
			parameters: [{name: 'MseThreshold', value: '4.25'}],
		});
		expect(evaluate(message, overridden)).toBe('Execution failed due to MSE > 4.25');
	});

	test('execution variables come from the ARNs; property files come from the caller', () => {
		const context = executionContext({
			execution,
			definition,
			readPropertyFile: (step, file, path) =>
				step === 'AbaloneEval' && file === 'EvaluationReport' ? path.length : undefined,
		});
		expect(context.execution).toEqual({
			PipelineExecutionArn: execution.arn,
			PipelineExecutionId: 'k2x9q0a1b2c3',
			PipelineName: 'abalone-pipeline',
			PipelineArn: pipelineArn,
		});
		expect(context.readPropertyFile('AbaloneEval', 'EvaluationReport', ['a', 'b'])).toBe(2);
		expect(
			executionContext({execution}).readPropertyFile('AbaloneEval', 'EvaluationReport', []),
		).toBeUndefined();
	});
});
