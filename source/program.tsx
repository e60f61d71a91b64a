// Parses the command line (meow), picks a command and runs it; with no command, opens the TUI.
import meow, {type AnyFlags} from 'meow';
import type {AwsAccess, Command, CommandContext, CommandFlags, Output} from './commands/context.js';
import {commandHelpFor} from './commands/command-help.js';
import {ExitCode} from './commands/context.js';
import {reportError, UsageError} from './commands/report-error.js';

const helpText = `
  Usage
    $ sagemon [options]                      open the terminal UI
    $ sagemon <command> [arguments] [options]

  Commands
    validate DEF.json                        check a pipeline definition
    dag DEF.json|PIPELINE                    draw the step graph
    upsert NAME --definition DEF.json --role-arn ARN
    start NAME [-p Name=Value ...] [--wait]  start an execution, print its ARN
    describe ARN                             show an execution
    wait ARN [--timeout S]                   wait for an execution to end (exit code = outcome)
    watch ARN                                follow an execution, one line per change
    steps ARN                                list an execution's steps
    report ARN [--step S] [--file NAME]      print a step's report (e.g. evaluation.json)
    stop ARN                                 stop an execution
    delete NAME [--yes]                      delete a pipeline
    emulator [--port 4566]                   serve the local SageMaker + S3 emulator

  Options
    --local              run against the embedded emulator (demo pipelines, no AWS account)
    --profile P          AWS profile (default: AWS_PROFILE or "default")
    --region R           AWS region (default: AWS_REGION or the profile's region)
    --endpoint-url URL   send SageMaker and S3 calls to URL
    --read-only          refuse every action that changes anything
    --interval S         seconds between refreshes while watching (default 2)
    --json               machine-readable output
    --plain              plain lines instead of the TUI
    --no-color           no colours (NO_COLOR is honoured too)

  Exit codes
    0 success · 1 execution failed or stopped · 2 usage or input error · 3 AWS error · 124 timeout

  Examples
    $ sagemon --local
    $ sagemon validate pipeline.json
    $ sagemon start AbalonePipeline -p ModelApprovalStatus=Approved --wait
    $ sagemon report $ARN --step AbaloneEval
`;

const commands: Record<string, () => Promise<{default: Command}>> = {
	validate: () => import('./commands/validate.js'),
	dag: () => import('./commands/dag.js'),
	upsert: () => import('./commands/upsert.js'),
	start: () => import('./commands/start.js'),
	describe: () => import('./commands/describe.js'),
	wait: () => import('./commands/wait.js'),
	watch: () => import('./commands/watch.js'),
	steps: () => import('./commands/steps.js'),
	report: () => import('./commands/report.js'),
	stop: () => import('./commands/stop.js'),
	delete: () => import('./commands/delete.js'),
	emulator: () => import('./commands/emulator.js'),
};

export async function runProgram(argv: string[]): Promise<number> {
	const stdout = outputOf(process.stdout);
	const stderr = outputOf(process.stderr);
	const help = commandHelpFor(argv);
	if (help !== undefined) {
		stdout.write(help);
		return ExitCode.ok;
	}

	let cli: ReturnType<typeof parse>;
	try {
		cli = parse(argv);
		checkFlags(cli.flags);
	} catch (error) {
		return reportError({stderr, flags: {json: argv.includes('--json')} as CommandFlags}, error);
	}

	const [name, ...args] = cli.input;
	const flags = cli.flags as unknown as CommandFlags;
	const context = createContext(args, flags, stdout, stderr);
	try {
		if (name === undefined) {
			const {runInteractive} = await import('./ui/run-interactive.js');
			return await runInteractive(context);
		}

		const load = commands[name];
		if (!load) throw new UsageError(`unknown command "${name}". Run "sagemon --help" for the list.`);
		const command = (await load()).default;
		return await command(context);
	} catch (error) {
		return reportError(context, error);
	} finally {
		await context.close();
	}
}

const flagSpec = {
	local: {type: 'boolean', default: false},
	profile: {type: 'string'},
	region: {type: 'string'},
	endpointUrl: {type: 'string'},
	readOnly: {type: 'boolean', default: false},
	interval: {type: 'number', default: 2},
	json: {type: 'boolean', default: false},
	plain: {type: 'boolean', default: false},
	color: {type: 'boolean', default: true},
	definition: {type: 'string'},
	roleArn: {type: 'string'},
	description: {type: 'string'},
	displayName: {type: 'string'},
	parameter: {type: 'string', shortFlag: 'p', isMultiple: true, default: []},
	wait: {type: 'boolean', default: false},
	timeout: {type: 'number'},
	step: {type: 'string'},
	file: {type: 'string'},
	yes: {type: 'boolean', shortFlag: 'y', default: false},
	host: {type: 'string', default: '127.0.0.1'},
	port: {type: 'number', default: 4566},
	timeScale: {type: 'number'},
	demo: {type: 'boolean', default: true},
	throttleRate: {type: 'number'},
	latency: {type: 'number'},
} satisfies AnyFlags;

function parse(argv: string[]) {
	return meow(helpText, {
		argv,
		importMeta: import.meta,
		// Unknown flags are reported by checkFlags, as one sentence (or JSON with --json) and exit code 2.
		allowUnknownFlags: true,
		autoHelp: true,
		autoVersion: true,
		description: 'A terminal UI and CLI for Amazon SageMaker Pipelines.',
		flags: flagSpec,
	});
}

function checkFlags(flags: Record<string, unknown>): void {
	const known = new Set<string>(Object.keys(flagSpec));
	for (const [name, value] of Object.entries(flags)) {
		const option = `--${name.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
		if (!known.has(name))
			throw new UsageError(`unknown option ${option}. Run "sagemon --help" for the options.`);
		if (typeof value === 'number' && !Number.isFinite(value))
			throw new UsageError(`${option} needs a number.`);
	}
}

function outputOf(stream: NodeJS.WriteStream): Output {
	return {
		write: (text) => {
			stream.write(text);
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
	flags: CommandFlags,
	stdout: Output,
	stderr: Output,
): CommandContext & {close(): Promise<void>} {
	let connection: Promise<AwsAccess & {close(): Promise<void>}> | undefined;
	const interrupted = new Promise<void>((resolve) => {
		const onSignal = () => resolve();
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
	});
	return {
		args,
		flags,
		stdout,
		stderr,
		stdinIsTTY: Boolean(process.stdin.isTTY),
		env: process.env,
		interrupted,
		aws() {
			connection ??= import('./aws/connect.js').then(({connectAws}) => connectAws({flags, env: process.env}));
			return connection;
		},
		async close() {
			if (connection) await (await connection.catch(() => undefined))?.close();
		},
	};
}

export {ExitCode};
