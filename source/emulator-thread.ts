// The embedded emulator's own thread (`--local`, bundled): a worker that replays the demo history and serves the
// emulator, so the TUI's code loads and runs beside it instead of after it. local-connection.ts starts it and
// talks to it through two messages: the URL once it listens, and "close" to stop it.
import module from 'node:module';
import {parentPort, workerData} from 'node:worker_threads';
import type {EmulatorOptions} from './emulator/index.js';

export type EmulatorThreadData = {options: EmulatorOptions; compileCache?: string};
export type EmulatorThreadReply = {url: string} | {closed: true};

const {options, compileCache} = workerData as EmulatorThreadData;
// A worker does not share the main thread's compile cache (Node 22.1 and later): it enables the same folder.
if (compileCache !== undefined) {
	try {
		(module as {enableCompileCache?: (directory: string) => unknown}).enableCompileCache?.(compileCache);
	} catch {}
}

const {startEmulator} = await import('./emulator/index.js');
// A start that fails (a bad option) throws here, and the worker's error event carries it to the main thread.
const emulator = await startEmulator(options);
const port = parentPort!;
port.once('message', async () => {
	await emulator.close();
	port.postMessage({closed: true} satisfies EmulatorThreadReply);
});
port.postMessage({url: emulator.url} satisfies EmulatorThreadReply);
