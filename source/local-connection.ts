// `--local`: starts the embedded emulator (demo pipelines, no AWS account), connects to it, and reconnects to the
// same emulator when the TUI switches region or profile. Entry-level, so that aws/ never knows the emulator.
import module from 'node:module';
import {availableParallelism} from 'node:os';
import {dirname} from 'node:path';
import {Worker} from 'node:worker_threads';
import {type AwsConnection, type ConnectionSettings, connectAws} from './aws/connect.js';
import type {EmulatorOptions} from './emulator/index.js';
import type {EmulatorThreadData, EmulatorThreadReply} from './emulator-thread.js';

/** Emulated executions run this many times faster than real ones unless --time-scale says otherwise. */
const localTimeScale = 30;
/** The emulator accepts any key; these say where a request came from. */
const localCredentials = {accessKeyId: 'sagemon-local', secretAccessKey: 'sagemon-local'};

export type LocalOptions = {region?: string; timeScale?: number; demo?: boolean};

type Embedded = {url: string; close(): Promise<void>};

/** A connection to a newly started embedded emulator; closing it stops the emulator. */
export async function connectLocal(options: LocalOptions = {}): Promise<AwsConnection> {
	// The SageMaker client's code loads while the emulator starts rather than once it listens (connect.ts then
	// finds it loaded).
	const [emulator] = await Promise.all([
		startEmbedded({
			host: '127.0.0.1',
			port: 0,
			timeScale: options.timeScale ?? localTimeScale,
			demo: options.demo ?? true,
		}),
		import('./aws/sagemaker-gateway.js').catch(() => undefined),
	]);
	try {
		const connection = await connectToEmulator(emulator.url, {region: options.region ?? 'us-east-1'});
		return {
			...connection,
			async close() {
				await connection.close();
				await emulator.close();
			},
		};
	} catch (error) {
		await emulator.close();
		throw error;
	}
}

/** Another connection to an emulator already running at `endpointUrl` (the TUI's `:region` on --local). */
export function connectToEmulator(
	endpointUrl: string,
	changes: Pick<ConnectionSettings, 'region' | 'profile'>,
): Promise<AwsConnection> {
	return connectAws(
		{
			...changes,
			region: changes.region ?? 'us-east-1',
			endpointUrl,
			credentials: localCredentials,
			retry: {maxAttempts: 4, retryMode: 'standard'},
			label: 'local',
		},
		{},
	);
}

/**
 * Bundled (dist/), the emulator runs on its own thread (emulator-thread.ts, built beside this chunk): its demo
 * replay then no longer holds up the TUI's first frame. Starting a thread costs CPU, so with one core, or run from
 * source (the tests), it runs on this thread.
 */
async function startEmbedded(options: EmulatorOptions): Promise<Embedded> {
	if (import.meta.url.endsWith('.ts') || availableParallelism() < 2)
		return (await import('./emulator/index.js')).startEmulator(options);
	const cache = (module as {getCompileCacheDir?: () => string | undefined}).getCompileCacheDir?.();
	const worker = new Worker(new URL('emulator-thread.js', import.meta.url), {
		workerData: {options, ...(cache ? {compileCache: dirname(cache)} : {})} satisfies EmulatorThreadData,
	});
	const reply = () =>
		new Promise<EmulatorThreadReply>((resolve, reject) => {
			const answer = (message: EmulatorThreadReply) => {
				worker.off('error', fail).off('exit', fail);
				resolve(message);
			};
			const fail = (error: unknown) => {
				worker.off('message', answer).off('error', fail).off('exit', fail);
				reject(
					error instanceof Error
						? error
						: new Error(`The emulator's thread ended (exit code ${String(error)}).`),
				);
			};
			worker.once('message', answer).once('error', fail).once('exit', fail);
		});
	const started = await reply();
	if (!('url' in started)) throw new Error('The emulator thread answered out of turn.');
	return {
		url: started.url,
		async close() {
			worker.postMessage('close');
			await reply().catch(() => undefined);
			await worker.terminate();
		},
	};
}
