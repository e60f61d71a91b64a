import {describe, expect, test} from 'vitest';
import {navigationReducer, withoutRepeats} from '../../../source/ui/shell/navigation-stack.js';
import type {Route} from '../../../source/ui/shell/routes.js';

const pipelines: Route = {kind: 'pipelines'};
const executions: Route = {kind: 'executions', pipelineName: 'Train'};
const start: Route = {kind: 'start', pipelineName: 'Train'};
const execution: Route = {kind: 'execution', pipelineName: 'Train', executionArn: 'arn:…/execution/abc'};

describe('the navigation stack', () => {
	test('push opens a screen on top; back returns to the one below, but never past the first', () => {
		const opened = navigationReducer([pipelines], {type: 'push', route: executions});
		expect(opened).toEqual([pipelines, executions]);
		expect(navigationReducer(opened, {type: 'back'})).toEqual([pipelines]);
		const floor = [pipelines];
		expect(navigationReducer(floor, {type: 'back'})).toBe(floor);
	});

	test('replace swaps the top: the start form becomes the execution it started', () => {
		expect(navigationReducer([pipelines, executions, start], {type: 'replace', routes: [execution]})).toEqual(
			[pipelines, executions, execution],
		);
	});

	test('replace with the list of the same pipeline collapses the repeat instead of stacking it twice', () => {
		const fromPipelines = navigationReducer([pipelines, executions, start], {
			type: 'replace',
			routes: [executions, execution],
		});
		expect(fromPipelines).toEqual([pipelines, executions, execution]);
	});

	test('remember keeps screen state in the top entry only', () => {
		const stack = navigationReducer([pipelines, executions], {
			type: 'remember',
			changes: {selected: 'run-2'},
		});
		expect(stack).toEqual([pipelines, {...executions, selected: 'run-2'}]);
	});

	test('reset replaces the whole stack, and an empty one falls back to the pipelines list', () => {
		expect(
			navigationReducer([pipelines, executions, execution], {type: 'reset', routes: [pipelines]}),
		).toEqual([pipelines]);
		expect(navigationReducer([pipelines, executions], {type: 'reset', routes: []})).toEqual([pipelines]);
	});

	test('two executions screens stay two entries; two lists of one pipeline become one', () => {
		const other: Route = {...execution, executionArn: 'arn:…/execution/def'};
		expect(withoutRepeats([pipelines, executions, execution, other])).toEqual([
			pipelines,
			executions,
			execution,
			other,
		]);
		expect(withoutRepeats([pipelines, pipelines, executions, executions])).toEqual([pipelines, executions]);
		const elsewhere: Route = {kind: 'executions', pipelineName: 'Other'};
		expect(withoutRepeats([executions, elsewhere])).toEqual([executions, elsewhere]);
	});
});
