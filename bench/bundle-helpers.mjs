// Bundles the benchmark's TypeScript (the frame-cost script, the workload definitions, the seeded emulator) with esbuild into a
// temporary directory, the way scripts/build.mjs bundles the CLI: ESM for Node, production React, the same
// Ink and Yoga patches.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {inkFrameCaches} from '../scripts/ink-frame-caches.mjs';
import {stringWidthFastPath} from '../scripts/string-width-fast-path.mjs';
import {yogaWithoutFetch} from '../scripts/yoga-without-fetch.mjs';

const stubDevtools = {
	name: 'stub-react-devtools',
	setup(builder) {
		// Ink imports react-devtools-core only when DEV is set; it is not installed.
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({
			path: 'react-devtools-core',
			namespace: 'stub',
		}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {};', loader: 'js'}));
	},
};

/** Returns {directory, frameScript, workloadModule, emulatorScript, remove()}; `root` is the project directory. */
export async function bundleHelpers(root) {
	const directory = await mkdtemp(join(tmpdir(), 'sagemon-bench-'));
	try {
		await build({
			absWorkingDir: root,
			entryPoints: {
				frame: 'bench/frame.tsx',
				workload: 'bench/workload.ts',
				emulator: 'bench/emulator-main.ts',
			},
			outdir: directory,
			outExtension: {'.js': '.mjs'},
			bundle: true,
			format: 'esm',
			platform: 'node',
			target: 'node20',
			mainFields: ['module', 'main'],
			define: {'process.env.NODE_ENV': '"production"'},
			banner: {
				js: "import {createRequire as __benchCreateRequire} from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
			},
			plugins: [stubDevtools, inkFrameCaches, yogaWithoutFetch, stringWidthFastPath],
			logLevel: 'warning',
		});
	} catch (error) {
		await rm(directory, {recursive: true, force: true});
		throw error;
	}

	return {
		directory,
		frameScript: join(directory, 'frame.mjs'),
		workloadModule: join(directory, 'workload.mjs'),
		emulatorScript: join(directory, 'emulator.mjs'),
		remove: () => rm(directory, {recursive: true, force: true}),
	};
}
