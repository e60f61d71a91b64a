// `--local`: starts the embedded emulator (demo pipelines, no AWS account), connects to it, and reconnects to the
// same emulator when the TUI switches region or profile. Entry-level, so that aws/ never knows the emulator.
import {type AwsConnection, type ConnectionSettings, connectAws} from './aws/connect.js';

/** Emulated executions run this many times faster than real ones unless --time-scale says otherwise. */
const localTimeScale = 30;
/** The emulator accepts any key; these say where a request came from. */
const localCredentials = {accessKeyId: 'sagemon-local', secretAccessKey: 'sagemon-local'};

export type LocalOptions = {region?: string; timeScale?: number; demo?: boolean};

/** A connection to a newly started embedded emulator; closing it stops the emulator. */
export async function connectLocal(options: LocalOptions = {}): Promise<AwsConnection> {
	const {startEmulator} = await import('./emulator/index.js');
	const emulator = await startEmulator({
		host: '127.0.0.1',
		port: 0,
		timeScale: options.timeScale ?? localTimeScale,
		demo: options.demo ?? true,
	});
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
