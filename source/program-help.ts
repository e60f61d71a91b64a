// `sagemon --help`: the command list, built from the commands' own usage lines and summaries, and the global
// options every command takes.
import type {AnyFlags} from 'meow';
import type {CommandDescriptor} from './commands/command.js';

/** The flags every command (and the TUI) takes. */
export const globalFlags = {
	local: {type: 'boolean', default: false},
	profile: {type: 'string'},
	region: {type: 'string'},
	endpointUrl: {type: 'string'},
	readOnly: {type: 'boolean', default: false},
	interval: {type: 'number', default: 2},
	json: {type: 'boolean', default: false},
	plain: {type: 'boolean', default: false},
	color: {type: 'boolean', default: true},
	ascii: {type: 'boolean', default: false},
	unicode: {type: 'boolean', default: false},
} satisfies AnyFlags;

/** Flags for the embedded emulator, taken along with --local (the emulator command declares its own). */
export const localFlags = {
	timeScale: {type: 'number'},
	// No default: given or not is what tells a stray --no-demo (without --local) apart.
	demo: {type: 'boolean'},
} satisfies AnyFlags;

/** The command list's summaries start at column 41, as the Usage lines' do. */
const usageColumn = 35;

export function programHelp(commands: CommandDescriptor[]): string {
	const list = commands
		.map(({usage, summary}) =>
			usage.length <= usageColumn
				? `    ${usage.padEnd(usageColumn)}  ${summary}`
				: `    ${usage}\n    ${' '.repeat(usageColumn)}  ${summary}`,
		)
		.join('\n');
	return `
  Usage
    $ sagemon [options]                      open the terminal UI
    $ sagemon <command> [arguments] [options]
    $ sagemon <command> --help               the command's options and examples

  Commands
${list}

  Options
    --local              run against the embedded emulator (demo pipelines, no AWS account); it ends
                         with the command, so commands that change something are refused with it
    --profile P          AWS profile (default: AWS_PROFILE or "default")
    --region R           AWS region (default: the region of an ARN argument, else AWS_REGION or the profile's)
    --endpoint-url URL   send SageMaker and S3 calls to URL
    --read-only          refuse every action that changes anything
    --interval S         seconds between refreshes while watching (default 2)
    --json               machine-readable output
    --plain              plain lines instead of the TUI
    --no-color           no colours (NO_COLOR is honoured too)
    --ascii, --unicode   draw with ASCII only, or with Unicode, whatever the locale says

  Exit codes
    0 success · 1 execution failed or stopped · 2 usage or input error · 3 AWS error · 124 timeout
    129 the terminal went away · 130 interrupted (Ctrl+C) · 141 the output's reader went away (| head)

  Examples
    $ sagemon --local
    $ sagemon validate pipeline.json
    $ sagemon start AbalonePipeline -p ModelApprovalStatus=Approved --wait
    $ sagemon report $ARN --step AbaloneEval
`;
}
