// Bundles source/cli.ts into dist/ with esbuild: one small entry, lazily loaded chunks (AWS SDK, emulator, UI),
// production React. Type checking is `npm run check`'s job, not the build's.
import {mkdir, rename, rm, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {cliBundleOptions} from './bundle-options.mjs';

// Build beside dist/ and swap it in with renames, so a CLI that is running (e.g. in another test) never sees
// a half-written dist/.
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const staging = `${root}.dist-${process.pid}`;
const retired = `${root}.dist-old-${process.pid}`;
await rm(staging, {recursive: true, force: true});
await mkdir(staging, {recursive: true});

const result = await build({
	...cliBundleOptions(staging),
	minifySyntax: true,
	minifyWhitespace: true,
	legalComments: 'none',
	metafile: true,
	logLevel: 'warning',
});

await writeFile(`${staging}/meta.json`, JSON.stringify(result.metafile));
await rename(dist, retired).catch(() => undefined);
await rename(staging, dist);
await rm(retired, {recursive: true, force: true});
