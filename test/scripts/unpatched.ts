// The code a dependency patch (patches/*.patch, applied to node_modules when dependencies are installed) replaced:
// the files it touches, copied and reverse-applied in a temporary folder. Reverse-applying fails when node_modules
// does not carry the patch, so this also proves the patch is in place. Tests bundle these originals (with
// `unpatchedPlugin`) to compare patched and unpatched behaviour.
import {execFileSync} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import type {Plugin} from 'esbuild';

export const root = new URL('../..', import.meta.url).pathname;
export const patchesDirectory = join(root, 'patches');

/** The patch files, e.g. `ink+6.8.0.patch`. */
export function patchFiles(): string[] {
	return readdirSync(patchesDirectory).filter((name) => name.endsWith('.patch'));
}

/** The paths (relative to the project, e.g. `node_modules/ink/build/output.js`) a patch changes. */
export function patchedPaths(patch: string): string[] {
	const text = readFileSync(join(patchesDirectory, patch), 'utf8');
	return [...text.matchAll(/^diff --git a\/(\S+) b\//gm)].map((match) => match[1] as string);
}

/** Copies the files `patch` changes into a temporary folder, runs `use` on it and removes the folder. */
function withCopy<T>(patch: string, use: (directory: string, paths: string[]) => T): T {
	const directory = mkdtempSync(join(tmpdir(), 'sagemon-unpatched-'));
	try {
		const paths = patchedPaths(patch);
		for (const path of paths) {
			mkdirSync(dirname(join(directory, path)), {recursive: true});
			copyFileSync(join(root, path), join(directory, path));
		}

		return use(directory, paths);
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}

/** Absolute real path of each file `patch` changes → its contents before the patch. Throws if it is not applied. */
export function unpatchedFiles(patch: string): Map<string, string> {
	return withCopy(patch, (directory, paths) => {
		try {
			execFileSync('git', ['apply', '--reverse', join(patchesDirectory, patch)], {
				cwd: directory,
				stdio: 'pipe',
			});
		} catch (error) {
			throw new Error(
				`patches/${patch} is not applied to node_modules (run "npm ci", which applies it): ${String(error)}`,
			);
		}

		return new Map(
			paths.map((path) => [realpathSync(join(root, path)), readFileSync(join(directory, path), 'utf8')]),
		);
	});
}

/** Whether `patch` would apply once more on top of the installed, patched files. */
export function appliesAgain(patch: string): boolean {
	return withCopy(patch, (directory) => {
		try {
			execFileSync('git', ['apply', '--check', join(patchesDirectory, patch)], {
				cwd: directory,
				stdio: 'pipe',
			});
			return true;
		} catch {
			return false;
		}
	});
}

/** An esbuild plugin that bundles the files `patch` changes as they were before it. */
export function unpatchedPlugin(patch: string): Plugin {
	const originals = unpatchedFiles(patch);
	return {
		name: `unpatched ${patch}`,
		setup(builder) {
			builder.onLoad({filter: /.*/}, ({path}) => {
				const contents = originals.get(path);
				return contents === undefined ? undefined : {contents, loader: 'js'};
			});
		},
	};
}
