// The S3 REST endpoint in path style (`/bucket/key`): the calls sagemon, the tutorial and the AWS CLI make
// (ListBuckets, CreateBucket, HeadBucket, PutObject, multipart uploads, GetObject with Range, HeadObject,
// DeleteObject, ListObjectsV2 and ListObjects).
import type {IncomingMessage, ServerResponse} from 'node:http';
import {handleMultipart} from './s3-multipart.js';
import type {ObjectStorage, StoredObject} from './s3-store.js';
import {
	decodeAwsChunked,
	element,
	isAwsChunked,
	isoTime,
	parseRange,
	S3Error,
	writeS3Error,
	writeXml,
} from './s3-wire.js';

const namespace = 'http://s3.amazonaws.com/doc/2006-03-01/';
const owner = '<Owner><ID>sagemon</ID><DisplayName>sagemon</DisplayName></Owner>';

export function handleS3(
	storage: ObjectStorage,
	request: IncomingMessage,
	response: ServerResponse,
	body: Buffer,
	options: {accessDenied: boolean},
): void {
	try {
		if (options.accessDenied) throw new S3Error(403, 'AccessDenied', 'Access Denied');
		route(storage, request, response, body);
	} catch (error) {
		if (error instanceof S3Error) writeS3Error(response, error, request.method);
		else throw error;
	}
}

function route(
	storage: ObjectStorage,
	request: IncomingMessage,
	response: ServerResponse,
	body: Buffer,
): void {
	const url = new URL(request.url ?? '/', 'http://localhost');
	const segments = url.pathname.split('/');
	// Virtual-hosted style (`bucket.localhost:4566/key`) for clients that are not told to use path style.
	const hosted = /^(.+)\.localhost(?::\d+)?$/.exec(request.headers.host ?? '')?.[1];
	const bucket = hosted ?? decodeURIComponent(segments[1] ?? '');
	const key = segments
		.slice(hosted === undefined ? 2 : 1)
		.map(decodeURIComponent)
		.join('/');
	const method = request.method ?? 'GET';
	if (bucket === '') {
		if (method !== 'GET') throw notImplemented(method);
		listBuckets(storage, response);
		return;
	}

	if (key === '') {
		bucketOperation(storage, method, bucket, url.searchParams, response);
		return;
	}

	requireBucket(storage, bucket);
	if (
		handleMultipart(
			storage,
			request,
			response,
			{bucket, key, query: url.searchParams},
			body,
			metadataOf(request),
		)
	)
		return;
	switch (method) {
		case 'PUT':
			putObject(storage, request, response, bucket, key, body);
			return;
		case 'GET':
		case 'HEAD':
			getObject(storage, request, response, bucket, key, method === 'HEAD');
			return;
		case 'DELETE':
			requireBucket(storage, bucket);
			storage.delete(bucket, key);
			response.writeHead(204);
			response.end();
			return;
		default:
			throw notImplemented(method);
	}
}

function bucketOperation(
	storage: ObjectStorage,
	method: string,
	bucket: string,
	query: URLSearchParams,
	response: ServerResponse,
): void {
	if (method === 'PUT') {
		if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
			throw new S3Error(400, 'InvalidBucketName', 'The specified bucket is not valid.', {BucketName: bucket});
		}

		if (!storage.createBucket(bucket)) {
			throw new S3Error(
				409,
				'BucketAlreadyOwnedByYou',
				'Your previous request to create the named bucket succeeded and you already own it.',
				{BucketName: bucket},
			);
		}

		response.writeHead(200, {location: `/${bucket}`, 'content-length': 0});
		response.end();
		return;
	}

	requireBucket(storage, bucket);
	if (method === 'HEAD') {
		response.writeHead(200, {'x-amz-bucket-region': 'us-east-1', 'content-length': 0});
		response.end();
		return;
	}

	if (method !== 'GET') throw notImplemented(method);
	if (query.has('location')) {
		writeXml(response, 200, `<LocationConstraint xmlns="${namespace}"/>`);
		return;
	}

	listObjects(storage, bucket, query, response);
}

function listBuckets(storage: ObjectStorage, response: ServerResponse): void {
	const buckets = storage
		.buckets()
		.map(
			({name, createdAt}) =>
				`<Bucket>${element('Name', name)}${element('CreationDate', isoTime(createdAt))}</Bucket>`,
		)
		.join('');
	writeXml(
		response,
		200,
		`<ListAllMyBucketsResult xmlns="${namespace}">${owner}<Buckets>${buckets}</Buckets></ListAllMyBucketsResult>`,
	);
}

function listObjects(
	storage: ObjectStorage,
	bucket: string,
	query: URLSearchParams,
	response: ServerResponse,
): void {
	const version2 = query.get('list-type') === '2';
	const prefix = query.get('prefix') ?? '';
	const delimiter = query.get('delimiter') ?? undefined;
	const urlEncoded = query.get('encoding-type') === 'url';
	const maxKeys = Math.min(1000, Math.max(0, Number(query.get('max-keys') ?? 1000) || 0));
	const continuation = query.get('continuation-token') ?? undefined;
	const startAfter = version2
		? continuation !== undefined
			? decodeToken(continuation)
			: (query.get('start-after') ?? undefined)
		: (query.get('marker') ?? undefined);
	const result = storage.list(bucket, {prefix, delimiter, startAfter, maxKeys})!;
	const encode = (text: string) => (urlEncoded ? encodeURIComponent(text).replace(/%2F/g, '/') : text);
	const contents = result.objects
		.map(
			(object) =>
				`<Contents>${element('Key', encode(object.key))}${element('LastModified', isoTime(object.lastModified))}${element('ETag', object.etag)}${element('Size', object.body.length)}${element('StorageClass', 'STANDARD')}</Contents>`,
		)
		.join('');
	const prefixes = result.commonPrefixes
		.map((common) => `<CommonPrefixes>${element('Prefix', encode(common))}</CommonPrefixes>`)
		.join('');
	const paging = version2
		? `${element('KeyCount', result.objects.length + result.commonPrefixes.length)}${element('ContinuationToken', continuation)}${element('StartAfter', query.get('start-after') ?? undefined)}${result.truncated && result.nextKey !== undefined ? element('NextContinuationToken', encodeToken(result.nextKey)) : ''}`
		: `${element('Marker', query.get('marker') ?? '')}${result.truncated && result.nextKey !== undefined && delimiter ? element('NextMarker', encode(result.nextKey)) : ''}`;
	writeXml(
		response,
		200,
		`<ListBucketResult xmlns="${namespace}">${element('Name', bucket)}${element('Prefix', encode(prefix))}${paging}${element('MaxKeys', maxKeys)}${delimiter ? element('Delimiter', encode(delimiter)) : ''}${urlEncoded ? element('EncodingType', 'url') : ''}${element('IsTruncated', result.truncated)}${contents}${prefixes}</ListBucketResult>`,
	);
}

function putObject(
	storage: ObjectStorage,
	request: IncomingMessage,
	response: ServerResponse,
	bucket: string,
	key: string,
	body: Buffer,
): void {
	requireBucket(storage, bucket);
	if (request.headers['x-amz-copy-source']) throw notImplemented('CopyObject');
	const content = isAwsChunked(request.headers) ? decodeAwsChunked(body) : body;
	const metadata = metadataOf(request);
	const stored = storage.put(bucket, key, content, {
		contentType: request.headers['content-type'] ?? 'binary/octet-stream',
		metadata,
	})!;
	response.writeHead(200, {etag: stored.etag, 'content-length': 0});
	response.end();
}

function getObject(
	storage: ObjectStorage,
	request: IncomingMessage,
	response: ServerResponse,
	bucket: string,
	key: string,
	headOnly: boolean,
): void {
	requireBucket(storage, bucket);
	const object = storage.get(bucket, key);
	if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', {Key: key});
	const range = parseRange(
		typeof request.headers.range === 'string' ? request.headers.range : undefined,
		object.body.length,
	);
	const headers = objectHeaders(object);
	if (range) {
		const slice = object.body.subarray(range.start, range.end + 1);
		response.writeHead(206, {
			...headers,
			'content-length': slice.length,
			'content-range': `bytes ${range.start}-${range.end}/${object.body.length}`,
		});
		response.end(headOnly ? undefined : slice);
		return;
	}

	response.writeHead(200, {...headers, 'content-length': object.body.length});
	response.end(headOnly ? undefined : object.body);
}

function objectHeaders(object: StoredObject): Record<string, string> {
	const headers: Record<string, string> = {
		'content-type': object.contentType,
		etag: object.etag,
		'last-modified': new Date(object.lastModified).toUTCString(),
		'accept-ranges': 'bytes',
	};
	for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
	return headers;
}

function metadataOf(request: IncomingMessage): Record<string, string> {
	const metadata: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (name.startsWith('x-amz-meta-') && typeof value === 'string') metadata[name.slice(11)] = value;
	}

	return metadata;
}

function requireBucket(storage: ObjectStorage, bucket: string): void {
	if (!storage.hasBucket(bucket)) {
		throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', {BucketName: bucket});
	}
}

function notImplemented(what: string): S3Error {
	return new S3Error(
		501,
		'NotImplemented',
		`The sagemon emulator does not implement this S3 request (${what}).`,
	);
}

function encodeToken(key: string): string {
	return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
	return Buffer.from(token, 'base64url').toString('utf8');
}
