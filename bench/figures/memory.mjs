// Figure 5: peak resident memory of the TUI after listing 5,000 pipelines and then opening a 300-step execution
// (VmHWM from /proc, read by pty_probe while the execution screen is shown).
import {eventNamed, runInTerminal} from '../pty-probe.mjs';

const budgetBytes = 150 * 1024 * 1024;

export async function measureMemory({
	cli,
	env,
	endpointUrl,
	target,
	pipelineCount,
	stepCount,
	columns,
	rows,
}) {
	const executionId = target.executionArn.split('/').pop();
	const result = await runInTerminal({
		columns,
		rows,
		script: [
			// Once every page is listed the caption reads "N pipelines · sorted …" (or "· the newest N of more" when
			// the list is capped); before, "N pipelines so far, loading more…".
			{wait: 'pipelines · (sorted|the newest)', regex: true, timeout: 60},
			{sleep: 2},
			{keys: `:pipeline ${target.pipelineName}\r`},
			{wait: executionId, fresh: true, timeout: 20},
			{keys: '\r'},
			{wait: `${stepCount}/${stepCount} steps done`, fresh: true, timeout: 20},
			{sleep: 2},
			{mark: 'open'},
		],
		command: [process.execPath, cli, '--endpoint-url', endpointUrl, '--region', 'us-east-1'],
		env,
	});
	const peak = eventNamed(result, 'open').peakRssBytes;
	if (!peak) throw new Error('could not read the TUI’s peak RSS from /proc');
	return [
		{
			figure: `5. Memory: peak RSS, ${pipelineCount.toLocaleString('en-US')} pipelines then a ${stepCount}-step execution`,
			value: `${(peak / 1024 / 1024).toFixed(0)} MB`,
			target: '≤ 150 MB',
			met: peak <= budgetBytes,
		},
	];
}
