import {describe, expect, test} from 'vitest';
import {validateDefinition} from '../../source/pipeline/dag.js';
import {diffSteps, type StepsSide} from '../../source/pipeline/diff-steps.js';
import {executionContext} from '../../source/pipeline/execution-context.js';
import {mergeExecutionState} from '../../source/pipeline/execution-state.js';
import type {Dag, ExecutionStatus, PipelineDefinition, StepRecord} from '../../source/pipeline/model.js';
import {readFixture} from '../helpers/fixtures.js';

const load = (name: string) =>
	validateDefinition(readFixture(name)) as {definition: PipelineDefinition; dag: Dag};
const notebook = load('abalone-examples-notebook.json');
const at = (minute: number) => Date.UTC(2026, 10, 24, 13, minute);
const arn = 'arn:aws:sagemaker:us-west-2:000000000000:pipeline/abalone-pipeline';

const ran = (name: string, start: number, end: number, extra: Partial<StepRecord> = {}): StepRecord => ({
	name,
	status: 'Succeeded',
	startedAt: at(start),
	endedAt: at(end),
	attemptCount: 1,
	...extra,
});

function side(
	status: ExecutionStatus,
	records: StepRecord[],
	extra: Partial<StepsSide> = {},
	source = notebook,
): StepsSide {
	return {
		steps: mergeExecutionState(source.definition, source.dag, {status}, records),
		definition: source.definition,
		context: executionContext({
			execution: {arn: `${arn}/execution/x`, pipelineArn: arn},
			definition: source.definition,
		}),
		...extra,
	};
}

const upstream = [ran('AbaloneProcess', 0, 5), ran('AbaloneTrain', 5, 13), ran('AbaloneEval', 13, 17)];
const passed = side('Succeeded', [
	...upstream,
	ran('AbaloneMSECond', 17, 17, {metadata: {Condition: {Outcome: 'True'}}}),
	ran('AbaloneRegisterModel-RegisterModel', 17, 18),
	ran('AbaloneCreateModel-CreateModel', 17, 18),
	ran('AbaloneTransform', 18, 25),
]);
const gated = side(
	'Failed',
	[
		ran('AbaloneProcess', 0, 5),
		ran('AbaloneTrain', 5, 20, {attemptCount: 2}),
		ran('AbaloneEval', 20, 24),
		ran('AbaloneMSECond', 24, 24, {metadata: {Condition: {Outcome: 'False'}}}),
		ran('AbaloneMSEFail', 24, 24, {status: 'Failed', failureReason: 'Execution failed due to MSE > 6.0'}),
	],
	{resources: {AbaloneTrain: {instanceType: 'ml.c5.2xlarge', instanceCount: 1}}},
);

describe('diffSteps: one run passed the MSE gate, the other failed it', () => {
	const rows = diffSteps(passed, gated);
	const byName = Object.fromEntries(rows.map((row) => [row.name, row]));

	test('every step of the DAG, with its state in each', () => {
		expect(rows.map((row) => [row.name, row.a?.state, row.b?.state])).toEqual([
			['AbaloneProcess', 'succeeded', 'succeeded'],
			['AbaloneTrain', 'succeeded', 'succeeded'],
			['AbaloneEval', 'succeeded', 'succeeded'],
			['AbaloneMSECond', 'succeeded', 'succeeded'],
			['AbaloneRegisterModel-RegisterModel', 'succeeded', 'skipped'],
			['AbaloneCreateModel-CreateModel', 'succeeded', 'skipped'],
			['AbaloneTransform', 'succeeded', 'skipped'],
			['AbaloneMSEFail', 'skipped', 'failed'],
		]);
		expect(byName.AbaloneMSEFail?.changes).toEqual(['state']);
		expect(byName.AbaloneMSEFail?.b).toMatchObject({cache: 'ran', durationMs: 0});
		expect(byName.AbaloneTransform?.b).toEqual({
			state: 'skipped',
			durationMs: null,
			attempts: null,
			cache: null,
			instanceType: 'ml.m5.xlarge',
			instanceCount: 1,
		});
	});

	test('an unchanged step is not a change; a retried, slower one on another instance type is', () => {
		expect(byName.AbaloneProcess?.changed).toBe(false);
		expect(byName.AbaloneProcess?.duration).toEqual({deltaMs: 0, percent: 0});
		expect(byName.AbaloneTrain?.changes).toEqual(['duration', 'attempts', 'instanceType']);
		expect(byName.AbaloneTrain?.duration).toEqual({deltaMs: 7 * 60_000, percent: 87.5});
		expect(byName.AbaloneTrain?.b?.instanceType).toBe('ml.c5.2xlarge');
	});

	test('a small change of duration is noise', () => {
		const slower = side('Succeeded', [ran('AbaloneProcess', 0, 5), ran('AbaloneTrain', 5, 13)]);
		const bit = side('Succeeded', [
			ran('AbaloneProcess', 0, 5),
			{...ran('AbaloneTrain', 5, 13), endedAt: at(13) + 30_000},
		]);
		const train = diffSteps(slower, bit).find((row) => row.name === 'AbaloneTrain');
		expect(train?.duration?.deltaMs).toBe(30_000);
		expect(train?.changed).toBe(false);
	});

	test('steps only one definition has are placed after their neighbour and marked as presence changes', () => {
		const tutorial = load('abalone-tutorial.json');
		const rows = diffSteps(side('Succeeded', [], {}, tutorial), side('Succeeded', []));
		expect(rows.map((row) => row.name)).toEqual([
			'AbaloneProcess',
			'AbaloneTrain',
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneRegisterModel-RegisterModel',
			'AbaloneCreateModel-CreateModel',
			'AbaloneRegisterModel',
			'AbaloneCreateModel',
			'AbaloneTransform',
			'AbaloneMSEFail',
		]);
		const register = rows.find((row) => row.name === 'AbaloneRegisterModel');
		expect(register).toMatchObject({b: null, changes: ['presence'], changed: true});
		expect(rows.find((row) => row.name === 'AbaloneMSEFail')).toMatchObject({a: null, type: 'Fail'});
	});
});
