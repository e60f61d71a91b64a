// The emulator's S3 answers to the requests beyond put and get (copy, multipart copy, uploads listing, tagging,
// versions, batch and bucket deletes, conditional requests, what it does not implement), sent raw over HTTP and
// checked against botocore's S3 model: body elements, list element names, types, the modeled headers, and the
// <Error> form of errors with the codes S3 gives them.
import {createHash} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {checkS3Output, loadS3Model, parseXml, s3ErrorCode} from '../emulator/s3-xml-model.js';
import {startTestEmulator} from '../helpers/emulator.js';

const model = loadS3Model();
const bucket = 'contract-bucket';
let emulator: RunningEmulator;

beforeAll(async () => {
	emulator = await startTestEmulator({demo: false});
});

afterAll(async () => {
	await emulator?.close();
});

type Answer = {status: number; body: string; headers: Headers};

async function send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
	const response = await fetch(`${emulator.url}/${path}`, {method, headers, body});
	return {status: response.status, body: await response.text(), headers: response.headers} satisfies Answer;
}

/** Sends a request that must succeed, and checks its answer against the operation's output shape. */
async function ok(operation: string, rootName: string | undefined, ...request: Parameters<typeof send>) {
	const answer = await send(...request);
	expect(answer.status, `${operation}: ${answer.body}`).toBeLessThan(300);
	expect(checkS3Output(model, operation, answer, rootName), operation).toEqual([]);
	return answer;
}

/** Sends a request that must fail with `status` and `code`, in S3's <Error> form. */
async function refused(status: number, code: string, ...request: Parameters<typeof send>) {
	const answer = await send(...request);
	expect(answer.status, answer.body).toBe(status);
	expect(s3ErrorCode(answer.body)).toBe(code);
	return answer;
}

const text = (answer: Answer, name: string) =>
	parseXml(answer.body).children.find((child) => child.name === name)?.text;
const md5 = (body: string) => createHash('md5').update(body).digest('base64');

describe('S3 answers valid against botocore’s model', () => {
	it('the checker finds differences', () => {
		const answer = (body: string, headers: Record<string, string> = {}) => ({
			body,
			headers: new Headers(headers),
		});
		expect(
			checkS3Output(
				model,
				'CopyObject',
				answer(
					'<CopyResult><ETag>"x"</ETag><LastModified>yesterday</LastModified><Size>1</Size></CopyResult>',
				),
			),
		).toEqual([
			'root <CopyResult>, expected <CopyObjectResult>',
			"CopyResult.LastModified: 'yesterday' is not an iso8601 timestamp (shape LastModified)",
			'CopyResult: unknown element <Size> (shape CopyObjectResult)',
		]);
		expect(
			checkS3Output(model, 'GetObjectTagging', answer('<Tagging><TagSet><Item/></TagSet></Tagging>')),
		).toEqual(['Tagging.TagSet[0]: <Item>, expected <Tag>']);
		expect(checkS3Output(model, 'GetObjectTagging', answer('<Tagging></Tagging>'))).toEqual([
			'Tagging: required member TagSet (<TagSet>) is missing',
		]);
		expect(
			checkS3Output(
				model,
				'ListMultipartUploads',
				answer(
					'<ListMultipartUploadsResult><MaxUploads>many</MaxUploads><IsTruncated>no</IsTruncated></ListMultipartUploadsResult>',
				),
			),
		).toEqual([
			"ListMultipartUploadsResult.MaxUploads: 'many' is not an integer (shape MaxUploads)",
			"ListMultipartUploadsResult.IsTruncated: 'no' is not a boolean (shape IsTruncated)",
		]);
		expect(
			checkS3Output(
				model,
				'GetObject',
				answer('bytes', {'last-modified': '2026-01-01', 'x-amz-tagging-count': 'x'}),
			),
		).toEqual([
			"header Last-Modified (LastModified): '2026-01-01' is not an rfc822 timestamp",
			"header x-amz-tagging-count (TagCount): 'x' is not an integer",
		]);
		expect(() => s3ErrorCode('<Error><Code>NoSuchKey</Code></Error>')).toThrow(/without Code or Message/);
	});

	it('copies, copies parts, lists uploads and completes them', async () => {
		await ok('CreateBucket', undefined, 'PUT', bucket);
		await ok('PutObject', undefined, 'PUT', `${bucket}/a.txt`, {'x-amz-tagging': 'stage=dev'}, 'hello');
		const copied = await ok('CopyObject', 'CopyObjectResult', 'PUT', `${bucket}/b.txt`, {
			'x-amz-copy-source': `/${bucket}/a.txt`,
		});
		expect(text(copied, 'ETag')).toBe(`"${createHash('md5').update('hello').digest('hex')}"`);
		await refused(400, 'InvalidRequest', 'PUT', `${bucket}/a.txt`, {'x-amz-copy-source': `/${bucket}/a.txt`});
		await refused(404, 'NoSuchKey', 'PUT', `${bucket}/c.txt`, {'x-amz-copy-source': `/${bucket}/nope`});

		const created = await ok(
			'CreateMultipartUpload',
			'InitiateMultipartUploadResult',
			'POST',
			`${bucket}/big.bin?uploads`,
		);
		const uploadId = text(created, 'UploadId')!;
		const listed = await ok('ListMultipartUploads', 'ListMultipartUploadsResult', 'GET', `${bucket}?uploads`);
		expect(parseXml(listed.body).children.filter((child) => child.name === 'Upload')).toHaveLength(1);
		const part = await ok(
			'UploadPartCopy',
			'CopyPartResult',
			'PUT',
			`${bucket}/big.bin?partNumber=1&uploadId=${encodeURIComponent(uploadId)}`,
			{'x-amz-copy-source': `/${bucket}/a.txt`},
		);
		const parts = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${text(part, 'ETag')}</ETag></Part></CompleteMultipartUpload>`;
		await ok(
			'CompleteMultipartUpload',
			'CompleteMultipartUploadResult',
			'POST',
			`${bucket}/big.bin?uploadId=${encodeURIComponent(uploadId)}`,
			{},
			parts,
		);
		await ok('ListMultipartUploads', 'ListMultipartUploadsResult', 'GET', `${bucket}?uploads`);
	});

	it('tags objects, lists versions and answers conditional requests', async () => {
		const tags = await ok('GetObjectTagging', 'Tagging', 'GET', `${bucket}/a.txt?tagging`);
		expect(tags.body).toContain('<Tag><Key>stage</Key><Value>dev</Value></Tag>');
		await ok(
			'PutObjectTagging',
			undefined,
			'PUT',
			`${bucket}/a.txt?tagging`,
			{},
			'<Tagging><TagSet><Tag><Key>team</Key><Value>ml</Value></Tag></TagSet></Tagging>',
		);
		const got = await ok('GetObject', undefined, 'GET', `${bucket}/a.txt`);
		expect(got.headers.get('x-amz-tagging-count')).toBe('1');
		await ok('DeleteObjectTagging', undefined, 'DELETE', `${bucket}/a.txt?tagging`);
		const versions = await ok('ListObjectVersions', 'ListVersionsResult', 'GET', `${bucket}?versions`);
		expect(parseXml(versions.body).children.filter((child) => child.name === 'Version')).toHaveLength(3);

		const etag = got.headers.get('etag')!;
		const notModified = await send('GET', `${bucket}/a.txt`, {'if-none-match': etag});
		expect([notModified.status, notModified.body]).toEqual([304, '']);
		const head = await send('HEAD', `${bucket}/a.txt`, {'if-none-match': etag});
		expect(head.status).toBe(304);
		await refused(412, 'PreconditionFailed', 'GET', `${bucket}/a.txt`, {'if-match': '"0123"'});
		await refused(412, 'PreconditionFailed', 'PUT', `${bucket}/a.txt`, {'if-none-match': '*'}, 'again');
	});

	it('deletes in a batch, refuses to delete a bucket that is not empty, and says what it does not implement', async () => {
		await refused(409, 'BucketNotEmpty', 'DELETE', bucket);
		const batch =
			'<Delete><Object><Key>a.txt</Key></Object><Object><Key>b.txt</Key></Object><Object><Key>big.bin</Key></Object></Delete>';
		const deleted = await ok(
			'DeleteObjects',
			'DeleteResult',
			'POST',
			`${bucket}?delete`,
			{'content-md5': md5(batch)},
			batch,
		);
		expect(parseXml(deleted.body).children.map((child) => child.name)).toEqual([
			'Deleted',
			'Deleted',
			'Deleted',
		]);
		await ok('DeleteBucket', undefined, 'DELETE', bucket);
		await refused(404, 'NoSuchBucket', 'DELETE', bucket);

		await ok('CreateBucket', undefined, 'PUT', 'contract-other');
		await refused(501, 'NotImplemented', 'GET', 'contract-other?policy');
		await refused(
			501,
			'NotImplemented',
			'PUT',
			'contract-other?versioning',
			{},
			'<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
		);
	});
});
