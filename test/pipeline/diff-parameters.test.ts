import {describe, expect, test} from 'vitest';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {diffParameters} from '../../source/pipeline/diff-parameters.js';
import type {ParameterDefinition} from '../../source/pipeline/model.js';
import {readFixture} from '../helpers/fixtures.js';

const declared = (name: string): ParameterDefinition[] =>
	parseDefinition(readFixture(name)).definition?.parameters ?? [];
const notebook = declared('abalone-examples-notebook.json');

describe('diffParameters', () => {
	test('a Float listed as "6" equals its default 6.0; a new threshold is a numeric change', () => {
		const rows = diffParameters(
			{declared: notebook, assignments: [{name: 'MseThreshold', value: '6'}]},
			{declared: notebook, assignments: [{name: 'MseThreshold', value: '7.5'}]},
		);
		expect(rows.find((row) => row.name === 'MseThreshold')).toEqual({
			name: 'MseThreshold',
			a: '6',
			b: '7.5',
			aDefault: false,
			bDefault: false,
			changed: true,
			delta: 1.5,
			percent: 25,
		});
		const same = diffParameters(
			{declared: notebook, assignments: [{name: 'MseThreshold', value: '6'}]},
			{declared: notebook, assignments: []},
		);
		expect(same.find((row) => row.name === 'MseThreshold')).toMatchObject({
			a: '6',
			b: '6.0',
			bDefault: true,
			changed: false,
		});
	});

	test('parameters of two definitions: each one once, null where a definition lacks it', () => {
		const rows = diffParameters(
			{declared: declared('abalone-tutorial.json'), assignments: []},
			{declared: notebook, assignments: []},
		);
		expect(rows.map((row) => [row.name, row.a === null, row.b === null, row.changed])).toEqual([
			['ProcessingInstanceType', false, true, true],
			['ProcessingInstanceCount', false, false, false],
			['TrainingInstanceType', false, false, false],
			['ModelApprovalStatus', false, false, false],
			['InputData', false, false, true],
			['BatchData', false, false, true],
			['MseThreshold', true, false, true],
		]);
	});
});
