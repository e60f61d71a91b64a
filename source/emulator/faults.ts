// Fault injection for resilience tests: a share of SageMaker calls throttled, added latency, every SageMaker
// call failing with a credentials or access error, S3 access denied. Throttling draws from a seeded sequence.
import {accountId} from './arns.js';
import {seededRandom} from './random.js';
import {ServiceError} from './service-error.js';

export type FaultOptions = {
	/** Share (0..1) of SageMaker calls answered with ThrottlingException "Rate exceeded". */
	throttleRate?: number;
	/** Milliseconds added before every SageMaker and S3 answer. */
	latencyMs?: number;
	/** Every SageMaker call fails with this error. */
	failWith?: 'ExpiredTokenException' | 'AccessDeniedException' | 'UnrecognizedClientException';
	/** Every S3 call is answered 403 AccessDenied. */
	s3AccessDenied?: boolean;
	/** Every CloudWatch Logs call is answered AccessDeniedException (SageMaker still answers). */
	logsAccessDenied?: boolean;
};

const failures = ['ExpiredTokenException', 'AccessDeniedException', 'UnrecognizedClientException'] as const;

/** Checks options given from outside (flags, the control endpoint); returns the problems as sentences. */
export function checkFaultOptions(value: unknown): {faults?: FaultOptions; problems: string[]} {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return {problems: ['Faults must be a JSON object such as {"throttleRate": 0.5}.']};
	}

	const options = value as Record<string, unknown>;
	const problems: string[] = [];
	for (const key of Object.keys(options)) {
		if (!['throttleRate', 'latencyMs', 'failWith', 's3AccessDenied', 'logsAccessDenied'].includes(key))
			problems.push(`Unknown fault option '${key}'.`);
	}

	const {throttleRate, latencyMs, failWith, s3AccessDenied, logsAccessDenied} = options;
	if (
		throttleRate !== undefined &&
		(typeof throttleRate !== 'number' || !(throttleRate >= 0 && throttleRate <= 1))
	) {
		problems.push('throttleRate must be a number from 0 to 1.');
	}

	if (
		latencyMs !== undefined &&
		(typeof latencyMs !== 'number' || !(latencyMs >= 0 && latencyMs <= 600_000))
	) {
		problems.push('latencyMs must be a number of milliseconds from 0 to 600000.');
	}

	if (
		failWith !== undefined &&
		failWith !== null &&
		!failures.includes(failWith as (typeof failures)[number])
	) {
		problems.push(`failWith must be one of ${failures.join(', ')}.`);
	}

	if (s3AccessDenied !== undefined && typeof s3AccessDenied !== 'boolean')
		problems.push('s3AccessDenied must be true or false.');
	if (logsAccessDenied !== undefined && typeof logsAccessDenied !== 'boolean')
		problems.push('logsAccessDenied must be true or false.');
	if (problems.length > 0) return {problems};
	const faults: FaultOptions = {};
	if (throttleRate !== undefined) faults.throttleRate = throttleRate as number;
	if (latencyMs !== undefined) faults.latencyMs = latencyMs as number;
	if (failWith !== undefined && failWith !== null) faults.failWith = failWith as FaultOptions['failWith'];
	if (s3AccessDenied !== undefined) faults.s3AccessDenied = s3AccessDenied as boolean;
	if (logsAccessDenied !== undefined) faults.logsAccessDenied = logsAccessDenied as boolean;
	return {faults, problems};
}

export class FaultInjector {
	#options: FaultOptions = {};
	readonly #random;

	constructor(seed: number, options: FaultOptions = {}) {
		this.#random = seededRandom(seed ^ 0x5eed);
		this.#options = {...options};
	}

	set(options: FaultOptions): void {
		this.#options = {...options};
	}

	get latencyMs(): number {
		return this.#options.latencyMs ?? 0;
	}

	get s3AccessDenied(): boolean {
		return this.#options.s3AccessDenied === true;
	}

	get logsAccessDenied(): boolean {
		return this.#options.logsAccessDenied === true;
	}

	/** The error this SageMaker call must fail with, if any. */
	sageMakerFailure(operation: string): ServiceError | undefined {
		const {failWith, throttleRate} = this.#options;
		if (failWith === 'ExpiredTokenException') {
			return new ServiceError(
				'ExpiredTokenException',
				'The security token included in the request is expired',
			);
		}

		if (failWith === 'UnrecognizedClientException') {
			return new ServiceError(
				'UnrecognizedClientException',
				'The security token included in the request is invalid.',
			);
		}

		if (failWith === 'AccessDeniedException') {
			return new ServiceError(
				'AccessDeniedException',
				`User: arn:aws:iam::${accountId}:user/sagemon-local is not authorized to perform: sagemaker:${operation} because no identity-based policy allows the sagemaker:${operation} action`,
			);
		}

		if (throttleRate !== undefined && throttleRate > 0 && this.#random.next() < throttleRate) {
			return new ServiceError('ThrottlingException', 'Rate exceeded');
		}

		return undefined;
	}
}
