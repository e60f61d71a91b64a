// The binding model (a key, how it is shown, what it means), how a press finds its binding, and the fragments
// that several keymap tables share word for word.
import type {KeyPress} from './key-press.js';

/** Whether a key changes something in AWS; if so, `action` names it in the --read-only refusal. */
type Effect = {mutating?: false; action?: undefined} | {mutating: true; action: string};

export type Binding<Intent extends string = string> = {
	keys: readonly string[];
	/** How the key is written in the footer and help (`↑↓`, `enter`, `x`). */
	label: string;
	description: string;
	intent: Intent;
	/** What the footer treats specially: `back` only shows when there is somewhere to go back to. */
	role?: 'back' | 'command';
	/** Shown in the footer (the help always lists every binding). */
	footer?: boolean;
	/** The footer's word for it; the description's first word when absent. */
	hint?: string;
	/** The footer's key label when it stands for a group of keys (`↑↓/jk`). */
	footerLabel?: string;
} & Effect;

export type Keymap<Intent extends string = string> = readonly Binding<Intent>[];

export function findBinding<Intent extends string>(
	keymap: Keymap<Intent>,
	press: KeyPress,
): Binding<Intent> | undefined {
	return keymap.find((binding) => binding.keys.includes(press.name));
}

/** The bindings a user may see: mutating ones disappear in read-only mode. */
export function visibleBindings<Intent extends string>(
	keymap: Keymap<Intent>,
	readOnly: boolean,
): Binding<Intent>[] {
	return keymap.filter((binding) => !(readOnly && binding.mutating));
}

/** The same table with these intents kept out of the footer: the keys still work (and say why not where they do not apply). */
export function withoutInFooter<K extends Keymap>(keymap: K, intents: readonly string[]): K {
	const hidden = new Set(intents);
	return keymap.map((binding) =>
		hidden.has(binding.intent) ? {...binding, footer: false} : binding,
	) as unknown as K;
}

export function hintOf(binding: Binding): string {
	return binding.hint ?? binding.description.split(' ')[0] ?? binding.intent;
}

export const pageMoves = [
	{keys: ['pageup'], label: 'PgUp', description: 'a page up', intent: 'page-up', footer: false},
	{keys: ['pagedown'], label: 'PgDn', description: 'a page down', intent: 'page-down', footer: false},
] as const satisfies Keymap;

/** The moves of a pane that scrolls text. */
export const scrollMoves = [
	{
		keys: ['up', 'k'],
		label: '↑/k',
		footerLabel: '↑↓/jk',
		description: 'scroll up',
		intent: 'up',
		hint: 'scroll',
	},
	{keys: ['down', 'j'], label: '↓/j', description: 'scroll down', intent: 'down', footer: false},
	...pageMoves,
	{keys: ['home'], label: 'Home', description: 'the top', intent: 'first', footer: false},
	{keys: ['end'], label: 'End', description: 'the bottom', intent: 'last', footer: false},
] as const satisfies Keymap;

export const listMoves = [
	{keys: ['up', 'k'], label: '↑/k', footerLabel: '↑↓/jk', description: 'move up', intent: 'up', hint: 'move'},
	{keys: ['down', 'j'], label: '↓/j', description: 'move down', intent: 'down', footer: false},
	...pageMoves,
	{keys: ['home'], label: 'Home', description: 'the first row', intent: 'first', footer: false},
	{keys: ['end'], label: 'End', description: 'the last row', intent: 'last', footer: false},
] as const satisfies Keymap;

export type ListMoveIntent = (typeof listMoves)[number]['intent'];

export const refreshNow = {
	keys: ['r', 'ctrl+r'],
	label: 'r',
	description: 'refresh now',
	intent: 'refresh',
	hint: 'refresh',
} as const satisfies Binding;

export const stopExecution = {
	keys: ['x'],
	label: 'x',
	description: 'stop the execution (asks y/N)',
	intent: 'stop',
	mutating: true,
	action: 'stop the execution',
} as const satisfies Binding;

export const deletePipeline = {
	keys: ['D'],
	label: 'D',
	description: 'delete the pipeline (type its name)',
	intent: 'delete',
	mutating: true,
	action: 'delete the pipeline',
} as const satisfies Binding;

export const retryExecution = {
	keys: ['R'],
	label: 'R',
	description: 'retry the failed execution (asks y/N)',
	intent: 'retry',
	mutating: true,
	action: 'retry the failed execution',
} as const satisfies Binding;

export const submitStart = {
	keys: ['ctrl+s'],
	label: 'ctrl+s',
	description: 'start the execution',
	intent: 'submit',
	mutating: true,
	action: 'start the execution',
	hint: 'start',
} as const satisfies Binding;

export const copyArn = {
	keys: ['y'],
	label: 'y',
	description: 'copy (yank) the ARN to the clipboard (OSC 52, works over ssh and in tmux)',
	intent: 'copy',
	hint: 'copy',
	footer: false,
} as const satisfies Binding;
