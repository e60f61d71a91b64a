import {describe, expect, test} from 'vitest';
import {validateDefinition} from '../../source/pipeline/dag.js';
import {changedOnly, type DiffSide, diffExecutions} from '../../source/pipeline/execution-diff.js';
import {executionDiffLines} from '../../source/pipeline/execution-diff-text.js';
import {mergeExecutionState} from '../../source/pipeline/execution-state.js';
import type {
	Dag,
	ExecutionStatus,
	ParameterAssignment,
	PipelineDefinition,
	StepRecord,
} from '../../source/pipeline/model.js';
import {abaloneTutorialStepsNewestFirst} from '../helpers/abalone-tutorial.js';
import {readFixture} from '../helpers/fixtures.js';

function load(name: string, edit?: (raw: {Steps: Array<Record<string, unknown>>}) => void) {
	const raw = JSON.parse(readFixture(name));
	edit?.(raw);
	return validateDefinition(JSON.stringify(raw)) as {definition: PipelineDefinition; dag: Dag};
}

const tutorial = load('abalone-tutorial.json');
const pipelineArn = 'arn:aws:sagemaker:us-east-2:111122223333:pipeline/abalone-tutorial';
const base = Date.UTC(2026, 10, 24, 13, 0);
const seconds = (count: number) => count * 1000;

/** The tutorial run to the end (its If branch), each step lasting `durations[name]` seconds (60 by default). */
function records(durations: Record<string, number> = {}, extra: Record<string, Partial<StepRecord>> = {}) {
	let clock = base;
	const oldestFirst = [...abaloneTutorialStepsNewestFirst].reverse();
	return oldestFirst.map((name): StepRecord => {
		const startedAt = clock;
		clock += seconds(durations[name] ?? 60);
		return {
			name,
			status: 'Succeeded',
			startedAt,
			endedAt: clock,
			attemptCount: 1,
			...(name === 'AbaloneMSECond' ? {metadata: {Condition: {Outcome: 'True'}}} : {}),
			...extra[name],
		};
	});
}

function side(
	id: string,
	status: ExecutionStatus,
	parameters: ParameterAssignment[],
	steps: StepRecord[],
	extra: Partial<DiffSide> = {},
	source = tutorial,
	arn = pipelineArn,
): DiffSide {
	return {
		execution: {arn: `${arn}/execution/${id}`, pipelineArn: arn, status, pipelineVersionId: 3},
		parameters,
		definition: source.definition,
		steps: mergeExecutionState(source.definition, source.dag, {status}, steps),
		...extra,
	};
}

const evaluation = (mse: number, deviation: number) => ({
	step: 'AbaloneEval',
	file: 'EvaluationReport',
	value: {regression_metrics: {mse: {value: mse, standard_deviation: deviation}}},
});

const before = side('aaaa1111', 'Succeeded', [], records({AbaloneProcess: 300, AbaloneTrain: 480}), {
	reports: [evaluation(4.5, 2.1)],
	metrics: {
		AbaloneTrain: [
			{name: 'validation:rmse', value: 2.12},
			{name: 'train:rmse', value: 1.9},
		],
	},
});
const after = side(
	'bbbb2222',
	'Succeeded',
	[
		{name: 'ProcessingInstanceType', value: 'ml.m5.2xlarge'},
		{name: 'ProcessingInstanceCount', value: '2'},
		{name: 'ModelApprovalStatus', value: 'PendingManualApproval'},
	],
	records(
		{AbaloneProcess: 372, AbaloneTrain: 2},
		{AbaloneTrain: {cacheSourceArn: `${pipelineArn}/execution/aaaa1111`}},
	),
	{
		reports: [evaluation(3.98, 2.1)],
		metrics: {
			AbaloneTrain: [
				{name: 'validation:rmse', value: 2.12},
				{name: 'train:rmse', value: 1.75},
			],
		},
	},
);
const diff = diffExecutions(before, after);

describe('two runs of the abalone tutorial: bigger processing instances, a cached training step', () => {
	test('parameters: every one with both values; the changed ones marked, numbers with their change', () => {
		expect(diff.parameters.map((row) => row.name)).toEqual([
			'ProcessingInstanceType',
			'ProcessingInstanceCount',
			'TrainingInstanceType',
			'ModelApprovalStatus',
			'InputData',
			'BatchData',
		]);
		expect(changedOnly(diff).parameters).toEqual([
			{
				name: 'ProcessingInstanceType',
				a: 'ml.m5.xlarge',
				b: 'ml.m5.2xlarge',
				aDefault: true,
				bDefault: false,
				changed: true,
			},
			{
				name: 'ProcessingInstanceCount',
				a: '1',
				b: '2',
				aDefault: true,
				bDefault: false,
				changed: true,
				delta: 1,
				percent: 100,
			},
		]);
		// Listed with the default's value: not a change.
		expect(diff.parameters[3]).toMatchObject({name: 'ModelApprovalStatus', changed: false, bDefault: false});
	});

	test('definition: the same pipeline version', () => {
		expect(diff.definition).toMatchObject({
			samePipeline: true,
			sameVersion: true,
			identical: true,
			added: [],
			removed: [],
			changed: [],
		});
	});

	test('steps in DAG order with state, duration change, cache use and the instances the parameters chose', () => {
		expect(diff.steps.map((row) => row.name)).toEqual([
			'AbaloneProcess',
			'AbaloneTrain',
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneRegisterModel',
			'AbaloneCreateModel',
			'AbaloneTransform',
		]);
		const [process, train, evaluate] = diff.steps;
		expect(process).toEqual({
			name: 'AbaloneProcess',
			type: 'Processing',
			a: {
				state: 'succeeded',
				durationMs: 300_000,
				attempts: 1,
				cache: 'ran',
				instanceType: 'ml.m5.xlarge',
				instanceCount: 1,
			},
			b: {
				state: 'succeeded',
				durationMs: 372_000,
				attempts: 1,
				cache: 'ran',
				instanceType: 'ml.m5.2xlarge',
				instanceCount: 2,
			},
			duration: {deltaMs: 72_000, percent: 24},
			changes: ['duration', 'instanceType', 'instanceCount'],
			changed: true,
		});
		expect(train?.changes).toEqual(['state', 'duration', 'cache']);
		expect(train?.b).toMatchObject({state: 'cache-hit', cache: 'hit', instanceType: 'ml.m5.xlarge'});
		// Same instance type from the same parameter; same one-minute duration.
		expect(evaluate?.changed).toBe(true);
		expect(evaluate?.changes).toEqual(['instanceType']);
		expect(diff.steps.slice(3).every((row) => !row.changed)).toBe(true);
	});

	test('reports and metrics: every leaf side by side with its change', () => {
		const metrics = [
			expect.objectContaining({
				kind: 'metric',
				step: 'AbaloneTrain',
				path: 'validation:rmse',
				changed: false,
			}),
			{
				kind: 'metric',
				step: 'AbaloneTrain',
				file: 'FinalMetricDataList',
				path: 'train:rmse',
				a: 1.9,
				b: 1.75,
				changed: true,
				delta: -0.15,
				percent: -7.89474,
			},
		];
		// Training comes before evaluation in the DAG, so its metrics come first.
		expect(diff.reports).toEqual([
			...metrics,
			{
				kind: 'propertyFile',
				step: 'AbaloneEval',
				file: 'EvaluationReport',
				path: 'regression_metrics.mse.value',
				a: 4.5,
				b: 3.98,
				changed: true,
				delta: -0.52,
				percent: -11.5556,
			},
			{
				kind: 'propertyFile',
				step: 'AbaloneEval',
				file: 'EvaluationReport',
				path: 'regression_metrics.mse.standard_deviation',
				a: 2.1,
				b: 2.1,
				changed: false,
				delta: 0,
				percent: 0,
			},
		]);
	});

	test('the text shows the changed rows of each section', () => {
		expect(executionDiffLines(diff)).toEqual([
			`A ${pipelineArn}/execution/aaaa1111 (abalone-tutorial, Succeeded)`,
			`B ${pipelineArn}/execution/bbbb2222 (abalone-tutorial, Succeeded)`,
			'',
			'Parameters',
			'  ProcessingInstanceType   ml.m5.xlarge (default) → ml.m5.2xlarge',
			'  ProcessingInstanceCount  1 (default) → 2 (+100%)',
			'',
			'Definition',
			'  the same pipeline version (version 3)',
			'',
			'Steps',
			'  AbaloneProcess  succeeded  5m 00s → 6m 12s (+1m 12s, +24%)  ml.m5.xlarge → ml.m5.2xlarge  instances 1 → 2',
			'  AbaloneTrain    succeeded → cache hit  8m 00s → 2s (-7m 58s, -100%)',
			'  AbaloneEval     succeeded  1m 00s  ml.m5.xlarge → ml.m5.2xlarge',
			'',
			'Reports',
			'  AbaloneEval EvaluationReport',
			'    regression_metrics.mse.value  4.50 → 3.98 (-11.6%)',
			'',
			'Metrics',
			'  AbaloneTrain',
			'    train:rmse  1.90 → 1.75 (-7.9%)',
		]);
	});

	test('with all, unchanged rows are there too', () => {
		const lines = executionDiffLines(diff, {all: true});
		expect(lines).toContain(
			'  BatchData                s3://sagemaker-us-east-2-111122223333/abalone/abalone-dataset-batch (default) (same)',
		);
		expect(lines).toContain('  AbaloneTransform      succeeded  1m 00s');
		expect(lines).toContain('    regression_metrics.mse.standard_deviation  2.1 (same)');
		expect(lines).toContain('    validation:rmse  2.12 (same)');
	});
});
