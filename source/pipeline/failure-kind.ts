// Sorts a failed step into the kind of failure that decides what to do next: retry it, fix the code, look at the
// gate that stopped it, or resume what someone stopped.

export type FailureKind = 'transient' | 'code' | 'gate' | 'stopped';

/**
 * Reasons the service gives when retrying as-is can succeed: no capacity, throttling, an internal error, an account
 * limit, or its own "Please retry". The step-level text for a limit starts with "ClientError:" but ends with the
 * exception type (`No retry policy configured for the exception type SAGEMAKER_RESOURCE_LIMIT`), so these are
 * looked for anywhere in the text and win over the `ClientError` prefix.
 */
const transientPatterns: RegExp[] = [
	/\bCapacityError\b/,
	/\bInsufficientCapacity/i,
	/\bThrottlingException\b/,
	/\bThrottl(?:ed|ing)\b/,
	/\bRate exceeded\b/i,
	/\bInternalServerError\b/,
	/\bInternalFailure\b/,
	/\bInternalError\b/,
	/\bServiceUnavailable\b/,
	/\bResourceLimitExceeded\b/,
	/\bSAGEMAKER_RESOURCE_LIMIT\b/,
	/\bJOB_INTERNAL_ERROR\b/,
	/\bCAPACITY_ERROR\b/,
	/\bSERVICE_FAULT\b/,
	/\bPlease retry\b/i,
];

/** True when any of the texts (step reason, job reason, exit message) names a cause worth retrying as-is. */
export function isTransientFailure(texts: Array<string | undefined>): boolean {
	return texts.some((text) => text !== undefined && transientPatterns.some((pattern) => pattern.test(text)));
}

/**
 * The kind of one failed or stopped step: `gate` for a Fail step, `stopped` for a step that was stopped,
 * `transient` when a reason names a retryable cause, `code` for everything else a job or step reports
 * (AlgorithmError, ClientError, a Lambda's error, an expression that could not be evaluated).
 */
export function classifyFailure(step: {
	type: string;
	stopped: boolean;
	reasons: Array<string | undefined>;
}): FailureKind {
	if (step.type === 'Fail') return 'gate';
	if (step.stopped) return 'stopped';
	return isTransientFailure(step.reasons) ? 'transient' : 'code';
}
