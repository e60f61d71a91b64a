// A real terminal for a test: a tmux server of its own (private socket, no user config) running one command in a
// pane of a chosen size. Tests read the screen as a person sees it, type keys, resize, send signals, and read
// what the terminal itself recorded: its title, clipboard writes (OSC 52), alternate screen and cursor state.
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

export type TerminalState = {
	title: string;
	alternateScreen: boolean;
	cursorVisible: boolean;
	/** Paste buffers: tmux stores every OSC 52 clipboard write an application makes. */
	clipboardWrites: string[];
};

export type Finished = {
	/** The exit status as a shell reports it (128 + N when signal N ended the command). */
	status: number;
	/** The terminal's settings (stty) are the same as before the command ran. */
	terminalRestored: boolean;
};

export type Terminal = {
	/** The command's process (a child of the shell that reports how it ended). */
	pid: number;
	/**
	 * What the pane shows now (with `history`, also what scrolled off), trailing spaces trimmed; with `escapes`, with
	 * the SGR sequences of its colours and attributes.
	 */
	screen(options?: {history?: boolean; escapes?: boolean}): Promise<string>;
	/** Waits until the screen shows `text` (or passes the check); returns the screen. */
	waitFor(text: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
	/** Types text literally. */
	type(text: string): Promise<void>;
	/** Pastes text as a terminal does: wrapped in bracketed-paste markers when the application turned them on. */
	paste(text: string): Promise<void>;
	/** tmux key names: `Enter`, `Escape`, `C-c`, `Down`, ... (Escape is sent on its own, as a person types it). */
	press(...keys: string[]): Promise<void>;
	resize(columns: number, rows: number): Promise<void>;
	state(): Promise<TerminalState>;
	/** The whole text of the newest clipboard write (the state's `clipboardWrites` are tmux's short samples). */
	clipboard(): Promise<string>;
	/** The command is still running. */
	running(): boolean;
	/** Resolves once the command has ended: how, and whether it gave the terminal back as it found it. */
	finished(timeoutMs?: number): Promise<Finished>;
	close(): Promise<void>;
};

const config = [
	'set -s set-clipboard on',
	'set -s escape-time 0',
	'set -g status off',
	'set -g history-limit 2000',
].join('\n');

const finishedPattern = /\[exited (\d+), terminal (restored|changed)\]/;

/**
 * Runs `argv` on a new terminal of `columns`×`rows`, with exactly `env` as its environment, under a shell that
 * afterwards prints `[exited N, terminal restored|changed]`. The shell survives Ctrl+C (its trap is reset for
 * the command, which gets the signal as usual).
 */
export async function openTerminal(
	argv: string[],
	options: {columns: number; rows: number; env: NodeJS.ProcessEnv; cwd?: string},
): Promise<Terminal> {
	const directory = mkdtempSync(join(tmpdir(), 'sagemon-tmux-'));
	const configPath = join(directory, 'tmux.conf');
	writeFileSync(configPath, `${config}\n`);
	// The server's socket lives in the directory removed on close, so nothing is left behind.
	const socket = join(directory, 'socket');
	const tmux = (...args: string[]) =>
		run('tmux', ['-S', socket, '-f', configPath, ...args], {env: {...options.env, TMUX: ''}});
	const command = [
		'trap : INT TERM',
		'before=$(stty -g)',
		argv.map(quote).join(' '),
		'code=$?',
		'if [ "$before" = "$(stty -g)" ]; then tty=restored; else tty=changed; fi',
		`printf '\\n[exited %s, terminal %s]\\n' "$code" "$tty"`,
		// A dead pane gets tmux's own "Pane is dead" line, which scrolls the screen: keep the pane alive instead.
		'exec sleep 3600',
	].join('; ');
	await tmux(
		'new-session',
		'-d',
		'-x',
		String(options.columns),
		'-y',
		String(options.rows),
		'-c',
		options.cwd ?? process.cwd(),
		command,
	);
	const display = async (format: string) => (await tmux('display-message', '-p', format)).stdout.trim();
	const shell = Number(await display('#{pane_pid}'));
	const pid = await commandOf(shell).catch(async (error: unknown) => {
		await tmux('kill-server').catch(() => {});
		rmSync(directory, {recursive: true, force: true});
		throw error;
	});

	const screen = async (options: {history?: boolean; escapes?: boolean} = {}) =>
		(
			await tmux(
				'capture-pane',
				'-p',
				'-J',
				...(options.history ? ['-S', '-'] : []),
				...(options.escapes ? ['-e'] : []),
			)
		).stdout
			.split('\n')
			.map((line) => line.trimEnd())
			.join('\n')
			.replace(/\n+$/, '');

	const state = async (): Promise<TerminalState> => {
		const [title, alternate, cursor] = (
			await display('#{pane_title}\t#{alternate_on}\t#{cursor_flag}')
		).split('\t');
		const buffers = (await tmux('list-buffers', '-F', '#{buffer_sample}')).stdout
			.split('\n')
			.filter((line) => line !== '');
		const result: TerminalState = {
			title: title ?? '',
			alternateScreen: alternate === '1',
			cursorVisible: cursor === '1',
			clipboardWrites: buffers,
		};
		return result;
	};

	return {
		pid,
		screen,
		async waitFor(text, timeoutMs = 15_000) {
			const started = Date.now();
			for (;;) {
				const shown = await screen();
				const shows =
					typeof text === 'string'
						? shown.includes(text)
						: text instanceof RegExp
							? text.test(shown)
							: text(shown);
				if (shows) return shown;
				if (Date.now() - started > timeoutMs) {
					throw new Error(`The terminal never showed ${String(text)}. It shows:\n${shown}`);
				}

				await new Promise((resolve) => setTimeout(resolve, 25));
			}
		},
		async type(text) {
			await tmux('send-keys', '-l', text);
		},
		async paste(text) {
			await tmux('set-buffer', '-b', 'sagemon-paste', text);
			await tmux('paste-buffer', '-p', '-d', '-b', 'sagemon-paste');
		},
		async press(...keys) {
			// A lone ESC byte followed at once by more bytes reads as one sequence (Alt+key): a person's Esc is
			// never that close to the next key, so leave it a moment alone.
			let batch: string[] = [];
			for (const key of keys) {
				if (key !== 'Escape') {
					batch.push(key);
					continue;
				}

				if (batch.length > 0) await tmux('send-keys', ...batch);
				batch = [];
				await tmux('send-keys', 'Escape');
				await new Promise((resolve) => setTimeout(resolve, 60));
			}

			if (batch.length > 0) await tmux('send-keys', ...batch);
		},
		async resize(columns, rows) {
			await tmux('resize-window', '-x', String(columns), '-y', String(rows));
		},
		state,
		async clipboard() {
			return (await tmux('show-buffer')).stdout;
		},
		running() {
			try {
				const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
				return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
			} catch {
				return false;
			}
		},
		async finished(timeoutMs = 15_000) {
			const started = Date.now();
			for (;;) {
				const match = finishedPattern.exec(await screen());
				if (match) return {status: Number(match[1]), terminalRestored: match[2] === 'restored'};
				if (Date.now() - started > timeoutMs) {
					throw new Error(`The command did not exit. The terminal shows:\n${await screen()}`);
				}

				await new Promise((resolve) => setTimeout(resolve, 25));
			}
		},
		async close() {
			await tmux('kill-server').catch(() => {});
			rmSync(directory, {recursive: true, force: true});
		},
	};
}

/**
 * The command the shell `pid` started, once it has. The shell also forks for `$(stty -g)`: that subshell shows
 * the shell's own command line, then (for a moment while it execs) an empty one, then stty's.
 */
async function commandOf(pid: number): Promise<number> {
	const read = (path: string) => {
		try {
			return readFileSync(path, 'utf8');
		} catch {
			return undefined;
		}
	};

	for (let tries = 0; tries < 400; tries++) {
		const shell = read(`/proc/${pid}/cmdline`);
		const children = (read(`/proc/${pid}/task/${pid}/children`) ?? '').trim().split(' ').filter(Boolean);
		for (const child of children) {
			const commandLine = read(`/proc/${child}/cmdline`);
			if (commandLine && commandLine !== shell && !commandLine.startsWith('stty\u0000')) return Number(child);
		}

		await new Promise((resolve) => setTimeout(resolve, 5));
	}

	throw new Error(`the shell ${pid} started no command`);
}

function quote(part: string): string {
	return `'${part.replaceAll("'", `'\\''`)}'`;
}
