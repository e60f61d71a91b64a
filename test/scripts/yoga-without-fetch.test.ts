// The yoga-layout patch (patches/yoga-layout+3.2.1.patch) hides the global fetch from yoga's Emscripten loader, so
// it decodes its embedded wasm in place instead of loading Node's HTTP client at every TUI start. The installed,
// patched yoga-layout lays out without calling fetch; yoga-layout as published calls it.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build, type Plugin} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {nodeBundleOptions} from '../../scripts/bundle-options.mjs';
import {root, unpatchedPlugin} from './unpatched.js';

const directory = mkdtempSync(join(tmpdir(), 'sagemon-yoga-'));
afterAll(() => rmSync(directory, {recursive: true, force: true}));

// Any call to fetch fails the load; a 120-wide node with a 20-wide padding leaves 100 for its child.
const app = `
globalThis.fetch = () => { throw new Error('yoga called fetch'); };
const {default: Yoga, Edge} = await import('yoga-layout');
const parent = Yoga.Node.create();
parent.setWidth(120);
parent.setPadding(Edge.Left, 20);
const child = Yoga.Node.create();
parent.insertChild(child, 0);
parent.calculateLayout();
console.log(child.getComputedWidth());
`;

async function run(name: string, plugins: Plugin[]) {
	const outfile = join(directory, `${name}.mjs`);
	await build({
		...nodeBundleOptions,
		stdin: {contents: app, resolveDir: root, loader: 'js'},
		outfile,
		plugins,
		logLevel: 'error',
	});
	return spawnSync(process.execPath, [outfile], {encoding: 'utf8'});
}

describe('yoga-layout without fetch', () => {
	it('lays out without calling fetch', async () => {
		const patched = await run('patched', []);
		expect(patched.stderr).toBe('');
		expect(patched.stdout.trim()).toBe('100');
	});

	it('calls fetch as published, which the patch avoids', async () => {
		const published = await run('published', [unpatchedPlugin('yoga-layout+3.2.1.patch')]);
		expect(published.stderr).toContain('yoga called fetch');
	});
});
