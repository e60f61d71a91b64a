// Figure 2: TUI first frame, from process start to the first frame that lists pipelines (waiting for a demo
// pipeline's name in a real pseudo-terminal): `sagemon --local` (which starts its embedded emulator) and
// `sagemon --endpoint-url` against an emulator already running, each against a bare `node` start printing a
// marker. The three alternate, so they share the machine's load.
import {median} from '../median.mjs';
import {eventNamed, runInTerminal} from '../pty-probe.mjs';
import {formatMs, formatRatio} from '../results-table.mjs';

const pipelineName = 'AbalonePipeline';
const marker = 'bench-node-ready';
const localTarget = 3.5;
const endpointTarget = 3;

export async function measureFirstFrame({cli, env, endpointUrl, runs = 7}) {
	const sagemon =
		(...args) =>
		async () =>
			eventNamed(
				await runInTerminal({
					script: [{wait: pipelineName, timeout: 20}],
					command: [process.execPath, cli, ...args],
					env,
				}),
				pipelineName,
			).ms;
	const local = sagemon('--local');
	const endpoint = sagemon('--endpoint-url', endpointUrl, '--region', 'us-east-1');
	const node = async () =>
		eventNamed(
			await runInTerminal({
				script: [{wait: marker, timeout: 20}],
				// Built from two halves so the marker is only on the screen once node has run the code.
				command: [process.execPath, '-e', `console.log('bench-node' + '-ready')`],
				env,
			}),
			marker,
		).ms;

	await local();
	await endpoint();
	await node();
	const times = {local: [], endpoint: [], node: []};
	for (let run = 0; run < runs; run++) {
		times.local.push(await local());
		times.endpoint.push(await endpoint());
		times.node.push(await node());
	}

	const theirs = median(times.node);
	const row = (figure, ours, target, limit) => {
		const ratio = ours / theirs;
		return {
			figure,
			value: formatMs(ours),
			target: `ratio ≤ ${target}`,
			peer: formatMs(theirs),
			ratio: formatRatio(ratio),
			met: ratio <= target,
			limit,
		};
	};
	const compiling =
		'Node 20 compiles about 1.1 MB of bundled JavaScript on every start (React’s reconciler, Ink, Yoga, meow, the SageMaker client; Node 22 and later read it from the compile cache), and React, Yoga, Ink and the SDK run their first frame and first request cold';
	return [
		row(
			'2. TUI first frame listing pipelines (--local) vs bare node',
			median(times.local),
			localTarget,
			`${compiling}; the emulator starts on a thread of its own (about 50 ms to start a worker, then its code and its replay of the demo history), which gains only when the machine has a core to spare.`,
		),
		row(
			'2. TUI first frame, emulator already running (--endpoint-url) vs bare node',
			median(times.endpoint),
			endpointTarget,
			`${compiling}, then lists pipelines over HTTP.`,
		),
	];
}
