// `npm run bench`: measures sagemon against the AWS CLI and its own budgets (issue #7) and prints one table.
// Exits 1 only when a figure could not be measured; a missed target is reported, not failed.
// `--node PATH` (or SAGEMON_BENCH_NODE) runs it under another Node (bench/chosen-node.mjs).
// Needs the built CLI (dist/cli.js), python3 (bench/pty_probe.py) and the AWS CLI. Every server it starts listens
// on 127.0.0.1 on a free port and is stopped before it exits, also on Ctrl+C.
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundleHelpers} from './bundle-helpers.mjs';
import {chosenNode, runUnder} from './chosen-node.mjs';
import {startCountingProxy} from './counting-proxy.mjs';
import {startCliEmulator, startScriptEmulator} from './emulator-process.mjs';
import {measureApiBudget} from './figures/api-budget.mjs';
import {measureFirstFrame} from './figures/first-frame.mjs';
import {measureFrameCost} from './figures/frame-cost.mjs';
import {measureLogPane} from './figures/log-pane.mjs';
import {measureMemory} from './figures/memory.mjs';
import {measureOneCall} from './figures/one-call.mjs';
import {measureThroughput} from './figures/throughput.mjs';
import {measureWatching} from './figures/watching.mjs';
import {formatLimits, formatTable} from './results-table.mjs';
import {createSageMakerCaller} from './sagemaker-json.mjs';
import {largeStepCount, seedEmulator, startLiveExecution} from './seed-emulator.mjs';

const other = chosenNode(process.argv.slice(2), process.env);
if (other) process.exit(await runUnder(other.node, fileURLToPath(import.meta.url), other.args));

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const fixturesDirectory = join(root, 'test', 'fixtures');
const fillerPipelines = 5000;
// The terminal the TUI figures run in: large enough for the 300-step DAG to be drawn as a graph.
const terminal = {columns: 160, rows: 50};
// The demo's 123-step pipeline takes about 78 s at this speed: it runs through the 60 s watch, then ends.
const watchTimeScale = 27;
// Steps of the seeded pipelines last 1 or 40 simulated seconds: 10 ms or 0.4 s of real time.
const seededTimeScale = 100;

if (!existsSync(cli)) {
	console.error('bench: dist/cli.js is missing; run "npm run build" first (npm run bench does it for you).');
	process.exit(1);
}

const startedAt = performance.now();
const cleanups = [];
const onSignal = async () => {
	console.error('\nbench: interrupted, stopping servers…');
	await runCleanups();
	process.exit(130);
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

async function runCleanups() {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
}

function owned(resource) {
	cleanups.push(async () => resource.close());
	return resource;
}

const configDirectory = await mkdtemp(join(os.tmpdir(), 'sagemon-bench-config-'));
cleanups.push(() => rm(configDirectory, {recursive: true, force: true}));
const env = {
	...process.env,
	AWS_ACCESS_KEY_ID: 'sagemon-bench',
	AWS_SECRET_ACCESS_KEY: 'sagemon-bench',
	AWS_REGION: 'us-east-1',
	AWS_DEFAULT_REGION: 'us-east-1',
	AWS_PAGER: '',
	AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
	SAGEMON_CONFIG_DIR: configDirectory,
	CI: 'false',
};
delete env.AWS_PROFILE;
delete env.NO_COLOR;

// `node bench/run.mjs --only 1,4` measures only those figures (for working on one of them).
const onlyIndex = process.argv.findIndex(
	(argument) => argument === '--only' || argument.startsWith('--only='),
);
const only =
	onlyIndex === -1
		? undefined
		: new Set(
				(process.argv[onlyIndex].split('=')[1] ?? process.argv[onlyIndex + 1] ?? '')
					.split(',')
					.map((number) => Number(number.trim())),
			);
const wanted = (...numbers) => numbers.some((number) => !only || only.has(number));

const rows = [];
async function figure(number, name, measure) {
	if (!wanted(number)) return;
	const began = performance.now();
	console.error(`bench: ${number}. ${name}…`);
	try {
		rows.push(...(await measure()));
		console.error(`bench: ${number}. ${name} done in ${((performance.now() - began) / 1000).toFixed(1)} s`);
	} catch (error) {
		console.error(
			`bench: ${number}. ${name} could not be measured: ${error instanceof Error ? error.message : error}`,
		);
		rows.push({figure: `${number}. ${name}`, error: true});
	}
}

try {
	const helpers = await bundleHelpers(root);
	cleanups.push(() => helpers.remove());
	const workload = await import(helpers.workloadModule);

	if (wanted(1, 2, 4, 7)) {
		// The demo emulator: the tutorial's executions for figure 1, the pipelines figure 2 lists with
		// --endpoint-url, the 123-step pipeline for figure 4.
		const demo = owned(await startCliEmulator({cli, timeScale: watchTimeScale, cwd: root}));
		const caller = owned(createSageMakerCaller(demo.url));
		await figure(1, 'one call end to end', async () => {
			const {PipelineExecutionSummaries: executions} = await caller.call('ListPipelineExecutions', {
				PipelineName: 'AbalonePipeline',
			});
			const succeeded = executions.find((execution) => execution.PipelineExecutionStatus === 'Succeeded');
			if (!succeeded) throw new Error('the demo has no succeeded AbalonePipeline execution');
			return measureOneCall({cli, endpointUrl: demo.url, executionArn: succeeded.PipelineExecutionArn, env});
		});
		await figure(2, 'TUI first frame', () => measureFirstFrame({cli, env, endpointUrl: demo.url}));
		let executionScreen;
		await figure(4, 'watching cost (about 90 s)', async () => {
			const proxy = owned(await startCountingProxy(demo.url));
			const watching = await measureWatching({cli, env, caller, proxy, ...terminal});
			executionScreen = watching.executionScreen;
			return watching.rows;
		});
		if (executionScreen)
			await figure(7, 'API-call budget per screen (about 1 min)', async () => {
				const proxy = owned(await startCountingProxy(demo.url));
				return measureApiBudget({cli, env, caller, proxy, ...terminal, executionScreen});
			});
		await demo.close();
	}

	if (wanted(3, 5, 6)) {
		const emulator = owned(
			await startScriptEmulator({
				script: helpers.emulatorScript,
				options: {timeScale: seededTimeScale, demo: false, maxPipelines: fillerPipelines + 10},
				cwd: root,
			}),
		);
		const caller = owned(createSageMakerCaller(emulator.url));
		console.error(`bench: creating ${fillerPipelines} pipelines and the 300-step executions…`);
		const seeded = await seedEmulator({caller, workload, fixturesDirectory, fillerPipelines});
		await figure(3, 'frame cost', async () => {
			const live = await startLiveExecution(caller);
			return measureFrameCost({
				frameScript: helpers.frameScript,
				root,
				env,
				endpointUrl: emulator.url,
				seeded,
				live,
				configDirectory,
			});
		});
		await figure(5, 'memory and the API calls of the first frame', async () =>
			measureMemory({
				cli,
				env,
				proxy: owned(await startCountingProxy(emulator.url)),
				target: seeded.large,
				pipelineCount: fillerPipelines,
				stepCount: largeStepCount,
				...terminal,
			}),
		);
		await figure(6, 'emulator throughput', () =>
			measureThroughput({endpointUrl: emulator.url, target: seeded.large, stepCount: largeStepCount}),
		);
	}

	if (wanted(8)) {
		const emulator = owned(
			await startScriptEmulator({
				script: helpers.emulatorScript,
				options: {timeScale: seededTimeScale, demo: false},
				cwd: root,
			}),
		);
		const caller = owned(createSageMakerCaller(emulator.url));
		await figure(8, 'step logs', () =>
			measureLogPane({
				logScript: helpers.logScript,
				root,
				env,
				endpointUrl: emulator.url,
				caller,
				timeScale: seededTimeScale,
				configDirectory,
			}),
		);
		await emulator.close();
	}
} catch (error) {
	console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
	rows.push({figure: 'benchmark setup', error: true});
} finally {
	await runCleanups();
}

const cpus = os.cpus();
// Figures run in the order that needs the fewest emulators; the table lists them by number.
const byNumber = (row) => Number.parseInt(row.figure, 10) || Number.POSITIVE_INFINITY;
console.log(`sagemon bench on Node ${process.version} (${process.execPath})\n`);
const sorted = [...rows].sort((a, b) => byNumber(a) - byNumber(b));
console.log(formatTable(sorted));
const limits = formatLimits(sorted);
if (limits) console.log(`\nWhat limits the figures that miss:\n${limits}`);
console.log(
	`\nMachine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ` +
		`Node ${process.version}, ${os.type()} ${os.release()}. Took ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`,
);
console.log('Reproduce: npm run bench (medians of several runs; ✔ target met, ✖ missed).');
process.exitCode = rows.some((row) => row.error) ? 1 : 0;
