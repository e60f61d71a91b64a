// Every key of every screen, declared once: the same tables drive the input handlers, the footer and the `?` help.
import type {Key} from 'ink';

const segmenter = new Intl.Segmenter();

/** A key press reduced to one name: `up`, `enter`, `escape`, `ctrl+s`, `space`, or the character typed (`x`, `D`). */
export type KeyPress = {name: string; input: string};

export type Binding<Intent extends string = string> = {
	keys: readonly string[];
	/** How the key is written in the footer and help (`↑↓`, `enter`, `x`). */
	label: string;
	description: string;
	intent: Intent;
	/** Changes something in AWS: hidden and refused under --read-only. */
	mutating?: boolean;
	/** Shown in the footer (the help always lists every binding). */
	footer?: boolean;
	/** The footer's word for it; the description's first word when absent. */
	hint?: string;
	/** The footer's key label when it stands for a group of keys (`↑↓/jk`). */
	footerLabel?: string;
};

export type Keymap<Intent extends string = string> = readonly Binding<Intent>[];

/** Every key in what Ink delivered at once: a burst of plain characters is split into single presses. */
export function keyPressesOf(input: string, key: Key): KeyPress[] {
	const special = key.escape || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow;
	if (!special && [...segmenter.segment(input)].length > 1) return splitTyped(input);
	return [keyPressOf(input, key)];
}

export function keyPressOf(input: string, key: Key): KeyPress {
	if (key.escape) return {name: 'escape', input: ''};
	if (key.upArrow) return {name: 'up', input: ''};
	if (key.downArrow) return {name: 'down', input: ''};
	if (key.leftArrow) return {name: 'left', input: ''};
	if (key.rightArrow) return {name: 'right', input: ''};
	if (key.pageUp) return {name: 'pageup', input: ''};
	if (key.pageDown) return {name: 'pagedown', input: ''};
	if (key.home) return {name: 'home', input: ''};
	if (key.end) return {name: 'end', input: ''};
	if (key.return) return {name: 'enter', input: ''};
	if (key.tab) return {name: key.shift ? 'shift+tab' : 'tab', input: ''};
	// Ink 6 reports the Backspace byte (0x7F) as `delete`; both mean "erase" here.
	if (key.backspace || key.delete) return {name: 'backspace', input: ''};
	if (key.ctrl && input.length === 1) return {name: `ctrl+${input.toLowerCase()}`, input: ''};
	if (key.meta) return {name: `meta+${input}`, input: ''};
	if (input === ' ') return {name: 'space', input};
	return {name: input, input};
}

export function hintOf(binding: Binding): string {
	return binding.hint ?? binding.description.split(' ')[0] ?? binding.intent;
}

/**
 * Ink hands over a burst of plain characters (typed fast, pasted, or sent by tmux) as one string, control bytes
 * included ("jj\r"): each becomes its own key press, so every key is handled as if typed alone.
 */
export function splitTyped(input: string): KeyPress[] {
	const presses: KeyPress[] = [];
	for (const {segment} of segmenter.segment(input)) {
		const code = segment.codePointAt(0) ?? 0;
		if (segment === '\r' || segment === '\n' || segment === '\r\n') presses.push({name: 'enter', input: ''});
		else if (segment === '\t') presses.push({name: 'tab', input: ''});
		else if (segment === '\u007F' || segment === '\b') presses.push({name: 'backspace', input: ''});
		else if (segment === '\u001B') presses.push({name: 'escape', input: ''});
		else if (code < 0x20) presses.push({name: `ctrl+${String.fromCharCode(code + 0x60)}`, input: ''});
		else if (segment === ' ') presses.push({name: 'space', input: ' '});
		else presses.push({name: segment, input: segment});
	}

	return presses;
}

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

// Bindings that several screens share, word for word.
const pageMoves = [
	{keys: ['pageup'], label: 'PgUp', description: 'a page up', intent: 'page-up', footer: false},
	{keys: ['pagedown'], label: 'PgDn', description: 'a page down', intent: 'page-down', footer: false},
] as const satisfies Keymap;

const refreshNow = {
	keys: ['r', 'ctrl+r'],
	label: 'r',
	description: 'refresh now',
	intent: 'refresh',
	hint: 'refresh',
} as const satisfies Binding;

const clearFilter = {
	keys: ['escape'],
	label: 'esc',
	description: 'clear the filter (then back)',
	intent: 'clear-filter',
	footer: false,
} as const satisfies Binding;

const stopExecution = {
	keys: ['x'],
	label: 'x',
	description: 'stop the execution (asks y/N)',
	intent: 'stop',
	mutating: true,
} as const satisfies Binding;

const deletePipeline = {
	keys: ['D'],
	label: 'D',
	description: 'delete the pipeline (type its name)',
	intent: 'delete',
	mutating: true,
} as const satisfies Binding;

const submitStart = {
	keys: ['ctrl+s'],
	label: 'ctrl+s',
	description: 'start the execution',
	intent: 'submit',
	mutating: true,
	hint: 'start',
} as const satisfies Binding;

const listMoves = [
	{keys: ['up', 'k'], label: '↑/k', footerLabel: '↑↓/jk', description: 'move up', intent: 'up', hint: 'move'},
	{keys: ['down', 'j'], label: '↓/j', description: 'move down', intent: 'down', footer: false},
	...pageMoves,
	{keys: ['home'], label: 'Home', description: 'the first row', intent: 'first', footer: false},
	{keys: ['end'], label: 'End', description: 'the last row', intent: 'last', footer: false},
] as const satisfies Keymap;

export type ListMoveIntent = (typeof listMoves)[number]['intent'];

export const globalKeymap = [
	{keys: ['?'], label: '?', description: 'help: every key of this screen', intent: 'help', hint: 'help'},
	{
		keys: [':'],
		label: ':',
		description: 'command line (:pipeline NAME, :region R, :profile P, :q)',
		intent: 'command',
		hint: 'command',
	},
	{
		keys: ['escape', 'backspace'],
		label: 'esc',
		description: 'back (Backspace too)',
		intent: 'back',
		hint: 'back',
	},
	{keys: ['q', 'ctrl+c'], label: 'q', description: 'quit (Ctrl+C too)', intent: 'quit'},
] as const satisfies Keymap;

export type GlobalIntent = (typeof globalKeymap)[number]['intent'];

export const pipelinesKeymap = [
	...listMoves,
	{keys: ['enter'], label: 'enter', description: 'open the pipeline’s executions', intent: 'open'},
	{keys: ['s'], label: 's', description: 'start an execution', intent: 'start', mutating: true},
	deletePipeline,
	{keys: ['o'], label: 'o', description: 'cycle the sort order', intent: 'sort', hint: 'sort'},
	{keys: ['/'], label: '/', description: 'filter by name', intent: 'filter'},
	clearFilter,
	refreshNow,
] as const satisfies Keymap;

export type PipelinesIntent = (typeof pipelinesKeymap)[number]['intent'];

export const executionsKeymap = [
	...listMoves,
	{keys: ['enter'], label: 'enter', description: 'open the execution', intent: 'open'},
	{keys: ['s'], label: 's', description: 'start another execution', intent: 'start', mutating: true},
	stopExecution,
	{
		keys: ['R'],
		label: 'R',
		description: 'retry a failed execution (asks y/N)',
		intent: 'retry',
		mutating: true,
	},
	{keys: ['/'], label: '/', description: 'filter by name, id or status', intent: 'filter'},
	clearFilter,
	refreshNow,
] as const satisfies Keymap;

export type ExecutionsIntent = (typeof executionsKeymap)[number]['intent'];

export const executionKeymap = [
	{
		keys: ['up', 'k'],
		label: '↑/k',
		footerLabel: '↑↓←→/hjkl',
		description: 'up: to a parent in the DAG (the row above in list and timeline)',
		intent: 'up',
		hint: 'move',
	},
	{
		keys: ['down', 'j'],
		label: '↓/j',
		description: 'down: to a child in the DAG (the row below)',
		intent: 'down',
		footer: false,
	},
	{
		keys: ['left', 'h'],
		label: '←/h',
		description: 'left within a layer of the DAG',
		intent: 'left',
		footer: false,
	},
	{
		keys: ['right', 'l'],
		label: '→/l',
		description: 'right within a layer of the DAG',
		intent: 'right',
		footer: false,
	},
	...pageMoves,
	{keys: ['home'], label: 'Home', description: 'the first step', intent: 'first', footer: false},
	{keys: ['end'], label: 'End', description: 'the last step', intent: 'last', footer: false},
	{keys: ['enter'], label: 'enter', description: 'the step’s details', intent: 'details', hint: 'details'},
	{keys: ['g'], label: 'g', description: 'cycle the view: DAG, list, timeline', intent: 'view', hint: 'view'},
	{
		keys: ['e'],
		label: 'e',
		description: 'the step’s reports (property files from S3)',
		intent: 'reports',
		hint: 'reports',
	},
	stopExecution,
	{
		keys: ['P'],
		label: 'P',
		description: 'the parameters the execution ran with',
		intent: 'parameters',
		hint: 'params',
	},
	{keys: ['p'], label: 'p', description: 'pause or resume refreshing', intent: 'pause', hint: 'pause'},
	{
		keys: ['R'],
		label: 'R',
		description: 'retry the failed execution (asks y/N)',
		intent: 'retry',
		mutating: true,
	},
	deletePipeline,
	refreshNow,
] as const satisfies Keymap;

export type ExecutionIntent = (typeof executionKeymap)[number]['intent'];

/** Keys while a pane (details, reports, parameters) covers the step panel. */
export const paneKeymap = [
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
	{
		keys: ['tab', 'right', 'l'],
		label: 'tab',
		description: 'the next report file',
		intent: 'next',
		footer: false,
	},
	{
		keys: ['shift+tab', 'left', 'h'],
		label: 'shift+tab',
		description: 'the previous report file',
		intent: 'previous',
		footer: false,
	},
	{keys: ['e'], label: 'e', description: 'the step’s reports', intent: 'reports', footer: false},
	{keys: ['enter'], label: 'enter', description: 'the step’s details', intent: 'details', footer: false},
	{
		keys: ['escape', 'backspace'],
		label: 'esc',
		description: 'close the pane',
		intent: 'close',
		hint: 'close',
	},
] as const satisfies Keymap;

export type PaneIntent = (typeof paneKeymap)[number]['intent'];

export const startFormKeymap = [
	{
		keys: ['up', 'k', 'shift+tab'],
		label: '↑/k',
		footerLabel: '↑↓/jk',
		description: 'the field above (shift+tab too)',
		intent: 'up',
		hint: 'move',
	},
	{
		keys: ['down', 'j', 'tab'],
		label: '↓/j',
		description: 'the field below (tab too)',
		intent: 'down',
		footer: false,
	},
	{keys: ['home', 'pageup'], label: 'Home', description: 'the first field', intent: 'first', footer: false},
	{keys: ['end', 'pagedown'], label: 'End', description: 'the [Start] button', intent: 'last', footer: false},
	{
		keys: ['enter'],
		label: 'enter',
		description: 'edit the field (on [Start]: start)',
		intent: 'activate',
		hint: 'edit',
	},
	submitStart,
	{keys: ['space'], label: 'space', description: 'toggle a Boolean, next enum choice', intent: 'toggle'},
	{
		keys: ['left', 'h'],
		label: '←/h',
		footerLabel: '←→',
		description: 'the previous choice of an enum or Boolean',
		intent: 'previous-choice',
		hint: 'choice',
	},
	{keys: ['right', 'l'], label: '→/l', description: 'the next choice', intent: 'next-choice', footer: false},
	{
		keys: ['u', 'ctrl+r'],
		label: 'u',
		description: 'reset the field to its default',
		intent: 'reset',
		hint: 'reset',
	},
	{
		keys: ['U'],
		label: 'U',
		description: 'reset every field to its default',
		intent: 'reset-all',
		footer: false,
	},
] as const satisfies Keymap;

export type StartFormIntent = (typeof startFormKeymap)[number]['intent'];

/** Keys while a text field is being edited; every other key is typed into the field. */
export const textEditKeymap = [
	{keys: ['enter'], label: 'enter', description: 'done editing, next field', intent: 'commit', hint: 'done'},
	{
		keys: ['escape'],
		label: 'esc',
		description: 'done editing (the value is kept)',
		intent: 'leave',
		hint: 'done',
	},
	{keys: ['backspace'], label: '⌫', description: 'erase a character', intent: 'erase', footer: false},
	{keys: ['ctrl+u'], label: 'ctrl+u', description: 'clear the field', intent: 'clear', hint: 'clear'},
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

/** Keys while typing a `/` filter (shown in the footer; the intents come from the text-edit keymap). */
export const filterKeymap = [
	{keys: ['enter'], label: 'enter', description: 'keep the filter', intent: 'commit', hint: 'keep'},
	{keys: ['escape'], label: 'esc', description: 'clear the filter', intent: 'leave', hint: 'clear'},
] as const satisfies Keymap;

/** The scrolling keys of a pane: the pane's own key layer (`ScrollPane`); the rest of `paneKeymap` is the screen's. */
export const scrollKeymap = paneKeymap.filter((binding) =>
	['up', 'down', 'page-up', 'page-down', 'first', 'last'].includes(binding.intent),
);
