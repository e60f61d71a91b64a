// Writes test/pipeline/layout-golden.json, the digests the layout golden test expects, from the layout code as it
// is now. Run it by hand (node scripts/write-layout-golden.mjs), only when a change to the pictures is meant:
// the test itself only reads the file, so a layout that changes by accident fails it.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {nodeBundleOptions} from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const directory = await mkdtemp(join(tmpdir(), 'sagemon-layout-golden-'));
try {
	await build({
		...nodeBundleOptions,
		absWorkingDir: root,
		entryPoints: {golden: 'test/helpers/layout-golden.ts'},
		outdir: directory,
		outExtension: {'.js': '.mjs'},
		logLevel: 'warning',
	});
	const {goldenDigests} = await import(pathToFileURL(join(directory, 'golden.mjs')).href);
	const fixtures = join(root, 'test', 'fixtures', 'definitions');
	const definitions = readdirSync(fixtures)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => ({name, text: readFileSync(join(fixtures, name), 'utf8')}));
	const digests = goldenDigests(definitions);
	const target = join(root, 'test', 'pipeline', 'layout-golden.json');
	writeFileSync(target, `${JSON.stringify(digests, undefined, '\t')}\n`);
	console.log(`${Object.keys(digests).length} digests written to ${target}`);
} finally {
	await rm(directory, {recursive: true, force: true});
}
