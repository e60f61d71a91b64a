// The keys of the triage pane (`w` on the execution screen): the pane's keys, `L` in the footer (the selected step's
// whole log; a failed execution opens on its failed step), `y` (the next command, which the pane wraps, whole on the
// clipboard) and a retry from where the reasons are read.
import {type Keymap, retryExecution} from './bindings.js';
import {paneKeymap} from './keymaps.js';

export const triagePaneKeymap = [
	...paneKeymap.filter((binding) => binding.intent !== 'logs'),
	{
		keys: ['L'],
		label: 'L',
		description: 'the selected (failed) step’s whole log',
		intent: 'logs',
		hint: 'log',
	},
	{
		keys: ['y'],
		label: 'y',
		description: 'copy the step’s next command to the clipboard (OSC 52), whole where the pane wraps it',
		intent: 'copy-next',
		hint: 'copy',
	},
	{...retryExecution, hint: 'retry'},
] as const satisfies Keymap;
