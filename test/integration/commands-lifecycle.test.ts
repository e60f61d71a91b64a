// The tutorial's flow as commands of the built CLI against the emulator: upsert, start, wait, describe, steps,
// report, watch, stop, delete, each asserted on stdout, stderr and exit code.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {readFixture} from '../helpers/fixtures.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';
const env = testAwsEnv();
const evaluation = {regression_metrics: {mse: {value: 2.5, standard_deviation: 0.4}}};

/**
 * The tutorial's abalone pipeline with emulator tuning: short steps (a run takes 4.5 × `stepSeconds` emulated
 * seconds: about 1 s of real time at the default and the emulator's time scale of 100), a known report,
 * optionally a failure.
 */
function abalone(tuning: Record<string, unknown> = {}, stepSeconds = 20): string {
	const definition = JSON.parse(readFixture('abalone-tutorial.json'));
	definition.Metadata = {
		'sagemon.emulator': {
			steps: {
				AbaloneProcess: {durationSeconds: stepSeconds},
				AbaloneTrain: {durationSeconds: stepSeconds},
				AbaloneEval: {durationSeconds: stepSeconds, propertyFiles: {EvaluationReport: evaluation}},
				AbaloneRegisterModel: {durationSeconds: stepSeconds / 2},
				AbaloneCreateModel: {durationSeconds: stepSeconds / 2},
				AbaloneTransform: {durationSeconds: stepSeconds},
				...tuning,
			},
		},
	};
	return JSON.stringify(definition);
}

let emulator: RunningEmulator;
let scratch: string;
const sagemon = (...args: string[]) =>
	runCli([...args, '--endpoint-url', emulator.url, '--interval', '0.05'], {env});

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 100, demo: false});
	scratch = mkdtempSync(join(tmpdir(), 'sagemon-commands-'));
	writeFileSync(join(scratch, 'abalone.json'), abalone());
	// Long enough (about 5 s) that `wait`, started as a new process after `start` returns, finds it still running
	// on a loaded machine.
	writeFileSync(join(scratch, 'abalone-5s.json'), abalone({}, 120));
	writeFileSync(
		join(scratch, 'failing.json'),
		abalone({AbaloneTrain: {durationSeconds: 20, fail: 'AlgorithmError: loss is NaN'}}),
	);
	writeFileSync(join(scratch, 'slow.json'), abalone({AbaloneProcess: {durationSeconds: 100_000}}));
});

afterAll(async () => {
	await emulator?.close();
	if (scratch) rmSync(scratch, {recursive: true, force: true});
});

async function upsert(name: string, file: string): Promise<void> {
	const result = await sagemon('upsert', name, '--definition', join(scratch, file), '--role-arn', roleArn);
	expect(result.code, result.stderr).toBe(0);
}

async function start(name: string, ...args: string[]): Promise<string> {
	const result = await sagemon('start', name, ...args);
	expect(result.code, result.stderr).toBe(0);
	return result.stdout.trim();
}

describe('a succeeding execution', () => {
	let arn: string;

	beforeAll(async () => {
		const created = await sagemon(
			'upsert',
			'Abalone',
			'--definition',
			join(scratch, 'abalone-5s.json'),
			'--role-arn',
			roleArn,
		);
		expect(created).toMatchObject({code: 0, stderr: 'Created pipeline Abalone.\n'});
		expect(created.stdout).toMatch(/^arn:aws:sagemaker:[a-z0-9-]+:\d{12}:pipeline\/Abalone\n$/);
		arn = await start('Abalone', '-p', 'ModelApprovalStatus=Approved', '-p', 'ProcessingInstanceCount=2');
		expect(arn).toMatch(/^arn:aws:sagemaker:[a-z0-9-]+:\d{12}:pipeline\/Abalone\/execution\/[a-z0-9]+$/);
	});

	it('wait prints progress on stderr and exits 0', async () => {
		const result = await sagemon('wait', arn);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toBe('');
		const lines = result.stderr.split('\n');
		expect(lines[0]).toMatch(/^Execution .*of Abalone \(Executing/);
		for (const step of [
			'AbaloneProcess',
			'AbaloneTrain',
			'AbaloneEval',
			'AbaloneRegisterModel',
			'AbaloneTransform',
		]) {
			expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Succeeded  ${step} \\(\\d`)));
		}

		expect(lines).toContainEqual(
			expect.stringMatching(/^Succeeded {2}AbaloneMSECond \([^,]+, outcome True\)$/),
		);
		expect(lines.at(-2)).toMatch(/^Execution Succeeded after \d/);
	});

	it('describe shows the status and the parameters it ran with', async () => {
		const result = await sagemon('describe', arn);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Pipeline        Abalone\n');
		expect(result.stdout).toContain('Status          Succeeded\n');
		expect(result.stdout).toMatch(/\n {2}ModelApprovalStatus +Approved\n/);
		expect(result.stdout).toMatch(/\n {2}ProcessingInstanceCount +2\n/);
	});

	it('steps prints a table in start order, and the raw list with --json', async () => {
		const table = await sagemon('steps', arn);
		expect(table.code).toBe(0);
		const [header, ...rows] = table.stdout.trimEnd().split('\n');
		expect(header).toMatch(/^STEP +TYPE +STATUS +STARTED \(UTC\) +DURATION +CACHE +FAILURE REASON$/);
		expect(rows.map((row) => row.split(/ +/).slice(0, 3))).toEqual(
			expect.arrayContaining([
				['AbaloneProcess', 'Processing', 'Succeeded'],
				['AbaloneTrain', 'Training', 'Succeeded'],
				['AbaloneMSECond', 'Condition', 'Succeeded'],
				['AbaloneTransform', 'Transform', 'Succeeded'],
			]),
		);
		expect(rows[0]).toMatch(/^AbaloneProcess /);
		expect(rows).toHaveLength(7);

		const json = await sagemon('steps', arn, '--json');
		const records = JSON.parse(json.stdout);
		expect(records).toHaveLength(7);
		expect(records[0]).toMatchObject({
			name: expect.any(String),
			status: 'Succeeded',
			startedAt: expect.any(Number),
		});
	});

	it('report prints the evaluation report read from S3', async () => {
		const result = await sagemon('report', arn, '--step', 'AbaloneEval');
		expect(result.code, result.stderr).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual(evaluation);
		expect(result.stderr).toMatch(/^AbaloneEval\/EvaluationReport: s3:\/\/.+\/evaluation\.json, modified /);

		const all = await sagemon('report', arn, '--json');
		expect(JSON.parse(all.stdout)).toMatchObject({
			step: 'AbaloneEval',
			propertyFile: 'EvaluationReport',
			uri: expect.stringMatching(/^s3:\/\/.+\/evaluation\/evaluation\.json$/),
			value: evaluation,
		});

		const byFile = await sagemon('report', arn, '--step', 'AbaloneEval', '--file', 'evaluation.json');
		expect(JSON.parse(byFile.stdout)).toEqual(evaluation);
	});

	it('report explains a step without reports and refuses a step that does not exist', async () => {
		const none = await sagemon('report', arn, '--step', 'AbaloneTrain');
		expect(none).toMatchObject({
			code: 2,
			stderr:
				'sagemon: Step AbaloneTrain declares no property files, so it has no report (steps with reports: AbaloneEval).\n',
		});
		const missing = await sagemon('report', arn, '--step', 'NoSuchStep');
		expect(missing).toMatchObject({
			code: 2,
			stderr:
				"sagemon: This execution's definition has no step named NoSuchStep (steps with reports: AbaloneEval).\n",
		});
		const noFile = await sagemon('report', arn, '--step', 'AbaloneEval', '--file', 'no-such.json');
		expect(noFile.code, noFile.stderr).toBe(2);
		expect(noFile.stderr).toMatch(/^sagemon: --file no-such\.json: s3:\/\/\S+\/no-such\.json does not exist/);
	});

	it('watch without a terminal prints one line per change and exits 0', async () => {
		const result = await sagemon('watch', arn);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Execution .*of Abalone \(Succeeded\)\n/);
		expect(result.stdout).toContain('Succeeded  AbaloneTrain (');
		expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Execution Succeeded after /);
	});

	it('stop refuses an execution that already ended, saying its status', async () => {
		const result = await sagemon('stop', arn);
		expect(result).toMatchObject({
			code: 3,
			stderr: 'sagemon: The execution is already Succeeded; only an Executing execution can be stopped.\n',
		});
	});
});

describe('executions that do not succeed', () => {
	it('start --wait exits 1 when a step fails, with the failure reason', async () => {
		await upsert('AbaloneFailing', 'failing.json');
		const result = await sagemon('start', 'AbaloneFailing', '--wait');
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/^arn:aws:sagemaker:.+\/execution\/[a-z0-9]+\n$/);
		expect(result.stderr).toMatch(/\nFailed {5}AbaloneTrain \(\d[^)]*\): AlgorithmError: loss is NaN\n/);
		expect(result.stderr).toMatch(
			/\nExecution Failed after [^:]+: Step failure: One or multiple steps failed\.\n$/,
		);

		const steps = await sagemon('steps', result.stdout.trim());
		expect(steps.stdout).toMatch(/\nAbaloneTrain +Training +Failed +.+AlgorithmError: loss is NaN\n/);
	});

	it('stop moves a running execution to Stopped, and wait then exits 1', async () => {
		await upsert('AbaloneSlow', 'slow.json');
		const arn = await start('AbaloneSlow');
		const stopped = await sagemon('stop', arn);
		expect(stopped).toMatchObject({code: 0, stdout: `Stopping ${arn}\n`});
		const waited = await sagemon('wait', arn);
		expect(waited.code).toBe(1);
		expect(waited.stderr).toMatch(/\nExecution Stopped after /);
	});

	it('wait --timeout gives up with exit 124 while the execution goes on', async () => {
		const arn = await start('AbaloneSlow');
		const result = await sagemon('wait', arn, '--timeout', '0.5');
		expect(result.code).toBe(124);
		expect(result.stderr).toMatch(
			/\nsagemon: Gave up waiting after \d+ms \(--timeout\)\. The execution is still Executing\.\n$/,
		);
		expect((await sagemon('stop', arn)).code).toBe(0);
	});

	it('wait stops on Ctrl+C with exit 130 and leaves the execution running', async () => {
		const arn = await start('AbaloneSlow');
		const result = await runCli(['wait', arn, '--endpoint-url', emulator.url, '--interval', '0.05'], {
			env,
			// Interrupt as soon as the first progress line shows that waiting has begun.
			onSpawn: (child) => child.stderr?.once('data', () => child.kill('SIGINT')),
		});
		expect(result.code).toBe(130);
		expect(result.stderr).toMatch(
			/\nsagemon: interrupted; the execution goes on\. The execution is still Executing\.\n$/,
		);
		expect((await sagemon('describe', arn)).stdout).toContain('Status          Executing\n');
		expect((await sagemon('stop', arn)).code).toBe(0);
	});
});

describe('delete', () => {
	it('deletes with --yes, after which the pipeline is unknown', async () => {
		await upsert('AbaloneDoomed', 'abalone.json');
		const result = await sagemon('delete', 'AbaloneDoomed', '--yes', '--json');
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({pipelineName: 'AbaloneDoomed', deleted: true});
		const again = await sagemon('delete', 'AbaloneDoomed', '--yes');
		expect(again.code).toBe(3);
		expect(again.stderr).toMatch(/^sagemon: .*AbaloneDoomed.*does not exist\.\n$/i);
	});
});
