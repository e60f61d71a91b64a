// Merges a definition's DAG with the steps the service lists, into one display state per step (skipped branches included).
import {indexDag, topologicalOrder} from './dag.js';
import type {Dag, ExecutionStatus, PipelineDefinition, StepRecord, StepStatus} from './model.js';
import {terminalExecutionStatuses} from './model.js';

/** Every state a step can be drawn in, in the order summaries count them. */
export const nodeStates = [
	'not-started',
	'starting',
	'executing',
	'stopping',
	'stopped',
	'failed',
	'succeeded',
	'cache-hit',
	'skipped',
] as const;

export type NodeState = (typeof nodeStates)[number];

export type StepView = {
	name: string;
	type: string;
	displayName?: string;
	state: NodeState;
	/** The service's record, when the step has started. */
	record?: StepRecord;
	/** False for steps the service lists that the definition does not know (e.g. renamed since). */
	inDefinition: boolean;
	/** For Condition steps that ran: which branch they chose. */
	conditionOutcome?: boolean;
};

const stateOfStatus: Record<StepStatus, NodeState> = {
	Starting: 'starting',
	Executing: 'executing',
	Stopping: 'stopping',
	Stopped: 'stopped',
	Failed: 'failed',
	Succeeded: 'succeeded',
};

/**
 * One view per step: definition steps in topological order (definition order among equals), then steps only the
 * service knows, oldest first. A step without a record is `skipped` when it can never run — it is in the branch a
 * finished condition did not take, or needs such a step, or the execution has ended — and `not-started` otherwise.
 */
export function mergeExecutionState(
	definition: PipelineDefinition,
	dag: Dag,
	execution: {status: ExecutionStatus} | undefined,
	steps: StepRecord[],
): StepView[] {
	const records = latestRecords(steps);
	const {order, nodes, known} = shapeOf(definition, dag);
	const outcomes = new Map<string, boolean>();
	for (const [name, record] of records) {
		const outcome = conditionOutcomeOf(record);
		if (outcome !== undefined) outcomes.set(name, outcome);
	}

	const unreachable = findUnreachable(dag, records, outcomes);
	const ended = execution !== undefined && terminalExecutionStatuses.has(execution.status);
	const views: StepView[] = [];
	for (const name of order) {
		const node = nodes.get(name) as Dag['nodes'][number];
		const record = records.get(name);
		const view: StepView = {name, type: node.type, state: 'not-started', inDefinition: true};
		const displayName = node.displayName ?? known.get(name)?.displayName ?? record?.displayName;
		if (displayName !== undefined) view.displayName = displayName;
		if (record) {
			view.record = record;
			view.state = stateOfRecord(record);
			const outcome = outcomes.get(name);
			if (outcome !== undefined) view.conditionOutcome = outcome;
		} else if (unreachable.has(name) || ended) {
			view.state = 'skipped';
		}

		views.push(view);
	}

	const extra = [...records.values()]
		.filter((record) => !nodes.has(record.name))
		.sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0) || a.name.localeCompare(b.name));
	for (const record of extra) {
		const view: StepView = {
			name: record.name,
			type: typeOfRecord(record),
			state: stateOfRecord(record),
			record,
			inDefinition: false,
		};
		if (record.displayName !== undefined) view.displayName = record.displayName;
		const outcome = conditionOutcomeOf(record);
		if (outcome !== undefined) view.conditionOutcome = outcome;
		views.push(view);
	}

	return views;
}

type Shape = {
	order: string[];
	nodes: Map<string, Dag['nodes'][number]>;
	known: Map<string, PipelineDefinition['steps'][number]>;
};

// The definition and its DAG are immutable values: what the merge needs of them is worked out once per pair, not
// on every poll.
const shapes = new WeakMap<Dag, {definition: PipelineDefinition; shape: Shape}>();

function shapeOf(definition: PipelineDefinition, dag: Dag): Shape {
	const cached = shapes.get(dag);
	if (cached?.definition === definition) return cached.shape;
	const shape = {
		order: topologicalOrder(dag),
		nodes: new Map(dag.nodes.map((node) => [node.name, node])),
		known: new Map(definition.steps.map((step) => [step.name, step])),
	};
	shapes.set(dag, {definition, shape});
	return shape;
}

export function summarizeStates(views: StepView[]): Record<NodeState, number> {
	const counts = Object.fromEntries(nodeStates.map((state) => [state, 0])) as Record<NodeState, number>;
	for (const view of views) counts[view.state]++;
	return counts;
}

function stateOfRecord(record: StepRecord): NodeState {
	// A step a selective execution reused is drawn like a cache hit: its result came from another execution.
	if (record.status === 'Succeeded' && (record.cacheSourceArn || record.reusedFromArn)) return 'cache-hit';
	return stateOfStatus[record.status] ?? 'not-started';
}

/** The newest record per step name (a retried step can be listed more than once). */
function latestRecords(steps: StepRecord[]): Map<string, StepRecord> {
	const records = new Map<string, StepRecord>();
	for (const record of steps) {
		const existing = records.get(record.name);
		if (!existing || (record.startedAt ?? 0) > (existing.startedAt ?? 0)) records.set(record.name, record);
	}

	return records;
}

/** `Metadata.Condition.Outcome`: the service writes "True"/"False"; a boolean is accepted too. */
export function conditionOutcomeOf(record: StepRecord): boolean | undefined {
	const condition = record.metadata?.Condition;
	if (condition === null || typeof condition !== 'object') return undefined;
	const outcome = (condition as Record<string, unknown>).Outcome;
	if (typeof outcome === 'boolean') return outcome;
	if (typeof outcome !== 'string') return undefined;
	const lower = outcome.toLowerCase();
	return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/**
 * Steps without a record that can never start: children of the branch a condition did not take, and (transitively)
 * any step that needs one of them, since a step starts only when everything upstream has succeeded.
 */
function findUnreachable(
	dag: Dag,
	records: Map<string, StepRecord>,
	outcomes: Map<string, boolean>,
): Set<string> {
	const unreachable = new Set<string>();
	// Only a condition that has decided makes anything unreachable: most polls have none to index the DAG for.
	if (![...outcomes.keys()].some((condition) => records.get(condition)?.status === 'Succeeded'))
		return unreachable;
	const {children} = indexDag(dag);
	const queue: string[] = [];
	const mark = (name: string) => {
		if (unreachable.has(name) || records.has(name)) return;
		unreachable.add(name);
		queue.push(name);
	};

	for (const [condition, outcome] of outcomes) {
		if (records.get(condition)?.status !== 'Succeeded') continue;
		const skippedKind = outcome ? 'condition-else' : 'condition-if';
		for (const edge of children.get(condition) ?? []) if (edge.kind === skippedKind) mark(edge.to);
	}

	while (queue.length > 0) {
		const name = queue.shift() as string;
		for (const edge of children.get(name) ?? []) mark(edge.to);
	}

	return unreachable;
}

const typeOfMetadata: Record<string, string> = {
	TrainingJob: 'Training',
	ProcessingJob: 'Processing',
	TransformJob: 'Transform',
	TuningJob: 'Tuning',
	AutoMLJob: 'AutoML',
	Model: 'Model',
	RegisterModel: 'RegisterModel',
	Condition: 'Condition',
	Fail: 'Fail',
	Lambda: 'Lambda',
	Callback: 'Callback',
	QualityCheck: 'QualityCheck',
	ClarifyCheck: 'ClarifyCheck',
	EMR: 'EMR',
	NotebookJob: 'NotebookJob',
	Endpoint: 'Endpoint',
	EndpointConfig: 'EndpointConfig',
};

/** A step the definition does not know: its type, guessed from the service's metadata member. */
function typeOfRecord(record: StepRecord): string {
	for (const key of Object.keys(record.metadata ?? {})) {
		const type = typeOfMetadata[key];
		if (type) return type;
	}

	return 'Unknown';
}
