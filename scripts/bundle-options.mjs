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

/**
 * node:http and node:https are loaded with `require`, not `import`: an import makes Node build the module's ESM
 * facade, which reads every export, and on Node 22 and later node:http's exports include getters (WebSocket,
 * MessageEvent, ...) that load undici, Node's fetch client: 20–80 ms of CPU at the first AWS call (and the
 * emulator's start) for code sagemon never runs. Other built-ins stay imports, which cost no more.
 */
export const httpThroughRequire = {
	name: 'http-through-require',
	setup(builder) {
		builder.onResolve({filter: /^(node:)?https?$/}, (args) => {
			const name = args.path.replace(/^node:/, '');
			if (args.namespace === 'required-builtin') return {path: `node:${name}`, external: true};
			return {path: name, namespace: 'required-builtin'};
		});
		builder.onLoad({filter: /.*/, namespace: 'required-builtin'}, (args) => ({
			contents: `module.exports = require('node:${args.path}');`,
			loader: 'js',
		}));
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
	plugins: [stubDevtools, httpThroughRequire],
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
