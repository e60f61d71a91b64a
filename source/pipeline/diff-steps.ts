// The steps section of an execution diff: per step, in DAG order, its state, duration, attempts, cache use and job
// resources in both executions, and what changed.
import {type EvaluationContext, evaluate, isRecord} from './expressions.js';
import type {NodeState, StepView} from './execution-state.js';
import type {PipelineDefinition} from './model.js';
import {compareValues} from './value-change.js';

export type JobResources = {instanceType?: string; instanceCount?: number};

export type StepSide = {
	state: NodeState;
	durationMs: number | null;
	attempts: number | null;
	/**
	 * `hit` when the cache gave an earlier run's result, `reused` when a selective execution took it from its source
	 * without running the step, `ran` when the step ran, null before it finished.
	 */
	cache: 'hit' | 'reused' | 'ran' | null;
	instanceType: string | null;
	instanceCount: number | null;
};

export type StepAspect =
	| 'presence'
	| 'state'
	| 'duration'
	| 'attempts'
	| 'cache'
	| 'instanceType'
	| 'instanceCount';

export type StepDiffRow = {
	name: string;
	type: string;
	/** Null when the step is not in that execution (nor its definition). */
	a: StepSide | null;
	b: StepSide | null;
	/** When both durations are known: `b - a` and its percentage of `a`. */
	duration: {deltaMs: number; percent: number | null} | null;
	/** What differs; a duration counts when it changed by at least `durationChangePercent` and a second. */
	changes: StepAspect[];
	changed: boolean;
};

export type StepsSide = {
	steps: StepView[];
	definition?: PipelineDefinition;
	/** Evaluates the definition's resource expressions (`Get: Parameters.X`) with that execution's values. */
	context: EvaluationContext;
	/** Per step, what the job reported (DescribeTrainingJob.ResourceConfig...), preferred over the definition. */
	resources?: Record<string, JobResources>;
};

/** A duration change smaller than this (in percent of A's) is noise, not a change. */
export const durationChangePercent = 10;

/** Where each job step type keeps its instance type and count in its Arguments. */
const resourcePaths = [
	['ProcessingResources', 'ClusterConfig'],
	['ResourceConfig'],
	['TransformResources'],
	['TrainingJobDefinition', 'ResourceConfig'],
];

/** Every step of either execution: A's DAG order, with B's extra steps placed after the step before them in B. */
export function diffSteps(a: StepsSide, b: StepsSide): StepDiffRow[] {
	const left = new Map(a.steps.map((view) => [view.name, view]));
	const right = new Map(b.steps.map((view) => [view.name, view]));
	return mergeOrder(a.steps, b.steps).map((name) => {
		const one = left.get(name);
		const two = right.get(name);
		const sideA = one ? sideOf(one, a) : null;
		const sideB = two ? sideOf(two, b) : null;
		const row: StepDiffRow = {
			name,
			type: (two ?? one)?.type ?? 'Unknown',
			a: sideA,
			b: sideB,
			duration: null,
			changes: [],
			changed: false,
		};
		if (!sideA || !sideB) row.changes.push('presence');
		else {
			if (sideA.state !== sideB.state) row.changes.push('state');
			if (sideA.durationMs !== null && sideB.durationMs !== null) {
				const change = compareValues(sideA.durationMs, sideB.durationMs);
				const deltaMs = change.delta ?? 0;
				const percent = change.percent ?? null;
				row.duration = {deltaMs, percent};
				const large = percent === null ? deltaMs !== 0 : Math.abs(percent) >= durationChangePercent;
				if (large && Math.abs(deltaMs) >= 1000) row.changes.push('duration');
			}

			// Attempts and cache use only differ when both ran; a step that ran in one only is a state change.
			for (const aspect of ['attempts', 'cache'] as const) {
				const [one, two] = [sideA[aspect], sideB[aspect]];
				if (one !== null && two !== null && one !== two) row.changes.push(aspect);
			}

			for (const aspect of ['instanceType', 'instanceCount'] as const) {
				if (sideA[aspect] !== sideB[aspect]) row.changes.push(aspect);
			}
		}

		row.changed = row.changes.length > 0;
		return row;
	});
}

function sideOf(view: StepView, side: StepsSide): StepSide {
	const record = view.record;
	const started = record?.startedAt;
	const ended = record?.endedAt;
	const finished = view.state === 'succeeded' || view.state === 'cache-hit' || view.state === 'failed';
	const resources = side.resources?.[view.name] ?? resourcesOf(view.name, side);
	return {
		state: view.state,
		durationMs: started !== undefined && ended !== undefined ? Math.max(0, ended - started) : null,
		attempts: record?.attemptCount ?? null,
		cache: view.state === 'cache-hit' ? (record?.reusedFromArn ? 'reused' : 'hit') : finished ? 'ran' : null,
		instanceType: resources.instanceType ?? null,
		instanceCount: resources.instanceCount ?? null,
	};
}

/** The instance type and count the definition asks for, with that execution's parameter values. */
function resourcesOf(name: string, side: StepsSide): JobResources {
	const step = side.definition?.steps.find((candidate) => candidate.name === name);
	if (!step) return {};
	for (const path of resourcePaths) {
		let value: unknown = step.arguments;
		for (const member of path) value = isRecord(value) ? value[member] : undefined;
		if (!isRecord(value)) continue;
		const type = evaluateQuietly(value.InstanceType, side.context);
		const count = evaluateQuietly(value.InstanceCount, side.context);
		const resources: JobResources = {};
		if (typeof type === 'string') resources.instanceType = type;
		if (typeof count === 'number') resources.instanceCount = count;
		else if (typeof count === 'string' && /^\d+$/.test(count)) resources.instanceCount = Number(count);
		return resources;
	}

	return {};
}

function evaluateQuietly(value: unknown, context: EvaluationContext): unknown {
	try {
		return evaluate(value, context);
	} catch {
		return undefined;
	}
}

/** A's order, with each step only B has inserted right after the nearest step before it in B that is placed. */
function mergeOrder(a: StepView[], b: StepView[]): string[] {
	const order = a.map((view) => view.name);
	const placed = new Set(order);
	let previous: string | undefined;
	for (const view of b) {
		if (!placed.has(view.name)) {
			const index = previous === undefined ? -1 : order.indexOf(previous);
			order.splice(index + 1, 0, view.name);
			placed.add(view.name);
		}

		previous = view.name;
	}

	return order;
}
