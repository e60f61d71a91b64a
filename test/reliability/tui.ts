// The full-screen UI of the built CLI on a real terminal (tmux), pointed at an endpoint, with its own config
// directory, and the few key sequences the matrix needs to reach a screen.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, projectRoot, testAwsEnv} from '../helpers/built-cli.js';
import {openTerminal, type Terminal} from './tmux-terminal.js';

export type Tui = Terminal & {
	/** `:pipeline NAME`, then waits for its executions. */
	openPipeline(name: string): Promise<string>;
	/** Moves the selection down to the row that shows `text`, from the first row (Home) if it is above. */
	select(text: string, limit?: number): Promise<string>;
	/** The line of the screen that holds the selection marker `›`. */
	selectedLine(): Promise<string>;
	/**
	 * On the execution screen: waits for the DAG view (the definition laid out), then `g` to the list. Until the
	 * layout is known the screen shows the list already, and `g` there rightly goes on to the timeline.
	 */
	showList(): Promise<string>;
};

export async function openTui(
	endpoint: string,
	options: {columns?: number; rows?: number; args?: string[]; env?: NodeJS.ProcessEnv} = {},
): Promise<Tui> {
	const configDirectory = mkdtempSync(join(tmpdir(), 'sagemon-tui-config-'));
	const env = options.env ?? testAwsEnv();
	const terminal = await openTerminal(
		[process.execPath, cliPath, '--endpoint-url', endpoint, '--interval', '0.5', ...(options.args ?? [])],
		{
			columns: options.columns ?? 120,
			rows: options.rows ?? 32,
			env: {...env, CI: 'false', TERM: 'xterm-256color', SAGEMON_CONFIG_DIR: configDirectory},
			cwd: projectRoot,
		},
	);
	const selectedLine = async () =>
		(await terminal.screen()).split('\n').find((line) => line.startsWith('›')) ?? '';
	return {
		...terminal,
		async openPipeline(name) {
			await terminal.waitFor(/sagemon Pipelines/);
			await terminal.type(':');
			await terminal.type(`pipeline ${name}`);
			await terminal.press('Enter');
			return terminal.waitFor(new RegExp(`Pipelines › ${name}[\\s\\S]*executions? · newest first`));
		},
		selectedLine,
		async showList() {
			await terminal.waitFor('[DAG] list timeline');
			await terminal.press('g');
			return terminal.waitFor('DAG [list] timeline');
		},
		async select(text, limit = 60) {
			const selectedNow = async () => selectedLine();
			// A key's effect can reach the screen late on a loaded machine: waiting long enough for each move, and
			// checking the row still holds the selection a moment later, keeps a late `j` from moving it after
			// this returned (then Enter would open the row below).
			const moved = (from: string) =>
				terminal
					.waitFor((screen) => (screen.split('\n').find((row) => row.startsWith('›')) ?? '') !== from, 4000)
					.then(
						() => true,
						() => false,
					);
			const settled = async (line: string) => {
				await new Promise((resolve) => setTimeout(resolve, 300));
				return (await selectedNow()) === line;
			};
			await terminal.waitFor((screen) => screen.split('\n').some((row) => row.startsWith('›')));
			// Down from where the selection is; from the first row (Home) when the row was above it.
			for (const fromTop of [false, true, true]) {
				let line = await selectedNow();
				if (fromTop) {
					await terminal.press('Home');
					await moved(line);
				}

				for (let moves = 0; moves <= limit; moves++) {
					line = await selectedNow();
					if (line.includes(text) && (await settled(line))) return line;
					if (line.includes(text)) break;
					await terminal.press('j');
					// The selection stays put on the last row.
					if (!(await moved(line))) break;
				}
			}

			throw new Error(`No row shows ${text}:\n${await terminal.screen()}`);
		},
		async close() {
			await terminal.close();
			rmSync(configDirectory, {recursive: true, force: true});
		},
	};
}
