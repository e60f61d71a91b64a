import {describe, expect, test} from 'vitest';
import {parseDefinition} from '../../source/pipeline/definition.js';
import type {ParameterDefinition} from '../../source/pipeline/model.js';
import {
	buildRequest,
	createForm,
	cycleChoice,
	type FormState,
	isDirty,
	isOverridden,
	problemOf,
	resetAll,
	resetField,
	setText,
} from '../../source/ui/start-form-model.js';
import {abaloneTutorialParameterNames} from '../helpers/abalone-tutorial.js';
import {readFixture} from '../helpers/fixtures.js';

const abaloneParameters = parseDefinition(readFixture('abalone-tutorial.json')).definition?.parameters ?? [];
// No fixture declares these types, so they are written out here.
const typed: ParameterDefinition[] = [
	{name: 'Threshold', type: 'Float', defaultValue: 6},
	{name: 'Deploy', type: 'Boolean', defaultValue: false},
	{name: 'Stage', type: 'String', defaultValue: 'dev', enumValues: ['dev', 'staging', 'prod']},
	{name: 'Seed', type: 'Integer'},
];

function indexOf(form: FormState, name: string): number {
	return form.fields.findIndex((field) => field.kind === 'parameter' && field.parameter.name === name);
}

describe('the start form', () => {
	test('opens with every parameter at its default, plus display name, description and [Start]', () => {
		const form = createForm(abaloneParameters);
		expect(
			form.fields.map((field) => (field.kind === 'parameter' ? field.parameter.name : field.kind)),
		).toEqual([...abaloneTutorialParameterNames, 'display-name', 'description', 'submit']);
		expect(form.fields.filter(isOverridden)).toEqual([]);
		expect(isDirty(form)).toBe(false);
	});

	test('checks each value as it is typed, by type', () => {
		let form = createForm([...abaloneParameters, ...typed]);
		const count = indexOf(form, 'ProcessingInstanceCount');
		form = setText(form, count, '2x');
		expect(problemOf(form.fields[count]!)).toBe("ProcessingInstanceCount must be a whole number, got '2x'");
		form = setText(form, count, '2');
		expect(problemOf(form.fields[count]!)).toBeUndefined();
		const threshold = indexOf(form, 'Threshold');
		form = setText(form, threshold, '6.5e');
		expect(problemOf(form.fields[threshold]!)).toMatch(/Threshold must be a number/);
		form = setText(form, threshold, '6.5');
		expect(problemOf(form.fields[threshold]!)).toBeUndefined();
	});

	test('a parameter without a default needs a value before it can start', () => {
		const form = createForm(typed);
		const result = buildRequest(form, 'Demo');
		expect(result).toEqual({ok: false, problems: ['Seed has no default value, so it needs one (Integer)']});
		const filled = setText(form, indexOf(form, 'Seed'), '42');
		const built = buildRequest(filled, 'Demo');
		expect(built.ok && built.request.parameters).toEqual([{name: 'Seed', value: '42'}]);
	});

	test('marks overridden fields and sends only those', () => {
		let form = createForm(abaloneParameters);
		const status = indexOf(form, 'ModelApprovalStatus');
		form = setText(form, status, 'Approved');
		expect(isOverridden(form.fields[status]!)).toBe(true);
		expect(isDirty(form)).toBe(true);
		const built = buildRequest(form, 'AbalonePipeline');
		expect(built).toEqual({
			ok: true,
			overrides: {ModelApprovalStatus: 'Approved'},
			request: {
				pipelineName: 'AbalonePipeline',
				parameters: [{name: 'ModelApprovalStatus', value: 'Approved'}],
			},
		});
	});

	test('resets one field or all of them to the defaults', () => {
		let form = createForm(abaloneParameters);
		const status = indexOf(form, 'ModelApprovalStatus');
		const count = indexOf(form, 'ProcessingInstanceCount');
		form = setText(setText(form, status, 'Approved'), count, '3');
		form = resetField(form, status);
		expect(
			form.fields.filter(isOverridden).map((field) => field.kind === 'parameter' && field.parameter.name),
		).toEqual(['ProcessingInstanceCount']);
		expect(resetAll(form).fields.filter(isOverridden)).toEqual([]);
	});

	test('Booleans toggle and enums step through their choices, both ways', () => {
		let form = createForm(typed);
		const deploy = indexOf(form, 'Deploy');
		const stage = indexOf(form, 'Stage');
		form = cycleChoice(form, deploy, 1);
		expect(form.fields[deploy]).toMatchObject({text: 'true'});
		form = cycleChoice(form, deploy, 1);
		expect(form.fields[deploy]).toMatchObject({text: 'false'});
		form = cycleChoice(form, stage, 1);
		expect(form.fields[stage]).toMatchObject({text: 'staging'});
		form = cycleChoice(cycleChoice(form, stage, -1), stage, -1);
		expect(form.fields[stage]).toMatchObject({text: 'prod'});
	});

	test('remembered values are offered when they are still valid, and not counted as edits', () => {
		const form = createForm(abaloneParameters, {
			ModelApprovalStatus: 'Approved',
			ProcessingInstanceCount: 'lots',
			Gone: 'x',
		});
		const status = form.fields[indexOf(form, 'ModelApprovalStatus')]!;
		expect(status).toMatchObject({text: 'Approved'});
		expect(form.fields[indexOf(form, 'ProcessingInstanceCount')]).toMatchObject({text: '1'});
		expect(isDirty(form)).toBe(false);
	});

	test('the display name follows the service’s rule; description and display name are sent when given', () => {
		let form = createForm(abaloneParameters);
		const name = form.fields.findIndex((field) => field.kind === 'display-name');
		form = setText(form, name, 'nightly run');
		expect(problemOf(form.fields[name]!)).toMatch(/letters, digits and single hyphens/);
		form = setText(form, name, 'nightly-run');
		form = setText(form, name + 1, 'retrain with new data');
		const built = buildRequest(form, 'AbalonePipeline');
		expect(built.ok && built.request).toEqual({
			pipelineName: 'AbalonePipeline',
			parameters: [],
			displayName: 'nightly-run',
			description: 'retrain with new data',
		});
	});
});
