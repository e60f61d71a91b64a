// The keys of the frame around the screens: the global keys, Ctrl+C, the too-small notice, the `?` help and the
// confirmation questions. The shell's handlers and the help read these tables, like the screens read theirs.
import type {Keymap} from './bindings.js';
import {erasingKeymap} from './text-keymaps.js';

export const globalKeymap = [
	{keys: ['?'], label: '?', description: 'help: every key of this screen', intent: 'help', hint: 'help'},
	{
		keys: [':'],
		label: ':',
		description: 'command line (:pipeline NAME, :region R, :profile P, :q)',
		intent: 'command',
		hint: 'command',
		role: 'command',
	},
	{
		keys: ['escape', 'backspace'],
		label: 'esc',
		description: 'back (Backspace too)',
		intent: 'back',
		hint: 'back',
		role: 'back',
	},
	{keys: ['q', 'ctrl+c'], label: 'q', description: 'quit (Ctrl+C too)', intent: 'quit'},
] as const satisfies Keymap;

export type GlobalIntent = (typeof globalKeymap)[number]['intent'];

/** Above everything, even a text field: Ctrl+C quits. */
export const interruptKeymap = [
	{keys: ['ctrl+c'], label: 'ctrl+c', description: 'quit, even while typing', intent: 'quit'},
] as const satisfies Keymap;

/** While the window is too small to show anything, only this key acts (no key acts unseen). */
export const tooSmallKeymap = [
	{keys: ['q'], label: 'q', description: 'quit', intent: 'quit'},
] as const satisfies Keymap;

/** While the `?` help is open; every other key is ignored. */
export const helpKeymap = [
	{keys: ['up', 'k'], label: '↑/k', description: 'scroll the help up', intent: 'up'},
	{keys: ['down', 'j'], label: '↓/j', description: 'scroll the help down', intent: 'down'},
	{keys: ['pageup'], label: 'PgUp', description: 'a page up', intent: 'page-up'},
	{keys: ['pagedown'], label: 'PgDn', description: 'a page down', intent: 'page-down'},
	{
		keys: ['escape', '?', 'q', 'enter', 'backspace'],
		label: 'esc',
		description: 'close the help (? q enter Backspace too)',
		intent: 'close',
	},
] as const satisfies Keymap;

export type HelpIntent = (typeof helpKeymap)[number]['intent'];

/**
 * A y/N question (stop, retry, leaving unsaved edits). Enter cancels because No is the default; any other key,
 * such as the key that opened the question pressed again, leaves it open.
 */
export const confirmKeymap = [
	{keys: ['y', 'Y'], label: 'y', description: 'yes: do it', intent: 'yes'},
	{
		keys: ['n', 'N', 'escape', 'enter', 'q', 'backspace'],
		label: 'n/esc',
		description: 'no, the default (enter, q, Backspace too)',
		intent: 'no',
	},
] as const satisfies Keymap;

export type ConfirmIntent = (typeof confirmKeymap)[number]['intent'];

/** A question answered by typing a name (delete); printable keys type, pasted text is ignored. */
export const typeToConfirmKeymap = [
	{keys: ['enter'], label: 'enter', description: 'confirm, when the name typed matches', intent: 'confirm'},
	{keys: ['escape'], label: 'esc', description: 'cancel', intent: 'cancel'},
	// Typed and edited as in every other field: a cursor that moves as in a shell.
	...erasingKeymap,
] as const satisfies Keymap;

export type TypeToConfirmIntent = (typeof typeToConfirmKeymap)[number]['intent'];
