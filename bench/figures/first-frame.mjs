// Figure 2: TUI first frame, from process start to the first frame that lists pipelines (`sagemon --local`,
// waiting for a demo pipeline's name in a real pseudo-terminal), against a bare `node` start printing a marker.
import {median} from '../median.mjs';
import {eventNamed, runInTerminal} from '../pty-probe.mjs';
import {formatMs, formatRatio} from '../results-table.mjs';

const pipelineName = 'AbalonePipeline';
const marker = 'bench-node-ready';

export async function measureFirstFrame({cli, env, runs = 7}) {
	const sagemon = async () =>
		eventNamed(
			await runInTerminal({
				script: [{wait: pipelineName, timeout: 20}],
				command: [process.execPath, cli, '--local'],
				env,
			}),
			pipelineName,
		).ms;
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

	await sagemon();
	await node();
	const sagemonTimes = [];
	const nodeTimes = [];
	for (let run = 0; run < runs; run++) {
		sagemonTimes.push(await sagemon());
		nodeTimes.push(await node());
	}

	const ours = median(sagemonTimes);
	const theirs = median(nodeTimes);
	const ratio = ours / theirs;
	return [
		{
			figure: '2. TUI first frame listing pipelines (--local) vs bare node',
			value: formatMs(ours),
			target: 'ratio ≤ 4',
			peer: formatMs(theirs),
			ratio: formatRatio(ratio),
			met: ratio <= 4,
		},
	];
}
