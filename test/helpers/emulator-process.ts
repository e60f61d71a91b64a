// `sagemon emulator` as a separate process on a chosen port, for tests that kill the server and start it again
// on the same address (the demo set is seeded, so a restarted emulator serves the same ARNs).
import {type ChildProcess, spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {cliPath, projectRoot, testAwsEnv} from './built-cli.js';

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve, reject) => {
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', resolve);
	});
	const address = probe.address();
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	if (address === null || typeof address === 'string') throw new Error('no free port');
	return address.port;
}

/** Starts the built CLI's emulator at `port` (time scale 1) and resolves once it says it is listening. */
export async function spawnEmulatorProcess(port: number): Promise<ChildProcess> {
	const child = spawn(process.execPath, [cliPath, 'emulator', '--port', String(port), '--time-scale', '1'], {
		cwd: projectRoot,
		env: testAwsEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	await new Promise<void>((resolve, reject) => {
		let output = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			output += chunk;
			if (output.includes('listening on')) resolve();
		});
		child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening`)));
	});
	return child;
}
