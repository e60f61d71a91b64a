// Copying to the user's clipboard with OSC 52: the terminal (also over ssh, and tmux with set-clipboard) puts the
// text on the clipboard of the machine the user sits at. Nothing is shown on screen.
import {useStdout} from 'ink';
import {useCallback} from 'react';
import {useScreenHost} from './app-context.js';

/** The escape that asks the terminal to set its clipboard (`c`) to `text`. */
export function osc52(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** Copies `text` and says so in the message line (`what` names it: "the execution ARN"). */
export function useCopy(): (text: string, what: string) => void {
	// Straight to the terminal, not through Ink's write (which would redraw the frame for an invisible escape).
	const {stdout} = useStdout();
	const host = useScreenHost();
	return useCallback(
		(text, what) => {
			stdout.write(osc52(text));
			host.notify(`Copied ${what} to the clipboard: ${text}`, 'success');
		},
		[stdout, host],
	);
}
