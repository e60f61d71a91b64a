// The keys of each screen: the same tables drive the screen's input handler, the footer and the `?` help.
import {
	deletePipeline,
	type Keymap,
	listMoves,
	pageMoves,
	scrollMoves,
	refreshNow,
	retryExecution,
	stopExecution,
	submitStart,
	copyArn,
} from './bindings.js';
import {compareWithMarked, compareWithPrevious, markExecution} from './compare-keymaps.js';
import {answerCallback} from './callback-keymaps.js';
import {openModels} from './models-keymaps.js';

const clearFilter = {
	keys: ['escape'],
	label: 'esc',
	description: 'clear the filter (then back)',
	intent: 'clear-filter',
	footer: false,
} as const satisfies Keymap[number];

export const pipelinesKeymap = [
	...listMoves,
	{keys: ['enter'], label: 'enter', description: 'open the pipeline’s executions', intent: 'open'},
	{
		keys: ['s'],
		label: 's',
		description: 'start an execution',
		intent: 'start',
		mutating: true,
		action: 'start an execution',
	},
	deletePipeline,
	{keys: ['o'], label: 'o', description: 'cycle the sort order', intent: 'sort', hint: 'sort'},
	{keys: ['/'], label: '/', description: 'filter by name', intent: 'filter'},
	clearFilter,
	refreshNow,
	copyArn,
] as const satisfies Keymap;

export type PipelinesIntent = (typeof pipelinesKeymap)[number]['intent'];

export const executionsKeymap = [
	...listMoves,
	{keys: ['enter'], label: 'enter', description: 'open the execution', intent: 'open'},
	{
		keys: ['s'],
		label: 's',
		description: 'start another with the selected execution’s parameters (U in the form: defaults)',
		intent: 'start',
		mutating: true,
		action: 'start another execution',
	},
	stopExecution,
	{
		keys: ['R'],
		label: 'R',
		description: 'retry a failed execution (asks y/N)',
		intent: 'retry',
		mutating: true,
		action: 'retry a failed execution',
	},
	markExecution,
	compareWithMarked,
	{keys: ['/'], label: '/', description: 'filter by name, id or status', intent: 'filter'},
	clearFilter,
	{keys: ['o'], label: 'o', description: 'cycle the sort order', intent: 'sort', hint: 'sort'},
	refreshNow,
	copyArn,
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
	{
		keys: ['L'],
		label: 'L',
		description: 'the step’s job logs (CloudWatch Logs)',
		intent: 'logs',
		hint: 'logs',
	},
	{
		keys: ['w'],
		label: 'w',
		description: 'why the execution failed: every failed step’s reasons, log and next action',
		intent: 'why',
		hint: 'why',
	},
	openModels,
	answerCallback,
	stopExecution,
	{
		keys: ['P'],
		label: 'P',
		description: 'the parameters the execution ran with',
		intent: 'parameters',
		hint: 'params',
	},
	compareWithPrevious,
	{keys: ['p'], label: 'p', description: 'pause or resume refreshing', intent: 'pause', hint: 'pause'},
	{
		keys: ['space'],
		label: 'space',
		description: 'mark or unmark the step for a re-run',
		intent: 'mark',
		hint: 'mark',
	},
	{
		keys: ['+'],
		label: '+',
		description: 'mark the step and everything downstream of it',
		intent: 'mark-downstream',
		footer: false,
	},
	{keys: ['-'], label: '-', description: 'unmark every step', intent: 'clear-marks', footer: false},
	{
		keys: ['s'],
		label: 's',
		description: 'start again from here: this execution’s parameters, only the marked steps (if any)',
		intent: 'start-again',
		hint: 'rerun',
		mutating: true,
		action: 'start an execution',
	},
	retryExecution,
	deletePipeline,
	refreshNow,
	copyArn,
	{keys: ['/'], label: '/', description: 'filter steps by name, type or status', intent: 'filter'},
	clearFilter,
] as const satisfies Keymap;

export type ExecutionIntent = (typeof executionKeymap)[number]['intent'];

/** Keys while a pane (details, reports, parameters) covers the step panel. */
export const paneKeymap = [
	...scrollMoves,
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
	{keys: ['L'], label: 'L', description: 'the step’s logs', intent: 'logs', footer: false},
	{
		keys: ['escape', 'backspace'],
		label: 'esc',
		description: 'close the pane',
		intent: 'close',
		hint: 'close',
	},
] as const satisfies Keymap;

/** The scrolling keys of a pane: the pane's own key layer (`ScrollPane`); the rest of `paneKeymap` is the screen's. */
export const scrollKeymap = paneKeymap.filter((binding) =>
	['up', 'down', 'page-up', 'page-down', 'first', 'last'].includes(binding.intent),
);

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
