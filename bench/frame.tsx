// Frame cost (figure 3), run by bench/run.mjs as its own process after bundling in production mode: the whole
// TUI (<App>) opened on an execution screen in an in-memory terminal, talking to an emulator through the real
// AWS gateway. Prints one JSON object of median milliseconds.
//
// Input (argv[2], JSON): {endpointUrl, columns, rows, configDirectory, large, abalone, live}, where each of the
// last three is {pipelineName, executionArn}: a finished 300-step execution, a finished abalone execution and a
// running 300-step execution whose steps change between polls.
import {writeFileSync} from 'node:fs';
import {Session} from 'node:inspector/promises';
import {join} from 'node:path';
import {render} from 'ink';
import {connectAws} from '../source/aws/connect.js';
import type {PipelinesApi} from '../source/aws/types.js';
import type {AwsAccess} from '../source/aws/types.js';
import {App} from '../source/ui/app.js';
import type {Route} from '../source/ui/shell/routes.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';
import {benchLayout} from './layout.js';

type Target = {pipelineName: string; executionArn: string};
type Input = {
	endpointUrl: string;
	columns: number;
	rows: number;
	configDirectory: string;
	large: Target;
	abalone: Target;
	live: Target;
};

// Ink renders at most every 33 ms (maxFps 30); waiting longer between measured frames keeps each one on the
// leading edge of that throttle, so it is drawn at once and measured alone.
const settleMs = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function openExecutionScreen(access: AwsAccess, target: Target, input: Input, intervalMs: number) {
	const stdout = new FakeStdout(input.columns, input.rows);
	const stdin = new FakeStdin();
	const connect = () => Promise.resolve(access);
	const routes: Route[] = [
		{kind: 'pipelines'},
		{kind: 'executions', pipelineName: target.pipelineName},
		{kind: 'execution', pipelineName: target.pipelineName, executionArn: target.executionArn},
	];
	const app = (columns: number) => (
		<App
			connect={connect}
			readOnly={false}
			intervalMs={intervalMs}
			configDirectory={input.configDirectory}
			unicode
			color
			size={{columns, rows: input.rows}}
			initialRoutes={routes}
		/>
	);
	const instance = render(app(input.columns), {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: false,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {
		stdout,
		stdin,
		rerender: (columns: number) => instance.rerender(app(columns)),
		close() {
			instance.unmount();
			instance.cleanup();
		},
	};
}

type Screen = ReturnType<typeof openExecutionScreen>;

type FrameTime = {ms: number; cpuMs: number};

/**
 * Milliseconds from `trigger` until the frame it causes has been written, and the CPU time this process spent
 * meanwhile (steadier than the elapsed time on a machine other work keeps busy).
 */
async function timeFrame(screen: Screen, trigger: () => void): Promise<FrameTime> {
	const writes = screen.stdout.writes;
	let firstWriteAt: number | undefined;
	let cpuMs: number | undefined;
	const cpuBefore = process.cpuUsage();
	screen.stdout.onWrite = (at) => {
		firstWriteAt ??= at;
		if (cpuMs === undefined) {
			const used = process.cpuUsage(cpuBefore);
			cpuMs = (used.user + used.system) / 1000;
		}
	};
	const started = performance.now();
	trigger();
	const returned = performance.now();
	try {
		if (screen.stdout.writes > writes) return {ms: returned - started, cpuMs: cpuMs!};
		const deadline = Date.now() + 2000;
		while (firstWriteAt === undefined) {
			if (Date.now() > deadline) throw new Error('no frame was drawn within 2 s of the change');
			await sleep(1);
		}

		return {ms: firstWriteAt - started, cpuMs: cpuMs!};
	} finally {
		screen.stdout.onWrite = undefined;
	}
}

async function openFinished(access: AwsAccess, target: Target, input: Input, steps: number): Promise<Screen> {
	const screen = openExecutionScreen(access, target, input, 2000);
	await screen.stdout.waitFor(
		(frame) =>
			frame.includes('SUCCEEDED') &&
			frame.includes(`${steps}/${steps} steps done`) &&
			(frame.includes('[DAG]') || frame.includes('DAG too wide')),
		`the finished ${target.pipelineName} execution`,
	);
	if (!screen.stdout.frame.includes('[DAG]')) {
		screen.close();
		throw new Error(
			`the ${steps}-step DAG does not fit ${input.columns} columns, so the screen shows the list instead`,
		);
	}

	await sleep(200);
	return screen;
}

function medians(times: FrameTime[]): FrameTime {
	return {ms: median(times.map((time) => time.ms)), cpuMs: median(times.map((time) => time.cpuMs))};
}

/**
 * Median cost of laying out and drawing the whole screen: each run changes the width, so layoutDag lays the DAG
 * out again (from the layers, their order and the placements it keeps per DAG, as on a real resize).
 */
async function layoutAndRender(screen: Screen, columns: number, runs: number): Promise<FrameTime> {
	const times: FrameTime[] = [];
	for (let run = 0; run <= runs; run++) {
		await sleep(settleMs);
		const width = run % 2 === 0 ? columns + 1 : columns;
		const time = await timeFrame(screen, () => screen.rerender(width));
		if (run > 0) times.push(time);
	}

	screen.rerender(columns);
	return medians(times);
}

/** Median cost of a key press that moves the selection (down, then back up). */
async function keyPress(screen: Screen, runs: number): Promise<FrameTime> {
	const times: FrameTime[] = [];
	for (let run = 0; run <= runs; run++) {
		await sleep(settleMs);
		const before = screen.stdout.frame;
		const time = await timeFrame(screen, () => screen.stdin.type(run % 2 === 0 ? 'j' : 'k'));
		if (screen.stdout.frame === before) throw new Error('a key press (j/k) did not change the screen');
		if (run > 0) times.push(time);
	}

	return medians(times);
}

/**
 * Median time from a poll's step list arriving (with something changed) to the new frame being written: the
 * poller's merge, React's render, Ink's layout and the terminal write.
 */
async function liveUpdates(
	access: AwsAccess,
	input: Input,
	wanted: number,
): Promise<{ms: number; samples: number}> {
	let changedAt: number | undefined;
	let lastSteps = '';
	const pipelines: PipelinesApi = {
		...access.pipelines,
		listSteps: (arn) =>
			access.pipelines.listSteps(arn).then((steps) => {
				const text = JSON.stringify(steps);
				if (text !== lastSteps) {
					lastSteps = text;
					changedAt = performance.now();
				}

				return steps;
			}),
	};
	const screen = openExecutionScreen({...access, pipelines}, input.live, input, 250);
	try {
		await screen.stdout.waitFor(
			(frame) => frame.includes('EXECUTING') && frame.includes('[DAG]'),
			'the running 300-step execution drawn as a DAG',
		);
		const samples: number[] = [];
		screen.stdout.onWrite = (at) => {
			if (changedAt === undefined) return;
			samples.push(at - changedAt);
			changedAt = undefined;
		};
		changedAt = undefined;
		const deadline = Date.now() + 20_000;
		while (samples.length < wanted && Date.now() < deadline) {
			await sleep(50);
			if (!screen.stdout.frame.includes('EXECUTING')) break;
		}

		if (samples.length < 5)
			throw new Error(`only ${samples.length} live updates arrived while the 300-step execution ran`);
		return {ms: median(samples), samples: samples.length};
	} finally {
		screen.close();
	}
}

/**
 * Runs `measure`; with SAGEMON_BENCH_PROFILE set to a directory, also writes a CPU profile of it alone there
 * (NAME.cpuprofile), for working on one figure.
 */
async function profiled<T>(name: string, measure: () => Promise<T>): Promise<T> {
	const directory = process.env.SAGEMON_BENCH_PROFILE;
	if (!directory) return measure();
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', {interval: 100});
	await session.post('Profiler.start');
	try {
		return await measure();
	} finally {
		const {profile} = await session.post('Profiler.stop');
		writeFileSync(join(directory, `${name}.cpuprofile`), JSON.stringify(profile));
		session.disconnect();
	}
}

const input = JSON.parse(process.argv[2] ?? '{}') as Input;
const layout = benchLayout();
const aws = await connectAws({endpointUrl: input.endpointUrl, region: 'us-east-1'}, process.env);

const large = await openFinished(aws, input.large, input, 300);
const screen300 = await profiled('layout-render', () => layoutAndRender(large, input.columns, 20));
const keyPress300 = await profiled('key-press', () => keyPress(large, 20));
large.close();

const abalone = await openFinished(aws, input.abalone, input, 7);
const screenAbaloneMs = (await layoutAndRender(abalone, input.columns, 20)).ms;
abalone.close();

const live = await profiled('live-update', () => liveUpdates(aws, input, 25));
await aws.close();

process.stdout.write(
	`${JSON.stringify({
		...layout,
		screen300Ms: screen300.ms,
		screen300CpuMs: screen300.cpuMs,
		keyPress300Ms: keyPress300.ms,
		keyPress300CpuMs: keyPress300.cpuMs,
		screenAbaloneMs,
		liveUpdate300Ms: live.ms,
		liveSamples: live.samples,
	})}\n`,
);
process.exit(0);
