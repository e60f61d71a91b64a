#!/usr/bin/env node
// Entry point. Colour and SDK settings must be in the environment before Ink, chalk or the AWS SDK load,
// so this file sets them and only then imports the program.
import {enableCompileCache} from './compile-cache.js';
import {endWithoutTerminal, lostTerminalCodes} from './lost-terminal.js';

// First, so that the program, Ink and the AWS SDK, loaded below, are compiled once and then read from the cache.
enableCompileCache();

if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
if (process.argv.includes('--no-color')) process.env.FORCE_COLOR = '0';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** 128 + SIGPIPE: what a shell reports for a writer whose reader went away (readme.md, Exit codes). */
const closedPipeExitCode = 141;
// `sagemon watch ARN | grep -m1 Succeeded`, `sagemon report … | head`: the reader has what it wanted, so stop
// quietly. Never a stack trace, and never exit 1, which says the execution failed. A terminal that went away
// under a command (`sagemon watch` in a closed window) ends it with 129, as the TUI ends (it has listeners of its
// own); anything else with nobody else listening is a real failure.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE' && !stream.isTTY) process.exit(closedPipeExitCode);
		if (stream.listenerCount('error') > 1) return;
		if (stream.isTTY && lostTerminalCodes.has(error.code ?? '')) endWithoutTerminal();
		throw error;
	});
}

const {runProgram} = await import('./program.js');
process.exitCode = await runProgram(process.argv.slice(2));
// Once the command has its outcome nothing else matters: an AWS call abandoned on a slow or dead link (Ctrl+C
// during a watch) would otherwise hold the process until it times out. Leave as soon as the output is written.
const written = (stream: NodeJS.WriteStream) =>
	new Promise<void>((resolve) => {
		if (stream.destroyed || stream.writableEnded) resolve();
		else stream.write('', () => resolve());
	});
await Promise.all([written(process.stdout), written(process.stderr)]);
process.exit();
