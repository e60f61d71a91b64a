// Six patches (patches/) defer what meow, string-width, wrap-ansi's string-width, slice-ansi and ansi-tokenize
// build at import, and let Ink's sanitizer return colour-only text as it is. Bundled as installed (patched) and as
// published (the patches reverse-applied), the dependencies answer the same for the same input, and only the
// patched bundle creates no Intl.Segmenter when imported.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {nodeBundleOptions} from '../../scripts/bundle-options.mjs';
import {root, unpatchedPlugin} from './unpatched.js';

/** The patches that make the lazy imports and Ink's colour-only shortcut (Ink's and string-width's hold more). */
const lazyPatches = [
	'meow+14.1.0.patch',
	'string-width+8.3.0.patch',
	'wrap-ansi++string-width+7.2.0.patch',
	'slice-ansi+8.0.0.patch',
	'@alcalzone+ansi-tokenize+0.2.5.patch',
	'ink+6.8.0.patch',
];

const directory = mkdtempSync(join(tmpdir(), 'sagemon-lazy-'));
afterAll(() => rmSync(directory, {recursive: true, force: true}));

const entry = `
export {default as stringWidth} from 'string-width';
export {default as wrapAnsi} from 'wrap-ansi';
export {default as sliceAnsi} from 'slice-ansi';
export {tokenize} from '@alcalzone/ansi-tokenize';
export {default as meow} from 'meow';
export {default as sanitizeAnsi} from '${root}node_modules/ink/build/sanitize-ansi.js';
`;

type Bundle = {
	stringWidth(text: string): number;
	wrapAnsi(text: string, columns: number, options?: {hard?: boolean}): string;
	sliceAnsi(text: string, start: number, end?: number): string;
	tokenize(text: string): unknown[];
	meow(options: Record<string, unknown>): {flags: Record<string, unknown>; input: string[]; pkg: unknown};
	sanitizeAnsi(text: string): string;
};

const segmentersCreated: string[] = [];
const RealSegmenter = Intl.Segmenter;
/** Imports a bundle of `entry` built with the shared plugins and `plugins`, counting the Intl.Segmenters created while it loads. */
async function bundle(name: string, plugins: Plugin[]): Promise<{module: Bundle; segmenters: number}> {
	const outfile = join(directory, `${name}.mjs`);
	await build({
		...nodeBundleOptions,
		stdin: {contents: entry, resolveDir: root, loader: 'js'},
		outfile,
		plugins: [...(nodeBundleOptions.plugins ?? []), ...plugins],
		logLevel: 'error',
	});
	const before = segmentersCreated.length;
	const module = (await import(pathToFileURL(outfile).href)) as Bundle;
	return {module, segmenters: segmentersCreated.length - before};
}

const intl = Intl as {Segmenter: typeof Intl.Segmenter};
intl.Segmenter = class extends RealSegmenter {
	constructor(...args: ConstructorParameters<typeof RealSegmenter>) {
		super(...args);
		segmentersCreated.push('created');
	}
};
afterAll(() => {
	intl.Segmenter = RealSegmenter;
});

const eager = bundle('published', lazyPatches.map(unpatchedPlugin));
// One after the other, so each import's count is its own.
const lazy = eager.then(() => bundle('patched', []));

const samples = [
	'plain ascii',
	'box ┌─┐│└┘ ✔ ✖ ● → …',
	'emoji 👩‍👩‍👧 🇫🇷 ✈️ 1️⃣ and CJK 漢字テスト',
	'combining é ñ and zero\u200bwidth, Thai ภาษาไทย',
	'\u001B[31mred\u001B[39m and \u001B[1mbold 🚀\u001B[22m',
];

describe('lazy-import patches', () => {
	it('creates no Intl.Segmenter at import, where the dependencies as published create several', async () => {
		expect((await eager).segmenters).toBeGreaterThanOrEqual(4);
		expect((await lazy).segmenters).toBe(0);
	});

	it('measures, wraps, slices and tokenizes text exactly as the dependencies as published do', async () => {
		const [{module: a}, {module: b}] = await Promise.all([eager, lazy]);
		for (const text of samples) {
			expect(b.stringWidth(text)).toBe(a.stringWidth(text));
			expect(b.wrapAnsi(text, 7, {hard: true})).toBe(a.wrapAnsi(text, 7, {hard: true}));
			expect(b.sliceAnsi(text, 2, 9)).toBe(a.sliceAnsi(text, 2, 9));
			expect(b.tokenize(text)).toEqual(a.tokenize(text));
		}
	});

	it('sanitizes text for Ink exactly as Ink as published does, colour-only text returned as it is', async () => {
		const [{module: a}, {module: b}] = await Promise.all([eager, lazy]);
		const texts = [
			...samples,
			'\u001B[38;2;10;20;30mtrue colour\u001B[39m \u001B[38:5:200mcolon form\u001B[m',
			'cursor \u001B[2Amoved \u001B[2J cleared \u001B[?25l hidden',
			'private SGR \u001B[>4;2m and intermediate \u001B[1 m kept?',
			'C1 \u009B31m csi and \u0090dcs\u009C and \u009Dosc\u0007',
			'link \u001B]8;;https://example.com\u0007here\u001B]8;;\u0007',
			'lone escape \u001B and one at the end \u001B',
			'\u001B[31',
			'\u001B(B charset \u001B7 save',
		];
		for (const text of texts) expect(b.sanitizeAnsi(text)).toBe(a.sanitizeAnsi(text));
		expect(b.sanitizeAnsi(texts[5] as string)).toBe(texts[5]);
		expect(b.sanitizeAnsi(texts[6] as string)).not.toBe(texts[6]);
	});

	it('parses flags and reads and normalizes package.json as meow as published does', async () => {
		const [{module: a}, {module: b}] = await Promise.all([eager, lazy]);
		const project = join(directory, 'project');
		mkdirSync(project, {recursive: true});
		writeFileSync(
			join(project, 'package.json'),
			JSON.stringify({name: 'demo', version: '1.2.3', license: 'apache 2', bin: {demo: 'x.js'}}),
		);
		const options = {
			importMeta: {url: pathToFileURL(join(project, 'cli.js')).href},
			argv: ['run', '--time-scale', '3', '--read-only'],
			autoHelp: false,
			autoVersion: false,
			flags: {timeScale: {type: 'number'}, readOnly: {type: 'boolean'}},
		};
		const [fromA, fromB] = [a.meow(options), b.meow(options)];
		expect(fromB.flags).toEqual(fromA.flags);
		expect(fromB.input).toEqual(fromA.input);
		// Reading pkg normalizes it: the deferred normalize-package-data adds its fields as the original does.
		expect(fromB.pkg).toEqual(fromA.pkg);
		expect(fromB.pkg).toMatchObject({_id: 'demo@1.2.3'});
	});
});
