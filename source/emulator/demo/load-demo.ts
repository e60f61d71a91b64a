// Loads the demo pipelines and replays their past executions in time order, so that at startup every screen
// has something to show: succeeded, failed, stopped, retried and cached executions, and one still running.
import type {UserContext} from '../engine/execution-state.js';
import type {EmulatorState} from '../emulator-state.js';
import {
	startPipelineExecution,
	retryPipelineExecution,
	stopPipelineExecution,
} from '../execution-operations.js';
import {createPipeline} from '../pipeline-operations.js';
import {abaloneDemo} from './abalone-pipeline.js';
import {demoRoleArn, type DemoPipeline, type DemoRun} from './demo-pipeline.js';
import {forecastDemo} from './forecast-pipeline.js';
import {cachingDemo} from './caching-pipeline.js';
import {failingJobDemo} from './failing-job-pipeline.js';
import {fanOutDemo} from './fan-out-pipeline.js';
import {failStepDemo} from './quality-gate-pipeline.js';

const region = 'us-east-1';
const demoCaller: UserContext = {
	IamIdentity: {
		Arn: 'arn:aws:sts::000000000000:assumed-role/SageMakerExecutionRole/data-scientist',
		PrincipalId: 'AROADEMOSAGEMONROLE00:data-scientist',
	},
};

export const demoPipelines: DemoPipeline[] = [
	abaloneDemo,
	fanOutDemo,
	failingJobDemo,
	failStepDemo,
	cachingDemo,
	forecastDemo,
];

type Action = {time: number; order: number; run: () => void};

export function loadDemo(state: EmulatorState, pipelines: DemoPipeline[] = demoPipelines): void {
	const now = state.clock.now();
	const actions: Action[] = [];
	const request = (input: Record<string, unknown>, time: number, timeScale?: number) => ({
		input,
		region,
		time,
		caller: demoCaller,
		state,
		...(timeScale === undefined ? {} : {timeScale}),
	});
	for (const pipeline of pipelines) {
		actions.push({
			time: now - pipeline.createdAgo,
			order: actions.length,
			run: () => {
				createPipeline(
					request(
						{
							PipelineName: pipeline.name,
							PipelineDescription: pipeline.description,
							PipelineDefinition: JSON.stringify(pipeline.definition),
							RoleArn: demoRoleArn,
							...(pipeline.maxParallelSteps
								? {ParallelismConfiguration: {MaxParallelExecutionSteps: pipeline.maxParallelSteps}}
								: {}),
						},
						now - pipeline.createdAgo,
					),
				);
			},
		});
		for (const run of pipeline.runs)
			actions.push(...runActions(pipeline, run, now, state.timeScale, actions.length, request));
	}

	actions.sort((a, b) => a.time - b.time || a.order - b.order);
	for (const action of actions) {
		state.engine.advanceTo(action.time);
		action.run();
	}

	state.engine.advanceTo(now);
}

function runActions(
	pipeline: DemoPipeline,
	run: DemoRun,
	now: number,
	timeScale: number,
	order: number,
	request: (
		input: Record<string, unknown>,
		time: number,
		timeScale?: number,
	) => Parameters<typeof createPipeline>[0],
): Action[] {
	const startedAt = run.live ? now - run.startedAgo / timeScale : now - run.startedAgo;
	let arn = '';
	const actions: Action[] = [
		{
			time: startedAt,
			order,
			run: () => {
				const input: Record<string, unknown> = {
					PipelineName: pipeline.name,
					PipelineParameters: Object.entries(run.parameters ?? {}).map(([Name, Value]) => ({Name, Value})),
				};
				if (run.displayName) input.PipelineExecutionDisplayName = run.displayName;
				if (run.description) input.PipelineExecutionDescription = run.description;
				arn = String(
					startPipelineExecution(request(input, startedAt, run.live ? undefined : 1)).PipelineExecutionArn,
				);
			},
		},
	];
	if (run.stopAfter !== undefined) {
		const time = startedAt + run.stopAfter;
		actions.push({
			time,
			order: order + 1,
			run: () => stopPipelineExecution(request({PipelineExecutionArn: arn}, time)),
		});
	}

	if (run.retryAfter !== undefined) {
		const time = startedAt + run.retryAfter;
		actions.push({
			time,
			order: order + 2,
			run: () => retryPipelineExecution(request({PipelineExecutionArn: arn}, time)),
		});
	}

	return actions;
}
