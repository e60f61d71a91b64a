// An esbuild plugin that lets Ink 6.8 reuse, from one frame to the next, the work it does per line of text.
//
// Ink redraws the whole screen on every frame: for each line it measures the width (string-width), splits it
// into styled characters (@alcalzone/ansi-tokenize), allocates a cell object per screen cell and turns every
// row back into a string, keeping nothing from one frame to the next. On a 160×50 execution screen that is
// ~18 ms a frame although a poll or a key press changes a few lines (measured with `npm run bench`). This keeps
// the previous frame's widths, styled characters and row strings (a row is known by the lines written into it)
// and shares one blank cell, so unchanged lines cost map lookups. Only caching changes: the frames Ink writes
// are the same (test/scripts/ink-frame-caches.test.ts compares them).
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
		[
			"            for (let x = 0; x < this.width; x++) {\n                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });\n            }\n            output.push(row);\n        }",
			// Cells are replaced, never changed, so every blank cell can be the same object; and a row is known by
			// the lines written into it, so a row drawn the same as in the previous frame reuses that frame's text.
			'            for (let x = 0; x < this.width; x++) {\n                row.push(blankCell);\n            }\n            output.push(row);\n        }\n        const rowKeys = output.map(() => [this.width]);',
		],
		[
			'                    const characters = this.caches.getStyledChars(line);',
			'                    const characters = this.caches.getStyledChars(line);\n                    rowKeys[y + offsetY].push(x, line);',
		],
		[
			"            .map(line => {\n            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742\n            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return styledCharsToString(lineWithoutEmptyItems).trimEnd();\n        })\n            .join('\\n');",
			"            .map((line, index) => {\n            const key = rowKeys[index].join('\\u0000');\n            let text = rowsNow.get(key) ?? rowsBefore.get(key);\n            if (text === undefined) {\n                const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n                text = styledCharsToString(lineWithoutEmptyItems).trimEnd();\n            }\n            rowsNow.set(key, text);\n            return text;\n        })\n            .join('\\n');\n        rowsBefore = rowsNow;\n        rowsNow = new Map();",
		],
		[
			'export default class Output {',
			"const blankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });\nlet rowsNow = new Map();\nlet rowsBefore = new Map();\nexport default class Output {",
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
