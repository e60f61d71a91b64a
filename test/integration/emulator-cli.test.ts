// `sagemon emulator` as a separate process: it announces its address, serves SageMaker and S3 there, and
// exits 0 on SIGINT/SIGTERM; bad flags exit 2 with one clear sentence.
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ListPipelinesCommand, SageMakerClient} from '@aws-sdk/client-sagemaker';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cliBundleOptions} from '../../scripts/bundle-options.mjs';
import {testCredentials} from '../helpers/emulator.js';

let outdir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
	// A private bundle of the CLI, built with the options scripts/build.mjs builds dist/ with, so no other test's build can
	// replace it while this one runs.
	outdir = mkdtempSync(join(tmpdir(), 'sagemon-cli-'));
	await build({...cliBundleOptions(outdir), logLevel: 'silent'});
}, 120_000);

afterAll(() => {
	for (const child of children)
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	if (outdir) rmSync(outdir, {recursive: true, force: true});
});

type Run = {child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null>};

function sagemon(args: string[]): Run {
	const child = spawn(process.execPath, [join(outdir, 'cli.js'), ...args], {
		env: {...process.env, NO_COLOR: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	children.push(child);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		stdout += chunk.toString('utf8');
	});
	child.stderr!.on('data', (chunk: Buffer) => {
		stderr += chunk.toString('utf8');
	});
	const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return {child, stdout: () => stdout, stderr: () => stderr, exit};
}

async function announcedUrl(run: Run): Promise<string> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const match = /^sagemon emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(run.stdout());
		if (match) return match[1]!;
		if (run.child.exitCode !== null) throw new Error(`sagemon exited early: ${run.stderr()}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}

	throw new Error(`sagemon did not announce its address; stdout: ${run.stdout()} stderr: ${run.stderr()}`);
}

async function pipelineNames(url: string): Promise<string[]> {
	const client = new SageMakerClient({endpoint: url, region: 'us-east-1', credentials: testCredentials});
	try {
		const {PipelineSummaries = []} = await client.send(new ListPipelinesCommand({}));
		return PipelineSummaries.map((summary) => summary.PipelineName!);
	} finally {
		client.destroy();
	}
}

describe('sagemon emulator', () => {
	it('announces its address, serves the demo set and exits 0 on SIGINT', async () => {
		const run = sagemon(['emulator', '--port', '0', '--time-scale', '100']);
		const url = await announcedUrl(run);
		expect(await pipelineNames(url)).toContain('AbalonePipeline');
		const health = await fetch(`${url}/_sagemon/health`);
		expect(await health.json()).toEqual({status: 'ok'});
		run.child.kill('SIGINT');
		expect(await run.exit).toBe(0);
		expect(run.stdout()).toBe(`sagemon emulator listening on ${url}\n`);
		expect(run.stderr()).toBe('');
	});

	it('starts empty with --no-demo and exits 0 on SIGTERM', async () => {
		const run = sagemon(['emulator', '--port', '0', '--no-demo']);
		const url = await announcedUrl(run);
		expect(await pipelineNames(url)).toEqual([]);
		run.child.kill('SIGTERM');
		expect(await run.exit).toBe(0);
	});

	it('says so when the port is taken', async () => {
		const blocker: Server = createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
		const {port} = blocker.address() as {port: number};
		try {
			const run = sagemon(['emulator', '--port', String(port)]);
			expect(await run.exit).toBe(2);
			expect(run.stderr()).toBe(
				`sagemon: port ${port} on 127.0.0.1 is already in use; pick another with --port (0 picks a free one)\n`,
			);
		} finally {
			await new Promise((resolve) => blocker.close(resolve));
		}
	});

	it('throttles calls when started with --throttle-rate', async () => {
		const run = sagemon(['emulator', '--port', '0', '--no-demo', '--throttle-rate', '1', '--latency', '5']);
		const url = await announcedUrl(run);
		const client = new SageMakerClient({
			endpoint: url,
			region: 'us-east-1',
			credentials: testCredentials,
			maxAttempts: 1,
		});
		try {
			await expect(client.send(new ListPipelinesCommand({}))).rejects.toMatchObject({
				name: 'ThrottlingException',
			});
		} finally {
			client.destroy();
		}

		run.child.kill('SIGINT');
		expect(await run.exit).toBe(0);
	});

	it('explains its options with --help', async () => {
		const run = sagemon(['emulator', '--help']);
		expect(await run.exit).toBe(0);
		expect(run.stdout()).toContain(
			'$ sagemon emulator [--host 127.0.0.1] [--port 4566] [--time-scale N] [--no-demo]',
		);
		expect(run.stdout()).toContain('--throttle-rate R');
	});

	it('refuses a time scale that is not above 0', async () => {
		const run = sagemon(['emulator', '--port', '0', '--time-scale', '0']);
		expect(await run.exit).toBe(2);
		expect(run.stderr()).toBe('sagemon: --time-scale must be a number above 0, got 0\n');
	});
});
