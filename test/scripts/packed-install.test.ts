// What `npm install -g` of the packed tarball gives a user: the bundle is complete, so the package has no runtime
// dependencies, installs in a few megabytes without the network, and the installed `sagemon` runs.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt, projectRoot} from '../helpers/built-cli.js';

const directory = mkdtempSync(join(tmpdir(), 'sagemon-pack-'));
const prefix = join(directory, 'prefix');
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
let tarball = '';
let packedFiles: string[] = [];

function npm(args: string[]): string {
	const env = {
		...process.env,
		npm_config_cache: join(directory, 'npm-cache'),
		npm_config_update_notifier: 'false',
	};
	return execFileSync('npm', args, {
		cwd: projectRoot,
		env,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

function sizeOf(path: string): number {
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.size;
	return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

beforeAll(() => {
	ensureBuilt();
	// dist/ is built above; --ignore-scripts keeps `npm pack` from building it again.
	const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', directory]));
	tarball = join(directory, packed.filename);
	packedFiles = packed.files.map((file: {path: string}) => file.path);
	npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball]);
}, 120_000);
afterAll(() => rmSync(directory, {recursive: true, force: true}));

describe('the packed package', () => {
	it('has no runtime dependencies and ships only the bundle', () => {
		const packedManifest = JSON.parse(
			execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {encoding: 'utf8'}),
		);
		expect(packedManifest.dependencies ?? {}).toEqual({});
		expect(packedManifest.optionalDependencies ?? {}).toEqual({});
		expect(packedManifest.peerDependencies ?? {}).toEqual({});
		expect(packedFiles).toContain('dist/cli.js');
		expect(packedFiles.filter((path) => !path.startsWith('dist/')).sort()).toEqual([
			'package.json',
			'readme.md',
			'scripts/prepare.mjs',
		]);
		expect(packedFiles).not.toContain('dist/meta.json');
	});

	it('installs globally in at most 5 MB', () => {
		expect(sizeOf(prefix)).toBeLessThanOrEqual(5 * 2 ** 20);
	});

	it('installs a sagemon that prints its version and validates a definition', () => {
		const sagemon = join(prefix, 'bin', 'sagemon');
		expect(execFileSync(sagemon, ['--version'], {encoding: 'utf8'}).trim()).toBe(manifest.version);
		const definition = join(projectRoot, 'test', 'fixtures', 'definitions', 'abalone-tutorial.json');
		expect(execFileSync(sagemon, ['validate', definition], {encoding: 'utf8'})).toContain('valid');
	});
});
