// Bundles the benchmark's TypeScript (the frame-cost script, the workload definitions, the seeded emulator) with esbuild into a
// temporary directory, the way scripts/build.mjs bundles the CLI: ESM for Node, production React, the same
// patched dependencies (patches/, applied to node_modules at install).
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {nodeBundleOptions} from '../scripts/bundle-options.mjs';

/** Returns {directory, frameScript, workloadModule, emulatorScript, logScript, remove()}; `root` is the project directory. */
export async function bundleHelpers(root) {
	const directory = await mkdtemp(join(tmpdir(), 'sagemon-bench-'));
	try {
		await build({
			...nodeBundleOptions,
			absWorkingDir: root,
			entryPoints: {
				frame: 'bench/frame.tsx',
				workload: 'bench/workload.ts',
				emulator: 'bench/emulator-main.ts',
				logs: 'bench/log-pane.tsx',
			},
			outdir: directory,
			outExtension: {'.js': '.mjs'},
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
		logScript: join(directory, 'logs.mjs'),
		remove: () => rm(directory, {recursive: true, force: true}),
	};
}
