// CloudWatch Logs' JSON 1.1 wire format (`X-Amz-Target: Logs_20140328.<Operation>`): errors carry `__type` and a
// lower-case `message`, as the service writes them.
import {randomUUID} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';

export const logsTargetPrefix = 'Logs_20140328.';

export type LogsErrorCode =
	| 'ResourceNotFoundException'
	| 'InvalidParameterException'
	| 'ServiceUnavailableException'
	| 'ThrottlingException'
	| 'AccessDeniedException'
	| 'UnknownOperationException'
	| 'SerializationException';

export class LogsError extends Error {
	override name = 'LogsError';

	constructor(
		readonly code: LogsErrorCode,
		message: string,
		readonly status = code === 'ServiceUnavailableException' ? 503 : 400,
	) {
		super(message);
	}
}

export const missingGroup = () =>
	new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
export const missingStream = () =>
	new LogsError('ResourceNotFoundException', 'The specified log stream does not exist.');
export const invalidParameter = (message: string) => new LogsError('InvalidParameterException', message);

/** The Logs operation named by `X-Amz-Target`, or undefined when the request is not for CloudWatch Logs. */
export function logsOperationOf(request: IncomingMessage): string | undefined {
	const target = request.headers['x-amz-target'];
	if (typeof target !== 'string' || !target.startsWith(logsTargetPrefix)) return undefined;
	return target.slice(logsTargetPrefix.length);
}

export function writeLogsResult(response: ServerResponse, result: unknown): void {
	write(response, 200, JSON.stringify(result ?? {}));
}

export function writeLogsError(
	response: ServerResponse,
	error: {code: string; message: string; status: number},
): void {
	write(response, error.status, JSON.stringify({__type: error.code, message: error.message}), error.code);
}

function write(response: ServerResponse, status: number, body: string, errorType?: string): void {
	response.writeHead(status, {
		'content-type': 'application/x-amz-json-1.1',
		'content-length': Buffer.byteLength(body),
		'x-amzn-requestid': randomUUID(),
		...(errorType ? {'x-amzn-errortype': errorType} : {}),
	});
	response.end(body);
}
