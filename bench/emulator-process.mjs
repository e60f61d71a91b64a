// Starts an emulator as its own process on a free loopback port, so the emulator's work never shares a thread
// with what is being measured: `sagemon emulator` from the built CLI, or bench/emulator-main.ts for options the
// CLI does not offer.
import {spawn} from 'node:child_process';

/** `sagemon emulator` with the demo pipelines (or none). */
export function startCliEmulator({cli, timeScale = 1, demo = true, cwd}) {
	const args = [cli, 'emulator', '--host', '127.0.0.1', '--port', '0', '--time-scale', String(timeScale)];
	if (!demo) args.push('--no-demo');
	return startEmulatorProcess(args, cwd);
}

/** bench/emulator-main.ts (bundled) with any EmulatorOptions. */
export function startScriptEmulator({script, options, cwd}) {
	return startEmulatorProcess([script, JSON.stringify(options)], cwd);
}

/** Resolves once the emulator prints its URL; `close()` stops it (SIGTERM, then SIGKILL after 3 s). */
function startEmulatorProcess(args, cwd) {
	const child = spawn(process.execPath, args, {cwd, stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const close = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
		await exited;
		clearTimeout(timer);
	};

	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			void close();
			reject(new Error(`the emulator did not start within 15 s: ${output.trim() || 'no output'}`));
		}, 15_000);
		const onData = (chunk) => {
			output += chunk;
			const match = /listening on (http:\/\/\S+)/.exec(output);
			if (!match) return;
			clearTimeout(timer);
			child.stdout.off('data', onData);
			child.stdout.resume();
			resolve({url: match[1], pid: child.pid, close});
		};
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', onData);
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk) => {
			output += chunk;
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(
				new Error(`the emulator exited (code ${code}) before listening: ${output.trim() || 'no output'}`),
			);
		});
	});
}
