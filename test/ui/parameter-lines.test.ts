import {describe, expect, test} from 'vitest';
import type {ParameterDefinition} from '../../source/pipeline/model.js';
import type {PaneLine} from '../../source/ui/components/text-pane.js';
import {parameterLines} from '../../source/ui/parameter-lines.js';
import {createTheme} from '../../source/ui/theme.js';

const theme = createTheme({unicode: true, color: false});
const declared: ParameterDefinition[] = [
	{name: 'ModelApprovalStatus', type: 'String', defaultValue: 'PendingManualApproval'},
	{name: 'Epochs', type: 'Integer', defaultValue: 10},
];
const text = (lines: PaneLine[]) =>
	lines.map((line) =>
		line.spans
			.map((span) => span.text)
			.join('')
			.trimEnd(),
	);

describe('parameterLines', () => {
	test('values that differ from the default say so, in the accent colour', () => {
		const lines = parameterLines(
			theme,
			{
				state: 'ready',
				value: [
					{name: 'ModelApprovalStatus', value: 'Approved'},
					{name: 'Epochs', value: '10'},
				],
			},
			declared,
			100,
		);
		expect(text(lines)).toEqual([
			'ModelApprovalStatus  Approved  ● default PendingManualApproval',
			'Epochs               10',
		]);
		expect(lines[0]?.spans[1]?.tone).toBe('accent');
		expect(lines[1]?.spans[1]?.tone).toBeUndefined();
	});

	test('while reading, on failure, and for an execution without parameters', () => {
		expect(text(parameterLines(theme, {state: 'loading'}, declared, 100))).toEqual([
			'Reading the parameters…',
		]);
		expect(text(parameterLines(theme, {state: 'failed', message: 'Throttled.'}, declared, 100))).toEqual([
			'Throttled.',
		]);
		expect(text(parameterLines(theme, {state: 'ready', value: []}, declared, 100))).toEqual([
			'This execution ran without parameters.',
		]);
	});
});
