// The S3 REST endpoint in path style (`/bucket/key`): the calls sagemon, the tutorial, the AWS CLI and boto3
// make (ListBuckets, Create/Head/DeleteBucket, PutObject, CopyObject, multipart uploads, GetObject with Range
// and conditions, HeadObject, DeleteObject(s), object tagging, ListObjects(V2), ListObjectVersions,
// ListMultipartUploads). Any other request answers 501 NotImplemented, never a wrong success.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {bucketOperation, listBuckets} from './s3-buckets.js';
import {handleMultipart} from './s3-multipart.js';
import {
	checkConditionalWrite,
	conditionalStatus,
	copyObject,
	objectTagging,
	tagsFromHeader,
} from './s3-object-extras.js';
import type {ObjectStorage, StoredObject} from './s3-store.js';
import {
	decodeAwsChunked,
	isAwsChunked,
	parseRange,
	notImplemented,
	requireBucket,
	S3Error,
	writeS3Error,
} from './s3-wire.js';

/** Query members of the requests served; any other (`?acl`, `?policy`, `?versioning`...) is not implemented. */
const servedQuery = new Set([
	...['list-type', 'prefix', 'delimiter', 'marker', 'max-keys', 'encoding-type', 'continuation-token'],
	...['start-after', 'fetch-owner', 'location', 'versions', 'key-marker', 'version-id-marker', 'uploads'],
	...['delete', 'uploadId', 'partNumber', 'tagging', 'versionId', 'x-id', 'max-uploads', 'upload-id-marker'],
	...['response-content-type', 'response-content-disposition', 'response-cache-control', 'response-expires'],
	...['response-content-language', 'response-content-encoding'],
]);

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
	const unserved = [...url.searchParams.keys()].find((name) => !servedQuery.has(name));
	if (unserved !== undefined) throw notImplemented(`${method} ?${unserved}`);
	if (bucket === '') {
		if (method !== 'GET') throw notImplemented(method);
		listBuckets(storage, response);
		return;
	}

	if (key === '') {
		bucketOperation(storage, method, bucket, url.searchParams, response, body);
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
	// Buckets are unversioned: every object has the one version `null`.
	const versionId = url.searchParams.get('versionId');
	if (versionId !== null && versionId !== 'null') {
		throw new S3Error(404, 'NoSuchVersion', 'The specified version does not exist.', {
			Key: key,
			VersionId: versionId,
		});
	}

	if (url.searchParams.has('tagging')) {
		const object = storage.get(bucket, key);
		if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', {Key: key});
		objectTagging(method, object, body, response);
		return;
	}

	switch (method) {
		case 'PUT':
			if (request.headers['x-amz-copy-source'])
				copyObject(storage, request, response, {bucket, key, metadata: metadataOf(request)});
			else putObject(storage, request, response, bucket, key, body);
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

function putObject(
	storage: ObjectStorage,
	request: IncomingMessage,
	response: ServerResponse,
	bucket: string,
	key: string,
	body: Buffer,
): void {
	requireBucket(storage, bucket);
	checkConditionalWrite(storage.get(bucket, key), request.headers);
	const content = isAwsChunked(request.headers) ? decodeAwsChunked(body) : body;
	const metadata = metadataOf(request);
	const stored = storage.put(bucket, key, content, {
		contentType: request.headers['content-type'] ?? 'binary/octet-stream',
		metadata,
		tags: tagsFromHeader(request.headers['x-amz-tagging']),
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
	if (conditionalStatus(object, request.headers) === 304) {
		response.writeHead(304, {
			etag: object.etag,
			'last-modified': new Date(object.lastModified).toUTCString(),
		});
		response.end();
		return;
	}

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
	const tagCount = Object.keys(object.tags).length;
	if (tagCount > 0) headers['x-amz-tagging-count'] = String(tagCount);
	return headers;
}

function metadataOf(request: IncomingMessage): Record<string, string> {
	const metadata: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (name.startsWith('x-amz-meta-') && typeof value === 'string') metadata[name.slice(11)] = value;
	}

	return metadata;
}
