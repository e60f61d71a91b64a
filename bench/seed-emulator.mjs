// Fills an emulator started with --no-demo for the frame, memory and throughput figures: a finished 300-step
// execution, a finished abalone execution and thousands of small pipelines. The running 300-step execution is
// started later, right before it is watched (startLiveExecution).
import {randomUUID} from 'node:crypto';
import {forEachLimited} from './sagemaker-json.mjs';

const roleArn = 'arn:aws:iam::000000000000:role/SageMakerExecutionRole';
export const largeStepCount = 300;

/** Resolves with {large, abalone} targets ({pipelineName, executionArn}) once both executions have succeeded. */
export async function seedEmulator({caller, workload, fixturesDirectory, fillerPipelines}) {
	const create = (name, definition) =>
		caller.call('CreatePipeline', {
			PipelineName: name,
			PipelineDefinition: definition,
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
	await forEachLimited(fillerPipelines, 8, (index) => {
		const name = `BenchFiller-${String(index).padStart(5, '0')}`;
		return create(name, workload.smallPipelineDefinition(name));
	});
	// Each step takes 1 simulated second, so at the benchmark's time scale both executions end within seconds.
	await create('Bench300Steps', workload.largePipelineDefinition('Bench300Steps', largeStepCount, 1));
	await create('AbalonePipeline', workload.abaloneDefinition(fixturesDirectory, 1));
	// Steps long enough that the execution is still running while it is watched, short enough that every poll
	// sees steps change.
	await create('Bench300Live', workload.largePipelineDefinition('Bench300Live', largeStepCount, 40));

	const large = await startExecution(caller, 'Bench300Steps');
	const abalone = await startExecution(caller, 'AbalonePipeline');
	await Promise.all([waitForSuccess(caller, large, 60_000), waitForSuccess(caller, abalone, 60_000)]);
	return {large, abalone};
}

export function startLiveExecution(caller) {
	return startExecution(caller, 'Bench300Live');
}

async function startExecution(caller, pipelineName) {
	const started = await caller.call('StartPipelineExecution', {
		PipelineName: pipelineName,
		ClientRequestToken: randomUUID(),
	});
	return {pipelineName, executionArn: started.PipelineExecutionArn};
}

async function waitForSuccess(caller, target, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const {PipelineExecutionStatus: status, FailureReason: reason} = await caller.call(
			'DescribePipelineExecution',
			{PipelineExecutionArn: target.executionArn},
		);
		if (status === 'Succeeded') return;
		if (status !== 'Executing')
			throw new Error(`the ${target.pipelineName} execution ended ${status}: ${reason ?? 'no reason given'}`);
		if (Date.now() > deadline)
			throw new Error(`the ${target.pipelineName} execution was still running after ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
