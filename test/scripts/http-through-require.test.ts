// scripts/bundle-options.mjs loads node:http and node:https with `require`: imported, Node 22 and later build their
// ESM facades by reading every export, and node:http's WebSocket getters load undici (Node's fetch client) and
// http2 at the first AWS call. The built CLI asks AWS (here, the emulator of --local) without loading either.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {cleanEnv, runCli} from '../helpers/built-cli.js';

const directory = mkdtempSync(join(tmpdir(), 'sagemon-http-require-'));
afterAll(() => rmSync(directory, {recursive: true, force: true}));

it('answers an AWS call without loading undici or http2', async () => {
	const report = join(directory, 'modules.json');
	const preload = join(directory, 'report-modules.cjs');
	writeFileSync(
		preload,
		`process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.moduleLoadList)));`,
	);
	const result = await runCli(['models', '--local', '--json'], {
		env: cleanEnv({NODE_OPTIONS: `--require ${preload}`}),
		timeoutMs: 15_000,
	});
	expect(result.code, result.stderr).toBe(0);
	expect(JSON.parse(result.stdout)).not.toEqual([]);
	const modules = JSON.parse(readFileSync(report, 'utf8')) as string[];
	expect(modules).toContain('NativeModule http');
	expect(modules.filter((name) => /undici|http2/.test(name))).toEqual([]);
});
