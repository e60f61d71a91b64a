// Comparing two executions from the keyboard in a real terminal (tmux, 120×40) on the built CLI with --local: on
// the demo's AbalonePipeline, `m` marks the run approved for staging, a move down, `c` compares it with the first
// run, and the changed parameter and the evaluation's MSE are on screen, emphasised; `a` shows the unchanged rows,
// dimmed, and on a smaller terminal they scroll.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expect, test, vi} from 'vitest';
import {cliPath, ensureBuilt, projectRoot, testAwsEnv} from '../helpers/built-cli.js';
import {openTerminal} from '../reliability/tmux-terminal.js';

vi.setConfig({testTimeout: 90_000});

test('m, a move, c: the compare screen shows the changed parameter and report value', async () => {
	ensureBuilt();
	const configDirectory = mkdtempSync(join(tmpdir(), 'sagemon-compare-config-'));
	const terminal = await openTerminal([process.execPath, cliPath, '--local'], {
		columns: 120,
		rows: 40,
		// In colour, to see how changed and unchanged rows are drawn: the helpers' environment sets NO_COLOR, and
		// chalk draws none where CI is set at all (CI=false keeps Ink's interactive rendering).
		env: {
			...testAwsEnv({NO_COLOR: '', FORCE_COLOR: '1'}),
			CI: 'false',
			TERM: 'xterm-256color',
			SAGEMON_CONFIG_DIR: configDirectory,
		},
		cwd: projectRoot,
	});
	try {
		await terminal.waitFor(/› AbalonePipeline/);
		await terminal.press('Enter');
		// Newest first: running, stopped, approved for staging, the first run.
		await terminal.waitFor(/4 executions · newest first[\s\S]*› ● executing/);
		await terminal.press('j');
		await terminal.waitFor(/› ■ stopped/);
		await terminal.press('j');
		await terminal.waitFor(/› ✔ succeeded/);
		await terminal.press('m');
		await terminal.waitFor(/› ✔ succeeded\s+◆ A execution-/);
		await terminal.press('j');
		await terminal.waitFor(/◆ A execution-[\s\S]*\n› ✔ succeeded/);
		await terminal.press('c');

		const shown = await terminal.waitFor(
			/regression_metrics\.mse\.value +\d+\.\d+ → \d+\.\d+ \([+-][\d.]+%\)/,
		);
		expect(shown).toMatch(/AbalonePipeline › compare \w{12} ↔ \w{12}/);
		expect(shown).toMatch(/ModelApprovalStatus +Approved → PendingManualApproval/);
		expect(shown).toContain('the same pipeline version (version 1)');
		expect(shown).not.toContain('(same)');
		// Changed rows are emphasised: bold, in the accent colour.
		const styled = await terminal.screen({escapes: true});
		expect(styled).toMatch(/\u001B\[1m\u001B\[36m {4}regression_metrics\.mse\.value /);

		await terminal.press('a');
		const all = await terminal.waitFor(/TrainingInstanceType +ml\.m5\.xlarge \(same\)/);
		expect(all).toMatch(/ModelApprovalStatus +Approved → PendingManualApproval/);
		// Unchanged rows are dimmed (grey); the changed one keeps its emphasis.
		const dimmed = await terminal.screen({escapes: true});
		expect(dimmed).toMatch(/\u001B\[90m {2}TrainingInstanceType +ml\.m5\.xlarge \(same\)/);
		expect(dimmed).toMatch(/\u001B\[1m\u001B\[36m {2}ModelApprovalStatus /);

		// On a smaller terminal the rows scroll, and the title says which are shown.
		await terminal.resize(120, 20);
		await terminal.waitFor(/Compare A \w{12} ↔ B \w{12} {2}1-\d+\/\d+ ↑↓/);
		await terminal.press('j', 'j', 'j');
		const scrolled = await terminal.waitFor(/Compare A \w{12} ↔ B \w{12} {2}4-\d+\/\d+ ↑↓/);
		expect(scrolled).not.toMatch(/^│ A \w{12} \(AbalonePipeline/m);
		await terminal.resize(120, 40);

		await terminal.press('Escape');
		await terminal.waitFor(/◆ A execution-/);
		await terminal.press('q');
		expect((await terminal.finished()).status).toBe(0);
	} finally {
		await terminal.close();
		rmSync(configDirectory, {recursive: true, force: true});
	}
});
