// The keys of the Models screen (groups, then one group's versions) and of its approval-description prompt.
import {type Keymap, listMoves, refreshNow} from './bindings.js';
import {erasingKeymap, type TextEditIntent} from './text-keymaps.js';

/** The group list (`:models`). */
export const modelGroupsKeymap = [
	...listMoves,
	{keys: ['enter'], label: 'enter', description: 'open the group’s versions', intent: 'open', hint: 'open'},
	refreshNow,
] as const satisfies Keymap;

/** One group's versions. */
export const modelsKeymap = [
	...listMoves,
	{
		keys: ['a'],
		label: 'a',
		description: 'approve the version (asks a description, then y/N)',
		intent: 'approve',
		hint: 'approve',
		mutating: true,
		action: 'approve a model version',
	},
	{
		keys: ['x'],
		label: 'x',
		description: 'reject the version (asks a description, then y/N)',
		intent: 'reject',
		hint: 'reject',
		mutating: true,
		action: 'reject a model version',
	},
	refreshNow,
] as const satisfies Keymap;

export type ModelsIntent =
	| (typeof modelsKeymap)[number]['intent']
	| (typeof modelGroupsKeymap)[number]['intent'];

/** Typing the approval description: enter goes on to the y/N question, esc decides nothing. */
export const approvalDescriptionKeymap = [
	{keys: ['enter'], label: 'enter', description: 'go on to the y/N question', intent: 'commit', hint: 'next'},
	{keys: ['escape'], label: 'esc', description: 'cancel: decide nothing', intent: 'leave', hint: 'cancel'},
	...erasingKeymap,
] as const satisfies Keymap<TextEditIntent>;

/** The step key of the execution screen that opens the Models screen on a RegisterModel step's version. */
export const openModels = {
	keys: ['M'],
	label: 'M',
	description: 'the model versions a RegisterModel step registered into',
	intent: 'models',
	hint: 'models',
} as const satisfies Keymap[number];
