// npm's `prepare` step: after `npm install` or `npm ci` in a checkout (and before `npm pack`) it applies the
// dependency patches in patches/ to node_modules with patch-package, failing when one does not apply, and then
// builds dist/. The packed tarball ships this file too, because npm may also run `prepare` when that tarball is
// installed; an installed copy has dist/ built and no patch-package, so there it does nothing.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (existsSync(`${root}source`)) {
	let patchPackage;
	try {
		patchPackage = createRequire(import.meta.url).resolve('patch-package/index.js');
	} catch {
		console.error('sagemon: patch-package is not installed; run "npm ci" to install the dependencies');
		process.exit(1);
	}

	const run = (...args) => execFileSync(process.execPath, args, {cwd: root, stdio: 'inherit'});
	run(patchPackage, '--error-on-fail', '--error-on-warn');
	run('scripts/build.mjs');
}
