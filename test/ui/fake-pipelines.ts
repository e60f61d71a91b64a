// An in-memory SageMaker Pipelines service for screen tests: a few pipelines from real fixture definitions and
// their executions, kept in memory and changed by the calls that change things (start, stop, retry, delete), with
// every call counted by name. Screens reach it through the same PipelinesApi as the real gateway.
import {
	type AwsAccess,
	AwsError,
	type Page,
	type PipelinesApi,
	type StartExecutionRequest,
} from '../../source/aws/types.js';
import type {
	ExecutionDetails,
	ExecutionStatus,
	ParameterAssignment,
	PipelineDetails,
	StepRecord,
} from '../../source/pipeline/model.js';
import {readFixture} from '../helpers/fixtures.js';

export type FakeExecution = {
	id: string;
	status: ExecutionStatus;
	steps?: StepRecord[];
	parameters?: ParameterAssignment[];
};
export type FakePipeline = {name: string; fixture?: string; executions?: FakeExecution[]};

export type FakePipelines = PipelinesApi & {
	/** How many times each method was called. */
	calls: Map<string, number>;
	/** The calls that change something, in order (`stopExecution abc`, `deletePipeline Demo`). */
	changes: string[];
};

const account = 'arn:aws:sagemaker:us-east-1:000000000000';
const mutating = new Set([
	'upsertPipeline',
	'deletePipeline',
	'startExecution',
	'stopExecution',
	'retryExecution',
]);

export function createFakePipelines(seed: FakePipeline[], now = Date.UTC(2026, 0, 1)): FakePipelines {
	type Stored = {
		details: ExecutionDetails;
		steps: StepRecord[];
		parameters: ParameterAssignment[];
		definition: string;
	};
	const pipelines = new Map<string, PipelineDetails>();
	const executions = new Map<string, Stored & {pipeline: string}>();
	let started = 0;
	const addExecution = (pipeline: PipelineDetails, execution: FakeExecution, startedAt: number) => {
		const arn = `${pipeline.arn}/execution/${execution.id}`;
		executions.set(arn, {
			pipeline: pipeline.name,
			details: {
				arn,
				status: execution.status,
				startedAt,
				pipelineArn: pipeline.arn,
				displayName: execution.id,
			},
			steps: execution.steps ?? [],
			parameters: execution.parameters ?? [],
			definition: pipeline.definition,
		});
		return arn;
	};

	for (const [index, entry] of seed.entries()) {
		const pipeline: PipelineDetails = {
			name: entry.name,
			arn: `${account}:pipeline/${entry.name.toLowerCase()}`,
			definition: readFixture(entry.fixture ?? 'abalone-tutorial.json'),
			createdAt: now - 86_400_000 * (index + 1),
			status: 'Active',
		};
		pipelines.set(entry.name, pipeline);
		for (const [order, execution] of (entry.executions ?? []).entries()) {
			addExecution(pipeline, execution, now - 60_000 * (order + 1));
		}
	}

	const pipelineNamed = (name: string) => {
		const pipeline = pipelines.get(name);
		if (!pipeline) throw new AwsError('NotFound', `Pipeline ${name} does not exist.`);
		return pipeline;
	};
	const executionOf = (arn: string) => {
		const execution = executions.get(arn);
		if (!execution) throw new AwsError('NotFound', `Execution ${arn} does not exist.`);
		return execution;
	};
	const page = <T>(items: T[]): Page<T> => ({items});

	const api: PipelinesApi = {
		async listPipelines() {
			return page(
				[...pipelines.values()].map(({definition: _definition, status: _status, ...summary}) => summary),
			);
		},
		async describePipeline(name) {
			return pipelineNamed(name);
		},
		async upsertPipeline(request) {
			const created = !pipelines.has(request.name);
			const arn = `${account}:pipeline/${request.name.toLowerCase()}`;
			pipelines.set(request.name, {
				name: request.name,
				arn,
				definition: request.definition,
				status: 'Active',
			});
			return {arn, created};
		},
		async deletePipeline(name) {
			pipelineNamed(name);
			pipelines.delete(name);
		},
		async startExecution(request: StartExecutionRequest) {
			const pipeline = pipelineNamed(request.pipelineName);
			started++;
			return addExecution(
				pipeline,
				{id: `started-${started}`, status: 'Executing', parameters: request.parameters},
				now + started,
			);
		},
		async describeExecution(arn) {
			return executionOf(arn).details;
		},
		async listExecutions(pipelineName) {
			pipelineNamed(pipelineName);
			return page(
				[...executions.values()]
					.filter((execution) => execution.pipeline === pipelineName)
					.map((execution) => execution.details)
					.sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0)),
			);
		},
		async listSteps(arn) {
			return executionOf(arn).steps;
		},
		async listExecutionParameters(arn) {
			return executionOf(arn).parameters;
		},
		async describeExecutionDefinition(arn) {
			return executionOf(arn).definition;
		},
		async stopExecution(arn) {
			const execution = executionOf(arn);
			if (execution.details.status !== 'Executing')
				throw new AwsError('Validation', `Execution ${arn} is ${execution.details.status}.`);
			execution.details = {...execution.details, status: 'Stopping'};
		},
		async retryExecution(arn) {
			const execution = executionOf(arn);
			if (execution.details.status !== 'Failed')
				throw new AwsError('Validation', `Only a failed execution can be retried; ${arn} is not.`);
			execution.details = {...execution.details, status: 'Executing'};
		},
		async describeProcessingJobOutputs() {
			return [];
		},
		async describeJob(kind, jobName) {
			throw new AwsError('NotFound', `There is no ${kind} job named ${jobName}.`);
		},
	};

	const calls = new Map<string, number>();
	const changes: string[] = [];
	const counted = new Proxy(api, {
		get(target, property, receiver) {
			const value = Reflect.get(target, property, receiver);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				const name = String(property);
				calls.set(name, (calls.get(name) ?? 0) + 1);
				if (mutating.has(name))
					changes.push(`${name} ${typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0])}`);
				return (value as (...parameters: unknown[]) => unknown).apply(target, args);
			};
		},
	});
	return Object.assign(counted, {calls, changes});
}

/**
 * AWS access for screen tests: the in-memory pipelines, and S3, CloudWatch Logs, the registry and the execution
 * actions only where a test passes its own (otherwise a call to them fails, saying so).
 */
export function fakeAccess(
	pipelines: PipelinesApi,
	services: Partial<Omit<AwsAccess, 'pipelines'>> = {},
): AwsAccess {
	const absent = (what: string) => () => Promise.reject(new Error(`This screen test has no ${what}.`));
	return {
		settings: {region: 'us-east-1', label: 'test'},
		pipelines,
		objects: {readObject: absent('S3 objects')},
		logs: absent('CloudWatch Logs'),
		registry: absent('model registry'),
		executionActions: absent('execution actions'),
		...services,
	};
}
