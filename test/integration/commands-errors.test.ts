// Every error path of the CLI contract, through the built CLI against the emulator (with its fault injection):
// one sentence on stderr (a JSON object with --json) and the documented exit code.
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer as createHttpServer} from 'node:http';
import {type AddressInfo, createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {cleanEnv, ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {fixturePath} from '../helpers/fixtures.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';
const missingExecution = 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/Abalone/execution/zzzzzzzzzzzz';

let emulator: RunningEmulator;
let scratch: string;
let executionArn: string;
const sagemon = (args: string[], env = testAwsEnv()) =>
	runCli([...args, '--endpoint-url', emulator.url, '--interval', '0.05'], {env});

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 1000, demo: false});
	scratch = mkdtempSync(join(tmpdir(), 'sagemon-errors-'));
	const created = await sagemon([
		'upsert',
		'Abalone',
		'--definition',
		fixturePath('abalone-tutorial.json'),
		'--role-arn',
		roleArn,
	]);
	expect(created.code, created.stderr).toBe(0);
	const started = await sagemon(['start', 'Abalone']);
	expect(started.code, started.stderr).toBe(0);
	executionArn = started.stdout.trim();
});

afterEach(() => emulator.setFaults({}));

afterAll(async () => {
	await emulator?.close();
	if (scratch) rmSync(scratch, {recursive: true, force: true});
});

describe('usage errors exit 2', () => {
	it('refuses an unknown flag', async () => {
		const result = await sagemon(['describe', executionArn, '--bogus']);
		expect(result).toMatchObject({
			code: 2,
			stderr: 'sagemon: unknown option --bogus. Run "sagemon --help" for the options.\n',
		});
		const json = await sagemon(['describe', executionArn, '--json', '--time-out', '5']);
		expect(json.code).toBe(2);
		expect(JSON.parse(json.stderr)).toEqual({
			error: {kind: 'Usage', message: 'unknown option --time-out. Run "sagemon --help" for the options.'},
		});
	});

	it('refuses a flag the command does not take, naming the command', async () => {
		expect(await sagemon(['describe', executionArn, '--port', '5'])).toMatchObject({
			code: 2,
			stdout: '',
			stderr: 'sagemon: describe does not take --port. Run "sagemon describe --help" for its options.\n',
		});
		expect(await sagemon(['stop', executionArn, '--step', 'AbaloneEval'])).toMatchObject({
			code: 2,
			stderr: 'sagemon: stop does not take --step. Run "sagemon stop --help" for its options.\n',
		});
		expect(await sagemon(['steps', executionArn, '--time-scale', '5'])).toMatchObject({
			code: 2,
			stderr: 'sagemon: --time-scale goes with --local (the embedded emulator) or the emulator command.\n',
		});
	});

	it('states each command once: its help shows the usage line the command list and its errors use', async () => {
		const program = await runCli(['--help']);
		expect(program.code).toBe(0);
		const usages = program.stdout
			.split(/\n\s*Commands\n/)[1]!
			.split(/\n\s*\n/)[0]!
			.split('\n')
			.filter((line) => /^ {4}\S/.test(line))
			.map((line) => line.trim().replace(/ {2,}.*$/, ''));
		expect(usages.map((usage) => usage.split(' ')[0])).toEqual([
			'validate',
			'dag',
			'upsert',
			'start',
			'describe',
			'wait',
			'watch',
			'steps',
			'report',
			'logs',
			'diff',
			'why',
			'stop',
			'retry',
			'delete',
			'models',
			'approve',
			'reject',
			'callback',
			'emulator',
		]);
		for (const usage of usages) {
			const help = await runCli([usage.split(' ')[0]!, '--help']);
			expect(help.code).toBe(0);
			expect(help.stdout).toContain(`    $ sagemon ${usage}\n`);
		}
	});

	it('refuses a number flag that is not a number', async () => {
		const result = await sagemon(['wait', executionArn, '--timeout', 'soon']);
		expect(result).toMatchObject({code: 2, stderr: 'sagemon: --timeout needs a number.\n'});
	});

	it('refuses a malformed or mistyped override', async () => {
		expect(await sagemon(['start', 'Abalone', '-p', 'ProcessingInstanceCount'])).toMatchObject({
			code: 2,
			stderr: "sagemon: -p Expected Name=Value, got 'ProcessingInstanceCount'.\n",
		});
		expect(await sagemon(['start', 'Abalone', '-p', 'ProcessingInstanceCount=many'])).toMatchObject({
			code: 2,
			stderr: "sagemon: ProcessingInstanceCount must be a whole number, got 'many'.\n",
		});
		expect(
			await sagemon(['start', 'Abalone', '-p', 'ModelApprovalStatus=a', '-p', 'ModelApprovalStatus=b']),
		).toMatchObject({
			code: 2,
			stderr: 'sagemon: -p ModelApprovalStatus is given twice; give each parameter once.\n',
		});
	});

	it('refuses a missing or extra argument and a malformed ARN or endpoint', async () => {
		expect(await sagemon(['wait'])).toMatchObject({
			code: 2,
			stderr: 'sagemon: wait needs an argument: sagemon wait ARN [--timeout S] [--interval S]\n',
		});
		expect((await sagemon(['describe', executionArn, 'extra'])).stderr).toContain(
			'describe takes one argument, got 2',
		);
		expect((await sagemon(['steps', 'Abalone'])).stderr).toBe(
			'sagemon: "Abalone" is not a pipeline execution ARN (arn:aws:sagemaker:REGION:ACCOUNT:pipeline/NAME/execution/ID, as printed by sagemon start).\n',
		);
		const endpoint = await runCli(['describe', executionArn, '--endpoint-url', 'localhost:4566'], {
			env: testAwsEnv(),
		});
		expect(endpoint).toMatchObject({
			code: 2,
			stderr: 'sagemon: --endpoint-url "localhost:4566" must start with http:// or https://.\n',
		});
		expect((await sagemon(['wait', executionArn, '--timeout', '-1'])).code).toBe(2);
	});

	it('prints a command help with an example', async () => {
		const result = await runCli(['start', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(
			'$ sagemon start NAME [--from-execution ARN [--steps A,B,...]] [-p Name=Value ...]',
		);
		expect(result.stdout).toContain('$ sagemon start AbalonePipeline -p ModelApprovalStatus=Approved');
	});
});

describe('AWS errors exit 3', () => {
	it('names an unknown pipeline and an unknown execution', async () => {
		const pipeline = await sagemon(['start', 'NoSuchPipeline']);
		expect(pipeline.code).toBe(3);
		expect(pipeline.stderr).toMatch(/^sagemon: .*NoSuchPipeline.* does not exist\.\n$/i);

		for (const command of ['describe', 'steps', 'wait', 'watch', 'report']) {
			const result = await sagemon([command, missingExecution]);
			expect(result.code, `${command}: ${result.stderr}`).toBe(3);
			expect(result.stderr).toMatch(/^sagemon: .*zzzzzzzzzzzz.* does not exist\.\n$/);
		}

		const json = await sagemon(['describe', missingExecution, '--json']);
		expect(JSON.parse(json.stderr)).toEqual({
			error: {kind: 'NotFound', message: expect.stringContaining('zzzzzzzzzzzz')},
		});
	});

	it('gives up on throttling after the SDK retries', async () => {
		emulator.setFaults({throttleRate: 1});
		// One retry is enough to show the SDK's retries were used up; the default four only take longer.
		const result = await sagemon(['describe', executionArn], testAwsEnv({AWS_MAX_ATTEMPTS: '2'}));
		expect(result).toMatchObject({
			code: 3,
			stdout: '',
			stderr:
				'sagemon: AWS kept throttling the requests (Rate exceeded) even after retries: wait a little, or poll less often with --interval.\n',
		});
	});

	it('wait gives up when every poll stays throttled', async () => {
		emulator.setFaults({throttleRate: 1});
		const result = await sagemon(['wait', executionArn], testAwsEnv({AWS_MAX_ATTEMPTS: '1'}));
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('AWS kept throttling the requests (Rate exceeded) even after retries');
	});

	it('names the fix for a missing region, missing credentials and expired credentials', async () => {
		// A command given an ARN takes the region from it; a pipeline name names none.
		const noRegion = await sagemon(['start', 'Abalone'], testAwsEnv({AWS_REGION: ''}));
		expect(noRegion).toMatchObject({
			code: 3,
			stderr:
				'sagemon: No AWS region: pass --region, set AWS_REGION, or set a region in ~/.aws/config (or use --local).\n',
		});

		const noCredentials = await sagemon(['describe', executionArn], cleanEnv({AWS_REGION: 'us-east-1'}));
		expect(noCredentials.code).toBe(3);
		expect(noCredentials.stderr).toBe(
			'sagemon: No AWS credentials found: run "aws configure" or "aws sso login", set AWS_PROFILE, or use --local.\n',
		);

		emulator.setFaults({failWith: 'ExpiredTokenException'});
		const expired = await sagemon(['describe', executionArn, '--json']);
		expect(expired.code).toBe(3);
		expect(JSON.parse(expired.stderr)).toEqual({
			error: {
				kind: 'ExpiredCredentials',
				message: 'Your AWS credentials have expired: refresh them (aws sso login) and try again.',
			},
		});
	});

	it('takes the region from an ARN argument unless --region names another', async () => {
		// The region each call is signed for, as a server sees it (the credential scope of its Authorization).
		const regions: string[] = [];
		const server = createHttpServer((request, response) => {
			regions.push(/Credential=[^/]+\/\d+\/([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '');
			response.writeHead(400, {'content-type': 'application/x-amz-json-1.1'});
			response.end(JSON.stringify({__type: 'ValidationException', message: 'recorded'}));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const arn = 'arn:aws:sagemaker:eu-west-1:111122223333:pipeline/Abalone/execution/abc123';
		const env = testAwsEnv({AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1'});
		try {
			await runCli(['describe', arn, '--endpoint-url', url], {env});
			await runCli(['steps', arn, '--endpoint-url', url], {env: {...env, AWS_REGION: ''}});
			await runCli(['describe', arn, '--endpoint-url', url, '--region', 'ap-south-1'], {env});
		} finally {
			server.close();
		}

		expect(regions).toEqual(['eu-west-1', 'eu-west-1', 'ap-south-1']);
	});

	it('names the profile when its SSO login has expired', async () => {
		const home = join(scratch, 'home');
		mkdirSync(join(home, '.aws', 'sso', 'cache'), {recursive: true});
		writeFileSync(
			join(home, '.aws', 'config'),
			[
				'[profile ci]',
				'sso_session = corp',
				'sso_account_id = 111122223333',
				'sso_role_name = Deployer',
				'region = us-east-1',
				'',
				'[sso-session corp]',
				'sso_start_url = https://corp.awsapps.com/start',
				'sso_region = us-east-1',
				'',
			].join('\n'),
		);
		const cacheFile = `${createHash('sha1').update('corp').digest('hex')}.json`;
		writeFileSync(
			join(home, '.aws', 'sso', 'cache', cacheFile),
			JSON.stringify({
				accessToken: 'old',
				expiresAt: '2020-01-01T00:00:00Z',
				region: 'us-east-1',
				startUrl: 'https://corp.awsapps.com/start',
			}),
		);
		const env = cleanEnv({HOME: home, AWS_CONFIG_FILE: join(home, '.aws', 'config')});
		const result = await sagemon(['describe', executionArn, '--profile', 'ci'], env);
		expect(result).toMatchObject({
			code: 3,
			stderr:
				'sagemon: Your AWS credentials have expired: refresh them (aws sso login --profile ci) and try again.\n',
		});
	});

	it('reports access denied from SageMaker and from S3', async () => {
		emulator.setFaults({failWith: 'AccessDeniedException'});
		const sagemaker = await sagemon(['steps', executionArn]);
		expect(sagemaker.code).toBe(3);
		expect(sagemaker.stderr).toMatch(
			/^sagemon: Access denied: User: .+ is not authorized to perform: sagemaker:\w+.* Check the IAM permissions of the credentials in use\.\n$/,
		);

		emulator.setFaults({});
		const waited = await sagemon(['wait', executionArn]);
		expect(waited.code).toBe(0);
		emulator.setFaults({s3AccessDenied: true});
		const s3 = await sagemon(['report', executionArn, '--step', 'AbaloneEval']);
		expect(s3.code).toBe(3);
		expect(s3.stderr).toMatch(/^sagemon: Access denied: .+\n$/);
	});

	it('says which endpoint cannot be reached', async () => {
		const port = await closedPort();
		const url = `http://127.0.0.1:${port}`;
		const result = await runCli(['describe', executionArn, '--endpoint-url', url], {
			env: testAwsEnv({AWS_MAX_ATTEMPTS: '1'}),
		});
		expect(result).toMatchObject({
			code: 3,
			stderr: `sagemon: Could not reach ${url} (ECONNREFUSED): check your network and --endpoint-url.\n`,
		});
	});
});

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}
