// The terminal went away (window closed, ssh dropped, tmux session killed) while sagemon runs on it: the errors a
// write then gets, and how to end without crashing on them. Shared by the entry point (any command's output) and
// the TUI.
import {closeSync} from 'node:fs';

/** Errors of a terminal that is gone. */
export const lostTerminalCodes = new Set([
	'EIO',
	'EPIPE',
	'ENXIO',
	'EBADF',
	'ECONNRESET',
	'ERR_STREAM_DESTROYED',
]);

/** 128 + SIGHUP, as a shell reports a process the hangup ended (readme.md, Exit codes; ExitCode.hangup). */
const hangupExitCode = 129;

/**
 * Exits 129. Node sets the terminal's mode back at exit and aborts (an assertion, then a core dump) when it cannot,
 * as on a hung-up terminal: with the terminal gone there is nothing to set back, so its descriptors are closed
 * first and Node skips them.
 */
export function endWithoutTerminal(): never {
	for (const descriptor of [0, 1, 2]) {
		try {
			closeSync(descriptor);
		} catch {}
	}

	process.exit(hangupExitCode);
}
