// The rest of S3 as boto3 and the AWS CLI use it (copy, managed multipart copy, mv, tagging, conditional
// requests, versions, uploads, batch and bucket deletes), run against the emulator and against moto_server:
// both answer alike, except where named below.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {awsEnvironment, python, runProgram} from '../helpers/aws-programs.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {type MotoServer, startMotoServer} from '../helpers/moto-server.js';

const script = fileURLToPath(new URL('python/s3_fidelity.py', import.meta.url));

let emulator: RunningEmulator;
let moto: MotoServer;
let home: string;

beforeAll(async () => {
	[emulator, moto] = await Promise.all([startTestEmulator({demo: false}), startMotoServer()]);
	home = mkdtempSync(join(tmpdir(), 'sagemon-s3-'));
}, 90_000);

afterAll(async () => {
	await Promise.all([emulator?.close(), moto?.close()]);
	if (home) rmSync(home, {recursive: true, force: true});
});

const boto3Against = async (url: string) =>
	JSON.parse(await runProgram(python(), [script], awsEnvironment(home, {SAGEMON_ENDPOINT: url})));

const aws = (url: string, ...args: string[]) =>
	runProgram('aws', ['--endpoint-url', url, ...args], awsEnvironment(home));

describe('S3 beyond put and get', () => {
	it('answers boto3 as moto_server does, and as S3 does where they differ', async () => {
		const [ours, theirs] = await Promise.all([boto3Against(emulator.url), boto3Against(moto.url)]);
		const expected = {
			copy_body: 'hello',
			copy_metadata: {owner: 'me'},
			copy_tags: [{Key: 'stage', Value: 'dev'}],
			copy_to_itself: ['InvalidRequest', 400],
			copy_missing_source: ['NoSuchKey', 404],
			managed_copy_same_bytes: true,
			managed_copy_parts: '3',
			tags: [{Key: 'stage', Value: 'dev'}],
			tags_after_put: [{Key: 'team', Value: 'ml ops'}],
			tag_count_header: 1,
			tags_after_delete: [],
			get_if_match: 'ok',
			get_if_match_other: ['PreconditionFailed', 412],
			get_if_none_match: ['304', 304],
			head_if_none_match: ['304', 304],
			get_if_modified_since_future: ['304', 304],
			get_if_modified_since_past: 'ok',
			get_if_unmodified_since_past: ['PreconditionFailed', 412],
			put_if_none_match_existing: ['PreconditionFailed', 412],
			put_if_none_match_new: 'ok',
			versions: [['a.txt', 'null', true]],
			uploads: ['pending.bin'],
			uploads_after_abort: [],
			delete_bucket_not_empty: ['BucketNotEmpty', 409],
			deleted: ['a.txt', 'b.txt', 'big-copy.bin', 'big.bin', 'new.txt'],
			left_after_delete_objects: 0,
			delete_bucket_empty: 'ok',
			delete_bucket_missing: ['NoSuchBucket', 404],
		};
		expect(ours).toMatchObject(expected);
		// Difference: moto implements bucket policies and versioning; the emulator refuses them with S3's
		// 501 NotImplemented rather than pretend (a policy it would not enforce, versions it would not keep).
		expect(ours.get_bucket_policy).toEqual(['NotImplemented', 501]);
		expect(ours.put_bucket_versioning).toEqual(['NotImplemented', 501]);
		const {get_bucket_policy: _policy, put_bucket_versioning: _versioning, ...shared} = theirs;
		const {get_bucket_policy: _p, put_bucket_versioning: _v, ...ourShared} = ours;
		expect(ourShared).toEqual(shared);
	}, 180_000);

	it('copies and moves between S3 locations with aws s3 cp and aws s3 mv', async () => {
		for (const url of [emulator.url, moto.url]) {
			await aws(url, 's3', 'mb', 's3://cli-bucket');
			await aws(
				url,
				's3api',
				'put-object',
				'--bucket',
				'cli-bucket',
				'--key',
				'in/report.json',
				'--body',
				script,
			);
			await aws(url, 's3', 'cp', 's3://cli-bucket/in/report.json', 's3://cli-bucket/copy/report.json');
			await aws(url, 's3', 'mv', 's3://cli-bucket/copy/report.json', 's3://cli-bucket/moved/report.json');
			const listing = await aws(url, 's3', 'ls', '--recursive', 's3://cli-bucket/');
			const keys = listing
				.trim()
				.split('\n')
				.map((line) => line.split(/\s+/).pop());
			expect(keys, url).toEqual(['in/report.json', 'moved/report.json']);
			const moved = await aws(url, 's3', 'cp', 's3://cli-bucket/moved/report.json', '-');
			expect(moved).toContain('S3 requests beyond put/get');
			await aws(url, 's3', 'rm', '--recursive', 's3://cli-bucket/');
			await aws(url, 's3', 'rb', 's3://cli-bucket');
		}
	}, 180_000);
});
