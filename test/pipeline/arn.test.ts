import {describe, expect, it} from 'vitest';
import {
	executionIdOf,
	isExecutionArn,
	lastSegmentOf,
	parseExecutionArn,
	pipelineNameOf,
	regionOfArn,
} from '../../source/pipeline/arn.js';

const execution = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/AbalonePipeline/execution/k2v8x1q9a0bc';

describe('SageMaker ARNs', () => {
	it('splits an execution ARN into region, pipeline and id', () => {
		expect(parseExecutionArn(execution)).toEqual({
			region: 'eu-west-1',
			pipelineName: 'AbalonePipeline',
			executionId: 'k2v8x1q9a0bc',
		});
		expect(isExecutionArn(execution)).toBe(true);
		expect(executionIdOf(execution)).toBe('k2v8x1q9a0bc');
	});

	it('refuses what is not an execution ARN', () => {
		expect(
			parseExecutionArn('arn:aws:sagemaker:eu-west-1:123456789012:pipeline/AbalonePipeline'),
		).toBeUndefined();
		expect(isExecutionArn('AbalonePipeline')).toBe(false);
		expect(isExecutionArn(`${execution}/extra`)).toBe(false);
	});

	it('reads the pipeline name from pipeline and execution ARNs, and keeps a bare name', () => {
		expect(pipelineNameOf('arn:aws:sagemaker:us-east-1:123456789012:pipeline/abalone')).toBe('abalone');
		expect(pipelineNameOf(execution)).toBe('AbalonePipeline');
		expect(pipelineNameOf('AbalonePipeline')).toBe('AbalonePipeline');
	});

	it('reads the region, and none from a name or an ARN without one', () => {
		expect(regionOfArn(execution)).toBe('eu-west-1');
		expect(regionOfArn('arn:aws-cn:sagemaker:cn-north-1:123456789012:pipeline/p')).toBe('cn-north-1');
		expect(regionOfArn('arn:aws:sagemaker::123456789012:pipeline/p')).toBeUndefined();
		expect(regionOfArn('AbalonePipeline')).toBeUndefined();
	});

	it('takes the resource name at the end of a job ARN', () => {
		expect(lastSegmentOf('arn:aws:sagemaker:us-east-1:123456789012:training-job/pipelines-abc-Train')).toBe(
			'pipelines-abc-Train',
		);
	});
});
