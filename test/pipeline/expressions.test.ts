import {describe, expect, test} from 'vitest';
import {
	type EvaluationContext,
	EvaluationError,
	evaluate,
	findReferences,
	isExpression,
	joinValue,
	locateReferences,
} from '../../source/pipeline/expressions.js';
import {getByPath} from '../../source/pipeline/property-path.js';

const processingDescription = {
	ProcessingJobName: 'pipelines-abc-AbaloneEval-x1',
	ProcessingOutputConfig: {
		Outputs: [
			{OutputName: 'train', S3Output: {S3Uri: 's3://bucket/train'}},
			{OutputName: 'evaluation', S3Output: {S3Uri: 's3://bucket/evaluation'}},
		],
	},
};

const files: Record<string, unknown> = {
	'AbaloneEval/EvaluationReport': {regression_metrics: {mse: {value: 4.25, standard_deviation: 0.5}}},
};

function context(overrides: Partial<EvaluationContext> = {}): EvaluationContext {
	return {
		parameters: {MseThreshold: 6, Epochs: 3, Approve: true, Status: 'PendingManualApproval'},
		parameterTypes: {MseThreshold: 'Float', Epochs: 'Integer', Approve: 'Boolean', Status: 'String'},
		execution: {
			PipelineExecutionId: 'd84ewltjmxhe',
			PipelineName: 'AbalonePipeline',
			StartDateTime: '2026-11-24T13:05:12Z',
		},
		experimentConfig: {ExperimentName: 'abalonepipeline', TrialName: 'd84ewltjmxhe'},
		stepProperty: (step, path) =>
			step === 'AbaloneEval'
				? getByPath(processingDescription, path)
				: step === 'Cond'
					? getByPath({Outcome: false}, path)
					: undefined,
		readPropertyFile: (step, file, jsonPath) => getByPath(files[`${step}/${file}`], jsonPath),
		readJsonObject: (uri, jsonPath) =>
			uri === 's3://bucket/results.json' ? getByPath({score: [0.1, 0.9]}, jsonPath) : undefined,
		...overrides,
	};
}

describe('isExpression', () => {
	test('only a dict whose single key is Get, Std:Join or Std:JsonGet', () => {
		expect(isExpression({Get: 'Parameters.A'})).toBe(true);
		expect(isExpression({'Std:Join': {On: '', Values: []}})).toBe(true);
		expect(isExpression({'Std:JsonGet': {}})).toBe(true);
		expect(isExpression({Get: 'Parameters.A', Other: 1})).toBe(false);
		expect(isExpression({Std: 1})).toBe(false);
		expect(isExpression([{Get: 'x'}])).toBe(false);
		expect(isExpression('Parameters.A')).toBe(false);
		expect(isExpression(null)).toBe(false);
	});
});

describe('findReferences', () => {
	test('finds every form, deep inside objects and lists, in document order', () => {
		const value = {
			Image: 'literal',
			Environment: {Epochs: {Get: 'Parameters.Epochs'}},
			Tags: [{Key: 'run', Value: {Get: 'Execution.PipelineExecutionId'}}],
			Experiment: {Get: 'PipelineExperimentConfig.ExperimentName'},
			Model: {Get: 'Steps.AbaloneTrain.ModelArtifacts.S3ModelArtifacts'},
			Output: {Get: "Steps.MyCallbackStep1.OutputParameters['output1']"},
			Bare: {Get: 'Steps.Cond'},
			Joined: {'Std:Join': {On: ' ', Values: ['MSE >', {Get: 'Parameters.MseThreshold'}]}},
			Metric: {
				'Std:JsonGet': {PropertyFile: {Get: 'Steps.AbaloneEval.PropertyFiles.EvaluationReport'}, Path: 'mse'},
			},
			FromS3: {'Std:JsonGet': {S3Uri: {Get: 'Steps.Fn.OutputParameters["uri"]'}, Path: 'score'}},
		};
		expect(findReferences(value)).toEqual([
			{kind: 'parameter', name: 'Epochs'},
			{kind: 'execution', variable: 'PipelineExecutionId'},
			{kind: 'experimentConfig', key: 'ExperimentName'},
			{kind: 'step', step: 'AbaloneTrain', path: 'ModelArtifacts.S3ModelArtifacts'},
			{kind: 'step', step: 'MyCallbackStep1', path: "OutputParameters['output1']"},
			{kind: 'step', step: 'Cond', path: ''},
			{kind: 'parameter', name: 'MseThreshold'},
			{kind: 'propertyFile', step: 'AbaloneEval', file: 'EvaluationReport'},
			{kind: 'step', step: 'Fn', path: 'OutputParameters["uri"]'},
		]);
	});

	test('says where each reference is', () => {
		expect(locateReferences({A: [{B: {Get: 'Parameters.X'}}]}, 'Steps[0].Arguments')).toEqual([
			{reference: {kind: 'parameter', name: 'X'}, path: 'Steps[0].Arguments.A[0].B.Get'},
		]);
	});

	test('ignores literals that only look like references', () => {
		expect(findReferences({Text: 'Steps.A.B', Get: 'Parameters.X', Other: 1})).toEqual([]);
	});
});

describe('evaluate', () => {
	test('resolves parameters, execution variables, experiment config and step properties inside a structure', () => {
		const value = {
			Epochs: {Get: 'Parameters.Epochs'},
			Id: {Get: 'Execution.PipelineExecutionId'},
			Trial: {Get: 'PipelineExperimentConfig.TrialName'},
			Uri: {Get: "Steps.AbaloneEval.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri"},
			List: [1, {Get: 'Parameters.Approve'}],
			Outcome: {Get: 'Steps.Cond.Outcome'},
		};
		expect(evaluate(value, context())).toEqual({
			Epochs: 3,
			Id: 'd84ewltjmxhe',
			Trial: 'd84ewltjmxhe',
			Uri: 's3://bucket/evaluation',
			List: [1, true],
			Outcome: false,
		});
	});

	test('Std:Join renders booleans lowercase and Float parameters with their decimal point, as the service does', () => {
		const message = {
			'Std:Join': {On: ' ', Values: ['Execution failed due to MSE >', {Get: 'Parameters.MseThreshold'}]},
		};
		expect(evaluate(message, context())).toBe('Execution failed due to MSE > 6.0');
		const outcome = {'Std:Join': {On: '', Values: ['condition returns: ', {Get: 'Steps.Cond.Outcome'}]}};
		expect(evaluate(outcome, context())).toBe('condition returns: false');
		const mixed = {'Std:Join': {On: '/', Values: ['s3:/', 'bucket', {Get: 'Parameters.Epochs'}, 2.5, true]}};
		expect(evaluate(mixed, context())).toBe('s3://bucket/3/2.5/true');
	});

	test('Std:JsonGet reads a property file of a step, and a JSON object by S3 URI', () => {
		const fromFile = {
			'Std:JsonGet': {
				PropertyFile: {Get: 'Steps.AbaloneEval.PropertyFiles.EvaluationReport'},
				Path: 'regression_metrics.mse.value',
			},
		};
		expect(evaluate(fromFile, context())).toBe(4.25);
		const fromUri = {
			'Std:JsonGet': {
				S3Uri: {'Std:Join': {On: '/', Values: ['s3://bucket', 'results.json']}},
				Path: 'score[1]',
			},
		};
		expect(evaluate(fromUri, context())).toBe(0.9);
	});

	test('fails with a clear EvaluationError when something cannot be resolved', () => {
		const attempt = (value: unknown, overrides?: Partial<EvaluationContext>) => {
			try {
				evaluate(value, context(overrides));
				return 'no error';
			} catch (error) {
				expect(error).toBeInstanceOf(EvaluationError);
				return (error as Error).message;
			}
		};

		expect(attempt({Get: 'Parameters.Missing'})).toBe("Parameter 'Missing' is undefined.");
		expect(attempt({Get: 'Execution.TrainingJobName'})).toBe(
			"Execution variable 'TrainingJobName' is not available here.",
		);
		expect(attempt({Get: 'Steps.AbaloneEval.Nope'})).toBe("Step 'AbaloneEval' has no property 'Nope'.");
		expect(attempt({Get: 'Nonsense'})).toBe('Cannot resolve "Nonsense": not a known reference');
		expect(
			attempt({
				'Std:JsonGet': {PropertyFile: {Get: 'Steps.AbaloneEval.PropertyFiles.EvaluationReport'}, Path: 'a.b'},
			}),
		).toBe("Property file 'EvaluationReport' of step 'AbaloneEval' has no value at 'a.b'.");
		expect(attempt({'Std:JsonGet': {S3Uri: 's3://x/y.json', Path: 'a'}}, {readJsonObject: undefined})).toBe(
			'Cannot read s3://x/y.json: no S3 access here.',
		);
		expect(attempt({'Std:Join': {On: 1, Values: []}})).toBe('Std:Join On must be a text');
	});
});

describe('joinValue', () => {
	test('renders values as the service does in Std:Join', () => {
		expect(joinValue(true)).toBe('true');
		expect(joinValue(false)).toBe('false');
		expect(joinValue(3, {float: true})).toBe('3.0');
		expect(joinValue(3)).toBe('3');
		expect(joinValue(0.25, {float: true})).toBe('0.25');
		expect(joinValue('text')).toBe('text');
		expect(joinValue(null)).toBe('null');
		expect(joinValue([1, 'a'])).toBe('[1,"a"]');
	});
});
