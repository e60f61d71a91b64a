// Failure triage on a real terminal (tmux) with the built CLI and its embedded emulator (`--local`): the failing
// demo's failed execution opens on its failed step with why it failed on screen, before any key is pressed, and
// `w` shows the whole triage, and `L` from there the failed step's whole log.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {cliPath, ensureBuilt, projectRoot, testAwsEnv} from '../helpers/built-cli.js';
import {openTerminal, type Terminal} from './tmux-terminal.js';

vi.setConfig({testTimeout: 90_000});

let terminal: Terminal | undefined;
const configDirectory = mkdtempSync(join(tmpdir(), 'sagemon-tui-why-'));

beforeAll(() => {
	ensureBuilt();
});

afterAll(async () => {
	await terminal?.close();
	rmSync(configDirectory, {recursive: true, force: true});
});

describe('a failed execution in the terminal UI', () => {
	it('the failing demo’s failed execution opens on its failed step with the reason and the traceback’s error on screen; w shows the whole triage', async () => {
		terminal = await openTerminal([process.execPath, cliPath, '--local'], {
			columns: 120,
			rows: 40,
			env: {...testAwsEnv(), CI: 'false', TERM: 'xterm-256color', SAGEMON_CONFIG_DIR: configDirectory},
			cwd: projectRoot,
		});
		await terminal.waitFor(/FraudDetectionTraining\s+✖ failed FraudTrain/);
		await terminal.type(':');
		await terminal.type('pipeline FraudDetectionTraining');
		await terminal.press('Enter');
		await terminal.waitFor(/› ✖ failed FraudTrain/);
		await terminal.press('Enter');

		// No key pressed on the execution screen: the failed step is selected and why it failed is shown.
		const shown = await terminal.waitFor(/why: FraudTrain: code · AlgorithmError: framework error:/);
		expect(shown).toMatch(/^› FraudTrain Training ✖ failed/m);
		expect(shown).toMatch(/^ {2}ValueError: feature_names mismatch:/m);
		expect(shown).toMatch(/^ {2}next: sagemon start FraudDetectionTraining --from-execution arn:/m);
		// The DAG draws the selected box in heavy lines.
		expect(shown).toMatch(/┃\s+FraudTrain\s+┃/);

		await terminal.press('w');
		// The footer offers L and R from the pane.
		const pane = await terminal.waitFor(
			/Why the execution failed[\s\S]*esc close {2}L log {2}y copy {2}R retry/,
		);
		expect(pane).toMatch(/│ FraudTrain \(Training\): code/);
		expect(pane).toMatch(/│\s+log:\s+│/);
		expect(pane).toMatch(/│\s+Traceback \(most recent call last\):/);
		// L from the triage: the failed step's whole log, down to the error it ends in.
		await terminal.press('L');
		const log = await terminal.waitFor(
			/Logs · FraudTrain[\s\S]*\[algo-1\] ValueError: feature_names mismatch/,
		);
		expect(log).toMatch(/\[algo-1\] Traceback \(most recent call last\):/);
		await terminal.press('Escape');
		await terminal.waitFor((screen) => !screen.includes('Logs · FraudTrain'));
		await terminal.press('w');
		await terminal.waitFor('Why the execution failed');
		// y puts the whole next command on the clipboard (OSC 52), though the pane wraps it.
		await terminal.press('y');
		await terminal.waitFor('Copied the next command to the clipboard');
		expect(await terminal.clipboard()).toMatch(
			/^sagemon start FraudDetectionTraining --from-execution arn:aws:sagemaker:\S+ --steps FraudTrain,FraudEvaluate,FraudAUCCheck,FraudRegister$/,
		);
		await terminal.press('Escape');
		await terminal.waitFor(/why: FraudTrain/);
		await terminal.press('q');
		expect((await terminal.finished()).status).toBe(0);
	});
});
