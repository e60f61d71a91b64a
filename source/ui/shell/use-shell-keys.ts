// The shell's own key layers, from the top: Ctrl+C, the too-small notice, clearing the message line, the `?` help
// while it is open, and the global keys under every screen. Every key comes from the shell keymaps.
import {findBinding} from '../keys/bindings.js';
import {KeyPriority, useKeyLayer} from '../keys/key-router.js';
import {globalKeymap, helpKeymap, interruptKeymap, tooSmallKeymap} from '../keys/shell-keymaps.js';

export type ShellKeys = {
	tooSmall: boolean;
	helpOpen: boolean;
	hasMessage: boolean;
	clearMessage(): void;
	openHelp(): void;
	closeHelp(): void;
	scrollHelp(by: number): void;
	openCommandLine(): void;
	/** Esc/Backspace on a screen: back, when there is somewhere to go back to. */
	back(): void;
	quit(): void;
	exit(): void;
	/** Ctrl+C: leave at once, and tell the entry it was an interrupt (the same exit code as SIGINT, 130). */
	interrupt(): void;
};

export function useShellKeys(keys: ShellKeys): void {
	useKeyLayer(
		(press) => {
			if (!findBinding(interruptKeymap, press)) return false;
			keys.interrupt();
			return true;
		},
		{priority: 1000},
	);

	// Too small to show anything: only q (quit, as the notice says) does something; no key acts unseen.
	useKeyLayer(
		(press) => {
			if (findBinding(tooSmallKeymap, press)?.intent === 'quit') keys.exit();
			return true;
		},
		{priority: 998, active: keys.tooSmall},
	);

	// Any key clears the last message; the key still does its job.
	useKeyLayer(
		() => {
			if (keys.hasMessage) keys.clearMessage();
			return false;
		},
		{priority: 999},
	);

	useKeyLayer(
		(press) => {
			switch (findBinding(globalKeymap, press)?.intent) {
				case 'help':
					keys.openHelp();
					return true;
				case 'command':
					keys.openCommandLine();
					return true;
				case 'back':
					keys.back();
					return true;
				case 'quit':
					keys.quit();
					return true;
				case undefined:
					return false;
			}
		},
		{priority: KeyPriority.global},
	);

	useKeyLayer(
		(press) => {
			switch (findBinding(helpKeymap, press)?.intent) {
				case 'close':
					keys.closeHelp();
					break;
				case 'up':
					keys.scrollHelp(-1);
					break;
				case 'down':
					keys.scrollHelp(1);
					break;
				case 'page-up':
					keys.scrollHelp(-10);
					break;
				case 'page-down':
					keys.scrollHelp(10);
			}

			return true;
		},
		{priority: KeyPriority.overlay, active: keys.helpOpen},
	);
}
