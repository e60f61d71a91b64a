// An esbuild plugin that rewrites a few lines of some dependencies as they are bundled (node_modules stays as
// installed). Most defer work done at import that sagemon's first frame never needs: meow evaluates @babel/code-frame and normalize-package-data (semver, the SPDX licence lists) at import,
// though it calls them only for a malformed package.json or `cli.pkg`; string-width compiles the RGI emoji regex
// (tens of milliseconds) and string-width, slice-ansi and ansi-tokenize each create an `Intl.Segmenter` at
// import, though ASCII and box-drawing text never reaches them. Each becomes a wrapper that builds the real thing
// on first use. And Ink sanitizes the text of every <Text> on every frame with a character-by-character
// tokenizer, though sagemon's text holds no escape sequences but colours: text whose only escape sequences are
// SGR (colour) sequences, which sanitizing keeps, is returned as it is. Behaviour is unchanged
// (test/scripts/bundle-rewrites.test.ts compares with the originals). The build fails when a source no longer
// contains what a rule replaces (a dependency was upgraded).
import {readFile} from 'node:fs/promises';

const lazySegmenter = (name, construction) => ({
	from: `const ${name} = ${construction};`,
	to: `let ${name}Instance; const ${name} = {segment: (text) => (${name}Instance ??= ${construction.replace(/;$/, '')}).segment(text)};`,
});

/** Rules by the end of a module's path: each `from` must occur exactly once and becomes `to`. */
export const lazyRules = [
	{
		path: 'meow/build/dependencies.js',
		replacements: [
			{
				from: 'var libExports = requireLib$1();',
				to: 'var libExports = {codeFrameColumns: (...args) => requireLib$1().codeFrameColumns(...args)};',
			},
			{
				from: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
				to: 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
			},
		],
	},
	{
		path: 'wrap-ansi/node_modules/string-width/index.js',
		replacements: [lazySegmenter('segmenter', 'new Intl.Segmenter()')],
	},
	{
		path: 'string-width/index.js',
		replacements: [
			lazySegmenter('segmenter', 'new Intl.Segmenter()'),
			{
				from: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
				to: 'let rgiEmojiInstance; const rgiEmojiRegex = {test: (text) => (rgiEmojiInstance ??= /^\\p{RGI_Emoji}$/v).test(text)};',
			},
		],
	},
	{
		path: 'slice-ansi/tokenize-ansi.js',
		replacements: [
			lazySegmenter('GRAPHEME_SEGMENTER', "new Intl.Segmenter(undefined, {granularity: 'grapheme'})"),
		],
	},
	{
		path: '@alcalzone/ansi-tokenize/build/tokenize.js',
		replacements: [lazySegmenter('segmenter', 'new Intl.Segmenter(undefined, { granularity: "grapheme" })')],
	},
	{
		path: 'ink/build/sanitize-ansi.js',
		replacements: [
			{
				from: 'const sanitizeAnsi = (text) => {\n    if (!hasAnsiControlCharacters(text)) {',
				// No ESC but in ESC [ params m with the parameters sanitizing keeps, and no C1 control character.
				to: 'const onlySgrSequences = /^(?:[^\\u001B\\u0080-\\u009F]|\\u001B\\[[\\d:;]*m)*$/;\nconst sanitizeAnsi = (text) => {\n    if (onlySgrSequences.test(text) || !hasAnsiControlCharacters(text)) {',
			},
		],
	},
];

/** The rule for a module path: the one whose path is the longest suffix of it. */
export function ruleFor(path) {
	const normalized = path.replaceAll('\\', '/');
	return lazyRules
		.filter((rule) => normalized.endsWith(`node_modules/${rule.path}`))
		.sort((a, b) => b.path.length - a.path.length)[0];
}

/** `source` with the rule's replacements; throws when one does not occur exactly once. */
export function applyRule(rule, source) {
	let result = source;
	for (const {from, to} of rule.replacements) {
		const at = result.indexOf(from);
		if (at === -1 || result.indexOf(from, at + 1) !== -1)
			throw new Error(
				`bundle-rewrites: ${rule.path} no longer contains ${JSON.stringify(from)} exactly once; update scripts/bundle-rewrites.mjs`,
			);
		result = result.slice(0, at) + to + result.slice(at + from.length);
	}

	return result;
}

export const bundleRewrites = {
	name: 'bundle-rewrites',
	setup(builder) {
		builder.onLoad(
			{filter: /(dependencies|string-width\/index|tokenize-ansi|tokenize|sanitize-ansi)\.js$/},
			async ({path}) => {
				const rule = ruleFor(path);
				if (!rule) return undefined;
				return {contents: applyRule(rule, await readFile(path, 'utf8')), loader: 'js'};
			},
		);
	},
};
