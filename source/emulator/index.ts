// The local SageMaker Pipelines + S3 emulator: `startEmulator` serves it on one loopback port (readme.md, "The emulator").
// Definitions can tune how their steps behave through `Metadata["sagemon.emulator"]` (see engine/tuning.ts).
import type {AddressInfo} from 'node:net';
import {systemClock} from './clock.js';
import {loadDemo} from './demo/load-demo.js';
import {createEmulatorState} from './emulator-state.js';
import {checkFaultOptions, FaultInjector, type FaultOptions} from './faults.js';
import {createEmulatorServer} from './server.js';

export type {FaultOptions} from './faults.js';

export type EmulatorOptions = {
	/** Interface to listen on; default 127.0.0.1 (loopback only). */
	host?: string;
	/** 0 picks a free port; default 0. */
	port?: number;
	/** Simulated seconds per real second for executions started through the API; default 1. */
	timeScale?: number;
	/** Load the demo pipelines and their past executions; default true. */
	demo?: boolean;
	faults?: FaultOptions;
	/** Seeds ids, durations and throttling; default 1. */
	seed?: number;
	/** The account's pipeline quota; default 500, the service's (benchmarks raise it to list thousands). */
	maxPipelines?: number;
};

export type RunningEmulator = {
	/** `http://HOST:PORT`: the endpoint for SageMaker and S3 clients (S3 in path style). */
	url: string;
	port: number;
	/** Replaces the faults in effect (`{}` clears them); throws RangeError for options out of range. */
	setFaults(faults: FaultOptions): void;
	/** Stops listening and drops open connections. */
	close(): Promise<void>;
};

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const host = options.host ?? '127.0.0.1';
	const timeScale = options.timeScale ?? 1;
	if (!(Number.isFinite(timeScale) && timeScale > 0)) {
		throw new RangeError(`The time scale must be a number above 0, got ${String(options.timeScale)}.`);
	}

	const checked = checkFaultOptions(options.faults ?? {});
	if (!checked.faults) throw new RangeError(checked.problems.join(' '));
	const seed = options.seed ?? 1;
	const state = createEmulatorState({
		clock: systemClock,
		seed,
		timeScale,
		maxPipelines: options.maxPipelines,
	});
	if (options.demo ?? true) loadDemo(state);
	const faults = new FaultInjector(seed, checked.faults);
	const server = createEmulatorServer(state, faults);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	return {
		url: `http://${urlHost}:${port}`,
		port,
		setFaults(next) {
			const result = checkFaultOptions(next);
			if (!result.faults) throw new RangeError(result.problems.join(' '));
			faults.set(result.faults);
		},
		close() {
			return new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}
