// What a person reads when an AWS call fails: the kind, and one sentence naming the fix where there is one.
import {
	ConflictException,
	ResourceLimitExceeded,
	ResourceNotFound,
	SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import {describe, expect, it} from 'vitest';
import {normalizeAwsError} from '../../source/aws/errors.js';
import {AwsError} from '../../source/aws/types.js';

const $metadata = {httpStatusCode: 400};

function serviceError(name: string, message: string, status = 400) {
	return new SageMakerServiceException({
		name,
		message,
		$fault: 'client',
		$metadata: {httpStatusCode: status},
	});
}

function socketError(code: string, message: string) {
	return Object.assign(new Error(message), {code});
}

describe('normalizeAwsError', () => {
	it('keeps the service sentence for a missing resource', () => {
		const error = normalizeAwsError(
			new ResourceNotFound({message: 'Pipeline MyPipe does not exist', $metadata}),
		);
		expect(error).toBeInstanceOf(AwsError);
		expect(error).toMatchObject({
			kind: 'NotFound',
			message: 'Pipeline MyPipe does not exist.',
			code: 'ResourceNotFound',
		});
	});

	it("treats moto's not-found validation errors as NotFound and drops botocore's doubled prefix", () => {
		const error = normalizeAwsError(
			serviceError(
				'ValidationException',
				'An error occurred (ValidationException) when calling the DescribePipeline operation: Could not find pipeline with PipelineName X.',
			),
		);
		expect(error).toMatchObject({kind: 'NotFound', message: 'Could not find pipeline with PipelineName X.'});
	});

	it('names the fix for throttling past the retries', () => {
		const error = normalizeAwsError(serviceError('ThrottlingException', 'Rate exceeded'));
		expect(error.kind).toBe('Throttled');
		expect(error.message).toBe(
			'AWS kept throttling the requests (Rate exceeded) even after retries: wait a little, or poll less often with --interval.',
		);
	});

	it('names the login command for expired credentials', () => {
		const error = normalizeAwsError(
			serviceError('ExpiredTokenException', 'The security token included in the request is expired'),
			{profile: 'prod'},
		);
		expect(error).toMatchObject({
			kind: 'ExpiredCredentials',
			message:
				'Your AWS credentials have expired: refresh them (aws sso login --profile prod) and try again.',
		});
	});

	it('tells how to get credentials when there are none', () => {
		const missing = Object.assign(new Error('Could not load credentials from any providers'), {
			name: 'CredentialsProviderError',
		});
		expect(normalizeAwsError(missing)).toMatchObject({
			kind: 'NoCredentials',
			message: expect.stringContaining('run "aws configure" or "aws sso login"'),
		});
	});

	it('says which endpoint could not be reached', () => {
		const refused = socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1');
		expect(normalizeAwsError(refused, {endpoint: 'http://127.0.0.1:1'})).toMatchObject({
			kind: 'Network',
			message: 'Could not reach http://127.0.0.1:1 (ECONNREFUSED): check your network and --endpoint-url.',
		});
		expect(normalizeAwsError(Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'})).kind).toBe(
			'Network',
		);
		expect(normalizeAwsError(Object.assign(new Error('timed out'), {name: 'TimeoutError'})).kind).toBe(
			'Network',
		);
	});

	it('maps access, conflict, limit and validation errors', () => {
		expect(
			normalizeAwsError(serviceError('AccessDeniedException', 'User: x is not authorized', 403)),
		).toMatchObject({
			kind: 'AccessDenied',
			message:
				'Access denied: User: x is not authorized. Check the IAM permissions of the credentials in use.',
		});
		expect(normalizeAwsError(new ConflictException({message: 'Pipeline is busy', $metadata})).kind).toBe(
			'Conflict',
		);
		expect(normalizeAwsError(new ResourceLimitExceeded({message: 'Too many', $metadata})).kind).toBe(
			'LimitExceeded',
		);
		expect(normalizeAwsError(serviceError('ValidationException', 'Bad value')).kind).toBe('Validation');
	});

	it('makes service text safe for a terminal', () => {
		const error = normalizeAwsError(serviceError('ValidationException', 'Bad \u001b[31mred\u001b[0m value'));
		expect(error.message).toBe('Bad ^[[31mred^[[0m value.');
	});

	it('passes an AwsError through unchanged', () => {
		const original = new AwsError('NoRegion', 'No AWS region.');
		expect(normalizeAwsError(original)).toBe(original);
	});
});
