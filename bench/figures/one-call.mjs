// Figure 1: one call end to end, `sagemon steps ARN --json` against `aws sagemaker list-pipeline-execution-steps`,
// both against the same emulator and execution, from process start to exit.
import {spawn} from 'node:child_process';
import {median} from '../median.mjs';
import {formatMs, formatRatio} from '../results-table.mjs';

function timeCommand(command, args, env) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk) => {
			stderr += chunk;
		});
		child.once('error', reject);
		child.once('close', (code) => {
			const ms = performance.now() - started;
			if (code !== 0)
				reject(new Error(`${command} ${args[0]} exited ${code}: ${stderr.trim().slice(0, 400)}`));
			else resolve({ms, stdout});
		});
	});
}

export async function measureOneCall({cli, endpointUrl, executionArn, env, runs = 7}) {
	const sagemon = () =>
		timeCommand(
			process.execPath,
			[cli, 'steps', executionArn, '--json', '--endpoint-url', endpointUrl, '--region', 'us-east-1'],
			env,
		);
	const aws = () =>
		timeCommand(
			'aws',
			[
				'sagemaker',
				'list-pipeline-execution-steps',
				'--pipeline-execution-arn',
				executionArn,
				'--endpoint-url',
				endpointUrl,
				'--region',
				'us-east-1',
				'--output',
				'json',
			],
			env,
		);

	// One warm-up run each (file cache, Python bytecode), then alternate so both see the same machine load.
	const [first, firstAws] = [await sagemon(), await aws()];
	const sagemonSteps = JSON.parse(first.stdout).length;
	const awsSteps = JSON.parse(firstAws.stdout).PipelineExecutionSteps.length;
	if (sagemonSteps !== awsSteps || sagemonSteps === 0)
		throw new Error(`sagemon listed ${sagemonSteps} steps but the AWS CLI listed ${awsSteps}`);
	const sagemonTimes = [];
	const awsTimes = [];
	for (let run = 0; run < runs; run++) {
		sagemonTimes.push((await sagemon()).ms);
		awsTimes.push((await aws()).ms);
	}

	const ours = median(sagemonTimes);
	const theirs = median(awsTimes);
	const ratio = ours / theirs;
	return [
		{
			figure: `1. One call end to end: steps --json (${sagemonSteps} steps) vs aws CLI`,
			value: formatMs(ours),
			target: 'ratio ≤ 0.5',
			peer: formatMs(theirs),
			ratio: formatRatio(ratio),
			met: ratio <= 0.5,
		},
	];
}
