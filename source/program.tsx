// Parses the command line (meow), picks a command from the command table and runs it with the flags it
// declares; with no command, opens the TUI.
import meow, {type AnyFlags} from 'meow';
import {commandTable} from './command-table.js';
import type {CommandDescriptor} from './commands/command.js';
import type {CommandContext, GlobalFlags, Output} from './commands/context.js';
import {ExitCode} from './commands/context.js';
import {reportError, UsageError} from './commands/report-error.js';
import {executionIdOf, isExecutionArn, regionOfArn} from './pipeline/arn.js';
import {sanitizeText} from './pipeline/sanitize.js';
import type {AwsConnection} from './aws/connect.js';
import {globalFlags, localFlags, programHelp} from './program-help.js';

export async function runProgram(argv: string[]): Promise<number> {
	const stdout = outputOf(process.stdout);
	const stderr = outputOf(process.stderr);
	const name = commandNameOf(argv);
	let descriptor: CommandDescriptor | undefined;
	let cli: ReturnType<typeof parse>;
	try {
		if (name !== undefined) descriptor = await loadCommand(name);
		if (argv.includes('--help') || argv.includes('-h')) {
			stdout.write(descriptor ? descriptor.help : programHelp(await allCommands()));
			return ExitCode.ok;
		}

		cli = parse(argv, descriptor);
		// meow gives every boolean a value; a --local flag that was not given must stay unset (its default is --local's).
		for (const flag of Object.keys(localFlags))
			if (!descriptor?.flags[flag] && !given(argv, flag)) delete (cli.flags as Record<string, unknown>)[flag];
		await checkFlags(cli.flags, descriptor);
		if (descriptor?.changesState && cli.flags.local) throw new UsageError(localRefusal(descriptor.name));
	} catch (error) {
		return reportError({stderr, flags: {json: argv.includes('--json')}}, error);
	}

	const args = cli.input.slice(descriptor ? 1 : 0);
	// Checked above against the global flags and the command's own spec, so the command's types hold.
	const flags = cli.flags as unknown as GlobalFlags;
	process.title = processTitle(descriptor?.name, args);
	const context = createContext(args, flags, stdout, stderr);
	try {
		if (descriptor) return await descriptor.run(context);
		// The TUI's first frame needs both its code and a connection (with --local, a started emulator): start the
		// connection, and with it the emulator's thread, before the UI's code loads, so the two proceed together.
		if (context.stdinIsTTY && stdout.isTTY && !flags.plain) await context.beginConnection();
		const {runInteractive} = await import('./interactive.js');
		return await runInteractive(context);
	} catch (error) {
		return reportError(context, error);
	} finally {
		await context.close();
	}
}

async function loadCommand(name: string): Promise<CommandDescriptor> {
	const load = commandTable[name];
	if (!load) {
		throw new UsageError(`unknown command "${sanitizeText(name)}". Run "sagemon --help" for the list.`);
	}

	return (await load()).default;
}

function allCommands(): Promise<CommandDescriptor[]> {
	return Promise.all(Object.keys(commandTable).map((name) => loadCommand(name)));
}

/** Global flags that take a value, so the word after them is not the command (`--region eu-west-1 steps`). */
const valueFlags = new Set(
	Object.entries({...globalFlags, ...localFlags})
		.filter(([, spec]) => spec.type !== 'boolean')
		.map(([flag]) => `--${kebab(flag)}`),
);

/**
 * The command argv names: the first word that is a command, else the first word (an unknown command); undefined
 * when there is no word (the TUI). Flags may come before the command.
 */
function commandNameOf(argv: string[]): string | undefined {
	const words: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--') break;
		if (argument.startsWith('-')) {
			if (valueFlags.has(argument)) index++;
			continue;
		}

		words.push(argument);
	}

	return words.find((word) => Object.hasOwn(commandTable, word)) ?? words[0];
}

function parse(argv: string[], descriptor: CommandDescriptor | undefined) {
	return meow({
		argv,
		importMeta: import.meta,
		// Unknown flags are reported by checkFlags, as one sentence (or JSON with --json) and exit code 2.
		allowUnknownFlags: true,
		autoHelp: false,
		autoVersion: true,
		flags: {...globalFlags, ...localFlags, ...descriptor?.flags} as AnyFlags,
	});
}

async function checkFlags(flags: Record<string, unknown>, descriptor: CommandDescriptor | undefined) {
	const local = flags.local === true || descriptor === undefined;
	const taken = new Set([
		...Object.keys(globalFlags),
		...Object.keys(descriptor?.flags ?? {}),
		...(local ? Object.keys(localFlags) : []),
	]);
	for (const [name, value] of Object.entries(flags)) {
		const option = `--${value === false ? 'no-' : ''}${kebab(name)}`;
		if (!taken.has(name)) throw new UsageError(await notTaken(name, option, descriptor));
		if (typeof value === 'number' && !Number.isFinite(value))
			throw new UsageError(`${option} needs a number.`);
	}
}

/** The sentence for a flag the command does not take: another command's, --local's, or no command's. */
async function notTaken(name: string, option: string, descriptor: CommandDescriptor | undefined) {
	const shown = sanitizeText(option);
	if (Object.hasOwn(localFlags, name) && !descriptor?.flags[name])
		return `${shown} goes with --local (the embedded emulator) or the emulator command.`;
	const known = (await allCommands()).some((command) => Object.hasOwn(command.flags, name));
	if (!known || !descriptor) return `unknown option ${shown}. Run "sagemon --help" for the options.`;
	return `${descriptor.name} does not take ${shown}. Run "sagemon ${descriptor.name} --help" for its options.`;
}

function localRefusal(command: string): string {
	return (
		`${command} changes something, and --local's emulator (with all it holds) ends when the command returns, ` +
		'so nothing would be left of it. Keep an emulator running instead: "sagemon emulator" in another ' +
		`terminal, then "sagemon ${command} ... --endpoint-url http://127.0.0.1:4566".`
	);
}

function given(argv: string[], flag: string): boolean {
	const option = kebab(flag);
	return argv.some(
		(argument) =>
			argument === `--${option}` || argument === `--no-${option}` || argument.startsWith(`--${option}=`),
	);
}

function kebab(flag: string): string {
	return flag.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** What `ps` shows: `sagemon wait <execution id>`, `sagemon` for the TUI. */
function processTitle(command: string | undefined, args: string[]): string {
	const words = args.map((argument) => (isExecutionArn(argument) ? executionIdOf(argument) : argument));
	return ['sagemon', ...(command === undefined ? [] : [command]), ...words].join(' ').slice(0, 200);
}

function outputOf(stream: NodeJS.WriteStream): Output {
	return {
		write: (text) => {
			// Once the reader went away (cli.ts ends the process on EPIPE), nothing more is written.
			if (!stream.destroyed) stream.write(text);
		},
		get isTTY() {
			return Boolean(stream.isTTY);
		},
		get columns() {
			return stream.columns;
		},
		get rows() {
			return stream.rows;
		},
	};
}

function createContext(
	args: string[],
	flags: GlobalFlags,
	stdout: Output,
	stderr: Output,
): CommandContext & {beginConnection(): Promise<void>; close(): Promise<void>} {
	let connection: Promise<AwsConnection> | undefined;
	let begun: Promise<void> | undefined;
	/** Loads open-connection.ts and calls it: resolves once the connection is under way, not made. */
	const beginConnection = () =>
		(begun ??= import('./open-connection.js').then(({openConnection}) => {
			connection = openConnection(flags, process.env, arnRegion);
			// A failure is reported to whoever awaits aws(); until someone does, it is not an unhandled one.
			connection.catch(() => undefined);
		}));
	const interrupted = new Promise<void>((resolve) => {
		const onSignal = () => resolve();
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
	});
	// `sagemon describe arn:aws:sagemaker:eu-west-1:…` asks about eu-west-1 unless --region names another.
	const arnRegion = args.map((argument) => regionOfArn(argument)).find((region) => region !== undefined);
	return {
		args,
		flags,
		stdout,
		stderr,
		stdinIsTTY: Boolean(process.stdin.isTTY),
		env: charsetEnv(process.env, flags),
		interrupted,
		async aws() {
			await beginConnection();
			return connection!;
		},
		beginConnection,
		async close() {
			await begun?.catch(() => undefined);
			if (connection) await (await connection.catch(() => undefined))?.close();
		},
	};
}

export {ExitCode};

/** --ascii and --unicode override the locale, as SAGEMON_ASCII=1 and =0 do (for the TUI, `dag` and `watch`). */
function charsetEnv(env: NodeJS.ProcessEnv, flags: GlobalFlags): NodeJS.ProcessEnv {
	if (flags.ascii) return {...env, SAGEMON_ASCII: '1'};
	if (flags.unicode) return {...env, SAGEMON_ASCII: '0'};
	return env;
}
