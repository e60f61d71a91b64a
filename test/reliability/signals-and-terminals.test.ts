// Matrix rows about the terminal itself, for the commands: no TTY or a closed stdin get a message or plain
// output; SIGINT/SIGTERM during a confirmation or a watch give the terminal back as it was and send nothing the
// user did not confirm. Runs on real terminals (tmux) against the emulator behind a recording proxy.
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {
	DescribePipelineCommand,
	DescribePipelineExecutionCommand,
	type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cliPath, ensureBuilt, projectRoot, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {scratchDirectory} from '../helpers/scratch-directory.js';
import {createPipeline, eventually, gatedAbaloneDefinition, startExecution} from './pipelines.js';
import {isMutating, type RecordingProxy, startRecordingProxy} from './recording-proxy.js';
import {openTerminal, type Terminal} from './tmux-terminal.js';

let emulator: RunningEmulator;
let client: SageMakerClient;
let proxy: RecordingProxy;
const scratch = scratchDirectory('sagemon-hangup-');

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	client = sageMakerClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url);
	await createPipeline(client, 'Gated', gatedAbaloneDefinition());
});

afterAll(async () => {
	client?.destroy();
	await proxy?.close();
	await emulator?.close();
});

function sagemonOnTerminal(args: string[], shell?: string): Promise<Terminal> {
	const argv = [process.execPath, cliPath, ...args, '--endpoint-url', proxy.url];
	const command = shell ? ['sh', '-c', `exec ${argv.map((part) => `'${part}'`).join(' ')} ${shell}`] : argv;
	return openTerminal(command, {columns: 100, rows: 24, env: testAwsEnv(), cwd: projectRoot});
}

async function pipelineExists(name: string): Promise<boolean> {
	try {
		await client.send(new DescribePipelineCommand({PipelineName: name}));
		return true;
	} catch {
		return false;
	}
}

describe('no terminal', () => {
	it('matrix: terminal resized to 20x5 and back; no TTY; stdin closed [commands] — the TUI explains itself without a terminal, commands print plain lines', async () => {
		const piped = await runCli(['--endpoint-url', proxy.url], {env: testAwsEnv()});
		expect(piped.code).toBe(2);
		expect(piped.stdout).toBe('');
		expect(piped.stderr).toMatch(
			/^sagemon: the interactive UI needs a terminal, but stdin or stdout is not one/,
		);
		expect(piped.stderr).toContain('sagemon watch ARN');

		// On a terminal, but with stdin closed: the same message, and the terminal as it was.
		const closedStdin = await sagemonOnTerminal([], '< /dev/null');
		try {
			expect(await closedStdin.finished()).toEqual({status: 2, terminalRestored: true});
			expect(await closedStdin.screen()).toContain('the interactive UI needs a terminal');
			expect((await closedStdin.state()).alternateScreen).toBe(false);
		} finally {
			await closedStdin.close();
		}

		// A confirmation cannot be asked without a terminal: nothing is deleted.
		const since = proxy.requests.length;
		const deleting = await runCli(['delete', 'Gated', '--endpoint-url', proxy.url], {env: testAwsEnv()});
		expect(deleting).toMatchObject({
			code: 2,
			stderr:
				'sagemon: delete asks for confirmation, but stdin is not a terminal: pass --yes to delete pipeline Gated.\n',
		});
		expect(proxy.requests.slice(since)).toEqual([]);

		// watch without a terminal prints one plain line per change, no escape sequences.
		const executionArn = await startExecution(client, 'Gated');
		const watched = await runCli(['watch', executionArn, '--endpoint-url', proxy.url, '--timeout', '0.5'], {
			env: testAwsEnv(),
		});
		expect(watched.code).toBe(124);
		expect(watched.stdout).toMatch(
			/^Execution execution-\d+ of Gated \(Executing, running for .+\)\nExecuting {2}ApprovalGate\n$/,
		);
	});
});

describe('signals', () => {
	it('matrix: SIGINT/SIGTERM during a form, a confirmation, a watch [delete, watch] — terminal restored, nothing sent that was not confirmed', async () => {
		const since = proxy.requests.length;

		// Ctrl+C at the delete confirmation.
		const asked = await sagemonOnTerminal(['delete', 'Gated']);
		try {
			await asked.waitFor('Delete pipeline Gated and all its executions? This cannot be undone. [y/N]');
			await asked.press('C-c');
			const finished = await asked.finished();
			expect(finished.terminalRestored).toBe(true);
			expect([2, 130]).toContain(finished.status);
			expect(await asked.screen()).toContain('Nothing was deleted.');
		} finally {
			await asked.close();
		}

		// SIGTERM at the delete confirmation (a closing terminal tab, a CI timeout).
		const terminated = await sagemonOnTerminal(['delete', 'Gated']);
		try {
			await terminated.waitFor('[y/N]');
			process.kill(terminated.pid, 'SIGTERM');
			expect(await terminated.finished()).toEqual({status: 130, terminalRestored: true});
			expect(await terminated.screen()).toContain('Nothing was deleted.');
		} finally {
			await terminated.close();
		}

		expect(await pipelineExists('Gated')).toBe(true);

		// SIGTERM and Ctrl+C while watching: the watch ends, the execution goes on, nothing is stopped.
		const executionArn = await startExecution(client, 'Gated');
		for (const stop of ['SIGTERM', 'C-c'] as const) {
			const watching = await sagemonOnTerminal(['watch', executionArn, '--interval', '0.05']);
			try {
				await watching.waitFor(/ApprovalGate +Executing/);
				if (stop === 'SIGTERM') process.kill(watching.pid, 'SIGTERM');
				else await watching.press('C-c');
				expect(await watching.finished()).toEqual({status: 130, terminalRestored: true});
				expect(await watching.screen()).toContain(
					'sagemon: stopped watching; the execution goes on. The execution is still Executing.',
				);
			} finally {
				await watching.close();
			}
		}

		expect(proxy.requests.slice(since).filter(isMutating)).toEqual([]);
	});
});

describe('the terminal goes away', () => {
	it('matrix: terminal closed while the TUI runs [tmux kill-server] — exits 129 at once: no write error, no assertion, no core file, nothing sent, the execution goes on', async () => {
		const executionArn = await startExecution(client, 'Gated');
		const status = scratch.path('status');
		const errors = scratch.path('stderr');
		// The wrapper outlives the hangup (it ignores SIGHUP; Node does not inherit that) to report how sagemon
		// ended, and lets a crash leave a core file in the scratch directory, where the test looks for one.
		const run = [process.execPath, cliPath, '--endpoint-url', proxy.url].map((part) => `'${part}'`).join(' ');
		const script = `trap '' HUP; ulimit -c unlimited; cd '${scratch.directory}'; ${run} 2>'${errors}'; echo $? > '${status}'`;
		const terminal = await openTerminal(['sh', '-c', script], {
			columns: 100,
			rows: 24,
			env: testAwsEnv(),
			cwd: projectRoot,
		});
		let closed = false;
		try {
			await terminal.waitFor(/› Gated/);
			await terminal.press('Enter');
			// The executions list, loaded (the pipelines list shows "executing" too, in its LAST RUN column).
			await terminal.waitFor(/Pipelines › Gated[\s\S]*\d+ executions? · newest first/);
			await terminal.press('Enter');
			await terminal.waitFor(/ApprovalGate/);
			const since = proxy.requests.length;
			await terminal.close();
			closed = true;
			await eventually(
				'sagemon to exit',
				() => existsSync(status) && readFileSync(status, 'utf8').endsWith('\n'),
			);
			expect(readFileSync(status, 'utf8')).toBe('129\n');
			expect(readFileSync(errors, 'utf8')).toBe('');
			expect(readdirSync(scratch.directory).filter((name) => name.startsWith('core'))).toEqual([]);
			expect(proxy.requests.slice(since).filter(isMutating)).toEqual([]);
			const {PipelineExecutionStatus} = await client.send(
				new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn}),
			);
			expect(PipelineExecutionStatus).toBe('Executing');
		} finally {
			if (!closed) await terminal.close();
		}
	});
});

describe('the terminal goes away under --local', () => {
	it('matrix: terminal closed while the TUI runs [--local, 3 tries] — the embedded emulator thread ends with it: 129, no write error, no core file', async () => {
		for (const attempt of [1, 2, 3]) {
			const status = scratch.path(`local-status-${attempt}`);
			const errors = scratch.path(`local-stderr-${attempt}`);
			const config = scratch.path(`local-config-${attempt}`);
			const run = [process.execPath, cliPath, '--local'].map((part) => `'${part}'`).join(' ');
			const script = `trap '' HUP; ulimit -c unlimited; cd '${scratch.directory}'; SAGEMON_CONFIG_DIR='${config}' ${run} 2>'${errors}'; echo $? > '${status}'`;
			const terminal = await openTerminal(['sh', '-c', script], {
				columns: 100,
				rows: 24,
				env: testAwsEnv(),
				cwd: projectRoot,
			});
			let closed = false;
			try {
				// The demo's running execution, open, polled by the UI while the emulator thread runs it.
				await terminal.waitFor(/› AbalonePipeline\s+● executing/);
				await terminal.press('Enter');
				await terminal.waitFor(/executions · newest first[\s\S]*› ● executing/);
				await terminal.press('Enter');
				await terminal.waitFor('● EXECUTING');
				await terminal.close();
				closed = true;
				await eventually(
					'sagemon to exit',
					() => existsSync(status) && readFileSync(status, 'utf8').endsWith('\n'),
				);
				expect(readFileSync(status, 'utf8'), `try ${attempt}`).toBe('129\n');
				expect(readFileSync(errors, 'utf8'), `try ${attempt}`).toBe('');
				expect(readdirSync(scratch.directory).filter((name) => name.startsWith('core'))).toEqual([]);
			} finally {
				if (!closed) await terminal.close();
			}
		}
	});
});

describe('the terminal goes away under a command', () => {
	it('matrix: terminal closed while the TUI runs [watch, 3 tries] — a live watch ends with 129 too, with or without a SIGHUP: no write error, no assertion, no core file', async () => {
		const executionArn = await startExecution(client, 'Gated');
		// Tries 1 and 3 start it in a session of its own (setsid): no SIGHUP reaches it, only the lost terminal.
		for (const attempt of [1, 2, 3]) {
			const status = scratch.path(`watch-status-${attempt}`);
			const errors = scratch.path(`watch-stderr-${attempt}`);
			const run = [
				...(attempt === 2 ? [] : ['setsid', '-w']),
				process.execPath,
				cliPath,
				'watch',
				executionArn,
				'--endpoint-url',
				proxy.url,
			]
				.map((part) => `'${part}'`)
				.join(' ');
			const script = `trap '' HUP; ulimit -c unlimited; cd '${scratch.directory}'; ${run} 2>'${errors}'; echo $? > '${status}'`;
			const terminal = await openTerminal(['sh', '-c', script], {
				columns: 100,
				rows: 24,
				env: testAwsEnv(),
				cwd: projectRoot,
			});
			let closed = false;
			try {
				// The live frame, redrawn each second: its next write finds the terminal gone.
				await terminal.waitFor(/ApprovalGate +Executing/);
				await terminal.close();
				closed = true;
				await eventually(
					'sagemon to exit',
					() => existsSync(status) && readFileSync(status, 'utf8').endsWith('\n'),
				);
				expect(readFileSync(status, 'utf8'), `try ${attempt}`).toBe('129\n');
				// Either the hangup's SIGHUP ends it (the shell then says "Hangup"), or, with no SIGHUP for it, its next
				// write finds the terminal gone: never a write error, an assertion or a crash.
				expect(readFileSync(errors, 'utf8'), `try ${attempt}`).toMatch(/^(Hangup\n)?$/);
				expect(readdirSync(scratch.directory).filter((name) => name.startsWith('core'))).toEqual([]);
			} finally {
				if (!closed) await terminal.close();
			}
		}

		const {PipelineExecutionStatus} = await client.send(
			new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn}),
		);
		expect(PipelineExecutionStatus).toBe('Executing');
	});
});

describe('exit codes and process titles', () => {
	it('Ctrl+C as a key in the TUI exits 130, as SIGINT does; q exits 0', async () => {
		for (const [keys, code] of [
			[['C-c'], 130],
			[['q'], 0],
		] as const) {
			const terminal = await sagemonOnTerminal([]);
			try {
				await terminal.waitFor(/› Gated/);
				await terminal.press(...keys);
				expect(await terminal.finished()).toEqual({status: code, terminalRestored: true});
			} finally {
				await terminal.close();
			}
		}
	});

	it('names its command in the process title, so ps and pkill -f tell sagemon processes apart', async () => {
		const executionArn = await startExecution(client, 'Gated');
		const id = executionArn.split('/').pop()!;
		let title = '';
		await runCli(['wait', executionArn, '--endpoint-url', proxy.url], {
			env: testAwsEnv(),
			onSpawn(child) {
				const titleOf = () =>
					execFileSync('ps', ['-o', 'args=', '-p', String(child.pid)], {encoding: 'utf8'}).trim();
				void eventually('the title to be set', () =>
					titleOf().startsWith('sagemon') ? titleOf() : undefined,
				)
					.then((shown) => {
						title = String(shown);
					})
					.finally(() => child.kill('SIGTERM'));
			},
		});
		expect(title).toBe(`sagemon wait ${id}`);
	});
});
