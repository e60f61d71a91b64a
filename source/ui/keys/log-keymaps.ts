// The keys of the log pane (`L` on the execution screen): the same table drives its input, the footer and `?`.
import {type Keymap, pageMoves} from './bindings.js';
import {erasingKeymap, type TextEditIntent} from './text-keymaps.js';

export const logPaneKeymap = [
	{
		keys: ['up', 'k'],
		label: '↑/k',
		footerLabel: '↑↓/jk',
		description: 'scroll up (stops following)',
		intent: 'up',
		hint: 'scroll',
	},
	{keys: ['down', 'j'], label: '↓/j', description: 'scroll down', intent: 'down', footer: false},
	...pageMoves,
	{keys: ['home', 'g'], label: 'Home/g', description: 'the first line', intent: 'first', footer: false},
	{
		keys: ['end', 'G', 'F'],
		label: 'End/G',
		description: 'the last line, and follow new lines',
		intent: 'last',
		hint: 'follow',
	},
	{keys: ['/'], label: '/', description: 'search the log', intent: 'search', hint: 'search'},
	{keys: ['n'], label: 'n', description: 'the next match', intent: 'next-match', footer: false},
	{keys: ['N'], label: 'N', description: 'the previous match', intent: 'previous-match', footer: false},
	{keys: ['w'], label: 'w', description: 'wrap long lines (on/off)', intent: 'wrap', hint: 'wrap'},
	{keys: ['t'], label: 't', description: 'timestamps (on/off)', intent: 'timestamps', hint: 'time'},
	{
		keys: ['i'],
		label: 'i',
		description: 'one instance at a time, then all interleaved',
		intent: 'instance',
		hint: 'instance',
	},
	{
		keys: ['s'],
		label: 's',
		description: 'save the shown log to a file in the current directory',
		intent: 'save',
		hint: 'save',
	},
	{
		keys: ['escape', 'backspace', 'q'],
		label: 'esc',
		description: 'close the log',
		intent: 'close',
		hint: 'close',
	},
] as const satisfies Keymap;

export type LogPaneIntent = (typeof logPaneKeymap)[number]['intent'];

/** While typing a search after `/`. */
export const logSearchKeymap = [
	{
		keys: ['enter'],
		label: 'enter',
		description: 'search (n/N move between matches)',
		intent: 'commit',
		hint: 'find',
	},
	{keys: ['escape'], label: 'esc', description: 'cancel the search', intent: 'leave', hint: 'cancel'},
	...erasingKeymap.map((binding) => ({...binding, footer: false})),
] as const satisfies Keymap<TextEditIntent>;
