// S3 multipart uploads (what the AWS CLI and boto3 use for files over 8 MB): initiate, upload parts (or copy
// them from another object: UploadPartCopy, boto3's managed copy), complete into one object, abort, list.
import {createHash, randomUUID} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {copySource, copySourceRange} from './s3-object-extras.js';
import type {ObjectStorage} from './s3-store.js';
import {decodeAwsChunked, element, isAwsChunked, S3Error, writeXml} from './s3-wire.js';

type Upload = {
	id: string;
	initiated: number;
	bucket: string;
	key: string;
	contentType: string;
	metadata: Record<string, string>;
	parts: Map<number, {body: Buffer; md5: Buffer}>;
};

const namespace = 'http://s3.amazonaws.com/doc/2006-03-01/';
const uploads = new WeakMap<ObjectStorage, Map<string, Upload>>();

function uploadsOf(storage: ObjectStorage): Map<string, Upload> {
	let map = uploads.get(storage);
	if (!map) {
		map = new Map();
		uploads.set(storage, map);
	}

	return map;
}

/** Handles the request when it belongs to a multipart upload; returns false when it does not. */
export function handleMultipart(
	storage: ObjectStorage,
	request: IncomingMessage,
	response: ServerResponse,
	location: {bucket: string; key: string; query: URLSearchParams},
	body: Buffer,
	metadata: Record<string, string>,
): boolean {
	const {bucket, key, query} = location;
	const method = request.method;
	const uploadId = query.get('uploadId');
	if (method === 'POST' && query.has('uploads')) {
		const id = randomUUID().replace(/-/g, '');
		const contentType = request.headers['content-type'] ?? 'binary/octet-stream';
		uploadsOf(storage).set(id, {
			id,
			initiated: Date.now(),
			bucket,
			key,
			contentType,
			metadata,
			parts: new Map(),
		});
		writeXml(
			response,
			200,
			`<InitiateMultipartUploadResult xmlns="${namespace}">${element('Bucket', bucket)}${element('Key', key)}${element('UploadId', id)}</InitiateMultipartUploadResult>`,
		);
		return true;
	}

	if (uploadId === null) return false;
	const upload = uploadsOf(storage).get(uploadId);
	if (!upload || upload.bucket !== bucket || upload.key !== key) {
		throw new S3Error(
			404,
			'NoSuchUpload',
			'The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
			{UploadId: uploadId},
		);
	}

	if (method === 'PUT') {
		const number = Number(query.get('partNumber'));
		if (!Number.isInteger(number) || number < 1 || number > 10_000) {
			throw new S3Error(
				400,
				'InvalidArgument',
				'Part number must be an integer between 1 and 10000, inclusive',
			);
		}

		const copied = request.headers['x-amz-copy-source'] !== undefined;
		const content = copied
			? Buffer.from(copySourceRange(copySource(storage, request.headers).object, request.headers))
			: isAwsChunked(request.headers)
				? decodeAwsChunked(body)
				: body;
		const md5 = createHash('md5').update(content).digest();
		upload.parts.set(number, {body: content, md5});
		const etag = `"${md5.toString('hex')}"`;
		if (copied) {
			writeXml(
				response,
				200,
				`<CopyPartResult xmlns="${namespace}">${element('LastModified', new Date().toISOString())}${element('ETag', etag)}</CopyPartResult>`,
			);
		} else {
			response.writeHead(200, {etag, 'content-length': 0});
			response.end();
		}

		return true;
	}

	if (method === 'DELETE') {
		uploadsOf(storage).delete(uploadId);
		response.writeHead(204);
		response.end();
		return true;
	}

	if (method === 'POST') {
		const requested = [...body.toString('utf8').matchAll(/<PartNumber>\s*(\d+)\s*<\/PartNumber>/g)].map(
			(match) => Number(match[1]),
		);
		const numbers = requested.length > 0 ? requested : [...upload.parts.keys()].sort((a, b) => a - b);
		const parts = numbers.map((number) => {
			const part = upload.parts.get(number);
			if (!part) {
				throw new S3Error(400, 'InvalidPart', 'One or more of the specified parts could not be found.', {
					PartNumber: String(number),
				});
			}

			return part;
		});
		const digest = createHash('md5')
			.update(Buffer.concat(parts.map((part) => part.md5)))
			.digest('hex');
		const etag = `"${digest}-${parts.length}"`;
		storage.put(bucket, key, Buffer.concat(parts.map((part) => part.body)), {
			contentType: upload.contentType,
			metadata: upload.metadata,
			etag,
		});
		uploadsOf(storage).delete(uploadId);
		writeXml(
			response,
			200,
			`<CompleteMultipartUploadResult xmlns="${namespace}">${element('Location', `/${bucket}/${key}`)}${element('Bucket', bucket)}${element('Key', key)}${element('ETag', etag)}</CompleteMultipartUploadResult>`,
		);
		return true;
	}

	return false;
}

/** The multipart uploads in progress in a bucket. */
export function uploadsIn(storage: ObjectStorage, bucket: string): Upload[] {
	return [...uploadsOf(storage).values()].filter((upload) => upload.bucket === bucket);
}
