import {describe, expect, it} from 'vitest';
import {executionArnOf, startExecutionInput} from '../../source/aws/start-execution-input.js';

describe('startExecutionInput', () => {
	it('sends the parameters, names and token of a plain start, with no selective config', () => {
		expect(
			startExecutionInput({
				pipelineName: 'Abalone',
				parameters: [{name: 'MseThreshold', value: '7'}],
				displayName: 'nightly',
				clientRequestToken: 'token-1',
			}),
		).toEqual({
			PipelineName: 'Abalone',
			PipelineParameters: [{Name: 'MseThreshold', Value: '7'}],
			PipelineExecutionDisplayName: 'nightly',
			PipelineExecutionDescription: undefined,
			ClientRequestToken: 'token-1',
		});
	});

	it('adds the source execution and the selected steps of a selective start', () => {
		const input = startExecutionInput({
			pipelineName: 'Abalone',
			parameters: [],
			selectedSteps: ['AbaloneTrain', 'AbaloneEval'],
			sourceExecutionArn: 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/abalone/execution/a1',
		});
		expect(input.SelectiveExecutionConfig).toEqual({
			SourcePipelineExecutionArn: 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/abalone/execution/a1',
			SelectedSteps: [{StepName: 'AbaloneTrain'}, {StepName: 'AbaloneEval'}],
		});
	});
});

describe('executionArnOf', () => {
	it('passes an ARN through and names the operation whose answer had none', () => {
		expect(executionArnOf('arn:x', 'StartPipelineExecution')).toBe('arn:x');
		expect(() => executionArnOf(undefined, 'SendPipelineExecutionStepSuccess')).toThrow(
			'The service answered SendPipelineExecutionStepSuccess without an execution ARN.',
		);
	});
});
