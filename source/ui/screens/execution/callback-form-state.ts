// The form that answers a waiting Callback step, as plain data: first the choice (success or failure), then its
// fields (one per declared output parameter, typed; or the failure reason), then what is sent.
import type {CallbackFailure, CallbackSuccess} from '../../../aws/execution-action-types.js';
import {checkOutputs, failureReasonProblem} from '../../../pipeline/callback-outputs.js';
import type {ParameterDefinition} from '../../../pipeline/model.js';
import {parseOverride} from '../../../pipeline/parameters.js';

export type CallbackForm = {
	step: string;
	token: string;
	outputs: ParameterDefinition[];
	answer?: 'success' | 'failure';
	/** One text per output for a success; the reason alone for a failure. */
	texts: string[];
	field: number;
};

export type CallbackFormAction =
	| {type: 'choose'; answer: 'success' | 'failure'}
	| {type: 'edit'; text: string}
	| {type: 'next'}
	| {type: 'previous'};

export function openCallbackForm(step: string, token: string, outputs: ParameterDefinition[]): CallbackForm {
	return {step, token, outputs, texts: [], field: 0};
}

export function callbackFormReducer(form: CallbackForm, action: CallbackFormAction): CallbackForm {
	switch (action.type) {
		case 'choose':
			return {
				...form,
				answer: action.answer,
				texts: action.answer === 'success' ? form.outputs.map(() => '') : [''],
				field: 0,
			};
		case 'edit':
			return {...form, texts: form.texts.map((text, index) => (index === form.field ? action.text : text))};
		case 'next':
			return {...form, field: Math.min(form.texts.length - 1, form.field + 1)};
		case 'previous':
			return {...form, field: Math.max(0, form.field - 1)};
	}
}

/** The label of field `index`: `approved (Boolean)`, or `reason`. */
export function fieldLabel(form: CallbackForm, index: number): string {
	if (form.answer === 'failure') return 'reason';
	const output = form.outputs[index];
	return output ? `${output.name} (${output.type})` : '';
}

/** What is wrong with the field being edited, for the line under it; undefined while it is fine or empty. */
export function fieldProblem(form: CallbackForm, index: number): string | undefined {
	const text = form.texts[index] ?? '';
	if (text === '') return undefined;
	if (form.answer === 'failure') return failureReasonProblem(text);
	const output = form.outputs[index];
	if (!output) return undefined;
	const parsed = parseOverride(output, text);
	return parsed.ok ? undefined : parsed.message;
}

export type CallbackRequest =
	| {answer: 'success'; request: CallbackSuccess}
	| {answer: 'failure'; request: CallbackFailure}
	| {problem: string};

/** The request the form sends (outputs left empty are not sent), or what must be fixed first. */
export function callbackRequestOf(form: CallbackForm): CallbackRequest {
	if (form.answer === 'failure') {
		const reason = form.texts[0] ?? '';
		const problem = failureReasonProblem(reason);
		if (problem) return {problem};
		return {answer: 'failure', request: {callbackToken: form.token, failureReason: reason}};
	}

	const values = form.outputs
		.map((output, index) => ({name: output.name, value: form.texts[index] ?? ''}))
		.filter((value) => value.value !== '');
	const checked = checkOutputs(form.outputs, values);
	if (!checked.ok) return {problem: checked.problems.join('; ')};
	return {answer: 'success', request: {callbackToken: form.token, outputParameters: checked.outputs}};
}
