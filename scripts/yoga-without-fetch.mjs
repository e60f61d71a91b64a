// An esbuild plugin that makes yoga-layout 3.2 (Ink's layout engine) decode its embedded WebAssembly directly.
//
// Its Emscripten loader reads the wasm through `fetch()` of a `data:` URL whenever `fetch` exists, and on Node
// the first `fetch()` loads undici: ~25 ms of every TUI start spent loading an HTTP client to decode base64
// (measured with `npm run bench`, TUI first frame). Emscripten's own fallback for when there is no `fetch`
// decodes the same bytes in place; this makes the loader always take it.
//
// The patch matches the loader's source exactly and fails the build when yoga-layout changes.
import {readFile} from 'node:fs/promises';

const loader = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const from = 'function ya(){return w||"function"!=typeof fetch?Promise.resolve()';
const to = 'function ya(){return true?Promise.resolve()';

export const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(builder) {
		builder.onLoad({filter: loader}, async ({path}) => {
			const contents = await readFile(path, 'utf8');
			if (!contents.includes(from)) {
				throw new Error(
					`${path} is not the yoga-layout 3.2 loader scripts/yoga-without-fetch.mjs was written for; update or drop the patch`,
				);
			}

			return {contents: contents.replace(from, to), loader: 'js'};
		});
	},
};
