// The built CLI runs --local's emulator on a thread of its own (source/emulator-thread.ts; from source, the tests
// run it in-process): what a command reads comes from that thread's replayed demo history, a start that fails
// says why as before, and the process ends with the command.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cleanEnv, ensureBuilt, projectRoot, runCli} from './helpers/built-cli.js';

const env = cleanEnv();

describe("--local's emulator thread (built CLI)", () => {
	it('is built beside the chunks that start it', () => {
		ensureBuilt();
		expect(existsSync(join(projectRoot, 'dist', 'chunks', 'emulator-thread.js'))).toBe(true);
	});

	it('serves the demo history, replayed on the thread, and stops with the command', async () => {
		const result = await runCli(['models', '--local', '--json'], {env, timeoutMs: 15_000});
		expect(result.code, result.stderr).toBe(0);
		const groups = JSON.parse(result.stdout) as Array<{name: string}>;
		// Model package groups exist only once the demo's executions have run their RegisterModel steps.
		expect(groups.map((group) => group.name)).toContain('AbaloneModelPackageGroupName');

		const empty = await runCli(['models', '--local', '--no-demo', '--json'], {env, timeoutMs: 15_000});
		expect(empty.code, empty.stderr).toBe(0);
		expect(JSON.parse(empty.stdout)).toEqual([]);
	});

	it("reports an emulator that cannot start with the emulator's own message", async () => {
		const result = await runCli(['models', '--local', '--time-scale', '-1'], {env, timeoutMs: 15_000});
		expect(result).toMatchObject({
			code: 3,
			stdout: '',
			stderr: 'sagemon: The time scale must be a number above 0, got -1.\n',
		});
	});
});
