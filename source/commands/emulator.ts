// `sagemon emulator`: serves the local SageMaker Pipelines + S3 emulator until SIGINT/SIGTERM.
import type {AnyFlags} from 'meow';
import type {CommandDescriptor, FlagsOf} from './command.js';
import type {CommandContext} from './context.js';
import {ExitCode} from './context.js';
import {UsageError} from './report-error.js';

const usage = 'emulator [--host 127.0.0.1] [--port 4566] [--time-scale N] [--no-demo]';

/** The flags emulator takes beyond the global ones. */
const flags = {
	host: {type: 'string', default: '127.0.0.1'},
	port: {type: 'number', default: 4566},
	timeScale: {type: 'number'},
	demo: {type: 'boolean', default: true},
	throttleRate: {type: 'number'},
	latency: {type: 'number'},
} satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const options = context.flags;
	if (context.args.length > 0)
		throw new UsageError(`emulator takes no arguments, got "${context.args.join(' ')}"`);
	if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) {
		throw new UsageError(
			`--port must be a port number from 0 to 65535 (0 picks a free one), got ${String(options.port)}`,
		);
	}

	const timeScale = options.timeScale ?? 1;
	if (!(Number.isFinite(timeScale) && timeScale > 0)) {
		throw new UsageError(`--time-scale must be a number above 0, got ${String(options.timeScale)}`);
	}

	const faults = faultsOf(options);
	const {startEmulator} = await import('../emulator/index.js');
	let running: Awaited<ReturnType<typeof startEmulator>>;
	try {
		running = await startEmulator({
			host: options.host,
			port: options.port,
			timeScale,
			demo: options.demo,
			faults,
		});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE')
			throw new UsageError(
				`port ${options.port} on ${options.host} is already in use; pick another with --port (0 picks a free one)`,
			);
		if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
			throw new UsageError(`cannot listen on ${options.host}: no such local address`);
		throw error;
	}

	context.stdout.write(`sagemon emulator listening on ${running.url}\n`);
	await context.interrupted;
	await running.close();
	return ExitCode.ok;
}

function faultsOf(options: {throttleRate?: number | undefined; latency?: number | undefined}): {
	throttleRate?: number;
	latencyMs?: number;
} {
	const faults: {throttleRate?: number; latencyMs?: number} = {};
	if (options.throttleRate !== undefined) {
		if (!(options.throttleRate >= 0 && options.throttleRate <= 1)) {
			throw new UsageError(`--throttle-rate must be a share from 0 to 1, got ${options.throttleRate}`);
		}

		faults.throttleRate = options.throttleRate;
	}

	if (options.latency !== undefined) {
		if (!(options.latency >= 0 && options.latency <= 600_000)) {
			throw new UsageError(`--latency must be milliseconds from 0 to 600000, got ${options.latency}`);
		}

		faults.latencyMs = options.latency;
	}

	return faults;
}

export default {
	name: 'emulator',
	usage,
	summary: 'serve the local SageMaker + S3 emulator',
	help: `
  Serve the local SageMaker Pipelines + S3 emulator (demo pipelines included) until Ctrl+C.
  Point any AWS client at it with --endpoint-url; any credentials and region are accepted.

  Usage
    $ sagemon ${usage}

  Options
    --host H             interface to listen on (default 127.0.0.1, loopback only)
    --port P             port (default 4566; 0 picks a free one)
    --time-scale N       run simulated steps N times faster (default 1)
    --no-demo            start with no pipelines
    --throttle-rate R    answer this share (0 to 1) of SageMaker calls with ThrottlingException
    --latency MS         delay every answer by MS milliseconds

  Prints "sagemon emulator listening on http://HOST:PORT" once it accepts requests.
  Faults can also be changed while it runs: POST /_sagemon/faults {"throttleRate": 0.2, "latencyMs": 300}.

  Examples
    $ sagemon emulator --port 4566 --time-scale 20
    $ aws --endpoint-url http://127.0.0.1:4566 sagemaker list-pipelines
`,
	flags,
	run,
} satisfies CommandDescriptor<typeof flags>;
