// The shape every command declares once, in its own file: name, usage line, one-line summary, `--help` text,
// the flags it takes beyond the global ones, and the function that runs it. The program builds its help,
// dispatch and flag checking from these.
import type {AnyFlags, TypedFlags} from 'meow';
import type {CommandContext, GlobalFlags} from './context.js';

/** The flags a command's `run` sees: the global ones and those its `flags` spec declares, typed from the spec. */
export type FlagsOf<Spec extends AnyFlags> = GlobalFlags & TypedFlags<Spec>;

export type CommandDescriptor<Spec extends AnyFlags = AnyFlags> = {
	name: string;
	/** The synopsis after `sagemon `, e.g. `stop ARN`; shown in the program's help and in usage errors. */
	usage: string;
	/** One line for the program's command list. */
	summary: string;
	/** The whole `sagemon <name> --help` text. */
	help: string;
	/** meow flag specs of the flags this command takes beyond the global ones. */
	flags: Spec;
	/**
	 * Creates, changes or deletes something: refused with --local, whose emulator (and whatever the command
	 * made in it) ends with the process. --read-only is each command's own check, since it names the action.
	 */
	changesState?: boolean;
	run(context: CommandContext<FlagsOf<Spec>>): Promise<number>;
};

/** The options every AWS command takes, for its `--help`. */
export const awsOptionsHelp = `
  AWS options
    --profile P          AWS profile (default: AWS_PROFILE, else "default")
    --region R           AWS region (default: the ARN's region, else AWS_REGION, AWS_DEFAULT_REGION or the profile's)
    --endpoint-url URL   send SageMaker and S3 calls to URL (e.g. a local emulator)
    --local              use the embedded emulator instead of AWS (read-only commands; its data ends with the command)
    --json               machine-readable output; errors become JSON objects on stderr`;

/** The options of the commands that follow an execution. */
export const followOptionsHelp = `
    --interval S         seconds between polls (default 2)
    --timeout S          give up after S seconds (exit 124)`;

/** The flags of the commands that follow an execution (`--interval` is global). */
export const followFlags = {timeout: {type: 'number'}} satisfies AnyFlags;
