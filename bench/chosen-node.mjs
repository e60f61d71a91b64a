// `npm run bench -- --node PATH` (or SAGEMON_BENCH_NODE=PATH) measures sagemon under another Node binary, such as
// the ones .ci/run caches under ~/.cache/sagemon-ci: the benchmark runs itself again under that node, so every
// process it starts (the CLI, the emulators, the bare-node baseline) is that version.
import {spawn} from 'node:child_process';
import {realpathSync} from 'node:fs';

/** The node the benchmark should run under and the arguments without --node, or undefined for this node. */
export function chosenNode(argv, env) {
	const index = argv.findIndex((argument) => argument === '--node' || argument.startsWith('--node='));
	const node =
		index === -1 ? env.SAGEMON_BENCH_NODE || undefined : (argv[index].split('=')[1] ?? argv[index + 1]);
	if (!node) return undefined;
	const args =
		index === -1
			? argv
			: argv.filter((_, at) => at !== index && (argv[index].includes('=') || at !== index + 1));
	if (realpathSync(node) === realpathSync(process.execPath)) return undefined;
	return {node, args};
}

/** Runs `script` under `node` with `args`, passing Ctrl+C on, and resolves with its exit code. */
export function runUnder(node, script, args) {
	const child = spawn(node, [script, ...args], {
		stdio: 'inherit',
		env: {...process.env, SAGEMON_BENCH_NODE: ''},
	});
	const forward = (signal) => child.kill(signal);
	process.on('SIGINT', forward);
	process.on('SIGTERM', forward);
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
	});
}
