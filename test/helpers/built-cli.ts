// Runs the built CLI (`node dist/cli.js ...`) as a subprocess, the way a person or a CI job does. The bundle is
// rebuilt first when any source file is newer, once, under a lock shared by every test worker.
import {execFileSync, spawn} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = join(projectRoot, 'dist', 'cli.js');

export type CliResult = {stdout: string; stderr: string; code: number | null; signal: NodeJS.Signals | null};

export type CliOptions = {
	/** Added to a minimal environment (PATH, HOME, no AWS settings from this machine). */
	env?: NodeJS.ProcessEnv;
	/** Written to stdin, which is then closed (stdin is never a terminal here). */
	input?: string;
	/** Kills the process after this long (default 20 s) and fails with what it printed so far. */
	timeoutMs?: number;
	/** Called with the child as soon as it runs (e.g. to send a signal later). */
	onSpawn?: (child: ReturnType<typeof spawn>) => void;
};

let built = false;

/** Builds dist/ when it is older than source/ (scripts/ensure-ready.mjs), serialised across workers by flock. */
export function ensureBuilt(): void {
	if (built) return;
	execFileSync(
		'flock',
		[join(tmpdir(), 'sagemon-build.lock'), process.execPath, 'scripts/ensure-ready.mjs'],
		{
			cwd: projectRoot,
			stdio: ['ignore', 'ignore', 'pipe'],
		},
	);
	built = true;
}

/** An environment with nothing from this machine's AWS setup: no profile, region, credentials or config files. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		LANG: 'C.UTF-8',
		NO_COLOR: '1',
		AWS_CONFIG_FILE: join(projectRoot, 'test', 'helpers', 'no-such-aws-config'),
		AWS_SHARED_CREDENTIALS_FILE: join(projectRoot, 'test', 'helpers', 'no-such-aws-credentials'),
		AWS_EC2_METADATA_DISABLED: 'true',
		...extra,
	};
}

/** Dummy credentials and a region, for a CLI pointed at a local server with --endpoint-url. */
export function testAwsEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return cleanEnv({
		AWS_ACCESS_KEY_ID: 'testing',
		AWS_SECRET_ACCESS_KEY: 'testing',
		AWS_REGION: 'us-east-1',
		...extra,
	});
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
	ensureBuilt();
	const timeoutMs = options.timeoutMs ?? 20_000;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {
			cwd: projectRoot,
			env: options.env ?? cleanEnv(),
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new Error(
					`sagemon ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`,
				),
			);
		}, timeoutMs);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			resolve({stdout, stderr, code, signal});
		});
		child.stdin.on('error', () => {});
		child.stdin.end(options.input ?? '');
		options.onSpawn?.(child);
	});
}
