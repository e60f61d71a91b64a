// Property files the emulator writes when a definition gives no content: every path the definition reads, with
// plausible values fixed per execution and never chosen from the thresholds the conditions compare them with.
import {describe, expect, it} from 'vitest';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {synthesizePropertyFile} from '../../source/emulator/engine/property-files.js';
import {readFixture} from '../helpers/fixtures.js';

const report = {Get: 'Steps.Eval.PropertyFiles.Report'};
const jsonGet = (path: string) => ({'Std:JsonGet': {PropertyFile: report, Path: path}});

function pipelineWith(conditions: unknown[], extraSteps: unknown[] = []) {
	const {definition} = parseDefinition({
		Version: '2020-12-01',
		Parameters: [{Name: 'Threshold', Type: 'Float', DefaultValue: 0.8}],
		Steps: [
			{
				Name: 'Eval',
				Type: 'Processing',
				Arguments: {},
				PropertyFiles: [{PropertyFileName: 'Report', OutputName: 'out', FilePath: 'r.json'}],
			},
			{Name: 'Check', Type: 'Condition', Arguments: {Conditions: conditions, IfSteps: [], ElseSteps: []}},
			...extraSteps,
		],
	});
	return definition!;
}

const literal = (value: unknown) => (typeof value === 'object' && value !== null ? 0.8 : value);

describe('synthesizePropertyFile', () => {
	it('gives the tutorial an MSE between 2 and 5, the same for the same execution', () => {
		const definition = parseDefinition(readFixture('abalone-tutorial.json')).definition!;
		const mses = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'].map((id) => {
			const content = synthesizePropertyFile(definition, 'AbaloneEval', 'EvaluationReport', literal, id) as {
				regression_metrics: {mse: {value: number}};
			};
			expect(Object.keys(content)).toEqual(['regression_metrics']);
			return content.regression_metrics.mse.value;
		});
		for (const mse of mses) {
			expect(mse).toBeGreaterThanOrEqual(2);
			expect(mse).toBeLessThanOrEqual(5);
		}

		expect(new Set(mses).size).toBeGreaterThan(1);
		expect(synthesizePropertyFile(definition, 'AbaloneEval', 'EvaluationReport', literal, 'a1')).toEqual(
			synthesizePropertyFile(definition, 'AbaloneEval', 'EvaluationReport', literal, 'a1'),
		);
	});

	it('gives each path a value plausible for what it measures, whatever the thresholds', () => {
		const conditions = (threshold: number) => [
			{Type: 'GreaterThanOrEqualTo', LeftValue: jsonGet('metrics.accuracy'), RightValue: threshold},
			{Type: 'LessThan', LeftValue: threshold, RightValue: jsonGet('metrics.count')},
			{Type: 'Equals', LeftValue: jsonGet('status'), RightValue: 'ok'},
			{Type: 'In', QueryValue: jsonGet('tier'), Values: ['gold', 'silver']},
			{Type: 'Not', Condition: {Type: 'GreaterThan', LeftValue: jsonGet('loss'), RightValue: threshold}},
			{Type: 'LessThanOrEqualTo', LeftValue: jsonGet('auc.value'), RightValue: {Get: 'Parameters.Threshold'}},
		];
		const low = synthesizePropertyFile(pipelineWith(conditions(-1)), 'Eval', 'Report', literal, 'x1');
		const high = synthesizePropertyFile(pipelineWith(conditions(1e6)), 'Eval', 'Report', literal, 'x1');
		expect(high).toEqual(low);
		// biome-ignore lint/suspicious/noExplicitAny: the synthesized JSON is read by path.
		const content = low as Record<string, any>;
		expect(content.metrics!.accuracy).toBeGreaterThanOrEqual(0);
		expect(content.metrics!.accuracy).toBeLessThanOrEqual(1);
		expect(Number.isInteger(content.metrics!.count)).toBe(true);
		expect(content.metrics!.count).toBeGreaterThan(0);
		expect(['ok', 'other']).toContain(content.status);
		expect(['gold', 'silver', 'other']).toContain(content.tier);
		expect(content.loss).toBeGreaterThanOrEqual(0);
		expect(content.auc!.value).toBeGreaterThanOrEqual(0);
		expect(content.auc!.value).toBeLessThanOrEqual(1);
	});

	it('includes paths read outside conditions, and list indexes', () => {
		const definition = pipelineWith(
			[],
			[
				{
					Name: 'Stop',
					Type: 'Fail',
					Arguments: {ErrorMessage: {'Std:Join': {On: ' ', Values: ['score', jsonGet('scores[1].value')]}}},
				},
			],
		);
		const content = synthesizePropertyFile(definition, 'Eval', 'Report', literal, 'x2') as {
			scores: Array<{value: number} | undefined>;
		};
		expect(Array.isArray(content.scores)).toBe(true);
		expect(typeof content.scores[1]!.value).toBe('number');
	});
});
