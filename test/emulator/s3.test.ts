// The S3 endpoint through @aws-sdk/client-s3 in path style: buckets, objects, ranges, listings and errors.
import {createHash} from 'node:crypto';
import {
	AbortMultipartUploadCommand,
	CompleteMultipartUploadCommand,
	CreateBucketCommand,
	CreateMultipartUploadCommand,
	UploadPartCommand,
	DeleteObjectCommand,
	GetObjectCommand,
	HeadObjectCommand,
	ListBucketsCommand,
	ListObjectsV2Command,
	PutObjectCommand,
	type S3Client,
} from '@aws-sdk/client-s3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {s3ClientFor, startTestEmulator} from '../helpers/emulator.js';

let emulator: RunningEmulator;
let s3: S3Client;

beforeAll(async () => {
	emulator = await startTestEmulator({demo: false});
	s3 = s3ClientFor(emulator);
	await s3.send(new CreateBucketCommand({Bucket: 'reports'}));
});

afterAll(async () => {
	s3?.destroy();
	await emulator?.close();
});

describe('S3 objects', () => {
	it('stores and reads back an object with its type, size and ETag', async () => {
		const put = await s3.send(
			new PutObjectCommand({
				Bucket: 'reports',
				Key: 'eval/evaluation.json',
				Body: '{"mse": 4.5}',
				ContentType: 'application/json',
			}),
		);
		expect(put.ETag).toBe(`"${createHash('md5').update('{"mse": 4.5}').digest('hex')}"`);
		const got = await s3.send(new GetObjectCommand({Bucket: 'reports', Key: 'eval/evaluation.json'}));
		expect(await got.Body!.transformToString()).toBe('{"mse": 4.5}');
		expect(got.ContentType).toBe('application/json');
		expect(got.ContentLength).toBe(12);
		expect(got.ETag).toBe(put.ETag);
		const head = await s3.send(new HeadObjectCommand({Bucket: 'reports', Key: 'eval/evaluation.json'}));
		expect(head.ContentLength).toBe(12);
		expect(head.LastModified).toBeInstanceOf(Date);
	});

	it('reads a byte range', async () => {
		await s3.send(new PutObjectCommand({Bucket: 'reports', Key: 'digits.txt', Body: '0123456789'}));
		const first = await s3.send(
			new GetObjectCommand({Bucket: 'reports', Key: 'digits.txt', Range: 'bytes=0-3'}),
		);
		expect(await first.Body!.transformToString()).toBe('0123');
		expect(first.ContentRange).toBe('bytes 0-3/10');
		const tail = await s3.send(
			new GetObjectCommand({Bucket: 'reports', Key: 'digits.txt', Range: 'bytes=-2'}),
		);
		expect(await tail.Body!.transformToString()).toBe('89');
		await expect(
			s3.send(new GetObjectCommand({Bucket: 'reports', Key: 'digits.txt', Range: 'bytes=20-30'})),
		).rejects.toMatchObject({
			name: 'InvalidRange',
		});
	});

	it('answers NoSuchKey, NoSuchBucket and NotFound like S3', async () => {
		await expect(
			s3.send(new GetObjectCommand({Bucket: 'reports', Key: 'missing.json'})),
		).rejects.toMatchObject({
			name: 'NoSuchKey',
			$metadata: {httpStatusCode: 404},
		});
		await expect(s3.send(new GetObjectCommand({Bucket: 'no-such-bucket', Key: 'a'}))).rejects.toMatchObject({
			name: 'NoSuchBucket',
		});
		await expect(
			s3.send(new HeadObjectCommand({Bucket: 'reports', Key: 'missing.json'})),
		).rejects.toMatchObject({
			name: 'NotFound',
			$metadata: {httpStatusCode: 404},
		});
		await expect(s3.send(new CreateBucketCommand({Bucket: 'reports'}))).rejects.toMatchObject({
			name: 'BucketAlreadyOwnedByYou',
		});
	});

	it('deletes objects', async () => {
		await s3.send(new PutObjectCommand({Bucket: 'reports', Key: 'temporary', Body: 'x'}));
		await s3.send(new DeleteObjectCommand({Bucket: 'reports', Key: 'temporary'}));
		await expect(s3.send(new HeadObjectCommand({Bucket: 'reports', Key: 'temporary'}))).rejects.toMatchObject(
			{name: 'NotFound'},
		);
	});
});

describe('S3 listings', () => {
	/** In key order. */
	const listingKeys = ['a/1.json', 'a/2.json', 'b/1.json', 'b/deep/2.json', 'top.json', 'with space/x.json'];

	beforeAll(async () => {
		await s3.send(new CreateBucketCommand({Bucket: 'listing'}));
		for (const key of listingKeys) {
			await s3.send(new PutObjectCommand({Bucket: 'listing', Key: key, Body: key}));
		}
	});

	it('lists keys under a prefix in key order', async () => {
		const listed = await s3.send(new ListObjectsV2Command({Bucket: 'listing', Prefix: 'b/'}));
		expect(listed.Contents?.map((object) => object.Key)).toEqual(['b/1.json', 'b/deep/2.json']);
		expect(listed.KeyCount).toBe(2);
		expect(listed.IsTruncated).toBe(false);
	});

	it('rolls keys up into common prefixes with a delimiter', async () => {
		const listed = await s3.send(new ListObjectsV2Command({Bucket: 'listing', Delimiter: '/'}));
		expect(listed.Contents?.map((object) => object.Key)).toEqual(['top.json']);
		expect(listed.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual(['a/', 'b/', 'with space/']);
	});

	it('pages with continuation tokens', async () => {
		const keys: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const listed = await s3.send(
				new ListObjectsV2Command({Bucket: 'listing', MaxKeys: 4, ContinuationToken: token}),
			);
			keys.push(...(listed.Contents ?? []).map((object) => object.Key!));
			token = listed.NextContinuationToken;
			pages++;
		} while (token);
		expect(pages).toBe(2);
		expect(keys).toEqual(listingKeys);
	});

	it('lists buckets', async () => {
		const listed = await s3.send(new ListBucketsCommand({}));
		expect(listed.Buckets?.map((bucket) => bucket.Name)).toEqual(['listing', 'reports']);
	});
});

describe('S3 multipart uploads', () => {
	it('assembles parts into one object with a multipart ETag', async () => {
		const first = Buffer.alloc(5 * 1024 * 1024, 'a');
		const second = Buffer.from('the end');
		const {UploadId} = await s3.send(
			new CreateMultipartUploadCommand({
				Bucket: 'reports',
				Key: 'big.bin',
				ContentType: 'application/octet-stream',
			}),
		);
		const one = await s3.send(
			new UploadPartCommand({Bucket: 'reports', Key: 'big.bin', UploadId, PartNumber: 1, Body: first}),
		);
		const two = await s3.send(
			new UploadPartCommand({Bucket: 'reports', Key: 'big.bin', UploadId, PartNumber: 2, Body: second}),
		);
		const completed = await s3.send(
			new CompleteMultipartUploadCommand({
				Bucket: 'reports',
				Key: 'big.bin',
				UploadId,
				MultipartUpload: {
					Parts: [
						{PartNumber: 1, ETag: one.ETag},
						{PartNumber: 2, ETag: two.ETag},
					],
				},
			}),
		);
		expect(completed.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
		const head = await s3.send(new HeadObjectCommand({Bucket: 'reports', Key: 'big.bin'}));
		expect(head.ContentLength).toBe(first.length + second.length);
		const tail = await s3.send(new GetObjectCommand({Bucket: 'reports', Key: 'big.bin', Range: 'bytes=-7'}));
		expect(await tail.Body!.transformToString()).toBe('the end');
	});

	it('forgets an aborted upload', async () => {
		const {UploadId} = await s3.send(
			new CreateMultipartUploadCommand({Bucket: 'reports', Key: 'aborted.bin'}),
		);
		await s3.send(new AbortMultipartUploadCommand({Bucket: 'reports', Key: 'aborted.bin', UploadId}));
		await expect(
			s3.send(
				new UploadPartCommand({Bucket: 'reports', Key: 'aborted.bin', UploadId, PartNumber: 1, Body: 'x'}),
			),
		).rejects.toMatchObject({
			name: 'NoSuchUpload',
		});
	});
});

describe('S3 requests the emulator does not implement', () => {
	it('answers 501 NotImplemented in S3 XML, never a success', async () => {
		await s3.send(new PutObjectCommand({Bucket: 'reports', Key: 'kept.txt', Body: 'kept'}));
		for (const [method, path] of [
			['GET', '/reports?policy'],
			['PUT', '/reports?versioning'],
			['GET', '/reports/kept.txt?acl'],
			['POST', '/reports/kept.txt?restore'],
		] as const) {
			const response = await fetch(`${emulator.url}${path}`, {
				method,
				body: method === 'GET' ? undefined : '',
			});
			const text = await response.text();
			expect(response.status, `${method} ${path}`).toBe(501);
			expect(text).toContain('<Code>NotImplemented</Code>');
		}

		const body = await s3.send(new GetObjectCommand({Bucket: 'reports', Key: 'kept.txt'}));
		expect(await body.Body!.transformToString()).toBe('kept');
	});

	it('has one version, null, of each object', async () => {
		const other = await fetch(`${emulator.url}/reports/kept.txt?versionId=3HL4kqtJlcpXroDTDmJ`);
		expect(other.status).toBe(404);
		expect(await other.text()).toContain('<Code>NoSuchVersion</Code>');
		const current = await fetch(`${emulator.url}/reports/kept.txt?versionId=null`);
		expect(await current.text()).toBe('kept');
	});
});
