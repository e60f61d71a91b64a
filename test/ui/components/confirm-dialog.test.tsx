// A question wraps rather than being cut: at 40, 60, 80 and 100 columns its answer keys, its warning and the name
// to type are on screen, in exactly the lines the layout gives the dialog.
import {renderToString} from 'ink';
import {expect, test} from 'vitest';
import {ConfirmDialog, confirmDialogHeight} from '../../../source/ui/components/confirm-dialog.js';
import type {DialogState} from '../../../source/ui/hooks/use-confirmation.js';

const stop: DialogState = {
	confirmation: {
		question:
			'Stop execution pipelines-abcdef123456 of AbalonePipelineWithAVeryLongName? Steps already running are stopped too.',
		busy: 'Stopping…',
		run: async () => '',
	},
	typed: '',
	cursor: 0,
	phase: 'asking',
	mismatch: false,
};
const remove: DialogState = {
	...stop,
	confirmation: {
		question:
			'Delete pipeline AbalonePipelineWithAVeryLongName and its execution history? This cannot be undone.',
		expected: 'AbalonePipelineWithAVeryLongName',
		busy: 'Deleting…',
		run: async () => '',
	},
};

test.each([40, 60, 80, 100])('at %i columns the question keeps its answer keys and its warning', (width) => {
	for (const state of [stop, remove]) {
		const text = renderToString(<ConfirmDialog state={state} width={width} />, {columns: width});
		const flat = text.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
		expect(text.split('\n')).toHaveLength(confirmDialogHeight(state, width));
		if (state === stop) expect(flat).toContain('Steps already running are stopped too. [y/N]');
		else {
			expect(flat).toContain('This cannot be undone.');
			expect(flat).toContain('Type AbalonePipelineWithAVeryLongName to confirm:');
			expect(flat).toContain('enter confirms · esc cancels');
		}
	}
});
