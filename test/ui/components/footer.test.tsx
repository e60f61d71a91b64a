import {renderToString} from 'ink';
import {expect, test} from 'vitest';
import {Footer} from '../../../source/ui/components/footer.js';
import {executionKeymap, pipelinesKeymap} from '../../../source/ui/keys/keymaps.js';

test('the footer lists the screen’s keys from its keymap, then help, back and quit', () => {
	const text = renderToString(
		<Footer keymap={pipelinesKeymap} readOnly={false} width={120} canGoBack={false} />,
		{
			columns: 120,
		},
	);
	expect(text).toContain('enter open  s start  D delete  o sort  / filter  r refresh  ? help  q quit');
	expect(text).not.toContain('esc back');
});

test('read-only mode hides the keys that change something', () => {
	const text = renderToString(<Footer keymap={executionKeymap} readOnly width={120} canGoBack />, {
		columns: 120,
	});
	expect(text).not.toMatch(/x stop|R retry|D delete/);
	expect(text).toContain('e reports');
	expect(text).toContain('esc back');
});

test('a narrow footer keeps help and quit and drops screen keys from the end', () => {
	const text = renderToString(<Footer keymap={executionKeymap} readOnly={false} width={44} canGoBack />, {
		columns: 44,
	});
	expect(text).toContain('? help  esc back  q quit');
	expect(text).not.toContain('refresh');
});

test('the message line shows the last outcome', () => {
	const text = renderToString(
		<Footer
			keymap={pipelinesKeymap}
			readOnly={false}
			width={80}
			canGoBack={false}
			message={{text: 'Deleted pipeline Demo.', kind: 'success'}}
		/>,
		{columns: 80},
	);
	expect(text.split('\n')[0]).toBe('Deleted pipeline Demo.');
});

test('a long message wraps instead of being cut to one line', () => {
	const message = {
		text: 'Could not stop the execution: AccessDeniedException: User arn:aws:iam::111122223333:user/dev is not authorized to perform sagemaker:StopPipelineExecution',
		kind: 'error' as const,
	};
	for (const width of [60, 80, 200]) {
		const text = renderToString(
			<Footer keymap={executionKeymap} readOnly={false} width={width} canGoBack message={message} />,
			{columns: width},
		);
		expect(text.replace(/\s+/g, ' ')).toContain('sagemaker:StopPipelineExecution');
	}
});
