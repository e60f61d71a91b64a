// A CommandContext for testing commands as functions: collects what they write, refuses AWS unless given one.
import type {AwsAccess} from '../../source/aws/types.js';
import type {CommandContext, GlobalFlags, Output} from '../../source/commands/context.js';

export type FakeContext = CommandContext & {out(): string; err(): string};

export const defaultFlags: GlobalFlags = {
	local: false,
	readOnly: false,
	interval: 2,
	json: false,
	color: false,
	plain: false,
	ascii: false,
	unicode: false,
};

export function createFakeContext(
	options: {
		args?: string[];
		flags?: Partial<GlobalFlags>;
		columns?: number;
		isTTY?: boolean;
		env?: NodeJS.ProcessEnv;
		aws?: () => Promise<AwsAccess>;
	} = {},
): FakeContext {
	const stdout = collector(options.isTTY ?? false, options.columns);
	const stderr = collector(false);
	return {
		args: options.args ?? [],
		flags: {...defaultFlags, ...options.flags},
		stdout: stdout.output,
		stderr: stderr.output,
		stdinIsTTY: false,
		env: options.env ?? {},
		aws:
			options.aws ?? (() => Promise.reject(new Error('This test does not expect the command to reach AWS'))),
		interrupted: new Promise<void>(() => {}),
		out: () => stdout.text(),
		err: () => stderr.text(),
	};
}

function collector(isTTY: boolean, columns?: number): {output: Output; text(): string} {
	const chunks: string[] = [];
	const output: Output = {write: (text) => void chunks.push(text), isTTY};
	if (columns !== undefined) output.columns = columns;
	return {output, text: () => chunks.join('')};
}
