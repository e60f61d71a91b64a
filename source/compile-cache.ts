// Node's on-disk compile cache (module.enableCompileCache, Node 22.1 and later) for sagemon's own modules: every
// start otherwise parses and compiles ~1.4 MB of bundled JavaScript again. The cache lives in the user's cache
// directory (XDG_CACHE_HOME or ~/.cache on Linux), one folder per sagemon version so old ones can simply be
// deleted; NODE_COMPILE_CACHE, when set, overrides it. On older Node, or when the folder cannot be created or
// written, sagemon starts as before.
import {readFileSync} from 'node:fs';
import module from 'node:module';
import {join} from 'node:path';
import envPaths from 'env-paths';

type CompileCache = (directory?: string) => unknown;

/** Enables the compile cache where Node has it; never throws. Returns the folder asked for, or undefined. */
export function enableCompileCache(): string | undefined {
	const enable = (module as {enableCompileCache?: CompileCache}).enableCompileCache;
	if (enable === undefined) return undefined;
	try {
		// package.json sits one level above both source/ and dist/.
		const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
		const directory = join(envPaths('sagemon', {suffix: ''}).cache, `compile-cache-${version}`);
		// Node's own setting, when someone made one, wins (Node's documentation asks tools to leave it the last word).
		const chosen = process.env.NODE_COMPILE_CACHE || directory;
		enable(chosen);
		return chosen;
	} catch {
		return undefined;
	}
}
