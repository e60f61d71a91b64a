// A step's RetryPolicies, applied as the service applies them: a failed attempt whose exception type a policy
// lists is tried again after IntervalSeconds × BackoffRate^n (n counts that policy's earlier retries), until
// MaxAttempts retries were made or ExpireAfterMin minutes passed since the step began. Failure reasons follow
// the service's wording for a step no policy lets retry.
import {isRecord} from '../../pipeline/expressions.js';
import type {StepDefinition} from '../../pipeline/model.js';

/** The exception types the service names in a RetryPolicy. */
export const retryExceptionTypes = [
	'Step.SERVICE_FAULT',
	'Step.THROTTLING',
	'SageMaker.JOB_INTERNAL_ERROR',
	'SageMaker.CAPACITY_ERROR',
	'SageMaker.RESOURCE_LIMIT',
	'Emr.RESOURCE_LIMIT',
] as const;

export type RetryExceptionType = (typeof retryExceptionTypes)[number];

type RetryPolicy = {
	exceptionTypes: string[];
	intervalSeconds: number;
	backoffRate: number;
	maxAttempts?: number;
	expireAfterMinutes?: number;
};

export type RetryDecision = {retry: true; delaySeconds: number} | {retry: false; reason: string};

/**
 * Whether a failed attempt is tried again. `retriesSoFar` counts this step's earlier retries for the same policy;
 * `secondsSinceFirstStart` is simulated time since the step's first attempt began.
 */
export function decideRetry(
	step: StepDefinition,
	exceptionType: RetryExceptionType,
	retriesSoFar: number,
	secondsSinceFirstStart: number,
): RetryDecision {
	const policy = policiesOf(step).find((candidate) => candidate.exceptionTypes.includes(exceptionType));
	const code = exceptionType.replace('.', '_').toUpperCase();
	if (!policy) return {retry: false, reason: `No retry policy configured for the exception type ${code}.`};
	if (policy.maxAttempts !== undefined && retriesSoFar >= policy.maxAttempts) {
		return {
			retry: false,
			reason: `Retry attempts exhausted: the retry policy for the exception type ${code} allows ${policy.maxAttempts} attempts.`,
		};
	}

	const delaySeconds = policy.intervalSeconds * policy.backoffRate ** retriesSoFar;
	if (
		policy.expireAfterMinutes !== undefined &&
		secondsSinceFirstStart + delaySeconds > policy.expireAfterMinutes * 60
	) {
		return {
			retry: false,
			reason: `Retry attempts expired: the retry policy for the exception type ${code} expires after ${policy.expireAfterMinutes} minutes.`,
		};
	}

	return {retry: true, delaySeconds};
}

/** The service's FailureReason for a job step that failed with one of the retryable exception types. */
export function exceptionFailureReason(
	step: StepDefinition,
	executionArn: string,
	exceptionType: RetryExceptionType,
	why: string,
): string {
	const details: Record<RetryExceptionType, string> = {
		'SageMaker.CAPACITY_ERROR':
			'InsufficientCapacityError: There is not enough capacity to fulfill the request.',
		'SageMaker.RESOURCE_LIMIT':
			'ResourceLimitExceeded: The account-level service limit for the instance type is exceeded.',
		'SageMaker.JOB_INTERNAL_ERROR': 'InternalServerError: An internal error occurred in the job.',
		'Step.SERVICE_FAULT': 'InternalFailure: The service encountered an internal error.',
		'Step.THROTTLING': 'ThrottlingException: Rate exceeded.',
		'Emr.RESOURCE_LIMIT': 'ResourceLimitExceeded: The EMR cluster has reached its step limit.',
	};
	const action = createActionOf(step.type);
	return `ClientError: Failed to invoke ${action}. Error Details: ${details[exceptionType]}\nRetry not appropriate on execution of step with PipelineExecutionArn ${executionArn} and StepId ${step.name}. ${why}`;
}

function createActionOf(type: string): string {
	const actions: Record<string, string> = {
		Processing: 'sagemaker:CreateProcessingJob',
		Training: 'sagemaker:CreateTrainingJob',
		Transform: 'sagemaker:CreateTransformJob',
		Tuning: 'sagemaker:CreateHyperParameterTuningJob',
		AutoML: 'sagemaker:CreateAutoMLJobV2',
		Model: 'sagemaker:CreateModel',
		RegisterModel: 'sagemaker:CreateModelPackage',
		EMR: 'elasticmapreduce:AddJobFlowSteps',
	};
	return actions[type] ?? `the ${type} step's service`;
}

function policiesOf(step: StepDefinition): RetryPolicy[] {
	const raw = step.raw.RetryPolicies;
	if (!Array.isArray(raw)) return [];
	return raw.filter(isRecord).map((policy) => {
		const types = Array.isArray(policy.ExceptionType)
			? policy.ExceptionType
			: [policy.ExceptionType].filter((type) => type !== undefined);
		const number = (value: unknown, fallback?: number) =>
			typeof value === 'number' && Number.isFinite(value) ? value : fallback;
		return {
			exceptionTypes: types.filter((type): type is string => typeof type === 'string'),
			intervalSeconds: number(policy.IntervalSeconds, 1)!,
			backoffRate: number(policy.BackoffRate, 2)!,
			maxAttempts: number(policy.MaxAttempts),
			expireAfterMinutes: number(policy.ExpireAfterMin),
		};
	});
}
