// Drives the emulator in-process with a manual clock, through the same operations the HTTP server runs, so
// engine tests step simulated time exactly and stay deterministic.
import {randomUUID} from 'node:crypto';
import {manualClock} from '../../source/emulator/clock.js';
import {loadDemo} from '../../source/emulator/demo/load-demo.js';
import {createEmulatorState} from '../../source/emulator/emulator-state.js';
import {localCaller} from '../../source/emulator/operation.js';
import {runOperation} from '../../source/emulator/sagemaker-operations.js';
import {ServiceError} from '../../source/emulator/service-error.js';

export const roleArn = 'arn:aws:iam::000000000000:role/SageMakerExecutionRole';
export const startTime = Date.parse('2026-03-02T09:00:00.000Z');

// biome-ignore lint/suspicious/noExplicitAny: responses are plain JSON read by the test.
export type Json = Record<string, any>;

export type LocalService = ReturnType<typeof localService>;

export function localService(options: {seed?: number; timeScale?: number; demo?: boolean} = {}) {
	const clock = manualClock(startTime);
	const state = createEmulatorState({clock, seed: options.seed ?? 1, timeScale: options.timeScale ?? 1});
	if (options.demo) loadDemo(state);
	const call = (operation: string, input: Json = {}): Json => {
		state.engine.advance();
		return runOperation(state, operation, input, {region: 'us-east-1', caller: localCaller});
	};

	/** The error an operation answers with; fails the test when it succeeds. */
	const failure = (operation: string, input: Json = {}): {code: string; message: string} => {
		try {
			call(operation, input);
		} catch (error) {
			if (error instanceof ServiceError) return {code: error.code, message: error.message};
			throw error;
		}

		throw new Error(`${operation} succeeded but an error was expected`);
	};

	const createPipeline = (name: string, definition: unknown, extra: Json = {}): string =>
		call('CreatePipeline', {
			PipelineName: name,
			PipelineDefinition: typeof definition === 'string' ? definition : JSON.stringify(definition),
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
			...extra,
		}).PipelineArn;

	const start = (name: string, parameters: Record<string, string> = {}, extra: Json = {}): string =>
		call('StartPipelineExecution', {
			PipelineName: name,
			PipelineParameters: Object.entries(parameters).map(([Name, Value]) => ({Name, Value})),
			ClientRequestToken: randomUUID(),
			...extra,
		}).PipelineExecutionArn;

	const describe = (arn: string): Json => call('DescribePipelineExecution', {PipelineExecutionArn: arn});

	/** Every listed step, newest first (all pages). */
	const steps = (arn: string, extra: Json = {}): Json[] => {
		const all: Json[] = [];
		let token: string | undefined;
		do {
			const page = call('ListPipelineExecutionSteps', {
				PipelineExecutionArn: arn,
				NextToken: token,
				...extra,
			});
			all.push(...page.PipelineExecutionSteps);
			token = page.NextToken;
		} while (token);
		return all;
	};

	const step = (arn: string, name: string): Json | undefined =>
		steps(arn).find((record) => record.StepName === name);

	/** Moves simulated time `stepMilliseconds` at a time until `done` holds (at most a simulated week). */
	const advanceUntil = (done: () => boolean, stepMilliseconds = 1000): void => {
		const limit = clock.now() + 7 * 24 * 3_600_000;
		while (!done()) {
			if (clock.now() > limit) throw new Error('The condition did not hold within a simulated week');
			clock.advance(stepMilliseconds);
			state.engine.advance();
		}
	};

	/** Runs the execution until it ends; returns its final description. */
	const runToEnd = (arn: string, stepMilliseconds = 1000): Json => {
		advanceUntil(
			() => ['Succeeded', 'Failed', 'Stopped'].includes(describe(arn).PipelineExecutionStatus),
			stepMilliseconds,
		);
		return describe(arn);
	};

	return {clock, state, call, failure, createPipeline, start, describe, steps, step, advanceUntil, runToEnd};
}
