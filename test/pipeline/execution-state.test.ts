import {describe, expect, test} from 'vitest';
import {validateDefinition} from '../../source/pipeline/dag.js';
import {mergeExecutionState, summarizeStates} from '../../source/pipeline/execution-state.js';
import type {Dag, ExecutionStatus, PipelineDefinition, StepRecord} from '../../source/pipeline/model.js';
import {readFixture} from '../helpers/fixtures.js';

const {definition, dag} = validateDefinition(readFixture('abalone-examples-notebook.json')) as {
	definition: PipelineDefinition;
	dag: Dag;
};

const at = (minute: number) => Date.UTC(2026, 10, 24, 13, minute);

function merge(status: ExecutionStatus | undefined, steps: StepRecord[]) {
	const views = mergeExecutionState(definition, dag, status === undefined ? undefined : {status}, steps);
	return Object.fromEntries(views.map((view) => [view.name, view.state]));
}

const succeeded = (name: string, minute: number, extra: Partial<StepRecord> = {}): StepRecord => ({
	name,
	status: 'Succeeded',
	startedAt: at(minute),
	endedAt: at(minute + 1),
	...extra,
});

const condition = (outcome: 'True' | 'False') =>
	succeeded('AbaloneMSECond', 30, {metadata: {Condition: {Outcome: outcome}}});

describe('mergeExecutionState on the abalone pipeline', () => {
	test('before anything runs every step is not started, in run order', () => {
		const views = mergeExecutionState(definition, dag, undefined, []);
		expect(views.map((view) => view.name)).toEqual([
			'AbaloneProcess',
			'AbaloneTrain',
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneRegisterModel-RegisterModel',
			'AbaloneCreateModel-CreateModel',
			'AbaloneTransform',
			'AbaloneMSEFail',
		]);
		expect(views.every((view) => view.state === 'not-started' && view.inDefinition)).toBe(true);
	});

	test('steps follow the service: starting, executing, then succeeded', () => {
		expect(
			merge('Executing', [{name: 'AbaloneProcess', status: 'Starting', startedAt: at(0)}]).AbaloneProcess,
		).toBe('starting');
		const running = merge('Executing', [{name: 'AbaloneProcess', status: 'Executing', startedAt: at(0)}]);
		expect(running.AbaloneProcess).toBe('executing');
		expect(running.AbaloneTrain).toBe('not-started');
		const later = merge('Executing', [
			{name: 'AbaloneTrain', status: 'Executing', startedAt: at(10)},
			succeeded('AbaloneProcess', 0),
		]);
		expect(later.AbaloneProcess).toBe('succeeded');
		expect(later.AbaloneTrain).toBe('executing');
		expect(later.AbaloneEval).toBe('not-started');
	});

	test('after the condition is false, the If branch is skipped and the Fail step runs', () => {
		const views = mergeExecutionState(definition, dag, {status: 'Executing'}, [
			condition('False'),
			succeeded('AbaloneEval', 20),
			succeeded('AbaloneTrain', 10),
			succeeded('AbaloneProcess', 0),
		]);
		const states = Object.fromEntries(views.map((view) => [view.name, view.state]));
		expect(states).toMatchObject({
			AbaloneMSECond: 'succeeded',
			'AbaloneRegisterModel-RegisterModel': 'skipped',
			'AbaloneCreateModel-CreateModel': 'skipped',
			AbaloneTransform: 'skipped',
			AbaloneMSEFail: 'not-started',
		});
		expect(views.find((view) => view.name === 'AbaloneMSECond')?.conditionOutcome).toBe(false);
	});

	test('after the condition is true the Else branch is skipped', () => {
		const states = merge('Executing', [
			succeeded('AbaloneCreateModel-CreateModel', 31),
			condition('True'),
			succeeded('AbaloneEval', 20),
			succeeded('AbaloneTrain', 10),
			succeeded('AbaloneProcess', 0),
		]);
		expect(states.AbaloneMSEFail).toBe('skipped');
		expect(states['AbaloneRegisterModel-RegisterModel']).toBe('not-started');
		expect(states.AbaloneTransform).toBe('not-started');
	});

	test('a failed execution: the failed step, and every step that never started is skipped', () => {
		const states = merge('Failed', [
			{name: 'AbaloneTrain', status: 'Failed', startedAt: at(10), failureReason: 'ClientError: capacity'},
			succeeded('AbaloneProcess', 0),
		]);
		expect(states).toEqual({
			AbaloneProcess: 'succeeded',
			AbaloneTrain: 'failed',
			AbaloneEval: 'skipped',
			AbaloneMSECond: 'skipped',
			'AbaloneRegisterModel-RegisterModel': 'skipped',
			'AbaloneCreateModel-CreateModel': 'skipped',
			AbaloneTransform: 'skipped',
			AbaloneMSEFail: 'skipped',
		});
	});

	test('a stopped execution: stopping, then stopped', () => {
		const stopping = merge('Stopping', [{name: 'AbaloneProcess', status: 'Stopping', startedAt: at(0)}]);
		expect(stopping.AbaloneProcess).toBe('stopping');
		expect(stopping.AbaloneTrain).toBe('not-started');
		const stopped = merge('Stopped', [{name: 'AbaloneProcess', status: 'Stopped', startedAt: at(0)}]);
		expect(stopped.AbaloneProcess).toBe('stopped');
		expect(stopped.AbaloneTrain).toBe('skipped');
	});

	test('a cache hit is its own state', () => {
		const states = merge('Executing', [
			succeeded('AbaloneProcess', 0, {
				cacheSourceArn: 'arn:aws:sagemaker:us-west-2:1:pipeline/p/execution/old',
			}),
		]);
		expect(states.AbaloneProcess).toBe('cache-hit');
	});

	test('a step a selective execution reused is drawn like a cache hit', () => {
		const states = merge('Executing', [
			succeeded('AbaloneProcess', 0, {
				reusedFromArn: 'arn:aws:sagemaker:us-west-2:1:pipeline/p/execution/old',
			}),
			{name: 'AbaloneTrain', status: 'Executing', startedAt: at(1)},
		]);
		expect(states.AbaloneProcess).toBe('cache-hit');
		expect(states.AbaloneTrain).toBe('executing');
	});

	test('a retried step shows its newest attempt', () => {
		const states = merge('Executing', [
			{name: 'AbaloneProcess', status: 'Failed', startedAt: at(0)},
			{name: 'AbaloneProcess', status: 'Executing', startedAt: at(5), attemptCount: 2},
		]);
		expect(states.AbaloneProcess).toBe('executing');
	});

	test('steps the definition does not know are listed after it, oldest first, with a type from their metadata', () => {
		const views = mergeExecutionState(definition, dag, {status: 'Succeeded'}, [
			succeeded('RenamedTransform', 5, {metadata: {TransformJob: {Arn: 'arn:transform'}}}),
			succeeded('OldProcess', 1, {metadata: {}}),
		]);
		expect(
			views.slice(-2).map(({name, type, state, inDefinition}) => ({name, type, state, inDefinition})),
		).toEqual([
			{name: 'OldProcess', type: 'Unknown', state: 'succeeded', inDefinition: false},
			{name: 'RenamedTransform', type: 'Transform', state: 'succeeded', inDefinition: false},
		]);
	});
});

describe('mergeExecutionState across nested conditions', () => {
	test('a false outer condition skips the whole nested chain under it', () => {
		const result = validateDefinition(readFixture('airflow-31-nested-conditions.json'));
		const nested = result.dag as Dag;
		const first = nested.nodes[0]?.name as string;
		const views = mergeExecutionState(
			result.definition as PipelineDefinition,
			nested,
			{status: 'Executing'},
			[{name: first, status: 'Succeeded', metadata: {Condition: {Outcome: 'False'}}}],
		);
		expect(summarizeStates(views)).toMatchObject({succeeded: 1, skipped: 30, 'not-started': 0});
	});
});

describe('summarizeStates', () => {
	test('counts every state, zero included', () => {
		const views = mergeExecutionState(definition, dag, {status: 'Executing'}, [
			{name: 'AbaloneProcess', status: 'Executing', startedAt: at(0)},
		]);
		expect(summarizeStates(views)).toEqual({
			'not-started': 7,
			starting: 0,
			executing: 1,
			stopping: 0,
			stopped: 0,
			failed: 0,
			succeeded: 0,
			'cache-hit': 0,
			skipped: 0,
		});
	});
});

describe('mergeExecutionState, merged again', () => {
	test('a second merge with the same definition gives the same views in the same run order', () => {
		const process = succeeded('AbaloneProcess', 0);
		const first = mergeExecutionState(definition, dag, {status: 'Executing'}, [process]);
		const train: StepRecord = {name: 'AbaloneTrain', status: 'Executing', startedAt: at(2)};
		const second = mergeExecutionState(definition, dag, {status: 'Executing'}, [train, process]);
		expect(second.map((view) => view.name)).toEqual(first.map((view) => view.name));
		expect(second.find((view) => view.name === 'AbaloneTrain')?.state).toBe('executing');
		expect(second.find((view) => view.name === 'AbaloneEval')?.state).toBe('not-started');
	});

	test('a changed definition for the same DAG is read again, not taken from the last merge', () => {
		const renamed = {
			...definition,
			steps: definition.steps.map((step) =>
				step.name === 'AbaloneTrain' ? {...step, displayName: 'Train the model'} : step,
			),
		};
		mergeExecutionState(definition, dag, undefined, []);
		const views = mergeExecutionState(renamed, dag, undefined, []);
		expect(views.find((view) => view.name === 'AbaloneTrain')?.displayName).toBe('Train the model');
	});
});
