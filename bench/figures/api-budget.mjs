// Figure 7: what each screen costs an account's SageMaker rate limits, in API calls per minute, counted by the
// proxy in front of the demo emulator: the pipelines and executions screens while nothing runs and while the
// 123-step pipeline runs (two TUI sessions, a 15 s window on each screen). The execution screen's figures come
// from figure 4's windows (watching a run, and after it ended).
import {randomUUID} from 'node:crypto';
import {eventNamed, runInTerminal} from '../pty-probe.mjs';

const pipelineName = 'RegionalDemandForecast';
const windowSeconds = 15;

/** Calls per minute the proxy saw between two marks of a pty_probe result. */
export function callsPerMinute(proxy, result, from, to) {
	const start = eventNamed(result, from).epochMs;
	const end = eventNamed(result, to).epochMs;
	const calls = proxy.calls.filter((call) => call.startedAt >= start && call.startedAt < end).length;
	return (calls / (end - start)) * 60_000;
}

async function runningExecutions(caller) {
	const {PipelineSummaries: pipelines} = await caller.call('ListPipelines', {MaxResults: 100});
	let running = 0;
	for (const {PipelineName} of pipelines) {
		const {PipelineExecutionSummaries: executions} = await caller.call('ListPipelineExecutions', {
			PipelineName,
			MaxResults: 100,
		});
		running += executions.filter((execution) => execution.PipelineExecutionStatus === 'Executing').length;
	}

	return running;
}

export async function measureApiBudget({cli, env, caller, proxy, columns, rows, executionScreen}) {
	const session = () =>
		runInTerminal({
			columns,
			rows,
			script: [
				{wait: pipelineName, timeout: 20},
				{sleep: 2},
				{mark: 'pipelines-start'},
				{sleep: windowSeconds},
				{mark: 'pipelines-end'},
				{keys: `:pipeline ${pipelineName}\r`},
				{wait: '[0-9]+ executions?', regex: true, fresh: true, timeout: 20},
				{sleep: 2},
				{mark: 'executions-start'},
				{sleep: windowSeconds},
				{mark: 'executions-end'},
			],
			command: [process.execPath, cli, '--endpoint-url', proxy.url, '--region', 'us-east-1'],
			env,
		});
	const alreadyRunning = await runningExecutions(caller);
	const idle = await session();
	await caller.call('StartPipelineExecution', {PipelineName: pipelineName, ClientRequestToken: randomUUID()});
	const busy = await session();
	const idleLabel = alreadyRunning === 0 ? 'nothing running' : `${alreadyRunning} demo run(s) going on`;
	const row = (screen, quiet, running) => ({
		figure: `7. API calls per minute, ${screen} (${idleLabel} / while the 123-step pipeline runs)`,
		value: `${quiet.toFixed(0)} / ${running.toFixed(0)}`,
	});
	return [
		row(
			'pipelines screen',
			callsPerMinute(proxy, idle, 'pipelines-start', 'pipelines-end'),
			callsPerMinute(proxy, busy, 'pipelines-start', 'pipelines-end'),
		),
		row(
			'executions screen',
			callsPerMinute(proxy, idle, 'executions-start', 'executions-end'),
			callsPerMinute(proxy, busy, 'executions-start', 'executions-end'),
		),
		{
			figure: '7. API calls per minute, execution screen (after the run ended / while it runs)',
			value: `${executionScreen.ended.toFixed(0)} / ${executionScreen.running.toFixed(0)}`,
		},
	];
}
