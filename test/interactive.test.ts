import {expect, test} from 'vitest';
import {ExitCode} from '../source/commands/context.js';
import {runInteractive} from '../source/interactive.js';
import {createFakeContext} from './helpers/fake-command-context.js';

test('without a terminal it points to the scriptable commands and exits 2, never touching raw mode', async () => {
	const context = createFakeContext({isTTY: false});
	expect(await runInteractive(context)).toBe(ExitCode.usage);
	expect(context.err()).toContain('the interactive UI needs a terminal');
	expect(context.err()).toContain('sagemon watch ARN');
	expect(context.err()).toContain('sagemon steps ARN');
	expect(context.out()).toBe('');
});

test('--plain asks for plain output, so the UI does not start even on a terminal', async () => {
	const context = createFakeContext({isTTY: true, flags: {plain: true}});
	expect(await runInteractive({...context, stdinIsTTY: true})).toBe(ExitCode.usage);
	expect(context.err()).toContain('sagemon describe ARN');
});
