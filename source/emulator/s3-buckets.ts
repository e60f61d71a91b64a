// S3 bucket requests: ListBuckets, Create/Head/DeleteBucket (409 BucketNotEmpty), GetBucketLocation,
// ListObjects(V2), DeleteObjects (`aws s3 rm --recursive`, boto3's delete_objects), ListObjectVersions (buckets
// are unversioned: each key has one version, `null`) and ListMultipartUploads.
import type {ServerResponse} from 'node:http';
import {uploadsIn} from './s3-multipart.js';
import {unescapeXml} from './s3-object-extras.js';
import type {ObjectStorage} from './s3-store.js';
import {element, isoTime, notImplemented, requireBucket, S3Error, writeXml} from './s3-wire.js';

const namespace = 'http://s3.amazonaws.com/doc/2006-03-01/';
const owner = '<Owner><ID>sagemon</ID><DisplayName>sagemon</DisplayName></Owner>';

export function deleteBucket(storage: ObjectStorage, bucket: string, response: ServerResponse): void {
	const outcome = storage.deleteBucket(bucket);
	if (outcome === 'missing') {
		throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', {BucketName: bucket});
	}

	if (outcome === 'not-empty') {
		throw new S3Error(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty', {
			BucketName: bucket,
		});
	}

	response.writeHead(204);
	response.end();
}

export function deleteObjects(
	storage: ObjectStorage,
	bucket: string,
	body: Buffer,
	response: ServerResponse,
): void {
	const xml = body.toString('utf8');
	if (!/<Delete[\s>]/.test(xml))
		throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed.');
	const quiet = /<Quiet>\s*true\s*<\/Quiet>/i.test(xml);
	const keys = [...xml.matchAll(/<Object>[\s\S]*?<Key>([\s\S]*?)<\/Key>[\s\S]*?<\/Object>/g)].map((match) =>
		unescapeXml(match[1]!),
	);
	if (keys.length > 1000) throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed.');
	for (const key of keys) storage.delete(bucket, key);
	const deleted = quiet ? '' : keys.map((key) => `<Deleted>${element('Key', key)}</Deleted>`).join('');
	writeXml(response, 200, `<DeleteResult xmlns="${namespace}">${deleted}</DeleteResult>`);
}

export function listObjectVersions(
	storage: ObjectStorage,
	bucket: string,
	query: URLSearchParams,
	response: ServerResponse,
): void {
	const prefix = query.get('prefix') ?? '';
	const delimiter = query.get('delimiter') ?? undefined;
	const keyMarker = query.get('key-marker') ?? undefined;
	const maxKeys = Math.min(1000, Math.max(0, Number(query.get('max-keys') ?? 1000) || 0));
	const result = storage.list(bucket, {prefix, delimiter, startAfter: keyMarker || undefined, maxKeys})!;
	const versions = result.objects
		.map(
			(object) =>
				`<Version>${element('Key', object.key)}${element('VersionId', 'null')}${element('IsLatest', true)}${element('LastModified', isoTime(object.lastModified))}${element('ETag', object.etag)}${element('Size', object.body.length)}${owner}${element('StorageClass', 'STANDARD')}</Version>`,
		)
		.join('');
	const prefixes = result.commonPrefixes
		.map((common) => `<CommonPrefixes>${element('Prefix', common)}</CommonPrefixes>`)
		.join('');
	const next =
		result.truncated && result.nextKey !== undefined
			? `${element('NextKeyMarker', result.nextKey)}${element('NextVersionIdMarker', 'null')}`
			: '';
	writeXml(
		response,
		200,
		`<ListVersionsResult xmlns="${namespace}">${element('Name', bucket)}${element('Prefix', prefix)}${element('KeyMarker', keyMarker ?? '')}${element('VersionIdMarker', query.get('version-id-marker') ?? '')}${next}${element('MaxKeys', maxKeys)}${delimiter ? element('Delimiter', delimiter) : ''}${element('IsTruncated', result.truncated)}${versions}${prefixes}</ListVersionsResult>`,
	);
}

export function listMultipartUploads(
	storage: ObjectStorage,
	bucket: string,
	query: URLSearchParams,
	response: ServerResponse,
): void {
	const prefix = query.get('prefix') ?? '';
	const uploads = uploadsIn(storage, bucket)
		.filter((upload) => upload.key.startsWith(prefix))
		.sort((a, b) => a.key.localeCompare(b.key) || a.initiated - b.initiated)
		.map(
			(upload) =>
				`<Upload>${element('Key', upload.key)}${element('UploadId', upload.id)}<Initiator><ID>sagemon</ID><DisplayName>sagemon</DisplayName></Initiator>${owner}${element('StorageClass', 'STANDARD')}${element('Initiated', isoTime(upload.initiated))}</Upload>`,
		)
		.join('');
	writeXml(
		response,
		200,
		`<ListMultipartUploadsResult xmlns="${namespace}">${element('Bucket', bucket)}${element('KeyMarker', '')}${element('UploadIdMarker', '')}${element('Prefix', prefix)}${element('MaxUploads', 1000)}${element('IsTruncated', false)}${uploads}</ListMultipartUploadsResult>`,
	);
}

export function bucketOperation(
	storage: ObjectStorage,
	method: string,
	bucket: string,
	query: URLSearchParams,
	response: ServerResponse,
	body: Buffer,
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

	if (method === 'DELETE') deleteBucket(storage, bucket, response);
	else if (method === 'POST' && query.has('delete')) deleteObjects(storage, bucket, body, response);
	else if (method !== 'GET') throw notImplemented(method);
	else if (query.has('versions')) listObjectVersions(storage, bucket, query, response);
	else if (query.has('uploads')) listMultipartUploads(storage, bucket, query, response);
	else if (query.has('location')) writeXml(response, 200, `<LocationConstraint xmlns="${namespace}"/>`);
	else listObjects(storage, bucket, query, response);
}

export function listBuckets(storage: ObjectStorage, response: ServerResponse): void {
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

function encodeToken(key: string): string {
	return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
	return Buffer.from(token, 'base64url').toString('utf8');
}
