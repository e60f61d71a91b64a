#!/usr/bin/env node
// Entry point. Colour and SDK settings must be in the environment before Ink, chalk or the AWS SDK load,
// so this file sets them and only then imports the program.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') process.env.FORCE_COLOR = '0';
if (process.argv.includes('--no-color')) process.env.FORCE_COLOR = '0';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const {runProgram} = await import('./program.js');
process.exitCode = await runProgram(process.argv.slice(2));
