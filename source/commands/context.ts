// What every command receives: its arguments, the parsed flags, its streams and lazy access to AWS.
import type {AwsAccess} from '../aws/types.js';

export type GlobalFlags = {
	local: boolean;
	profile?: string;
	region?: string;
	endpointUrl?: string;
	readOnly: boolean;
	interval: number;
	json: boolean;
	color: boolean;
	plain: boolean;
	/** Force ASCII drawing (--ascii) or Unicode (--unicode) whatever the locale says. */
	ascii: boolean;
	unicode: boolean;
};

export type Output = {
	write(text: string): void;
	isTTY: boolean;
	columns?: number;
	rows?: number;
};

/** `Flags`: the global flags and the command's own (each command's file declares its own). */
export type CommandContext<Flags extends GlobalFlags = GlobalFlags> = {
	/** Positional arguments after the command name. */
	args: string[];
	flags: Flags;
	stdout: Output;
	stderr: Output;
	stdinIsTTY: boolean;
	env: NodeJS.ProcessEnv;
	/**
	 * Connects lazily (the SDK is loaded on first use). With `--local`, starts the embedded emulator first. The
	 * region is --region, else the region of an ARN among the arguments, else the environment's.
	 */
	aws(): Promise<AwsAccess>;
	/** Resolves when the user asks to stop (SIGINT/SIGTERM), so long-running commands can clean up. */
	interrupted: Promise<void>;
};

/** Exit codes of the CLI contract, as readme.md lists them. */
export const ExitCode = {
	ok: 0,
	executionFailed: 1,
	usage: 2,
	aws: 3,
	timeout: 124,
	/** The terminal went away (SIGHUP, 128 + 1). */
	hangup: 129,
	/** Ctrl+C or SIGINT (128 + 2), also for SIGTERM. */
	interrupted: 130,
	/** The reader of stdout or stderr went away (`| head`): 128 + SIGPIPE, as the shell reports it. */
	closedPipe: 141,
} as const;
