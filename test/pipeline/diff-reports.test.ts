import {describe, expect, test} from 'vitest';
import {diffReports, flatten} from '../../source/pipeline/diff-reports.js';

describe('flatten', () => {
	test('every leaf with its JSON path; empty objects and lists are leaves', () => {
		expect([
			...flatten({
				metrics: {accuracy: {value: 0.9}, 'f1 score': 0.8},
				classes: ['a', 'b'],
				ok: true,
				none: null,
				empty: {},
			}),
		]).toEqual([
			['metrics.accuracy.value', 0.9],
			['metrics["f1 score"]', 0.8],
			['classes[0]', 'a'],
			['classes[1]', 'b'],
			['ok', true],
			['none', null],
			['empty', '{}'],
		]);
	});
});

describe('diffReports', () => {
	test('a file or leaf only one execution wrote has null on the other side', () => {
		const rows = diffReports(
			{reports: [{step: 'Eval', file: 'Metrics', value: {auc: 0.91, model: 'xgb'}}]},
			{
				reports: [
					{step: 'Eval', file: 'Metrics', value: {auc: 0.93, model: 'lgbm', threshold: 0.5}},
					{step: 'Check', file: 'Drift', value: {drift: false}},
				],
			},
			['Check', 'Eval'],
		);
		expect(rows).toEqual([
			{kind: 'propertyFile', step: 'Check', file: 'Drift', path: 'drift', a: null, b: false, changed: true},
			{
				kind: 'propertyFile',
				step: 'Eval',
				file: 'Metrics',
				path: 'auc',
				a: 0.91,
				b: 0.93,
				changed: true,
				delta: 0.02,
				percent: 2.1978,
			},
			{
				kind: 'propertyFile',
				step: 'Eval',
				file: 'Metrics',
				path: 'model',
				a: 'xgb',
				b: 'lgbm',
				changed: true,
			},
			{
				kind: 'propertyFile',
				step: 'Eval',
				file: 'Metrics',
				path: 'threshold',
				a: null,
				b: 0.5,
				changed: true,
			},
		]);
	});

	test('training metrics of a step only one execution ran', () => {
		const rows = diffReports({metrics: {Train: [{name: 'validation:auc', value: 0.8}]}}, {}, ['Train']);
		expect(rows).toEqual([
			{
				kind: 'metric',
				step: 'Train',
				file: 'FinalMetricDataList',
				path: 'validation:auc',
				a: 0.8,
				b: null,
				changed: true,
			},
		]);
	});
});
