// Runs bench/pty_probe.py: a command in a real pseudo-terminal, following a script of waits, keys and marks.
import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const probe = fileURLToPath(new URL('pty_probe.py', import.meta.url));

/**
 * Resolves with {events, exitCode}; rejects when the probe itself fails or a wait times out (the error shows
 * the end of the screen, so a failed run says what the terminal showed instead).
 */
export function runInTerminal({columns = 120, rows = 40, script, command, env = process.env, cwd}) {
	return new Promise((resolve, reject) => {
		execFile(
			'python3',
			[probe, String(columns), String(rows), JSON.stringify(script), '--', ...command],
			{env, cwd, maxBuffer: 16 * 1024 * 1024},
			(error, stdout, stderr) => {
				if (error) {
					reject(new Error(`pty_probe failed: ${stderr.trim() || error.message}`));
					return;
				}

				const result = JSON.parse(stdout);
				const missed = result.events.find((event) => event.found === false);
				if (missed) {
					const screen = missed.screenTail
						.replaceAll('\r', '')
						.split('\n')
						.filter((line) => line.trim());
					reject(
						new Error(
							`"${missed.wait}" never appeared on the screen; it ended with:\n    ${screen.slice(-12).join('\n    ')}`,
						),
					);
					return;
				}

				resolve(result);
			},
		);
	});
}

/** The event of the wait or mark named `name`. */
export function eventNamed(result, name) {
	const event = result.events.find((candidate) => candidate.mark === name || candidate.wait === name);
	if (!event) throw new Error(`pty_probe reported no event "${name}"`);
	return event;
}
