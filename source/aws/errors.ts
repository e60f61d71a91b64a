// Turns whatever the AWS SDK (or the network under it) throws into an AwsError with one sentence for a person.
import {sanitizeText} from '../pipeline/sanitize.js';
import {AwsError, type AwsErrorKind} from './types.js';

/** What the caller knows that makes a message more useful: which profile, which endpoint. */
export type ErrorHints = {profile?: string; endpoint?: string};

const notFoundCodes = new Set([
	'ResourceNotFound',
	'ResourceNotFoundException',
	'NoSuchKey',
	'NoSuchBucket',
	'NotFound',
]);
const throttledCodes = new Set([
	'ThrottlingException',
	'Throttling',
	'TooManyRequestsException',
	'RequestLimitExceeded',
	'SlowDown',
	'ProvisionedThroughputExceededException',
	'RequestThrottled',
	'RequestThrottledException',
]);
const accessDeniedCodes = new Set([
	'AccessDenied',
	'AccessDeniedException',
	'UnauthorizedOperation',
	'UnrecognizedClientException',
	'InvalidClientTokenId',
	'InvalidAccessKeyId',
	'SignatureDoesNotMatch',
	'IncompleteSignature',
	'MissingAuthenticationToken',
	'AllAccessDisabled',
]);
const expiredCodes = new Set([
	'ExpiredTokenException',
	'ExpiredToken',
	'RequestExpired',
	'TokenRefreshRequired',
	'InvalidGrantException',
]);
const networkCodes = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPIPE',
	'ECONNABORTED',
]);
const networkNames = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/** Maps any thrown value to an AwsError; an AwsError passes through unchanged. */
export function normalizeAwsError(error: unknown, hints: ErrorHints = {}): AwsError {
	if (error instanceof AwsError) return error;
	const {name, code, message, status} = readError(error);
	if (/Deserialization error/.test(message)) return unreadableResponse(error, hints);
	const kind = classify(name, code, stripSdkPrefix(message), status);
	return new AwsError(kind, describe(kind, name, code, message, hints), name === 'Error' ? code : name);
}

/** The server answered, but not in the service's protocol (an HTML error page, a proxy, the wrong port). */
function unreadableResponse(error: unknown, hints: ErrorHints): AwsError {
	const response = (error as {$response?: {statusCode?: unknown}}).$response;
	const status = typeof response?.statusCode === 'number' ? ` (HTTP ${response.statusCode})` : '';
	const where = hints.endpoint ? sanitizeText(hints.endpoint) : 'AWS';
	const advice = hints.endpoint
		? 'check that --endpoint-url points at a SageMaker-compatible server that supports this call'
		: 'try again, and check for a proxy between you and AWS';
	return new AwsError(
		'Unknown',
		`${where} answered with something that is not a service response${status}: ${advice}.`,
		'UnreadableResponse',
	);
}

function readError(error: unknown): {name: string; code?: string; message: string; status?: number} {
	if (typeof error !== 'object' || error === null) return {name: 'Error', message: String(error)};
	const record = error as {
		name?: unknown;
		code?: unknown;
		Code?: unknown;
		message?: unknown;
		$metadata?: {httpStatusCode?: unknown};
		cause?: unknown;
	};
	const name = typeof record.name === 'string' ? record.name : 'Error';
	let code =
		typeof record.code === 'string' ? record.code : typeof record.Code === 'string' ? record.Code : undefined;
	// Node's fetch and some handlers wrap the socket error; the code that matters sits on the cause.
	if (code === undefined && typeof record.cause === 'object' && record.cause !== null) {
		const cause = record.cause as {code?: unknown};
		if (typeof cause.code === 'string') code = cause.code;
	}

	const message = typeof record.message === 'string' ? record.message : '';
	const status =
		typeof record.$metadata?.httpStatusCode === 'number' ? record.$metadata.httpStatusCode : undefined;
	return {name, code, message, status};
}

function classify(name: string, code: string | undefined, message: string, status?: number): AwsErrorKind {
	const lower = message.toLowerCase();
	if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
		return /expired|refresh/.test(lower) ? 'ExpiredCredentials' : 'NoCredentials';
	}

	if (expiredCodes.has(name) || /token (has|is) expired|security token .*expired|expired token/.test(lower)) {
		return 'ExpiredCredentials';
	}

	if (/region is missing|missing region/.test(lower)) return 'NoRegion';
	if (notFoundCodes.has(name) || /^could not find /.test(lower)) return 'NotFound';
	if (throttledCodes.has(name) || /rate exceeded/.test(lower)) return 'Throttled';
	if (accessDeniedCodes.has(name) || status === 403) return 'AccessDenied';
	if (name === 'ConflictException' || name === 'ResourceInUse') return 'Conflict';
	if (
		name === 'ResourceLimitExceeded' ||
		name === 'LimitExceededException' ||
		name === 'ServiceQuotaExceededException'
	) {
		return 'LimitExceeded';
	}

	if (name === 'ValidationException' || name === 'InvalidParameterValue' || name === 'InvalidRequest')
		return 'Validation';
	if (
		(code !== undefined && networkCodes.has(code)) ||
		networkNames.has(name) ||
		/socket hang up/.test(lower)
	) {
		return 'Network';
	}

	if (status === 404) return 'NotFound';
	return 'Unknown';
}

function describe(
	kind: AwsErrorKind,
	name: string,
	code: string | undefined,
	raw: string,
	hints: ErrorHints,
): string {
	const service = sentence(stripSdkPrefix(raw));
	const profile = hints.profile ? ` --profile ${hints.profile}` : '';
	switch (kind) {
		case 'NotFound':
			return service || 'The resource does not exist.';
		case 'Validation':
			return service || 'The service rejected the request as invalid.';
		case 'Conflict':
			return `${service || 'The resource is changing right now.'} Try again in a moment.`;
		case 'LimitExceeded':
			return `${service || 'An AWS resource limit was reached.'} Wait for running work to finish or ask for a higher quota.`;
		case 'Throttled':
			return `AWS kept throttling the requests (${service.replace(/\.$/, '') || name}) even after retries: wait a little, or poll less often with --interval.`;
		case 'AccessDenied':
			return `Access denied: ${service || `${name}.`} Check the IAM permissions of the credentials in use${hints.profile ? ` (profile ${hints.profile})` : ''}.`;
		case 'ExpiredCredentials':
			return `Your AWS credentials have expired: refresh them (aws sso login${profile}) and try again.`;
		case 'NoCredentials':
			return `No AWS credentials found${hints.profile ? ` for profile ${hints.profile}` : ''}: run "aws configure" or "aws sso login${profile}", set AWS_PROFILE, or use --local.`;
		case 'NoRegion':
			return 'No AWS region: pass --region, set AWS_REGION, or set a region in ~/.aws/config (or use --local).';
		case 'Network': {
			const where = hints.endpoint ? ` ${sanitizeText(hints.endpoint)}` : ' AWS';
			const why = code ?? (service.replace(/\.$/, '') || name);
			return `Could not reach${where} (${why}): check your network${hints.endpoint ? ' and --endpoint-url' : ''}.`;
		}
		default:
			return service || `${name}: the AWS call failed.`;
	}
}

/** moto doubles the botocore prefix ("An error occurred (X) when calling the Y operation: ..."); keep the message. */
function stripSdkPrefix(message: string): string {
	return message.replace(/^(An error occurred \([^)]*\) when calling the \w+ operation: )+/, '');
}

function sentence(message: string): string {
	const clean = sanitizeText(message).trim();
	if (clean === '') return '';
	return /[.!?]$/.test(clean) ? clean : `${clean}.`;
}
