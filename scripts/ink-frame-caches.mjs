// An esbuild plugin that lets Ink 6.8 reuse, from one frame to the next, the work it does per line of text.
//
// Ink redraws the whole screen on every frame: for each line it measures the width (string-width) and splits
// it into styled characters (@alcalzone/ansi-tokenize), and it keeps those results only for the frame being
// drawn. On a 160×50 execution screen that is ~15 ms a frame although a poll or a key press changes a few
// lines (measured with `npm run bench`). This keeps the results of the previous frame too, so unchanged lines
// cost a map lookup. Only caching changes: the text and the output are the same.
//
// The patch matches Ink's source exactly and fails the build when Ink changes (ink is pinned to 6.8.0).
import {readFile} from 'node:fs/promises';

const outputCaches = {
	file: /[\\/]ink[\\/]build[\\/]output\.js$/,
	edits: [
		[
			'class OutputCaches {\n    widths = new Map();\n    blockWidths = new Map();\n    styledChars = new Map();\n    getStyledChars(line) {\n        let cached = this.styledChars.get(line);\n        if (cached === undefined) {\n            cached = styledCharsFromTokens(tokenize(line));',
			// Each frame's caches start empty and fall back to the previous frame's, which is then let go: memory
			// stays at two frames' worth of lines.
			'let previousCaches;\nclass OutputCaches {\n    widths = new Map();\n    blockWidths = new Map();\n    styledChars = new Map();\n    constructor() {\n        this.previous = previousCaches;\n        if (previousCaches) previousCaches.previous = undefined;\n        previousCaches = this;\n    }\n    getStyledChars(line) {\n        let cached = this.styledChars.get(line);\n        if (cached === undefined) {\n            cached = this.previous?.styledChars.get(line) ?? styledCharsFromTokens(tokenize(line));',
		],
		[
			'        let cached = this.widths.get(text);\n        if (cached === undefined) {\n            cached = stringWidth(text);',
			'        let cached = this.widths.get(text);\n        if (cached === undefined) {\n            cached = this.previous?.widths.get(text) ?? stringWidth(text);',
		],
	],
};

const textWidths = {
	file: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/,
	edits: [
		[
			"import widestLine from 'widest-line';",
			// Every text node is measured on every frame; most are the same text as in the frame before.
			"import measureWidestLine from 'widest-line';\nlet widthsNow = new Map();\nlet widthsBefore = new Map();\nconst widestLine = (text) => {\n    let width = widthsNow.get(text) ?? widthsBefore.get(text);\n    if (width === undefined) width = measureWidestLine(text);\n    if (widthsNow.size >= 4096) {\n        widthsBefore = widthsNow;\n        widthsNow = new Map();\n    }\n    widthsNow.set(text, width);\n    return width;\n};",
		],
	],
};

export const inkFrameCaches = {
	name: 'ink-frame-caches',
	setup(builder) {
		for (const patch of [outputCaches, textWidths]) {
			builder.onLoad({filter: patch.file}, async ({path}) => {
				let contents = await readFile(path, 'utf8');
				for (const [from, to] of patch.edits) {
					if (!contents.includes(from)) {
						throw new Error(
							`${path} is not the Ink 6.8.0 source scripts/ink-frame-caches.mjs was written for; update or drop the patch`,
						);
					}

					contents = contents.replace(from, to);
				}

				return {contents, loader: 'js'};
			});
		}
	},
};
