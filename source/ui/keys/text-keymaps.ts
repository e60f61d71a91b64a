// The keys while text is being typed (a start-form field, a `/` filter, the `:` command line): these few edit or
// end the text; every other printable key is typed.
import {type Keymap, submitStart} from './bindings.js';

/** Editing the text itself, the same in every field, filter and the command line. */
export const erasingKeymap = [
	{keys: ['backspace'], label: '⌫', description: 'erase a character', intent: 'erase', footer: false},
	{
		keys: ['ctrl+w'],
		label: 'ctrl+w',
		description: 'erase the last word',
		intent: 'erase-word',
		footer: false,
	},
	{keys: ['ctrl+u'], label: 'ctrl+u', description: 'clear the field', intent: 'clear', hint: 'clear'},
	{keys: ['left'], label: '←', description: 'cursor left', intent: 'cursor-left', footer: false},
	{keys: ['right'], label: '→', description: 'cursor right', intent: 'cursor-right', footer: false},
	{
		keys: ['home', 'ctrl+a'],
		label: 'Home/ctrl+a',
		description: 'cursor to the start',
		intent: 'cursor-home',
		footer: false,
	},
	{
		keys: ['end', 'ctrl+e'],
		label: 'End/ctrl+e',
		description: 'cursor to the end',
		intent: 'cursor-end',
		footer: false,
	},
	{
		keys: ['meta+left', 'meta+b'],
		label: 'alt+←',
		description: 'cursor a word left',
		intent: 'cursor-word-left',
		footer: false,
	},
	{
		keys: ['meta+right', 'meta+f'],
		label: 'alt+→',
		description: 'cursor a word right',
		intent: 'cursor-word-right',
		footer: false,
	},
] as const satisfies Keymap;

/** A start-form field (and the `:` command line). */
export const textEditKeymap = [
	{keys: ['enter'], label: 'enter', description: 'done editing, next field', intent: 'commit', hint: 'done'},
	{
		keys: ['escape'],
		label: 'esc',
		description: 'done editing (the value is kept)',
		intent: 'leave',
		hint: 'done',
	},
	...erasingKeymap,
	{
		keys: ['ctrl+r'],
		label: 'ctrl+r',
		description: 'reset the field to its default',
		intent: 'reset',
		hint: 'reset',
	},
	submitStart,
] as const satisfies Keymap;

export type TextEditIntent = (typeof textEditKeymap)[number]['intent'];

/** Typing a `/` filter: the same intents as a field, in the filter's words. */
export const filterKeymap = [
	{keys: ['enter'], label: 'enter', description: 'keep the filter', intent: 'commit', hint: 'keep'},
	{keys: ['escape'], label: 'esc', description: 'clear the filter', intent: 'leave', hint: 'clear'},
	...erasingKeymap.map((binding) => ({...binding, footer: false})),
] as const satisfies Keymap<TextEditIntent>;

/** What a text field's keys leave to its owner (erasing is done by the field). */
export type TextEndIntent = Exclude<TextEditIntent, (typeof erasingKeymap)[number]['intent']>;
