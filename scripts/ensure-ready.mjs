// Makes `npm start` and `npm test` work on a fresh clone: installs dependencies when they are missing (npm ci
// also applies the dependency patches and builds), re-applies the patches when one changed, and rebuilds dist/
// when any source file is newer than the bundle. Uses only Node's standard library.
import {execSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (command) => execSync(command, {cwd: root, stdio: 'inherit'});

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
	console.error('sagemon: installing dependencies (first run)…');
	run(
		existsSync(join(root, 'package-lock.json'))
			? 'npm ci --no-audit --no-fund'
			: 'npm install --no-audit --no-fund',
	);
}

const bundle = join(root, 'dist', 'cli.js');
const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
if (newestMtime(join(root, 'patches')) > built) {
	// A dependency patch changed since the last build: apply it, then build (what npm ci does).
	run('node scripts/prepare.mjs');
} else if (
	newestMtime(join(root, 'source')) > built ||
	statSync(join(root, 'package.json')).mtimeMs > built
) {
	run('node scripts/build.mjs');
}

function newestMtime(directory) {
	let newest = 0;
	for (const entry of readdirSync(directory, {withFileTypes: true})) {
		const path = join(directory, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}

	return newest;
}
