// Where the running Node has module.enableCompileCache (22.1 and later), sagemon keeps compiled code in the
// user's cache directory under sagemon/compile-cache-<version>; when that folder is missing it is created, and
// when it cannot be written sagemon runs exactly as before. CI runs this file on Node 20, 22 and 24.
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import module from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {cleanEnv, projectRoot, runCli} from './helpers/built-cli.js';

const {version} = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
const nodeHasCompileCache = 'enableCompileCache' in module;
const definition = join(projectRoot, 'test', 'fixtures', 'definitions', 'abalone-tutorial.json');
const directory = mkdtempSync(join(tmpdir(), 'sagemon-compile-cache-'));
afterAll(() => {
	chmodSync(join(directory, 'read-only'), 0o755);
	rmSync(directory, {recursive: true, force: true});
});

async function validateWithCache(cacheHome: string) {
	const result = await runCli(['validate', definition], {env: cleanEnv({XDG_CACHE_HOME: cacheHome})});
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	expect(result.stdout).toContain('valid — 7 steps');
}

describe('compile cache', () => {
	it(`is created in a missing cache directory on Node ${process.versions.node}`, async () => {
		const cacheHome = join(directory, 'missing', 'cache');
		await validateWithCache(cacheHome);
		const cache = join(cacheHome, 'sagemon', `compile-cache-${version}`);
		expect(existsSync(cache)).toBe(nodeHasCompileCache);
		if (nodeHasCompileCache) expect(readdirSync(cache).length).toBeGreaterThan(0);
		// The second start reads the cache it wrote.
		await validateWithCache(cacheHome);
	});

	it('changes nothing when the cache directory cannot be written', async () => {
		// A file where the folder should be stops even root; a read-only folder stops everyone else.
		const file = join(directory, 'a-file');
		writeFileSync(file, '');
		await validateWithCache(file);
		const readOnly = join(directory, 'read-only');
		mkdirSync(readOnly);
		chmodSync(readOnly, 0o555);
		await validateWithCache(readOnly);
	});
});
