// The awsJson1_1 wire format of SageMaker: reading `X-Amz-Target` requests, writing results and errors.
import {randomUUID} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {ServiceError} from './service-error.js';

export const targetPrefix = 'SageMaker.';

/** The operation named by `X-Amz-Target`, or undefined when the header does not address SageMaker. */
export function operationOf(request: IncomingMessage): string | undefined {
	const target = request.headers['x-amz-target'];
	if (typeof target !== 'string' || !target.startsWith(targetPrefix)) return undefined;
	return target.slice(targetPrefix.length);
}

export function isJsonRpcRequest(request: IncomingMessage): boolean {
	return request.method === 'POST' && typeof request.headers['x-amz-target'] === 'string';
}

/** Parses a request body as the input structure; an empty body is `{}` as the SDKs send it. */
export function parseInput(body: Buffer): Record<string, unknown> {
	const text = body.toString('utf8').trim();
	if (text === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ServiceError('SerializationException', 'The request body is not valid JSON.');
	}

	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new ServiceError('SerializationException', 'The request body must be a JSON object.');
	}

	return value as Record<string, unknown>;
}

export function writeResult(response: ServerResponse, result: unknown): void {
	const body = JSON.stringify(result ?? {});
	response.writeHead(200, {
		'content-type': 'application/x-amz-json-1.1',
		'content-length': Buffer.byteLength(body),
		'x-amzn-requestid': randomUUID(),
	});
	response.end(body);
}

export function writeError(response: ServerResponse, error: ServiceError): void {
	const body = JSON.stringify({__type: error.code, Message: error.message});
	response.writeHead(error.status, {
		'content-type': 'application/x-amz-json-1.1',
		'content-length': Buffer.byteLength(body),
		'x-amzn-requestid': randomUUID(),
		'x-amzn-errortype': error.code,
	});
	response.end(body);
}

/** Wire timestamps are epoch seconds with a millisecond fraction. */
export function toEpochSeconds(milliseconds: number): number {
	return Math.round(milliseconds) / 1000;
}

/** Reads a timestamp member as the SDKs send it (epoch seconds, or an ISO 8601 string). */
export function fromWireTimestamp(value: unknown, member: string): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number') return value * 1000;
	if (typeof value === 'string') {
		const parsed = Date.parse(value);
		if (!Number.isNaN(parsed)) return parsed;
	}

	throw new ServiceError('SerializationException', `${member} must be a timestamp in epoch seconds.`);
}

/** The region of a SigV4-signed request (`Credential=AKID/20240101/us-east-1/sagemaker/aws4_request`). */
export function regionOf(request: IncomingMessage, fallback: string): string {
	const authorization = request.headers.authorization;
	const match =
		typeof authorization === 'string' ? /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(authorization) : null;
	return match?.[1] ?? fallback;
}
