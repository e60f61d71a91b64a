// The built CLI with --local in a real terminal (tmux, its own server and socket, 120×40), for the end-to-end
// tests: the screen as text, keys sent by tmux name or typed literally, waits that show the screen on timeout.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, ensureBuilt, projectRoot} from '../helpers/built-cli.js';

export type LocalTuiSession = {
	screen(): string;
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
	waitForGone(text: string | RegExp, timeoutMs?: number): Promise<void>;
	/** tmux key names (Enter, Escape, C-s, Down) or, with `literal`, text typed as is. */
	send(keys: string[], literal?: boolean): void;
	alive(): boolean;
	close(): void;
};

/** Starts `sagemon --local --time-scale 150` (with a private config directory) in a new tmux server. */
export function startLocalTui(name: string): LocalTuiSession {
	ensureBuilt();
	const socket = `sagemon-${name}-${process.pid}`;
	const session = `${name}-${process.pid}`;
	const configDirectory = mkdtempSync(join(tmpdir(), `sagemon-${name}-`));
	const tmux = (...args: string[]): string =>
		execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	const screen = () => tmux('capture-pane', '-p', '-t', session);
	const shows = (text: string | RegExp) => {
		const shown = screen();
		return {shown, found: typeof text === 'string' ? shown.includes(text) : text.test(shown)};
	};
	const poll = async (done: () => boolean, failure: () => string, timeoutMs: number) => {
		const started = Date.now();
		while (!done()) {
			if (Date.now() - started > timeoutMs) throw new Error(failure());
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	};

	const command = [
		'env',
		'CI=false',
		'TERM=xterm-256color',
		`SAGEMON_CONFIG_DIR=${configDirectory}`,
		'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true',
		process.execPath,
		cliPath,
		'--local',
		'--time-scale',
		'150',
	].join(' ');
	tmux(
		'-f',
		'/dev/null',
		'new-session',
		'-d',
		'-s',
		session,
		'-x',
		'120',
		'-y',
		'40',
		'-c',
		projectRoot,
		command,
	);

	return {
		screen,
		async waitFor(text, timeoutMs = 15_000) {
			let last = '';
			await poll(
				() => {
					const {shown, found} = shows(text);
					last = shown;
					return found;
				},
				() => `Timed out waiting for ${String(text)}. The terminal shows:\n${last}`,
				timeoutMs,
			);
			return last;
		},
		async waitForGone(text, timeoutMs = 15_000) {
			let last = '';
			await poll(
				() => {
					const {shown, found} = shows(text);
					last = shown;
					return !found;
				},
				() => `Timed out waiting for ${String(text)} to go:\n${last}`,
				timeoutMs,
			);
		},
		send(keys, literal = false) {
			tmux('send-keys', '-t', session, ...(literal ? ['-l'] : []), ...keys);
		},
		alive() {
			try {
				tmux('has-session', '-t', session);
				return true;
			} catch {
				return false;
			}
		},
		close() {
			try {
				tmux('kill-server');
			} catch {
				// Already gone: the app quit and took the session with it.
			}

			rmSync(configDirectory, {recursive: true, force: true});
		},
	};
}
