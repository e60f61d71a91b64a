// `sagemon` with no command: checks for a terminal, takes over the screen and runs the Ink app until the user
// quits, a signal arrives or something crashes, then gives the terminal back.
import {render} from 'ink';
import envPaths from 'env-paths';
import type {AwsAccess, CommandContext} from '../commands/context.js';
import {ExitCode} from '../commands/context.js';
import {App, type Reconnect} from './app.js';
import {enterFullScreen} from './terminal-session.js';
import {supportsUnicode} from '../pipeline/terminal-charset.js';
import {detectColor} from './theme.js';

export const noTerminalMessage = `sagemon: the interactive UI needs a terminal, but stdin or stdout is not one (piped or redirected).
Use the scriptable commands instead, for example:
  sagemon watch ARN        follow an execution, one line per change
  sagemon steps ARN        list an execution's steps
  sagemon describe ARN     show an execution
  sagemon wait ARN         wait for it to end (the exit code says how)
Run "sagemon --help" for every command.
`;

const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export async function runInteractive(context: CommandContext): Promise<number> {
	if (!context.stdinIsTTY || !context.stdout.isTTY || context.flags.plain) {
		context.stderr.write(noTerminalMessage);
		return ExitCode.usage;
	}

	const {flags, env} = context;
	const owned: Array<{close(): Promise<void>}> = [];
	const reconnect: Reconnect = async (changes) => {
		const current = await context.aws();
		const {connectAws} = await import('../aws/connect.js');
		const local = current.settings.label === 'local';
		// The embedded emulator keeps running: point the new connection at it rather than starting another one.
		const connection = await connectAws({
			flags: {
				...flags,
				local: false,
				...(local ? {endpointUrl: current.settings.endpointUrl} : {}),
				...(changes.region === undefined ? {} : {region: changes.region}),
				...(changes.profile === undefined ? {} : {profile: changes.profile}),
			},
			env: local ? {...env, AWS_ACCESS_KEY_ID: 'sagemon-local', AWS_SECRET_ACCESS_KEY: 'sagemon-local'} : env,
		});
		owned.push(connection);
		return local ? {...connection, settings: {...connection.settings, label: 'local'}} : connection;
	};

	const session = enterFullScreen(process.stdout);
	const crash = (error: unknown) => {
		session.restore();
		process.stderr.write(
			`sagemon crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	};
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	let interrupted = false;
	let removeSignalListeners = () => {};
	try {
		const instance = render(
			<App
				connect={(): Promise<AwsAccess> => context.aws()}
				reconnect={reconnect}
				readOnly={flags.readOnly}
				intervalMs={Math.max(0.5, flags.interval) * 1000}
				configDirectory={env.SAGEMON_CONFIG_DIR || envPaths('sagemon', {suffix: ''}).config}
				unicode={supportsUnicode(env)}
				color={detectColor(env, flags.color)}
				escapeDelayMs={env.SSH_TTY || env.SSH_CONNECTION ? 80 : 0}
			/>,
			{exitOnCtrlC: false, incrementalRendering: false, patchConsole: true},
		);
		// Our own listeners for the whole session: Ink's signal-exit re-raises a signal nobody else listens to,
		// which would kill the process before the terminal is given back.
		const onSignal = () => {
			interrupted = true;
			instance.unmount();
		};
		for (const signal of signals) process.on(signal, onSignal);
		removeSignalListeners = () => {
			for (const signal of signals) process.off(signal, onSignal);
		};
		void context.interrupted.then(onSignal);
		await instance.waitUntilExit();
		return interrupted ? ExitCode.interrupted : ExitCode.ok;
	} finally {
		removeSignalListeners();
		session.restore();
		process.off('uncaughtException', crash);
		process.off('unhandledRejection', crash);
		await Promise.allSettled(owned.map((connection) => connection.close()));
	}
}
