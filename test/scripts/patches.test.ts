// Every dependency patch in patches/ is applied to the installed package of the version it names, so vitest,
// ink-testing-library and dist/ all run the patched code; npm ci applies them (package.json's prepare script).
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {appliesAgain, patchedPaths, patchFiles, root, unpatchedFiles} from './unpatched.js';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Ink, meow and string-width are direct dependencies; the others come with Ink and are pinned by overrides
// (wrap-ansi's own string-width by one nested under wrap-ansi).
type Overrides = {[name: string]: string | Overrides};
const pinned: Overrides = {...manifest.devDependencies, ...manifest.overrides};

/** A patch file's package path (`wrap-ansi++string-width` → [wrap-ansi, string-width]) and version. */
function parse(patch: string): {packages: string[]; version: string} {
	const [, chain, version] = /^(.+)\+([^+]+)\.patch$/.exec(patch) ?? [];
	if (chain === undefined || version === undefined)
		throw new Error(`not a patch-package file name: ${patch}`);
	return {packages: chain.split('++').map((name) => name.replaceAll('+', '/')), version};
}

/** The version the manifest pins the package at the end of `packages` to. */
function pinnedVersion(packages: string[]): string | Overrides | undefined {
	let entry: string | Overrides | undefined = pinned;
	for (const name of packages) entry = typeof entry === 'object' ? entry[name] : undefined;
	return entry;
}

describe('dependency patches', () => {
	it("patch ansi-tokenize, Ink, meow, slice-ansi, string-width, wrap-ansi's string-width and yoga-layout", () => {
		expect(patchFiles()).toEqual([
			'@alcalzone+ansi-tokenize+0.2.5.patch',
			'ink+6.8.0.patch',
			'meow+14.1.0.patch',
			'slice-ansi+8.0.0.patch',
			'string-width+8.3.0.patch',
			'wrap-ansi++string-width+7.2.0.patch',
			'yoga-layout+3.2.1.patch',
		]);
	});

	for (const patch of patchFiles()) {
		const {packages, version} = parse(patch);
		const name = packages.join(' > ');

		it(`${patch} is applied to the installed ${name}`, () => {
			const installed = JSON.parse(
				readFileSync(join(root, ...packages.flatMap((p) => ['node_modules', p]), 'package.json'), 'utf8'),
			);
			expect(installed.version).toBe(version);
			// Reverse-applying succeeds only on the patched text, and gives back different text.
			const originals = unpatchedFiles(patch);
			expect([...originals.keys()]).toHaveLength(patchedPaths(patch).length);
			for (const [path, original] of originals) expect(readFileSync(path, 'utf8')).not.toBe(original);
		});

		// Pinned exactly, so a new release cannot meet an old patch.
		it(`${name} is pinned to ${version}`, () => {
			expect(pinnedVersion(packages)).toBe(version);
		});

		// patch-package runs at every install and on a copy already patched; a patch must not apply a second time.
		it(`${patch} does not apply twice`, () => {
			expect(appliesAgain(patch)).toBe(false);
		});
	}
});
