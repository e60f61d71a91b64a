// The keys that answer a waiting Callback step: the step key on the execution screen, the success/failure
// choice, and the fields of the answer.
import type {Keymap} from './bindings.js';
import {erasingKeymap, type TextEditIntent} from './text-keymaps.js';

/** The step key of the execution screen that answers a waiting Callback step. */
export const answerCallback = {
	keys: ['A'],
	label: 'A',
	description: 'answer the waiting Callback step (success with outputs, or failure)',
	intent: 'callback',
	hint: 'answer',
	// The selection line says "A answers it" on a waiting Callback step; elsewhere the key does nothing.
	footer: false,
	mutating: true,
	action: 'answer a Callback step',
} as const satisfies Keymap[number];

export const callbackChoiceKeymap = [
	{
		keys: ['s'],
		label: 's',
		description: 'answer success (with its output parameters)',
		intent: 'success',
		hint: 'success',
	},
	{
		keys: ['f'],
		label: 'f',
		description: 'answer failure (with a reason)',
		intent: 'failure',
		hint: 'failure',
	},
	{
		keys: ['escape', 'q'],
		label: 'esc',
		description: 'cancel: send nothing',
		intent: 'cancel',
		hint: 'cancel',
	},
] as const satisfies Keymap;

export type CallbackChoiceIntent = (typeof callbackChoiceKeymap)[number]['intent'];

export const callbackFieldKeymap = [
	{
		keys: ['enter'],
		label: 'enter',
		description: 'the next field; on the last, send (asks y/N)',
		intent: 'commit',
		hint: 'next',
	},
	{
		keys: ['ctrl+s'],
		label: 'ctrl+s',
		description: 'send the answer (asks y/N)',
		intent: 'submit',
		hint: 'send',
	},
	{keys: ['escape'], label: 'esc', description: 'cancel: send nothing', intent: 'leave', hint: 'cancel'},
	...erasingKeymap,
] as const satisfies Keymap<TextEditIntent>;
