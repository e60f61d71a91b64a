// `sagemon` with no command: checks for a terminal, takes over the screen and runs the Ink app until the user
// quits, a signal arrives, the terminal goes away or something crashes, then gives the terminal back (when
// there is still one to give back).
import {render} from 'ink';
import envPaths from 'env-paths';
import type {AwsConnection} from './aws/connect.js';
import type {AwsAccess} from './aws/types.js';
import {type CommandContext, ExitCode} from './commands/context.js';
import {connectionSettings} from './open-connection.js';
import {App, type Reconnect} from './ui/app.js';
import {enterFullScreen} from './ui/terminal-session.js';
import {supportsUnicode} from './pipeline/terminal-charset.js';
import {asciiStdout} from './ascii-stdout.js';
import {endWithoutTerminal, lostTerminalCodes} from './lost-terminal.js';
import {detectColor} from './ui/theme.js';

export const noTerminalMessage = `sagemon: the interactive UI needs a terminal, but stdin or stdout is not one (piped or redirected).
Use the scriptable commands instead, for example:
  sagemon watch ARN        follow an execution, one line per change
  sagemon steps ARN        list an execution's steps
  sagemon describe ARN     show an execution
  sagemon wait ARN         wait for it to end (the exit code says how)
Run "sagemon --help" for every command.
`;

export const dumbTerminalMessage = noTerminalMessage.replace(
	'but stdin or stdout is not one (piped or redirected)',
	'and this one (TERM=dumb) cannot move the cursor',
);

/** What the shell passes to Ink's exit() when Ctrl+C is pressed, so the key and SIGINT end alike. */
export const interruptedByKey = 'interrupt';

const stopSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export async function runInteractive(context: CommandContext): Promise<number> {
	if (!context.stdinIsTTY || !context.stdout.isTTY || context.flags.plain) {
		context.stderr.write(noTerminalMessage);
		return ExitCode.usage;
	}

	if (context.env.TERM === 'dumb') {
		context.stderr.write(dumbTerminalMessage);
		return ExitCode.usage;
	}

	const {flags, env} = context;
	const unicode = supportsUnicode(env);
	const owned: AwsConnection[] = [];
	const reconnect: Reconnect = async (changes) => {
		const current = await context.aws();
		// With --local the embedded emulator keeps running: point the new connection at it rather than start another.
		const connection =
			current.settings.label === 'local' && current.settings.endpointUrl !== undefined
				? await (await import('./local-connection.js')).connectToEmulator(
						current.settings.endpointUrl,
						changes,
					)
				: await (await import('./aws/connect.js')).connectAws(
						{...connectionSettings(flags), ...withoutUndefined(changes)},
						env,
					);
		owned.push(connection);
		return connection;
	};

	const session = enterFullScreen(process.stdout);
	let ending: number | undefined;
	let unmount = () => {};
	let lost = false;
	const loseTerminal = () => {
		if (lost) return;
		lost = true;
		// Nothing can be written any more: no screen to restore, no message to print. The app unmounts (its
		// pollers stop, nothing is sent to AWS) and the process ends at once; executions go on.
		session.abandon();
		try {
			unmount();
		} catch {}

		endWithoutTerminal();
	};
	const onStreamError = (error: NodeJS.ErrnoException) => {
		if (lostTerminalCodes.has(error.code ?? '')) loseTerminal();
	};
	const crash = (error: unknown) => {
		if (lost || lostTerminalCodes.has((error as NodeJS.ErrnoException)?.code ?? '')) {
			loseTerminal();
			return;
		}

		session.restore();
		process.stderr.write(
			`sagemon crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	};
	const onSignal = () => {
		ending ??= ExitCode.interrupted;
		unmount();
	};
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	process.stdout.on('error', onStreamError);
	process.stdin.on('error', onStreamError);
	process.stdin.on('end', loseTerminal);
	// Our own listeners for the whole session: Ink's signal-exit re-raises a signal nobody else listens to,
	// which would kill the process before the terminal is given back (or, after a hangup, write to no terminal).
	for (const signal of stopSignals) process.on(signal, onSignal);
	process.on('SIGHUP', loseTerminal);
	try {
		const instance = render(
			<App
				connect={(): Promise<AwsAccess> => context.aws()}
				reconnect={reconnect}
				readOnly={flags.readOnly}
				intervalMs={Math.max(0.5, flags.interval) * 1000}
				configDirectory={env.SAGEMON_CONFIG_DIR || envPaths('sagemon', {suffix: ''}).config}
				unicode={unicode}
				color={detectColor(env, flags.color)}
				escapeDelayMs={env.SSH_TTY || env.SSH_CONNECTION ? 80 : 0}
			/>,
			{
				exitOnCtrlC: false,
				incrementalRendering: false,
				patchConsole: true,
				...(unicode ? {} : {stdout: asciiStdout(process.stdout)}),
			},
		);
		unmount = () => instance.unmount();
		void context.interrupted.then(onSignal);
		const result = await instance.waitUntilExit();
		if (result === interruptedByKey) ending ??= ExitCode.interrupted;
		return ending ?? ExitCode.ok;
	} finally {
		for (const signal of stopSignals) process.off(signal, onSignal);
		process.off('SIGHUP', loseTerminal);
		process.stdin.off('end', loseTerminal);
		session.restore();
		process.off('uncaughtException', crash);
		process.off('unhandledRejection', crash);
		// The error listeners stay: a lost terminal may still report a failed write after the app is gone.
		await Promise.allSettled(owned.map((connection) => connection.close()));
	}
}

function withoutUndefined(changes: {region?: string; profile?: string}): {region?: string; profile?: string} {
	return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
