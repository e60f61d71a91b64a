// A temporary directory for the files a test file writes (definitions to read back), removed after its tests.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll} from 'vitest';

export type ScratchDirectory = {
	readonly directory: string;
	/** The path `name` would have in the directory (the file need not exist). */
	path(name: string): string;
	/** Writes `text` to `name` in the directory; returns its path. */
	write(name: string, text: string): string;
};

/** Made in `beforeAll` (named `prefix` + random characters) and removed in `afterAll`. */
export function scratchDirectory(prefix: string): ScratchDirectory {
	let directory: string | undefined;
	beforeAll(() => {
		directory = mkdtempSync(join(tmpdir(), prefix));
	});
	afterAll(() => {
		if (directory) rmSync(directory, {recursive: true, force: true});
	});
	const scratch: ScratchDirectory = {
		get directory() {
			if (directory === undefined)
				throw new Error('The scratch directory is made in beforeAll: use it in a test.');
			return directory;
		},
		path: (name) => join(scratch.directory, name),
		write(name, text) {
			const path = scratch.path(name);
			writeFileSync(path, text);
			return path;
		},
	};
	return scratch;
}
