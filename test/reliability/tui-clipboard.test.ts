// Matrix row: `y` copies the selected ARN with OSC 52, which a terminal multiplexer (tmux with set-clipboard)
// takes as a clipboard write, as a terminal over ssh does. Built CLI, real terminal, emulator.
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {ensureBuilt} from '../helpers/built-cli.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {openTui, type Tui} from './tui.js';

vi.setConfig({testTimeout: 60_000});

let emulator: RunningEmulator;
let tui: Tui | undefined;

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 5000});
});

afterEach(async () => {
	await tui?.close();
	tui = undefined;
});

afterAll(async () => {
	await emulator?.close();
});

describe('copying an ARN', () => {
	it('matrix: y copies the selected ARN [tui] — an OSC 52 clipboard write of the whole ARN', async () => {
		tui = await openTui(emulator.url);
		await tui.waitFor(/AbalonePipeline/);
		const line = await tui.select('AbalonePipeline');
		expect(line).toContain('AbalonePipeline');
		await tui.type('y');
		const screen = await tui.waitFor(/Copied the pipeline ARN/);
		const arn = /arn:aws:sagemaker:[\w-]+:\d{12}:pipeline\/abalonepipeline/i;
		expect(screen).toMatch(arn);
		const {clipboardWrites} = await tui.state();
		expect(clipboardWrites.some((text) => arn.test(text) && !/\s/.test(text))).toBe(true);
	});
});
