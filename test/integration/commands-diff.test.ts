// `sagemon diff` as the built CLI against the emulator: two runs of the tutorial that differ in a parameter, their
// evaluation report, their training metrics and (through the MSE condition) the outcome of the steps after it;
// the text, --all, --json, two pipelines, and the exit codes for bad input and AWS errors.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSageMakerGateway} from '../../source/aws/sagemaker-gateway.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {runToEnd} from '../aws/evidence-harness.js';
import {ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';

/** The tutorial, reporting `mse` from its evaluation and `rmse` as its training job's validation metric. */
function tutorial(mse: number, rmse: number): unknown {
	const definition = JSON.parse(readFixture('abalone-tutorial.json'));
	definition.Metadata = {
		'sagemon.emulator': {
			steps: {
				AbaloneTrain: {metrics: {'validation:rmse': rmse}},
				AbaloneEval: {
					propertyFiles: {
						EvaluationReport: {regression_metrics: {mse: {value: mse, standard_deviation: 2.1}}},
					},
				},
			},
		},
	};
	return definition;
}

let emulator: RunningEmulator;
let before = '';
let after = '';
let other = '';
let changed = '';
const sagemon = (...args: string[]) => runCli([...args, '--endpoint-url', emulator.url], {env: testAwsEnv()});

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	const pipelines = createSageMakerGateway(sageMakerClientFor(emulator));
	before = await runToEnd(pipelines, 'AbaloneTuning', tutorial(4.5, 4.1));
	// A worse MSE, above the condition's 6.0: the model is neither registered nor created nor used.
	after = await runToEnd(pipelines, 'AbaloneTuning', tutorial(6.4, 3.2), {ProcessingInstanceCount: '2'});
	other = await runToEnd(pipelines, 'AbaloneOther', tutorial(4.5, 4.1));
	// A new version of AbaloneOther: a deeper tree, no batch transform, and a step that only says it ran.
	const edited = tutorial(4.5, 4.1) as {Steps: Array<{Name: string; Arguments: Record<string, unknown>}>};
	const step = (name: string) => edited.Steps.find((candidate) => candidate.Name === name)!.Arguments;
	(step('AbaloneTrain').HyperParameters as Record<string, string>).max_depth = '8';
	const branch = step('AbaloneMSECond') as {IfSteps: Array<{Name: string}>};
	branch.IfSteps = branch.IfSteps.filter((candidate) => candidate.Name !== 'AbaloneTransform');
	edited.Steps.push({
		Name: 'AbaloneNotify',
		Type: 'Lambda',
		Arguments: {},
		FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:notify',
		DependsOn: ['AbaloneEval'],
	} as (typeof edited.Steps)[number]);
	changed = await runToEnd(pipelines, 'AbaloneOther', edited);
}, 60_000);

afterAll(async () => {
	await emulator?.close();
});

describe('sagemon diff', () => {
	it('prints the changed parameter, report value, metric and step outcomes, and nothing that stayed the same', async () => {
		const result = await sagemon('diff', before, after);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		expect(lines[0]).toBe(`A ${before} (AbaloneTuning, Succeeded)`);
		expect(lines).toContain('  ProcessingInstanceCount  1 → 2 (+100%)');
		expect(lines).toContain('  the same definition (versions 1 → 2)');
		expect(lines).toContain('    regression_metrics.mse.value  4.5 → 6.4 (+42.2%)');
		expect(lines).toContain('    validation:rmse  4.1 → 3.2 (-22%)');
		expect(result.stdout).toMatch(/^ {2}AbaloneProcess +succeeded .* instances 1 → 2$/m);
		expect(result.stdout).toMatch(/^ {2}AbaloneRegisterModel +succeeded → skipped/m);
		expect(result.stdout).toMatch(/^ {2}AbaloneTransform +succeeded → skipped/m);
		expect(result.stdout).not.toContain('(same)');
		expect(result.stdout).not.toContain('InputData');
		expect(result.stdout).not.toContain('standard_deviation');
		expect(result.stdout).not.toContain('different pipelines');
	});

	it('--all shows the unchanged rows too', async () => {
		const result = await sagemon('diff', before, after, '--all');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^ {2}InputData +s3:\S+ \(same\)$/m);
		expect(result.stdout).toContain('    regression_metrics.mse.standard_deviation  2.1 (same)');
		expect(result.stdout).toContain('  ProcessingInstanceCount  1 → 2 (+100%)');
	});

	it('--json gives both values and the change per row, enough for a CI check', async () => {
		const result = await sagemon('diff', before, after, '--json');
		expect(result.code).toBe(0);
		const diff = JSON.parse(result.stdout);
		expect(Object.keys(diff)).toEqual(['parameters', 'definition', 'steps', 'reports']);
		expect(diff.parameters).toEqual([
			expect.objectContaining({name: 'ProcessingInstanceCount', a: '1', b: '2', changed: true}),
		]);
		expect(diff.definition).toMatchObject({samePipeline: true, sameVersion: false});
		const mse = diff.reports.find((row: {path: string}) => row.path === 'regression_metrics.mse.value');
		expect(mse).toMatchObject({kind: 'propertyFile', step: 'AbaloneEval', a: 4.5, b: 6.4, changed: true});
		expect(mse.percent).toBeCloseTo(42.22, 1);
		const rmse = diff.reports.find((row: {path: string}) => row.path === 'validation:rmse');
		expect(rmse).toMatchObject({kind: 'metric', step: 'AbaloneTrain', a: 4.1, b: 3.2});
		const register = diff.steps.find((row: {name: string}) => row.name === 'AbaloneRegisterModel');
		expect(register).toMatchObject({a: {state: 'succeeded'}, b: {state: 'skipped'}, changes: ['state']});
		// Without --all, only changed rows.
		expect(diff.reports.every((row: {changed: boolean}) => row.changed)).toBe(true);
		const all = JSON.parse((await sagemon('diff', before, after, '--json', '--all')).stdout);
		expect(all.parameters.length).toBeGreaterThan(diff.parameters.length);
		expect(all.reports.some((row: {changed: boolean}) => !row.changed)).toBe(true);
	});

	it('compares executions of two pipelines and says so', async () => {
		const result = await sagemon('diff', before, other);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(
			'The executions belong to different pipelines: AbaloneTuning and AbaloneOther.',
		);
		expect(result.stdout).toContain('Reports\n  no report value differs');
	});

	it('names the steps a new version added, removed and changed, with the changed argument paths', async () => {
		const result = await sagemon('diff', other, changed);
		expect(result.code, result.stderr).toBe(0);
		const lines = result.stdout.split('\n');
		const definition = lines.slice(lines.indexOf('Definition'), lines.indexOf('Steps'));
		expect(definition).toContain('  steps added: AbaloneNotify');
		expect(definition).toContain('  steps removed: AbaloneTransform');
		expect(definition).toContain('  changed AbaloneTrain: Arguments.HyperParameters.max_depth');
		expect(result.stdout).toMatch(/^ {2}AbaloneTransform +succeeded → absent/m);
		const json = JSON.parse((await sagemon('diff', other, changed, '--json')).stdout);
		expect(json.definition).toMatchObject({samePipeline: true, sameVersion: false, added: ['AbaloneNotify']});
	});

	it('exits 2 for anything but two execution ARNs, 3 when an execution cannot be read', async () => {
		const one = await sagemon('diff', before);
		expect(one.code).toBe(2);
		expect(one.stderr).toContain('diff takes two execution ARNs');
		const notArn = await sagemon('diff', before, 'AbaloneTuning');
		expect(notArn.code).toBe(2);
		expect(notArn.stderr).toContain('is not a pipeline execution ARN');
		const missing = await sagemon('diff', before, `${before.replace(/[^/]+$/, '')}nosuchrun`, '--json');
		expect(missing.code).toBe(3);
		expect(JSON.parse(missing.stderr).error.message).toContain('does not exist');
		expect(missing.stdout).toBe('');
	});
});
