// S3 object requests beyond put/get/delete, as the AWS CLI and boto3 send them: CopyObject (`aws s3 cp` and
// `aws s3 mv` between S3 locations), the copy source of UploadPartCopy, Get/Put/DeleteObjectTagging, and the
// conditional headers (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since) answered 304/412.
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {ObjectStorage, StoredObject} from './s3-store.js';
import {element, isoTime, parseRange, S3Error, writeXml} from './s3-wire.js';

const namespace = 'http://s3.amazonaws.com/doc/2006-03-01/';

type Headers = IncomingMessage['headers'];

/** The characters S3 allows in tag keys and values. */
const tagText = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** `x-amz-copy-source` (`bucket/key` or `/bucket/key`, URL-encoded, maybe `?versionId=`) → the stored object. */
export function copySource(storage: ObjectStorage, headers: Headers): {object: StoredObject; bucket: string} {
	const raw = String(headers['x-amz-copy-source']);
	const path = decodeURIComponent(raw.split('?')[0]!.replace(/^\//, ''));
	const slash = path.indexOf('/');
	const bucket = slash === -1 ? path : path.slice(0, slash);
	const key = slash === -1 ? '' : path.slice(slash + 1);
	if (!storage.hasBucket(bucket)) {
		throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', {BucketName: bucket});
	}

	const object = storage.get(bucket, key);
	if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', {Key: key});
	const failed = preconditionOf(object, {
		ifMatch: headers['x-amz-copy-source-if-match'],
		ifNoneMatch: headers['x-amz-copy-source-if-none-match'],
		ifModifiedSince: headers['x-amz-copy-source-if-modified-since'],
		ifUnmodifiedSince: headers['x-amz-copy-source-if-unmodified-since'],
	});
	// A copy answers 412 for every failed condition on its source.
	if (failed) throw preconditionFailed(failed.header.replace('if', 'x-amz-copy-source-if'));
	return {object, bucket};
}

/** The part of the source an UploadPartCopy names (`x-amz-copy-source-range: bytes=a-b`), or all of it. */
export function copySourceRange(source: StoredObject, headers: Headers): Buffer {
	const header = headers['x-amz-copy-source-range'];
	const range = parseRange(typeof header === 'string' ? header : undefined, source.body.length);
	return range ? source.body.subarray(range.start, range.end + 1) : source.body;
}

export function copyObject(
	storage: ObjectStorage,
	request: IncomingMessage,
	response: ServerResponse,
	target: {bucket: string; key: string; metadata: Record<string, string>},
): void {
	const {object: source, bucket: sourceBucket} = copySource(storage, request.headers);
	const replaceMetadata = request.headers['x-amz-metadata-directive'] === 'REPLACE';
	const replaceTags = request.headers['x-amz-tagging-directive'] === 'REPLACE';
	if (sourceBucket === target.bucket && source.key === target.key && !replaceMetadata) {
		throw new S3Error(
			400,
			'InvalidRequest',
			"This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
		);
	}

	const stored = storage.put(target.bucket, target.key, Buffer.from(source.body), {
		contentType: replaceMetadata
			? (request.headers['content-type'] ?? 'binary/octet-stream')
			: source.contentType,
		metadata: replaceMetadata ? target.metadata : {...source.metadata},
		tags: replaceTags ? tagsFromHeader(request.headers['x-amz-tagging']) : {...source.tags},
		etag: source.etag,
	})!;
	writeXml(
		response,
		200,
		`<CopyObjectResult xmlns="${namespace}">${element('LastModified', isoTime(stored.lastModified))}${element('ETag', stored.etag)}</CopyObjectResult>`,
	);
}

/** GET, PUT and DELETE on `?tagging` of an object. */
export function objectTagging(
	method: string,
	object: StoredObject,
	body: Buffer,
	response: ServerResponse,
): void {
	if (method === 'GET') {
		const tags = Object.entries(object.tags)
			.map(([key, value]) => `<Tag>${element('Key', key)}${element('Value', value)}</Tag>`)
			.join('');
		writeXml(response, 200, `<Tagging xmlns="${namespace}"><TagSet>${tags}</TagSet></Tagging>`);
		return;
	}

	if (method === 'PUT') {
		const tags: Record<string, string> = {};
		for (const match of body.toString('utf8').matchAll(/<Tag>([\s\S]*?)<\/Tag>/g)) {
			const key = textOf(match[1]!, 'Key');
			if (key === undefined)
				throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed.');
			tags[key] = textOf(match[1]!, 'Value') ?? '';
		}

		for (const [key, value] of Object.entries(tags)) {
			if (key.length > 128 || value.length > 256 || !tagText.test(key) || !tagText.test(value)) {
				throw new S3Error(
					400,
					'InvalidTag',
					`The TagKey or TagValue you have provided is invalid: ${key}=${value}`,
				);
			}
		}

		if (Object.keys(tags).length > 10) {
			throw new S3Error(400, 'BadRequest', 'Object tags cannot be greater than 10');
		}

		object.tags = tags;
		response.writeHead(200, {'content-length': 0});
		response.end();
		return;
	}

	if (method === 'DELETE') {
		object.tags = {};
		response.writeHead(204);
		response.end();
		return;
	}

	throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
}

/** `x-amz-tagging: a=1&b=2` (URL-encoded) → tags. */
export function tagsFromHeader(header: string | string[] | undefined): Record<string, string> {
	if (typeof header !== 'string' || header === '') return {};
	return Object.fromEntries(new URLSearchParams(header));
}

/**
 * A GET or HEAD's conditions against the object, with S3's precedence: If-Match decides over
 * If-Unmodified-Since (412), If-None-Match over If-Modified-Since (304). Undefined when the request may go on.
 */
export function conditionalStatus(object: StoredObject, headers: Headers): 304 | 412 | undefined {
	const failed = preconditionOf(object, {
		ifMatch: headers['if-match'],
		ifNoneMatch: headers['if-none-match'],
		ifModifiedSince: headers['if-modified-since'],
		ifUnmodifiedSince: headers['if-unmodified-since'],
	});
	if (!failed) return undefined;
	if (failed.kind === 'precondition') throw preconditionFailed(failed.header);
	return 304;
}

/** A PutObject's If-None-Match: * (only if absent) and If-Match (only if the current ETag matches). */
export function checkConditionalWrite(existing: StoredObject | undefined, headers: Headers): void {
	const ifNoneMatch = headers['if-none-match'];
	if (ifNoneMatch !== undefined && existing) throw preconditionFailed('If-None-Match');
	const ifMatch = headers['if-match'];
	if (ifMatch === undefined) return;
	if (!existing) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
	if (!etagMatches(String(ifMatch), existing.etag)) throw preconditionFailed('If-Match');
}

type Conditions = {
	ifMatch: string | string[] | undefined;
	ifNoneMatch: string | string[] | undefined;
	ifModifiedSince: string | string[] | undefined;
	ifUnmodifiedSince: string | string[] | undefined;
};

function preconditionOf(
	object: StoredObject,
	conditions: Conditions,
): {kind: 'precondition' | 'not-modified'; header: string} | undefined {
	// HTTP dates carry whole seconds.
	const modified = Math.floor(object.lastModified / 1000) * 1000;
	if (conditions.ifMatch !== undefined) {
		if (!etagMatches(String(conditions.ifMatch), object.etag))
			return {kind: 'precondition', header: 'If-Match'};
	} else if (conditions.ifUnmodifiedSince !== undefined) {
		const since = Date.parse(String(conditions.ifUnmodifiedSince));
		if (!Number.isNaN(since) && modified > since)
			return {kind: 'precondition', header: 'If-Unmodified-Since'};
	}

	if (conditions.ifNoneMatch !== undefined) {
		if (etagMatches(String(conditions.ifNoneMatch), object.etag))
			return {kind: 'not-modified', header: 'If-None-Match'};
	} else if (conditions.ifModifiedSince !== undefined) {
		const since = Date.parse(String(conditions.ifModifiedSince));
		if (!Number.isNaN(since) && modified <= since) return {kind: 'not-modified', header: 'If-Modified-Since'};
	}

	return undefined;
}

function etagMatches(header: string, etag: string): boolean {
	const bare = etag.replace(/"/g, '');
	return header.split(',').some((candidate) => {
		const value = candidate.trim().replace(/^W\//, '').replace(/"/g, '');
		return value === '*' || value === bare;
	});
}

function preconditionFailed(condition: string): S3Error {
	return new S3Error(
		412,
		'PreconditionFailed',
		'At least one of the pre-conditions you specified did not hold',
		{
			Condition: condition,
		},
	);
}

function textOf(xml: string, name: string): string | undefined {
	const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
	return match ? unescapeXml(match[1]!) : undefined;
}

/** The inverse of escapeXml for the five entities and numeric references. */
export function unescapeXml(text: string): string {
	return text.replace(/&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);/g, (entity, name: string) => {
		if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
		return {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}[name] ?? entity;
	});
}
