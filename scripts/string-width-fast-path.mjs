// An esbuild plugin that gives string-width 8 (used by Ink to measure every line it draws) a second fast path.
//
// string-width answers printable ASCII at once but sends anything else through Intl.Segmenter and several
// Unicode property regexes per character. sagemon's screens are box drawing, arrows, status icons and
// punctuation on every row, so that slow path was the largest single cost of a live frame (npm run bench,
// watching). Every character in `oneColumn` below is one column wide on its own and cannot join a neighbour into
// a wider cluster, so a string made only of them is as wide as it is long: the same answer string-width gives
// (test/scripts/string-width-fast-path.test.ts checks every character of the class against string-width).
//
// The patch matches string-width 8's source exactly and fails the build when it changes.
import {readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';

/** Latin-1 without the soft hyphen, general punctuation, arrows, ⊕–⊛, box drawing and shapes, ✔ and ✖. */
export const oneColumn =
	'\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u00FF\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u21FF\\u2295-\\u229B\\u2500-\\u25FC\\u2714\\u2716';

const file = /[\\/]string-width[\\/]index\.js$/;
const from = '\tif (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n';
const to = `${from}\n\tif (ambiguousIsNarrow && /^[${oneColumn}]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n`;

export const stringWidthFastPath = {
	name: 'string-width-fast-path',
	setup(builder) {
		builder.onLoad({filter: file}, async ({path}) => {
			// Other packages may bring their own, older string-width (wrap-ansi has 7.x): leave those alone.
			const {version} = JSON.parse(await readFile(join(dirname(path), 'package.json'), 'utf8'));
			if (!version.startsWith('8.')) return undefined;
			const contents = await readFile(path, 'utf8');
			if (!contents.includes(from)) {
				throw new Error(
					`${path} is not the string-width 8 source scripts/string-width-fast-path.mjs was written for; update or drop the patch`,
				);
			}

			return {contents: contents.replace(from, to), loader: 'js'};
		});
	},
};
