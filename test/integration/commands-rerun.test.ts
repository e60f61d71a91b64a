// `sagemon start NAME --from-execution ARN [--steps ...]` on the built CLI against the emulator: the source
// execution's parameters (defaults included) with -p overriding one, a selective execution of connected steps
// (read back with boto3 as a second client), and a selection that is not connected or names unknown steps
// refused with exit 2 and one sentence before anything is started. `steps` and `describe` show the reuse.
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {python} from '../helpers/aws-programs.js';
import {readFixture} from '../helpers/fixtures.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';
const env = testAwsEnv();
const reader = fileURLToPath(new URL('python/read_selective.py', import.meta.url));

let emulator: RunningEmulator;
let scratch: string;
let source: string;
const sagemon = (...args: string[]) =>
	runCli([...args, '--endpoint-url', emulator.url, '--interval', '0.05'], {env});

// biome-ignore lint/suspicious/noExplicitAny: the script's JSON is read as plain data.
function readBack(...args: string[]): Promise<any> {
	return new Promise((resolve, reject) => {
		execFile(
			python(),
			[reader, ...args],
			{env: {...env, SAGEMON_ENDPOINT: emulator.url}, timeout: 60_000},
			(error, stdout, stderr) => {
				if (error) reject(new Error(`read_selective.py failed: ${error.message}\n${stderr}`));
				else resolve(JSON.parse(stdout));
			},
		);
	});
}

async function executionCount(): Promise<number> {
	return (await readBack('--count', 'Rerun')) as number;
}

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 1000, demo: false});
	scratch = mkdtempSync(join(tmpdir(), 'sagemon-rerun-'));
	writeFileSync(join(scratch, 'abalone.json'), readFixture('abalone-tutorial.json'));
	const created = await sagemon(
		'upsert',
		'Rerun',
		'--definition',
		join(scratch, 'abalone.json'),
		'--role-arn',
		roleArn,
	);
	expect(created.code, created.stderr).toBe(0);
	const other = await sagemon(
		'upsert',
		'Other',
		'--definition',
		join(scratch, 'abalone.json'),
		'--role-arn',
		roleArn,
	);
	expect(other.code, other.stderr).toBe(0);
	const started = await sagemon('start', 'Rerun', '-p', 'TrainingInstanceType=ml.m5.2xlarge', '--wait');
	expect(started.code, started.stderr).toBe(0);
	source = started.stdout.trim().split('\n')[0]!;
}, 120_000);

afterAll(async () => {
	await emulator?.close();
	if (scratch) rmSync(scratch, {recursive: true, force: true});
});

describe('start --from-execution', () => {
	it('starts with every parameter the source ran with, defaults included, -p overriding one', async () => {
		const started = await sagemon(
			'start',
			'Rerun',
			'--from-execution',
			source,
			'-p',
			'ModelApprovalStatus=Approved',
			'--wait',
		);
		expect(started.code, started.stderr).toBe(0);
		const arn = started.stdout.trim().split('\n')[0]!;
		const back = await readBack(arn);
		expect(back.config).toBeNull();
		expect(back.parameters).toEqual({
			ProcessingInstanceType: 'ml.m5.xlarge',
			ProcessingInstanceCount: '1',
			TrainingInstanceType: 'ml.m5.2xlarge',
			ModelApprovalStatus: 'Approved',
			InputData: 's3://sagemaker-us-east-2-111122223333/abalone/abalone-dataset.csv',
			BatchData: 's3://sagemaker-us-east-2-111122223333/abalone/abalone-dataset-batch',
		});
	}, 60_000);

	it('with --steps runs only those steps and reuses the others from the source', async () => {
		const selected = 'AbaloneTrain,AbaloneEval,AbaloneMSECond';
		const started = await sagemon(
			'start',
			'Rerun',
			'--from-execution',
			source,
			'--steps',
			selected,
			'--wait',
		);
		expect(started.code, started.stderr).toBe(0);
		const arn = started.stdout.trim().split('\n')[0]!;
		const back = await readBack(arn);
		expect(back.status).toBe('Succeeded');
		expect(back.config).toEqual({
			SourcePipelineExecutionArn: source,
			SelectedSteps: [{StepName: 'AbaloneTrain'}, {StepName: 'AbaloneEval'}, {StepName: 'AbaloneMSECond'}],
		});
		expect(back.steps).toEqual({
			AbaloneProcess: source,
			AbaloneTrain: null,
			AbaloneEval: null,
			AbaloneMSECond: null,
		});
		expect(back.parameters.TrainingInstanceType).toBe('ml.m5.2xlarge');

		const steps = await sagemon('steps', arn);
		expect(steps.code, steps.stderr).toBe(0);
		expect(steps.stdout).toMatch(/^AbaloneProcess +Processing +Succeeded .* reused\s*$/m);
		expect(steps.stdout).toMatch(/^AbaloneTrain +Training +Succeeded .* -\s*$/m);
		expect(steps.stdout).toContain(`Reused from ${source}: AbaloneProcess\n`);
		const stepsJson = JSON.parse((await sagemon('steps', arn, '--json')).stdout) as Array<
			Record<string, unknown>
		>;
		expect(stepsJson.find((step) => step.name === 'AbaloneProcess')).toMatchObject({reusedFromArn: source});

		const described = await sagemon('describe', arn);
		expect(described.stdout).toContain(
			`Selective       ran only AbaloneTrain, AbaloneEval, AbaloneMSECond; the other steps reuse ${source}\n`,
		);
		const describedJson = JSON.parse((await sagemon('describe', arn, '--json')).stdout);
		expect(describedJson.selectiveExecution).toEqual({
			sourceExecutionArn: source,
			selectedSteps: ['AbaloneTrain', 'AbaloneEval', 'AbaloneMSECond'],
		});
	}, 60_000);

	it('refuses a selection with a gap in it before starting anything', async () => {
		const before = await executionCount();
		const refused = await sagemon(
			'start',
			'Rerun',
			'--from-execution',
			source,
			'--steps',
			'AbaloneProcess,AbaloneEval',
		);
		expect(refused).toMatchObject({code: 2, stdout: ''});
		expect(refused.stderr).toContain(
			'The steps [AbaloneTrain] lie on a path between selected steps, so they must be selected too.',
		);
		expect(await executionCount()).toBe(before);
	});

	it('refuses unknown step names and a selection that is not connected', async () => {
		const unknown = await sagemon(
			'start',
			'Rerun',
			'--from-execution',
			source,
			'--steps',
			'AbaloneEval,Nope',
		);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('The selected steps [Nope] are not steps of this pipeline.');
		const apart = await sagemon(
			'start',
			'Rerun',
			'--from-execution',
			source,
			'--steps',
			'AbaloneRegisterModel,AbaloneTransform',
		);
		expect(apart.code).toBe(2);
		expect(apart.stderr).toContain(
			'The selected steps are not connected: [AbaloneRegisterModel] and [AbaloneTransform] have no path between them.',
		);
	});

	it('refuses --steps without --from-execution and a source of another pipeline', async () => {
		const alone = await sagemon('start', 'Rerun', '--steps', 'AbaloneEval');
		expect(alone.code).toBe(2);
		expect(alone.stderr).toContain('--steps needs --from-execution ARN');
		const other = await sagemon('start', 'Other', '--from-execution', source);
		expect(other.code).toBe(2);
		expect(other.stderr).toContain('--from-execution is an execution of Rerun, not of Other.');
	});
});
