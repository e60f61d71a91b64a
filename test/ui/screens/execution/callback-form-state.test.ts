import {describe, expect, it} from 'vitest';
import {
	callbackFormReducer,
	callbackRequestOf,
	fieldLabel,
	fieldProblem,
	openCallbackForm,
} from '../../../../source/ui/screens/execution/callback-form-state.js';

const outputs = [
	{name: 'approved', type: 'Boolean' as const},
	{name: 'note', type: 'String' as const},
];

describe('the Callback answer form', () => {
	it('sends success with the typed outputs, leaving empty ones out', () => {
		let form = callbackFormReducer(openCallbackForm('Gate', 'Ab3dE5gH9k', outputs), {
			type: 'choose',
			answer: 'success',
		});
		expect(fieldLabel(form, 0)).toBe('approved (Boolean)');
		form = callbackFormReducer(form, {type: 'edit', text: 'maybe'});
		expect(fieldProblem(form, 0)).toBe("approved must be true or false, got 'maybe'");
		expect(callbackRequestOf(form)).toEqual({problem: "approved must be true or false, got 'maybe'"});
		form = callbackFormReducer(form, {type: 'edit', text: 'true'});
		form = callbackFormReducer(form, {type: 'next'});
		expect(form.field).toBe(1);
		expect(callbackRequestOf(form)).toEqual({
			answer: 'success',
			request: {callbackToken: 'Ab3dE5gH9k', outputParameters: [{name: 'approved', value: 'true'}]},
		});
	});

	it('sends failure with a reason of at most 256 characters', () => {
		let form = callbackFormReducer(openCallbackForm('Gate', 'Ab3dE5gH9k', outputs), {
			type: 'choose',
			answer: 'failure',
		});
		expect(form.texts).toEqual(['']);
		expect(fieldLabel(form, 0)).toBe('reason');
		expect(callbackRequestOf(form)).toEqual({problem: 'the failure reason must not be empty'});
		form = callbackFormReducer(form, {type: 'edit', text: 'x'.repeat(257)});
		expect(fieldProblem(form, 0)).toMatch(/at most 256 characters/);
		form = callbackFormReducer(form, {type: 'edit', text: 'MSE too high'});
		expect(callbackRequestOf(form)).toEqual({
			answer: 'failure',
			request: {callbackToken: 'Ab3dE5gH9k', failureReason: 'MSE too high'},
		});
	});
});
