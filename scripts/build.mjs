// Bundles source/cli.ts into dist/ with esbuild: one small entry, lazily loaded chunks (AWS SDK, emulator, UI),
// production React. Type checking is `npm run check`'s job, not the build's.
import {mkdir, rename, rm, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {inkFrameCaches} from './ink-frame-caches.mjs';
import {stringWidthFastPath} from './string-width-fast-path.mjs';
import {yogaWithoutFetch} from './yoga-without-fetch.mjs';

// Build beside dist/ and swap it in with renames, so a CLI that is running (e.g. in another test) never sees
// a half-written dist/.
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const staging = `${root}.dist-${process.pid}`;
const retired = `${root}.dist-old-${process.pid}`;
await rm(staging, {recursive: true, force: true});
await mkdir(staging, {recursive: true});

const stubDevtools = {
	name: 'stub-react-devtools',
	setup(builder) {
		// Ink imports react-devtools-core only when DEV is set; it is not installed, so give the bundler an empty module.
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({
			path: 'react-devtools-core',
			namespace: 'stub',
		}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {};', loader: 'js'}));
	},
};

const result = await build({
	entryPoints: {cli: 'source/cli.ts'},
	outdir: staging,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	mainFields: ['module', 'main'],
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {
		js: "import {createRequire as __sagemonCreateRequire} from 'node:module'; const require = __sagemonCreateRequire(import.meta.url);",
	},
	chunkNames: 'chunks/[name]-[hash]',
	minifySyntax: true,
	minifyWhitespace: true,
	legalComments: 'none',
	metafile: true,
	plugins: [stubDevtools, inkFrameCaches, yogaWithoutFetch, stringWidthFastPath],
	logLevel: 'warning',
});

await writeFile(`${staging}/meta.json`, JSON.stringify(result.metafile));
await rename(dist, retired).catch(() => undefined);
await rename(staging, dist);
await rm(retired, {recursive: true, force: true});
