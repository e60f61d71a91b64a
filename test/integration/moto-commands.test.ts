// The built CLI's CRUD commands (upsert, start, describe, delete) against moto_server, a second server that shares
// no code with sagemon's emulator. moto runs every execution to Succeeded at once and lists no steps.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {fixturePath} from '../helpers/fixtures.js';
import {type MotoServer, startMotoServer} from '../helpers/moto-server.js';

const roleArn = 'arn:aws:iam::123456789012:role/SageMakerRole';
const env = testAwsEnv();

let moto: MotoServer;
let scratch: string;
let sagemon: (...args: string[]) => ReturnType<typeof runCli>;

beforeAll(async () => {
	ensureBuilt();
	moto = await startMotoServer();
	scratch = mkdtempSync(join(tmpdir(), 'sagemon-moto-'));
	sagemon = (...args) => runCli([...args, '--endpoint-url', moto.url], {env});
});

afterAll(async () => {
	await moto?.close();
	if (scratch) rmSync(scratch, {recursive: true, force: true});
});

describe('sagemon against moto_server', () => {
	it('upsert creates the pipeline, then updates it, printing its ARN', async () => {
		const definition = fixturePath('abalone-tutorial.json');
		const created = await sagemon('upsert', 'MotoCli', '--definition', definition, '--role-arn', roleArn);
		expect(created).toMatchObject({code: 0, stderr: 'Created pipeline MotoCli.\n'});
		expect(created.stdout).toMatch(/^arn:aws:sagemaker:us-east-1:123456789012:pipeline\/MotoCli\n$/i);

		const updated = await sagemon(
			'upsert',
			'MotoCli',
			'--definition',
			definition,
			'--role-arn',
			roleArn,
			'--json',
		);
		expect(updated.code).toBe(0);
		expect(JSON.parse(updated.stdout)).toEqual({pipelineArn: created.stdout.trim(), created: false});
	});

	it('upsert sends nothing when the definition has problems', async () => {
		const broken = join(scratch, 'broken.json');
		writeFileSync(
			broken,
			JSON.stringify({
				Version: '2020-12-01',
				Steps: [{Name: 'Train', Type: 'Training', Arguments: {}, DependsOn: ['Missing']}],
			}),
		);
		const result = await sagemon('upsert', 'MotoBroken', '--definition', broken, '--role-arn', roleArn);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('broken.json: 1 problem, nothing was sent');
		expect(result.stderr).toContain('Missing');
		const start = await sagemon('start', 'MotoBroken');
		expect(start.code).toBe(3);
	});

	it('start refuses a bad override before calling the service, naming the parameter and its type', async () => {
		const bad = await sagemon('start', 'MotoCli', '-p', 'ProcessingInstanceCount=3.5');
		expect(bad).toMatchObject({
			code: 2,
			stdout: '',
			stderr: "sagemon: ProcessingInstanceCount must be a whole number, got '3.5'.\n",
		});
		const unknown = await sagemon('start', 'MotoCli', '-p', 'Epochs=3', '--json');
		expect(unknown.code).toBe(2);
		expect(JSON.parse(unknown.stderr)).toEqual({
			error: {
				kind: 'Usage',
				message:
					"Unknown parameter 'Epochs'. Parameters: ProcessingInstanceType, ProcessingInstanceCount, TrainingInstanceType, ModelApprovalStatus, InputData, BatchData.",
			},
		});
	});

	it('start prints the execution ARN and describe shows it with its parameters', async () => {
		const started = await sagemon(
			'start',
			'MotoCli',
			'-p',
			'ModelApprovalStatus=Approved',
			'--display-name',
			'ci-run-1',
		);
		expect(started.code).toBe(0);
		const arn = started.stdout.trim();
		expect(arn).toMatch(
			/^arn:aws:sagemaker:us-east-1:123456789012:pipeline\/MotoCli\/execution\/[a-z0-9]+$/i,
		);

		const shown = await sagemon('describe', arn);
		expect(shown.code).toBe(0);
		expect(shown.stdout).toContain('Pipeline        MotoCli\n');
		expect(shown.stdout).toContain(`Execution       ${arn}\n`);
		expect(shown.stdout).toContain('Display name    ci-run-1\n');
		expect(shown.stdout).toContain('Status          Succeeded\n');
		expect(shown.stdout).toContain('Parameters\n  ModelApprovalStatus  Approved\n');

		const json = await sagemon('describe', arn, '--json');
		expect(JSON.parse(json.stdout)).toMatchObject({
			arn,
			status: 'Succeeded',
			displayName: 'ci-run-1',
			parameters: [{name: 'ModelApprovalStatus', value: 'Approved'}],
		});
	});

	it('reports an unknown pipeline or execution as an AWS error (exit 3)', async () => {
		const pipeline = await sagemon('start', 'NoSuchPipeline');
		expect(pipeline).toMatchObject({code: 3, stdout: ''});
		expect(pipeline.stderr).toBe('sagemon: Could not find pipeline with PipelineName NoSuchPipeline.\n');

		const arn = 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/MotoCli/execution/zzzzzzzzzzzz';
		const execution = await sagemon('describe', arn, '--json');
		expect(execution.code).toBe(3);
		expect(JSON.parse(execution.stderr)).toMatchObject({error: {kind: 'NotFound'}});
	});

	it('delete needs --yes without a terminal, then deletes', async () => {
		const definition = fixturePath('abalone-tutorial.json');
		expect(
			(await sagemon('upsert', 'MotoGone', '--definition', definition, '--role-arn', roleArn)).code,
		).toBe(0);

		const refused = await sagemon('delete', 'MotoGone');
		expect(refused).toMatchObject({
			code: 2,
			stderr:
				'sagemon: delete asks for confirmation, but stdin is not a terminal: pass --yes to delete pipeline MotoGone.\n',
		});

		const deleted = await sagemon('delete', 'MotoGone', '--yes');
		expect(deleted).toMatchObject({code: 0, stdout: 'Deleted pipeline MotoGone\n'});
		expect((await sagemon('start', 'MotoGone')).code).toBe(3);
	});

	it('--read-only refuses every change before any call', async () => {
		for (const args of [
			['upsert', 'MotoCli', '--definition', fixturePath('abalone-tutorial.json'), '--role-arn', roleArn],
			['start', 'MotoCli'],
			['stop', 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/MotoCli/execution/abc'],
			['delete', 'MotoCli', '--yes'],
		]) {
			const result = await sagemon(...args, '--read-only');
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(
				/^sagemon: Refusing to .+: --read-only is set, which allows no changes\.\n$/,
			);
		}

		expect((await sagemon('describe', 'not-an-arn')).stderr).toContain('is not a pipeline execution ARN');
	});
});
