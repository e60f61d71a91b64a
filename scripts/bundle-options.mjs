// The esbuild settings every sagemon bundle shares (dist/, the benchmark's helpers, tests that need a private
// bundle): ESM for Node 20, production React, and a `require` for CommonJS dependencies.
// The patched dependencies (patches/, applied by patch-package when dependencies are installed) are bundled as installed.

/** Ink imports react-devtools-core only when DEV is set; it is not installed, so the bundle gets an empty module. */
export const stubDevtools = {
	name: 'stub-react-devtools',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({
			path: 'react-devtools-core',
			namespace: 'stub',
		}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {};', loader: 'js'}));
	},
};

export const nodeBundleOptions = {
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	mainFields: ['module', 'main'],
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {
		js: "import {createRequire as __sagemonCreateRequire} from 'node:module'; const require = __sagemonCreateRequire(import.meta.url);",
	},
	plugins: [stubDevtools],
};

/** The options scripts/build.mjs bundles the CLI with, into `outdir`. */
export function cliBundleOptions(outdir) {
	return {
		...nodeBundleOptions,
		// The embedded emulator's thread is an entry of its own, built beside the chunks that start it.
		entryPoints: {cli: 'source/cli.ts', 'chunks/emulator-thread': 'source/emulator-thread.ts'},
		outdir,
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
	};
}
