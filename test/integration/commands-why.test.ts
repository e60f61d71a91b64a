// `sagemon why` and `sagemon retry` as the built CLI against the emulator: one execution per kind of failure
// (code, transient, gate, stopped) and a succeeded one, in text and --json, with the exit codes of the contract.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSageMakerGateway} from '../../source/aws/sagemaker-gateway.js';
import type {PipelinesApi} from '../../source/aws/types.js';
import {failingJobDemo} from '../../source/emulator/demo/failing-job-pipeline.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {terminalExecutionStatuses} from '../../source/pipeline/model.js';
import {ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';
const env = testAwsEnv();
let emulator: RunningEmulator;
let pipelines: PipelinesApi;

const sagemon = (...args: string[]) => runCli([...args, '--endpoint-url', emulator.url], {env});

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	pipelines = createSageMakerGateway(sageMakerClientFor(emulator));
});

afterAll(async () => {
	await emulator?.close();
});

async function until(arn: string, done: (status: string) => boolean): Promise<void> {
	while (!done((await pipelines.describeExecution(arn)).status))
		await new Promise((resolve) => setTimeout(resolve, 30));
}

async function start(name: string, definition: unknown, parameters: Record<string, string> = {}) {
	await pipelines.upsertPipeline({name, definition: JSON.stringify(definition), roleArn});
	return pipelines.startExecution({
		pipelineName: name,
		parameters: Object.entries(parameters).map(([key, value]) => ({name: key, value})),
	});
}

async function runToEnd(name: string, definition: unknown, parameters: Record<string, string> = {}) {
	const arn = await start(name, definition, parameters);
	await until(arn, (status) => terminalExecutionStatuses.has(status as 'Failed'));
	return arn;
}

function tuned(fixture: string, steps: Record<string, unknown>): Record<string, unknown> {
	const definition = JSON.parse(readFixture(fixture));
	definition.Metadata = {'sagemon.emulator': {steps}};
	return definition;
}

type WhyJson = {
	status: string;
	failureReason: string | null;
	failedSteps: Array<Record<string, unknown> & {logExcerpt: string[]}>;
	stopped?: {by: string | null; at: string | null; steps: string[]};
};

describe('sagemon why', () => {
	it('a code failure: the failed training step, its reasons, its traceback and a re-run from it', async () => {
		const arn = await runToEnd('FraudDetection', failingJobDemo.definition);
		const text = await sagemon('why', arn);
		expect(text.code, text.stderr).toBe(1);
		expect(text.stderr).toBe('');
		const lines = text.stdout.split('\n');
		expect(lines[0]).toBe('Execution Failed: Step failure: One or multiple steps failed.');
		expect(lines).toContain('FraudTrain (Training): code');
		expect(text.stdout).toContain('  log:\n    Traceback (most recent call last):');
		expect(text.stdout).toMatch(/ {4}ValueError: feature_names mismatch/);
		// A training job's last SecondaryStatusTransitions message.
		expect(lines).toContain('  last status: Training job failed');
		// The next action re-runs FraudTrain and what follows it (alone, it would skip them), and pastes as it is.
		const rerun = `sagemon start FraudDetection --from-execution ${arn} --steps FraudTrain,FraudEvaluate,FraudAUCCheck,FraudRegister`;
		expect(text.stdout).toContain(`    ${rerun}\n`);
		const pasted = await sagemon(...rerun.split(' ').slice(1));
		expect(pasted.code, pasted.stderr).toBe(0);
		expect((await pipelines.describeExecution(pasted.stdout.trim())).selectiveExecution).toEqual({
			sourceExecutionArn: arn,
			selectedSteps: ['FraudTrain', 'FraudEvaluate', 'FraudAUCCheck', 'FraudRegister'],
		});

		const json = await sagemon('why', arn, '--json', '--lines', '3');
		expect(json.code).toBe(1);
		const parsed = JSON.parse(json.stdout) as WhyJson;
		expect(parsed.status).toBe('Failed');
		expect(parsed.failedSteps).toHaveLength(1);
		const [step] = parsed.failedSteps;
		expect(step).toMatchObject({name: 'FraudTrain', type: 'Training', kind: 'code'});
		expect(String(step?.reason)).toMatch(/^AlgorithmError/);
		expect(Object.keys(step ?? {})).toEqual(
			expect.arrayContaining(['jobReason', 'exitMessage', 'logExcerpt', 'nextAction']),
		);
		// The traceback is longer than 3 lines: its header and its last two, where the exception is.
		expect(step?.logExcerpt).toHaveLength(3);
		expect(step?.logExcerpt[0]).toBe('Traceback (most recent call last):');
	});

	it('a transient failure: capacity, answered with `sagemon retry`, which then succeeds', async () => {
		const definition = tuned('abalone-tutorial.json', {
			AbaloneTrain: {failureKind: 'capacity', failAttempts: 1},
		});
		const arn = await runToEnd('AbaloneCapacity', definition);
		const json = await sagemon('why', arn, '--json');
		expect(json.code, json.stderr).toBe(1);
		const [step] = (JSON.parse(json.stdout) as WhyJson).failedSteps;
		expect(step).toMatchObject({name: 'AbaloneTrain', kind: 'transient', nextAction: `sagemon retry ${arn}`});
		expect(String(step?.jobReason)).toMatch(/^CapacityError: Unable to provision/);

		const readOnly = await sagemon('retry', arn, '--read-only');
		expect(readOnly).toMatchObject({code: 2, stdout: ''});
		expect(readOnly.stderr).toContain('Refusing to retry the execution: --read-only is set');

		const retried = await sagemon('retry', arn);
		expect(retried).toMatchObject({code: 0, stdout: `Retrying ${arn}\n`, stderr: ''});
		await until(arn, (status) => status === 'Succeeded');
		const after = await sagemon('why', arn);
		expect(after).toMatchObject({code: 0, stdout: 'Execution Succeeded\nNothing failed.\n'});
	});

	it("a client error is code, with the processing job's exit message; an internal error is transient", async () => {
		const client = await runToEnd(
			'AbaloneClient',
			tuned('abalone-tutorial.json', {AbaloneProcess: {failureKind: 'client'}}),
		);
		const text = await sagemon('why', client);
		expect(text.code, text.stderr).toBe(1);
		expect(text.stdout).toMatch(/^AbaloneProcess \(Processing\): code$/m);
		expect(text.stdout).toMatch(/^ {2}exit message: ClientError: /m);
		// The first step: re-running from it is a plain start with the same parameters.
		expect(text.stdout).toContain(`    sagemon start AbaloneClient --from-execution ${client}\n`);

		const internal = await runToEnd(
			'AbaloneInternal',
			tuned('abalone-tutorial.json', {AbaloneTrain: {failureKind: 'internal'}}),
		);
		const [step] = (JSON.parse((await sagemon('why', internal, '--json')).stdout) as WhyJson).failedSteps;
		expect(step).toMatchObject({
			name: 'AbaloneTrain',
			kind: 'transient',
			nextAction: `sagemon retry ${internal}`,
		});
		expect(String(step?.jobReason)).toMatch(/^InternalServerError/);
	});

	it('a gate: the Fail step after the MSE condition, with the value it compared', async () => {
		const arn = await runToEnd('AbaloneGate', JSON.parse(readFixture('abalone-examples-notebook.json')), {
			MseThreshold: '-1',
		});
		const text = await sagemon('why', arn);
		expect(text.code, text.stderr).toBe(1);
		expect(text.stdout).toMatch(/^AbaloneMSEFail \(Fail\): gate$/m);
		// The Fail step's evaluated message, then the condition with the values it compared and where they came from.
		expect(text.stdout).toMatch(/^ {2}message: Execution failed due to MSE > -1\.0$/m);
		expect(text.stdout).toMatch(
			/^ {2}condition: AbaloneMSECond: regression_metrics\.mse\.value [\d.]+ > MseThreshold -1\S* \(from AbaloneEval's evaluation\.json\)$/m,
		);

		const json = await sagemon('why', arn, '--json');
		const [step] = (JSON.parse(json.stdout) as WhyJson).failedSteps;
		expect(step).toMatchObject({name: 'AbaloneMSEFail', type: 'Fail', kind: 'gate'});
		expect(String(step?.condition)).toContain("(from AbaloneEval's evaluation.json)");
		expect(step?.nextAction).toBe(`sagemon start AbaloneGate --from-execution ${arn} -p MseThreshold=-1`);
	});

	it('a stopped execution: who stopped it, which step, and exit 1', async () => {
		const definition = tuned('abalone-tutorial.json', {AbaloneProcess: {durationSeconds: 10_000_000}});
		const arn = await start('AbaloneStopped', definition);
		while (!(await pipelines.listSteps(arn)).some((record) => record.status === 'Executing'))
			await new Promise((resolve) => setTimeout(resolve, 30));
		expect((await sagemon('stop', arn)).code).toBe(0);
		await until(arn, (status) => status === 'Stopped');
		const json = await sagemon('why', arn, '--json');
		expect(json.code, json.stderr).toBe(1);
		const parsed = JSON.parse(json.stdout) as WhyJson;
		expect(parsed.status).toBe('Stopped');
		expect(parsed.stopped?.steps).toEqual(['AbaloneProcess']);
		expect(parsed.stopped?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
		// Who stopped it: the identity that called StopPipelineExecution.
		expect(parsed.stopped?.by).toMatch(/^arn:aws:(iam|sts)::\d{12}:/);
		expect(parsed.failedSteps.map((step) => [step.name, step.kind, step.nextAction])).toEqual([
			['AbaloneProcess', 'stopped', `sagemon retry ${arn}`],
		]);
		const text = await sagemon('why', arn);
		expect(text.stdout).toMatch(
			/^Stopped by arn:aws:\S+ at \d{4}-\d\d-\d\d [\d:]+; stopped steps: AbaloneProcess$/m,
		);
	});

	it('a running execution that already has a failed step is answered the same way, exit 1', async () => {
		// FraudDataQualityReport runs beside training for a long time: the execution is still Executing when
		// FraudTrain fails.
		const definition = structuredClone(failingJobDemo.definition) as {
			Metadata: {'sagemon.emulator': {steps: Record<string, unknown>}};
		};
		definition.Metadata['sagemon.emulator'].steps.FraudDataQualityReport = {durationSeconds: 10_000_000};
		const arn = await start('FraudRunning', definition);
		while (!(await pipelines.listSteps(arn)).some((record) => record.status === 'Failed'))
			await new Promise((resolve) => setTimeout(resolve, 30));
		const json = await sagemon('why', arn, '--json');
		expect(json.code, json.stderr).toBe(1);
		const parsed = JSON.parse(json.stdout) as WhyJson;
		expect(parsed.status).toBe('Executing');
		expect(parsed.failedSteps.map((step) => [step.name, step.kind])).toEqual([['FraudTrain', 'code']]);
		expect(parsed.failedSteps[0]?.advice).toContain('The execution is still running');
		expect((await sagemon('stop', arn)).code).toBe(0);
	});

	it('a succeeded execution exits 0 and says so; AWS errors exit 3, bad input 2', async () => {
		const arn = await runToEnd('AbaloneFine', JSON.parse(readFixture('abalone-tutorial.json')));
		expect(await sagemon('why', arn)).toMatchObject({
			code: 0,
			stdout: 'Execution Succeeded\nNothing failed.\n',
		});
		expect(JSON.parse((await sagemon('why', arn, '--json')).stdout)).toEqual({
			status: 'Succeeded',
			failureReason: null,
			failedSteps: [],
		});

		const missing = await sagemon('why', `${arn.slice(0, -4)}zzzz`);
		expect(missing.code).toBe(3);
		expect(missing.stdout).toBe('');
		expect((await sagemon('why', arn, '--lines', '-2')).code).toBe(2);
		expect((await sagemon('why', 'not-an-arn')).code).toBe(2);
	});
});
