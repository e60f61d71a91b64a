// S3's REST-XML wire details: XML documents and errors, aws-chunked bodies and Range headers.
import {randomUUID} from 'node:crypto';
import type {ServerResponse} from 'node:http';
import type {ObjectStorage} from './s3-store.js';

export function escapeXml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(character) => `&${{'&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos'}[character]};`,
	);
}

export function element(name: string, content: string | number | boolean | undefined): string {
	if (content === undefined) return '';
	return `<${name}>${typeof content === 'string' ? escapeXml(content) : String(content)}</${name}>`;
}

export function writeXml(
	response: ServerResponse,
	status: number,
	body: string,
	headers: Record<string, string> = {},
) {
	const document = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
	response.writeHead(status, {
		'content-type': 'application/xml',
		'content-length': Buffer.byteLength(document),
		'x-amz-request-id': requestId(),
		...headers,
	});
	response.end(document);
}

export class S3Error extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details: Record<string, string> = {},
	) {
		super(message);
	}
}

export function writeS3Error(response: ServerResponse, error: S3Error, method: string | undefined): void {
	if (method === 'HEAD') {
		response.writeHead(error.status, {'x-amz-request-id': requestId(), 'content-length': 0});
		response.end();
		return;
	}

	const details = Object.entries(error.details)
		.map(([name, value]) => element(name, value))
		.join('');
	writeXml(
		response,
		error.status,
		`<Error>${element('Code', error.code)}${element('Message', error.message)}${details}${element('RequestId', requestId())}</Error>`,
	);
}

function requestId(): string {
	return randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
}

/**
 * Decodes an `aws-chunked` body (`<hex size>[;chunk-signature=...]\r\n<bytes>\r\n ... 0\r\n<trailers>\r\n\r\n`),
 * which the SDKs send for streamed uploads with checksums.
 */
export function decodeAwsChunked(body: Buffer): Buffer {
	const parts: Buffer[] = [];
	let offset = 0;
	while (offset < body.length) {
		const lineEnd = body.indexOf('\r\n', offset);
		if (lineEnd === -1) break;
		const header = body.subarray(offset, lineEnd).toString('latin1');
		const size = Number.parseInt(header.split(';')[0]!, 16);
		if (!Number.isFinite(size))
			throw new S3Error(400, 'IncompleteBody', 'The aws-chunked request body is malformed.');
		if (size === 0) break;
		const start = lineEnd + 2;
		parts.push(body.subarray(start, start + size));
		offset = start + size + 2;
	}

	return Buffer.concat(parts);
}

export function isAwsChunked(headers: Record<string, string | string[] | undefined>): boolean {
	const encoding = String(headers['content-encoding'] ?? '');
	const sha = String(headers['x-amz-content-sha256'] ?? '');
	return encoding.split(',').some((part) => part.trim() === 'aws-chunked') || sha.startsWith('STREAMING-');
}

/** Parses `bytes=a-b`, `bytes=a-`, `bytes=-n` against a size; undefined = whole object; throws when unsatisfiable. */
export function parseRange(
	header: string | undefined,
	size: number,
): {start: number; end: number} | undefined {
	if (header === undefined) return undefined;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return undefined;
	let start: number;
	let end: number;
	if (match[1] === '') {
		const suffix = Number(match[2]);
		start = Math.max(0, size - suffix);
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}

	if (start >= size || end < start) {
		throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', {
			RangeRequested: header,
			ActualObjectSize: String(size),
		});
	}

	return {start, end};
}

export function isoTime(milliseconds: number): string {
	return new Date(milliseconds).toISOString();
}

export function requireBucket(storage: ObjectStorage, bucket: string): void {
	if (!storage.hasBucket(bucket)) {
		throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', {BucketName: bucket});
	}
}

export function notImplemented(what: string): S3Error {
	return new S3Error(
		501,
		'NotImplemented',
		`The sagemon emulator does not implement this S3 request (${what}).`,
	);
}
