// What the commands do on a real terminal (a pseudo-terminal from util-linux `script`): `watch` redraws a live
// list in place, `delete` asks before deleting. And `--local`, which needs no server or account at all.
import {spawn} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cliPath, ensureBuilt, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {fixturePath} from '../helpers/fixtures.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';
const env = testAwsEnv();

let emulator: RunningEmulator;

beforeAll(async () => {
	ensureBuilt();
	// The tutorial pipeline runs about 3 s of real time: long enough for `watch`, started after `start` returns,
	// to see it running and redraw at least once even when process starts are slow (a busy CI machine, Node 22).
	emulator = await startTestEmulator({timeScale: 400, demo: false});
	const created = await runCli(
		[
			'upsert',
			'Abalone',
			'--definition',
			fixturePath('abalone-tutorial.json'),
			'--role-arn',
			roleArn,
			'--endpoint-url',
			emulator.url,
		],
		{env},
	);
	expect(created.code, created.stderr).toBe(0);
});

afterAll(async () => {
	await emulator?.close();
});

/** Runs the CLI on a 100×30 pseudo-terminal; `input` is typed into it. Output comes back with \r\n line ends. */
function onTerminal(args: string[], input = '') {
	const quoted = [process.execPath, cliPath, ...args, '--endpoint-url', emulator.url]
		.map((part) => `'${part}'`)
		.join(' ');
	return runScript(`stty cols 100 rows 30; ${quoted}`, input);
}

function runScript(command: string, input: string) {
	return new Promise<{output: string; code: number | null}>((resolve, reject) => {
		const child = spawn('script', ['-qfec', command, '/dev/null'], {env, stdio: ['pipe', 'pipe', 'pipe']});
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			output += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			output += chunk;
		});
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`script ${command} did not finish:\n${output}`));
		}, 20_000);
		child.once('error', reject);
		child.once('close', (code) => {
			clearTimeout(timer);
			resolve({output: output.replaceAll('\r\n', '\n'), code});
		});
		child.stdin.end(input);
	});
}

describe('on a terminal', () => {
	it('watch redraws a compact live list in place and exits with the outcome', async () => {
		const started = await runCli(['start', 'Abalone', '--endpoint-url', emulator.url], {env});
		const arn = started.stdout.trim();
		const {output, code} = await onTerminal(['watch', arn, '--interval', '0.05']);
		expect(code).toBe(0);
		// Each redraw moves back to the top of the previous frame and rewrites it line by line (never clearing the
		// screen from its top-left corner, which tmux moves into the scrollback).
		expect(output).toMatch(/\u001B\[\d+F\u001B\[2K/);
		expect(output).not.toMatch(/\u001B\[\d+F\u001B\[0J/);
		const lastFrame = output
			.slice(output.search(/\u001B\[\d+F(?![\s\S]*\u001B\[\d+F)/))
			.replace(/^\u001B\[\d+F/, '')
			.replaceAll('\u001B[2K', '')
			.replaceAll('\u001B[0J', '');
		expect(lastFrame).toMatch(/^Abalone · execution-\d+ · Succeeded · \d/);
		for (const step of [
			'AbaloneProcess',
			'AbaloneTrain',
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneTransform',
		]) {
			expect(lastFrame).toMatch(new RegExp(`\\n  ✔ ${step} +Succeeded  \\d`));
		}

		expect(lastFrame.trimEnd().split('\n').at(-1)).toMatch(/^Execution Succeeded after /);
		expect(
			output.split('\n').every((line) => line.replace(/\u001B\[[0-9;]*[A-Za-z]/g, '').length <= 100),
		).toBe(true);
	});

	it('delete asks first and does nothing unless the answer is yes', async () => {
		const declined = await onTerminal(['delete', 'Abalone'], 'n\n');
		expect(declined.code).toBe(2);
		expect(declined.output).toContain(
			'Delete pipeline Abalone and all its executions? This cannot be undone. [y/N] ',
		);
		expect(declined.output).toContain('Nothing was deleted.');

		const accepted = await onTerminal(['delete', 'Abalone'], 'y\n');
		expect(accepted.code).toBe(0);
		expect(accepted.output).toContain('Deleted pipeline Abalone\n');
		expect((await runCli(['start', 'Abalone', '--endpoint-url', emulator.url], {env})).code).toBe(3);
	});
});

describe('--local', () => {
	const noAws = testAwsEnv({AWS_REGION: '', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: ''});

	it("reads the embedded emulator's demo pipelines without an AWS account", async () => {
		const result = await runCli(['dag', 'AbalonePipeline', '--local', '--json'], {env: noAws});
		expect(result.code, result.stderr).toBe(0);
		const graph = JSON.parse(result.stdout) as {steps: Array<{name: string}>};
		expect(graph.steps.map((step) => step.name)).toContain('AbaloneTrain');
	});

	it('refuses every command that changes something, since what it makes would end with the command', async () => {
		const changing = [
			['start', 'AbalonePipeline', '--wait'],
			['stop', 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/AbalonePipeline/execution/abc'],
			['delete', 'AbalonePipeline', '--yes'],
			[
				'upsert',
				'Abalone',
				'--definition',
				'pipeline.json',
				'--role-arn',
				'arn:aws:iam::111122223333:role/R',
			],
		];
		for (const args of changing) {
			const result = await runCli([...args, '--local'], {env: noAws});
			expect(result.code, args[0]).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr).toBe(
				`sagemon: ${args[0]} changes something, and --local's emulator (with all it holds) ends when the command ` +
					'returns, so nothing would be left of it. Keep an emulator running instead: "sagemon emulator" in ' +
					`another terminal, then "sagemon ${args[0]} ... --endpoint-url http://127.0.0.1:4566".\n`,
			);
		}
	});
});
