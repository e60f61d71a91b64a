// The AWS connection a command or the TUI asks for, from the global flags: the embedded emulator with --local,
// else AWS (or --endpoint-url) with --profile and --region, where a region named in an ARN argument comes before
// the environment's.
import type {AwsConnection, ConnectionSettings} from './aws/connect.js';
import type {GlobalFlags} from './commands/context.js';
import {connectLocal} from './local-connection.js';

export type ConnectionFlags = GlobalFlags & {timeScale?: number; demo?: boolean};

/** The settings --profile, --region and --endpoint-url ask for; `arnRegion` stands in for a missing --region. */
export function connectionSettings(flags: GlobalFlags, arnRegion?: string): ConnectionSettings {
	const region = flags.region?.trim() ? flags.region : arnRegion;
	return {
		...(flags.profile === undefined ? {} : {profile: flags.profile}),
		...(region === undefined ? {} : {region}),
		...(flags.endpointUrl === undefined ? {} : {endpointUrl: flags.endpointUrl}),
	};
}

export async function openConnection(
	flags: ConnectionFlags,
	env: NodeJS.ProcessEnv,
	arnRegion?: string,
): Promise<AwsConnection> {
	const settings = connectionSettings(flags, arnRegion);
	// No await before connectLocal: the embedded emulator starts (on its own thread, when bundled) in this call.
	if (flags.local) {
		return connectLocal({
			...(settings.region === undefined ? {} : {region: settings.region}),
			...(flags.timeScale === undefined ? {} : {timeScale: flags.timeScale}),
			...(flags.demo === undefined ? {} : {demo: flags.demo}),
		});
	}

	const {connectAws} = await import('./aws/connect.js');
	return connectAws(settings, env);
}
