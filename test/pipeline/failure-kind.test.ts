import {describe, expect, test} from 'vitest';
import {classifyFailure, isTransientFailure} from '../../source/pipeline/failure-kind.js';

const job = (reason: string) =>
	classifyFailure({type: 'Training', stopped: false, reasons: [undefined, reason]});

describe('classifyFailure', () => {
	test('reasons the service gives for retryable causes are transient', () => {
		for (const reason of [
			'CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.',
			'ThrottlingException: Rate exceeded',
			'InternalServerError: We encountered an internal error. Please try again.',
			'InternalFailure',
			'ResourceLimitExceeded: The account-level service limit is 0 Instances',
			'ClientError: Failed to invoke sagemaker:CreateProcessingJob. No retry policy configured for the exception type SAGEMAKER_RESOURCE_LIMIT.',
			'Something went wrong on our side. Please retry.',
		]) {
			expect(job(reason), reason).toBe('transient');
		}
	});

	test('errors from the job or its inputs are code', () => {
		for (const reason of [
			'AlgorithmError: See job logs for more information',
			'ClientError: Data download failed: NoSuchKey',
			'ClientError: Failed to invoke sagemaker:CreateTrainingJob. Retry not appropriate on execution of step.',
			'Lambda function failed with an unhandled error',
		]) {
			expect(job(reason), reason).toBe('code');
		}

		expect(classifyFailure({type: 'Lambda', stopped: false, reasons: []})).toBe('code');
	});

	test('a Fail step is a gate and a stopped step is stopped, whatever the texts say', () => {
		expect(classifyFailure({type: 'Fail', stopped: false, reasons: ['CapacityError']})).toBe('gate');
		expect(classifyFailure({type: 'Training', stopped: true, reasons: ['CapacityError']})).toBe('stopped');
	});

	test('an exit message or status message can carry the cause too', () => {
		expect(isTransientFailure([undefined, 'AlgorithmError: x', 'InternalServerError from S3'])).toBe(true);
		expect(isTransientFailure([undefined, 'AlgorithmError: x'])).toBe(false);
	});
});
