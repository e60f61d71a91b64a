// Figure 8 (step logs), run by bench/run.mjs as its own process after bundling in production mode, against an
// emulator process: (a) the whole TUI with the log pane (`L`) open on a running Processing job that writes
// 100,000 lines: median time from a poll bringing new lines to the frame showing them, and the peak RSS;
// (b) the pane's poller following a 4-instance Training job: CloudWatch calls per poll once its streams are
// known, and calls after the step ended. Prints one JSON object.
//
// Input (argv[2], JSON): {endpointUrl, columns, rows, configDirectory, big, wide}: pipeline names; each is started
// right before it is measured.
import {getHeapSpaceStatistics} from 'node:v8';
import {render} from 'ink';
import {connectAws} from '../source/aws/connect.js';
import type {LogsApi} from '../source/aws/logs-types.js';
import type {AwsAccess} from '../source/aws/types.js';
import {jobOfStepMetadata} from '../source/pipeline/job-log-names.js';
import {App} from '../source/ui/app.js';
import type {Route} from '../source/ui/shell/routes.js';
import {createStepLogPoller, defaultLogLimits} from '../source/watch/step-log-poller.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';

type Input = {
	endpointUrl: string;
	columns: number;
	rows: number;
	configDirectory: string;
	big: string;
	wide: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** What the V8 heap holds (MB): the young generation's reserved size, the old generation's, and memory outside it. */
function heapOf(memory: NodeJS.MemoryUsage) {
	const spaces = getHeapSpaceStatistics();
	const size = (name: string) =>
		(spaces.find((space) => space.space_name === name)?.space_size ?? 0) / 2 ** 20;
	return {
		newSpaceMb: size('new_space'),
		oldSpaceMb: size('old_space') + size('large_object_space'),
		outsideHeapMb: (memory.rss - memory.heapTotal) / 2 ** 20,
	};
}

async function paneFollowing(aws: AwsAccess, input: Input) {
	let arrivedAt: number | undefined;
	let lines = 0;
	const logs = await aws.logs();
	const counted: LogsApi = {
		...logs,
		follow: (job, options) => {
			const follower = logs.follow(job, options);
			return {
				get calls() {
					return follower.calls;
				},
				poll: (pollOptions) =>
					follower.poll(pollOptions).then((events) => {
						if (events.length > 0) {
							lines += events.length;
							arrivedAt = performance.now();
						}

						return events;
					}),
			};
		},
	};
	const access: AwsAccess = {...aws, logs: async () => counted};
	const stdout = new FakeStdout(input.columns, input.rows);
	const stdin = new FakeStdin();
	const pipelineName = input.big;
	const executionArn = await aws.pipelines.startExecution({pipelineName, parameters: []});
	const routes: Route[] = [
		{kind: 'pipelines'},
		{kind: 'executions', pipelineName},
		{kind: 'execution', pipelineName, executionArn},
	];
	const instance = render(
		<App
			connect={() => Promise.resolve(access)}
			readOnly={false}
			intervalMs={250}
			configDirectory={input.configDirectory}
			unicode
			color
			size={{columns: input.columns, rows: input.rows}}
			initialRoutes={routes}
		/>,
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			debug: false,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);
	try {
		await stdout.waitFor((frame) => frame.includes('EXECUTING') && frame.includes('Prep'), 'the running job');
		stdin.type('L');
		await stdout.waitFor((frame) => frame.includes('Logs · Prep'), 'the log pane');
		const samples: number[] = [];
		const openRss = process.memoryUsage().rss;
		let peakRss = openRss;
		let peakHeap = heapOf(process.memoryUsage());
		stdout.onWrite = (at) => {
			if (arrivedAt === undefined) return;
			samples.push(at - arrivedAt);
			arrivedAt = undefined;
		};
		const deadline = Date.now() + 120_000;
		while (!stdout.frame.includes(' · ended · ') && Date.now() < deadline) {
			await sleep(50);
			const memory = process.memoryUsage();
			if (memory.rss > peakRss) {
				peakRss = memory.rss;
				peakHeap = heapOf(memory);
			}
		}

		if (!stdout.frame.includes(' · ended · ')) throw new Error('the job did not end within 120 s');
		if (samples.length < 5) throw new Error(`only ${samples.length} batches of new lines arrived`);
		return {
			frameMs: median(samples),
			samples: samples.length,
			lines,
			peakRssMb: peakRss / 2 ** 20,
			openRssMb: openRss / 2 ** 20,
			keptLines: defaultLogLimits.head + defaultLogLimits.tail,
			...peakHeap,
		};
	} finally {
		stdout.onWrite = undefined;
		instance.unmount();
		instance.cleanup();
	}
}

async function callsPerPoll(aws: AwsAccess, input: Input) {
	const arn = await aws.pipelines.startExecution({pipelineName: input.wide, parameters: []});
	const stepOf = async () => (await aws.pipelines.listSteps(arn)).find((step) => step.name === 'Train');
	let step = await stepOf();
	while (!jobOfStepMetadata(step?.metadata)) {
		await sleep(100);
		step = await stepOf();
	}

	const job = jobOfStepMetadata(step?.metadata)!;
	let ended = false;
	const poller = createStepLogPoller({
		logs: () => aws.logs(),
		job,
		instanceCount: async () => 4,
		stepEnded: () => ended,
		intervalMs: 250,
	});
	const perPoll: number[] = [];
	let lastPolledAt: number | undefined;
	let lastCalls = 0;
	let allStreamsBefore = false;
	let afterEnd: number | undefined;
	// The step's status is watched on the side, so no poll of the log poller is missed while it is asked.
	const watching = (async () => {
		while (!ended) {
			await sleep(250);
			const status = (await stepOf())?.status;
			ended = status === 'Succeeded' || status === 'Failed' || status === 'Stopped';
		}
	})();
	poller.start();
	try {
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			await sleep(1);
			const stats = poller.getStats();
			if (stats.inFlight || stats.lastPolledAt === lastPolledAt) continue;
			lastPolledAt = stats.lastPolledAt;
			const calls = poller.cloudWatchCalls();
			const snapshot = poller.getSnapshot();
			// A poll that found the last stream also asked DescribeLogStreams; count the polls after it.
			if (allStreamsBefore && !snapshot.complete) perPoll.push(calls - lastCalls);
			allStreamsBefore = snapshot.instances.length === 4;
			lastCalls = calls;
			if (snapshot.complete) {
				const settled = poller.cloudWatchCalls();
				await sleep(2000);
				afterEnd = poller.cloudWatchCalls() - settled;
				break;
			}
		}
	} finally {
		poller.stop();
		ended = true;
		await watching;
	}

	if (afterEnd === undefined) throw new Error('the 4-instance job did not end within 120 s');
	if (perPoll.length < 3) throw new Error(`only ${perPoll.length} polls saw all 4 streams`);
	return {maxCallsPerPoll: Math.max(...perPoll), polls: perPoll.length, callsAfterEnd: afterEnd};
}

const input = JSON.parse(process.argv[2] ?? '{}') as Input;
const aws = await connectAws({endpointUrl: input.endpointUrl, region: 'us-east-1'}, process.env);
const pane = await paneFollowing(aws, input);
const calls = await callsPerPoll(aws, input);
await aws.close();
process.stdout.write(`${JSON.stringify({...pane, ...calls})}\n`);
process.exit(0);
