// Every dependency patch in patches/ is applied to the installed package of the version it names, so vitest,
// ink-testing-library and dist/ all run the patched code; npm ci applies them (package.json's prepare script).
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {appliesAgain, patchedPaths, patchFiles, root, unpatchedFiles} from './unpatched.js';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Ink and string-width are direct dependencies; yoga-layout comes with Ink and is pinned by an override.
const pinned: Record<string, string> = {...manifest.devDependencies, ...manifest.overrides};

describe('dependency patches', () => {
	it('patch Ink, string-width and yoga-layout', () => {
		expect(patchFiles()).toEqual(['ink+6.8.0.patch', 'string-width+8.3.0.patch', 'yoga-layout+3.2.1.patch']);
	});

	for (const patch of patchFiles()) {
		const [name, version] = patch.replace(/\.patch$/, '').split('+') as [string, string];

		it(`${patch} is applied to the installed ${name}`, () => {
			const installed = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
			expect(installed.version).toBe(version);
			// Reverse-applying succeeds only on the patched text, and gives back different text.
			const originals = unpatchedFiles(patch);
			expect([...originals.keys()]).toHaveLength(patchedPaths(patch).length);
			for (const [path, original] of originals) expect(readFileSync(path, 'utf8')).not.toBe(original);
		});

		// Pinned exactly, so a new release cannot meet an old patch.
		it(`${name} is pinned to ${version}`, () => {
			expect(pinned[name]).toBe(version);
		});

		// patch-package runs at every install and on a copy already patched; a patch must not apply a second time.
		it(`${patch} does not apply twice`, () => {
			expect(appliesAgain(patch)).toBe(false);
		});
	}
});
