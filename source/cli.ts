#!/usr/bin/env node
// Entry point. Colour and SDK settings must be in the environment before Ink, chalk or the AWS SDK load,
// so this file sets them and only then imports the program.
import {enableCompileCache} from './compile-cache.js';

// First, so that the program, Ink and the AWS SDK, loaded below, are compiled once and then read from the cache.
enableCompileCache();

if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
if (process.argv.includes('--no-color')) process.env.FORCE_COLOR = '0';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const {runProgram} = await import('./program.js');
process.exitCode = await runProgram(process.argv.slice(2));
// Once the command has its outcome nothing else matters: an AWS call abandoned on a slow or dead link (Ctrl+C
// during a watch) would otherwise hold the process until it times out. Leave as soon as the output is written.
const written = (stream: NodeJS.WriteStream) =>
	new Promise<void>((resolve) => stream.write('', () => resolve()));
await Promise.all([written(process.stdout), written(process.stderr)]);
process.exit();
