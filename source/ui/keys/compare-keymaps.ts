// The keys of comparing two executions: `m` and `c` on the executions list, `c` on an execution's screen, and the
// compare screen's own table.
import type {Binding, Keymap} from './bindings.js';
import {refreshNow, scrollMoves} from './bindings.js';

export const markExecution = {
	keys: ['m'],
	label: 'm',
	description: 'mark the execution to compare another with (m again unmarks)',
	intent: 'mark',
	hint: 'mark',
} as const satisfies Binding;

export const compareWithMarked = {
	keys: ['c'],
	label: 'c',
	description: 'compare the marked execution with this one',
	intent: 'compare',
	hint: 'compare',
} as const satisfies Binding;

export const compareWithPrevious = {
	keys: ['c'],
	label: 'c',
	description: 'compare with the previous execution of the pipeline',
	intent: 'compare',
	hint: 'compare',
	footer: false,
} as const satisfies Binding;

export const compareKeymap = [
	...scrollMoves,
	{
		keys: ['a'],
		label: 'a',
		description: 'show the unchanged rows too (dimmed), or hide them',
		intent: 'toggle-unchanged',
		hint: 'all rows',
	},
	{keys: ['s'], label: 's', description: 'swap A and B', intent: 'swap', hint: 'swap'},
	refreshNow,
] as const satisfies Keymap;

export type CompareIntent = (typeof compareKeymap)[number]['intent'];
