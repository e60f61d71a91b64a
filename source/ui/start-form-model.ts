// The start form as plain data: one field per parameter (typed text checked with parseOverride as it changes),
// display name, description and the [Start] button; what is overridden, what is invalid, what gets sent.
import type {ParameterDefinition} from '../pipeline/model.js';
import {
	displayNamePattern,
	formatParameterValue,
	missingValueMessage,
	parseOverride,
	resolveParameters,
} from '../pipeline/parameters.js';
import type {StartExecutionRequest} from '../aws/types.js';

export type FormField =
	| {kind: 'parameter'; parameter: ParameterDefinition; text: string}
	| {kind: 'display-name'; text: string}
	| {kind: 'description'; text: string}
	| {kind: 'submit'};

export type FormState = {
	fields: FormField[];
	/** The texts the form opened with, to tell whether anything was edited. */
	initial: string[];
	selected: number;
	editing: boolean;
};

export function createForm(
	parameters: ParameterDefinition[],
	remembered: Record<string, string> = {},
): FormState {
	const fields: FormField[] = [
		...parameters.map((parameter): FormField => {
			const last = remembered[parameter.name];
			const usable = last !== undefined && parseOverride(parameter, last).ok;
			return {kind: 'parameter', parameter, text: usable ? last : defaultText(parameter)};
		}),
		{kind: 'display-name', text: ''},
		{kind: 'description', text: ''},
		{kind: 'submit'},
	];
	return {fields, initial: fields.map(textOf), selected: 0, editing: false};
}

export function defaultText(parameter: ParameterDefinition): string {
	return parameter.defaultValue === undefined ? '' : formatParameterValue(parameter.defaultValue);
}

export function textOf(field: FormField): string {
	return field.kind === 'submit' ? '' : field.text;
}

export function isOverridden(field: FormField): boolean {
	return field.kind === 'parameter' && field.text !== defaultText(field.parameter);
}

/** What is wrong with the field's value, written for a person; undefined when it is fine. */
export function problemOf(field: FormField): string | undefined {
	if (field.kind === 'parameter') {
		if (!isOverridden(field)) {
			return field.parameter.defaultValue === undefined ? missingValueMessage(field.parameter) : undefined;
		}

		const parsed = parseOverride(field.parameter, field.text);
		return parsed.ok ? undefined : parsed.message;
	}

	if (field.kind === 'display-name' && field.text !== '' && !displayNamePattern.test(field.text)) {
		return 'The display name may hold letters, digits and single hyphens (up to 82), starting with a letter or digit';
	}

	if (field.kind === 'description' && field.text.length > 3072) {
		return `The description is ${field.text.length} characters; the service takes at most 3072`;
	}

	return undefined;
}

export function isDirty(form: FormState): boolean {
	return form.fields.some((field, index) => textOf(field) !== form.initial[index]);
}

export function setText(form: FormState, index: number, text: string): FormState {
	const field = form.fields[index];
	if (!field || field.kind === 'submit') return form;
	const fields = [...form.fields];
	fields[index] = {...field, text};
	return {...form, fields};
}

export function resetField(form: FormState, index: number): FormState {
	const field = form.fields[index];
	if (!field || field.kind === 'submit') return form;
	return setText(form, index, field.kind === 'parameter' ? defaultText(field.parameter) : '');
}

export function resetAll(form: FormState): FormState {
	return form.fields.reduce((next, _field, index) => resetField(next, index), form);
}

/** Booleans flip; enums step through their choices; other fields do not cycle. */
export function cycleChoice(form: FormState, index: number, step: 1 | -1): FormState {
	const field = form.fields[index];
	if (field?.kind !== 'parameter') return form;
	const choices = choicesOf(field.parameter);
	if (!choices) return form;
	const position = choices.indexOf(
		field.parameter.type === 'Boolean' ? field.text.toLowerCase() : field.text,
	);
	const next = choices[(position + step + choices.length) % choices.length] ?? choices[0] ?? '';
	return setText(form, index, next);
}

export function choicesOf(parameter: ParameterDefinition): string[] | undefined {
	if (parameter.type === 'Boolean') return ['true', 'false'];
	return parameter.enumValues && parameter.enumValues.length > 0 ? parameter.enumValues : undefined;
}

/** Fields typed as text (enums and Booleans are chosen instead). */
export function isTyped(field: FormField): boolean {
	if (field.kind === 'submit') return false;
	return field.kind !== 'parameter' || choicesOf(field.parameter) === undefined;
}

export function move(form: FormState, step: number): FormState {
	const selected = Math.max(0, Math.min(form.fields.length - 1, form.selected + step));
	return {...form, selected, editing: false};
}

/** The request to send, or the problems that stop it (every one, first field first). */
export function buildRequest(
	form: FormState,
	pipelineName: string,
):
	| {ok: true; request: StartExecutionRequest; overrides: Record<string, string>}
	| {ok: false; problems: string[]} {
	const problems = form.fields.flatMap((field) => {
		const problem = problemOf(field);
		return problem ? [problem] : [];
	});
	if (problems.length > 0) return {ok: false, problems};
	const parameters: ParameterDefinition[] = [];
	const overrides: Record<string, string> = {};
	let displayName = '';
	let description = '';
	for (const field of form.fields) {
		if (field.kind === 'parameter') {
			parameters.push(field.parameter);
			if (isOverridden(field)) overrides[field.parameter.name] = field.text;
		} else if (field.kind === 'display-name') displayName = field.text;
		else if (field.kind === 'description') description = field.text;
	}

	const resolved = resolveParameters(parameters, overrides);
	if (resolved.problems.length > 0)
		return {ok: false, problems: resolved.problems.map((problem) => problem.message)};
	return {
		ok: true,
		overrides,
		request: {
			pipelineName,
			parameters: resolved.assignments,
			...(displayName === '' ? {} : {displayName}),
			...(description === '' ? {} : {description}),
		},
	};
}
