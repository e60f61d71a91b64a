// Property files the emulator writes when a definition gives no content: every path the definition reads,
// with values that make the conditions reading them true.
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
	it('picks an MSE under the tutorial threshold, keeping the path the condition reads', () => {
		const definition = parseDefinition(readFixture('abalone-tutorial.json')).definition!;
		const content = synthesizePropertyFile(definition, 'AbaloneEval', 'EvaluationReport', literal);
		expect(content).toEqual({regression_metrics: {mse: {value: 4.5}}});
	});

	it('satisfies each comparison, whichever side the file is on', () => {
		const definition = pipelineWith([
			{Type: 'GreaterThanOrEqualTo', LeftValue: jsonGet('metrics.accuracy'), RightValue: 0.9},
			{Type: 'LessThan', LeftValue: 10, RightValue: jsonGet('metrics.count')},
			{Type: 'Equals', LeftValue: jsonGet('status'), RightValue: 'ok'},
			{Type: 'In', QueryValue: jsonGet('tier'), Values: ['gold', 'silver']},
			{Type: 'Not', Condition: {Type: 'GreaterThan', LeftValue: jsonGet('loss'), RightValue: 2}},
			{
				Type: 'Or',
				Conditions: [
					{
						Type: 'LessThanOrEqualTo',
						LeftValue: jsonGet('latency'),
						RightValue: {Get: 'Parameters.Threshold'},
					},
				],
			},
		]);
		const content = synthesizePropertyFile(definition, 'Eval', 'Report', literal) as Record<
			string,
			Record<string, number>
		>;
		expect(content.metrics!.accuracy).toBeGreaterThanOrEqual(0.9);
		expect(content.metrics!.accuracy).toBeLessThan(1);
		expect(content.metrics!.count).toBeGreaterThan(10);
		expect(content.status).toBe('ok');
		expect(content.tier).toBe('gold');
		expect(content.loss).toBeLessThanOrEqual(2);
		expect(content.latency).toBeLessThanOrEqual(0.8);
	});

	it('fits a value between two bounds on the same path', () => {
		const definition = pipelineWith([
			{Type: 'GreaterThan', LeftValue: jsonGet('auc'), RightValue: 0.7},
			{Type: 'LessThan', LeftValue: jsonGet('auc'), RightValue: 0.8},
		]);
		expect(synthesizePropertyFile(definition, 'Eval', 'Report', literal)).toEqual({auc: 0.75});
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
		const content = synthesizePropertyFile(definition, 'Eval', 'Report', literal) as {
			scores: Array<{value: number} | undefined>;
		};
		expect(Array.isArray(content.scores)).toBe(true);
		expect(typeof content.scores[1]!.value).toBe('number');
	});
});
