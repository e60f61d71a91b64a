// Where a job's logs live: the group per kind, the stream prefix, the instance tag of a stream name, and the
// job behind a step's Metadata.
import {describe, expect, it} from 'vitest';
import {
	instanceOfStream,
	jobOfStepMetadata,
	logGroupOf,
	logStreamPrefixOf,
} from '../../source/pipeline/job-log-names.js';

describe('job log names', () => {
	it('names the group and stream prefix as the service does', () => {
		expect(logGroupOf('training')).toBe('/aws/sagemaker/TrainingJobs');
		expect(logGroupOf('processing')).toBe('/aws/sagemaker/ProcessingJobs');
		expect(logGroupOf('transform')).toBe('/aws/sagemaker/TransformJobs');
		expect(logStreamPrefixOf('pipelines-abc-Train-x1')).toBe('pipelines-abc-Train-x1/');
	});

	it('tags streams with their instance', () => {
		expect(instanceOfStream('job/algo-2-1680535238')).toBe('algo-2');
		expect(instanceOfStream('job/algo-1-1680535238/ssm')).toBe('algo-1/ssm');
		expect(instanceOfStream('job/i-0123456789abcdef0')).toBe('i-0123456789abcdef0');
	});

	it('finds the job in a step’s Metadata, and nothing for steps without one', () => {
		expect(
			jobOfStepMetadata({
				TrainingJob: {Arn: 'arn:aws:sagemaker:us-east-1:1:training-job/pipelines-a-Train-b'},
			}),
		).toEqual({kind: 'training', name: 'pipelines-a-Train-b'});
		expect(jobOfStepMetadata({TransformJob: {Arn: 'arn:aws:sagemaker:us-east-1:1:transform-job/t'}})).toEqual(
			{
				kind: 'transform',
				name: 't',
			},
		);
		expect(jobOfStepMetadata({Condition: {Outcome: 'True'}})).toBeUndefined();
		expect(jobOfStepMetadata(undefined)).toBeUndefined();
	});
});
