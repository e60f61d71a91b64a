// Starts moto_server (the Python AWS mock from this image) on a free loopback port, as an independent second
// server for the SageMaker and S3 calls. Always close() it, also when a test fails.
import {type ChildProcess, spawn} from 'node:child_process';

export type MotoServer = {url: string; close(): Promise<void>};

export async function startMotoServer(): Promise<MotoServer> {
	const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', '0'], {stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) resolve(match[1]!);
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.once('error', (error) => reject(new Error(`moto_server could not start: ${error.message}`)));
		child.once('exit', (code) =>
			reject(new Error(`moto_server exited (${code}) before listening:\n${output}`)),
		);
	});
	return {url, close: () => stop(child)};
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
	await exited;
	clearTimeout(timer);
}
