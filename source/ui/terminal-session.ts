// Takes over the terminal for the full-screen UI (alternate screen, hidden cursor) and gives it back exactly once,
// whether the app quits, is interrupted (SIGINT/SIGTERM) or crashes; after a hangup, it writes nothing. Bracketed
// paste is on meanwhile, so pasted text reaches the key router marked as a paste, never as keys.
import {bracketedPasteOff, bracketedPasteOn} from './keys/key-press.js';

const enterAlternateScreen = `\u001B[?1049h\u001B[H${bracketedPasteOn}`;
const leaveAlternateScreen = `${bracketedPasteOff}\u001B[?25h\u001B[?1049l`;

export type TerminalSession = {
	restore(): void;
	/** The terminal is gone (SIGHUP, EIO): restore nothing, since nothing can be written to it any more. */
	abandon(): void;
};

export function enterFullScreen(stdout: NodeJS.WriteStream): TerminalSession {
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		process.off('exit', restore);
		stdout.write(leaveAlternateScreen);
	};

	stdout.write(enterAlternateScreen);
	// The last resort: whatever ends the process, the user's screen comes back.
	process.on('exit', restore);
	return {
		restore,
		abandon() {
			restored = true;
			process.off('exit', restore);
		},
	};
}
