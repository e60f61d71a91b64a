// The string-width patch (patches/string-width+8.3.0.patch) adds a fast path for strings of characters that are
// one column wide alone. The installed, patched string-width (the one vitest, Ink and dist/ load) answers exactly
// what string-width as published answers, for every character of the Basic Multilingual Plane.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import stringWidth from 'string-width';
import {afterAll, describe, expect, it} from 'vitest';
import {nodeBundleOptions} from '../../scripts/bundle-options.mjs';
import {root, unpatchedPlugin} from './unpatched.js';

type StringWidth = typeof stringWidth;
const directory = mkdtempSync(join(tmpdir(), 'sagemon-string-width-'));
afterAll(() => rmSync(directory, {recursive: true, force: true}));

async function publishedStringWidth(): Promise<StringWidth> {
	const outfile = join(directory, 'published.mjs');
	await build({
		...nodeBundleOptions,
		stdin: {contents: "export {default} from 'string-width';", resolveDir: root, loader: 'js'},
		outfile,
		plugins: [unpatchedPlugin('string-width+8.3.0.patch')],
		logLevel: 'error',
	});
	return (await import(pathToFileURL(outfile).href)).default;
}

/** The patch's character class, read from the installed string-width. */
function fastPath(): RegExp {
	const source = readFileSync(join(root, 'node_modules', 'string-width', 'index.js'), 'utf8');
	const pattern = /\(ambiguousIsNarrow && \/(\^\[[^\]]+\]\*\$)\/\.test\(string\)\)/.exec(source)?.[1];
	if (pattern === undefined) throw new Error('the installed string-width has no sagemon fast path');
	return new RegExp(pattern);
}

const oneColumn = fastPath();
const published = publishedStringWidth();

function* basicPlane(): Generator<string> {
	for (let code = 0; code <= 0xffff; code++)
		if (code < 0xd800 || code > 0xdfff) yield String.fromCodePoint(code);
}

describe('string-width fast path', () => {
	it('gives every character the width string-width as published gives it', async () => {
		const measure = await published;
		const covered = [...basicPlane()].filter((character) => oneColumn.test(character));
		expect(covered.length).toBeGreaterThan(600);
		const differing = [...basicPlane()].filter((character) => stringWidth(character) !== measure(character));
		expect(differing).toEqual([]);
		expect(covered.filter((character) => stringWidth(character) !== 1)).toEqual([]);
	});

	it('leaves out what is not one column: emoji, wide, zero-width and combining characters', () => {
		for (const character of ['✅', '◽', '漢', '\u00AD', '\u200B', '\u0301', '\uFE0F', '\t', '\u001B'])
			expect(oneColumn.test(character)).toBe(false);
	});

	it('gives the length of a DAG row, as string-width as published does', async () => {
		const measure = await published;
		const row = '\u001B[32m┏━━━━━━━━┓\u001B[39m ──▶ │ ✔ 12s · step-001 … ↺ cache ⊘ ●○◔◑■✖ ←→↑↓ «é»';
		const plain = row.replaceAll(/\u001B\[\d+m/g, '');
		expect(oneColumn.test(plain)).toBe(true);
		expect(stringWidth(row)).toBe(plain.length);
		expect(measure(row)).toBe(plain.length);
	});
});
