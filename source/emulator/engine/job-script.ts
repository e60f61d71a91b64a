// What a simulated job's container does, decided when the job starts: whether (and how) it fails, the log lines
// a definition scripted, and a Training job's final metric values (tuned, evaluated like step arguments, or
// drawn from the seed per execution so two runs of one pipeline differ). Logs and Describe* read it.
import {evaluate, isRecord} from '../../pipeline/expressions.js';
import {derivedRandom} from '../random.js';
import type {ObjectStorage} from '../s3-store.js';
import {evaluationContext} from './evaluation-context.js';
import type {ExecutionState, StepRun} from './execution-state.js';
import {type JobFailure, plannedFailure} from './job-failure.js';

export type JobScript = {
	/** Labels the job's seeded draws (instance ids, line jitter, metric values). */
	label: string;
	seed: number;
	failure?: JobFailure;
	/** Lines the definition scripted through `logs`, written between the start banner and the end. */
	lines?: string[];
	/** Progress lines each instance writes, when tuned (default: a handful). */
	lineCount?: number;
	/** Training: each metric's final value, in the order the log reports them. */
	metrics: Array<{name: string; value: number}>;
};

const defaultMetricNames = ['train:rmse', 'validation:rmse'];

export function jobScript(
	execution: ExecutionState,
	step: StepRun,
	storage: ObjectStorage,
	seed: number,
	time: number,
): JobScript {
	const tuning = execution.tuning.steps[step.name] ?? {};
	const label = `${execution.id}/${step.name}/${step.attempt}`;
	const script: JobScript = {label, seed, metrics: []};
	const failure = plannedFailure(tuning, step.attempt);
	if (failure) script.failure = failure;
	if (tuning.logs) script.lines = tuning.logs;
	if (tuning.logLines) script.lineCount = tuning.logLines;
	if (step.definition.type !== 'Training') return script;
	const random = derivedRandom(seed, `${execution.id}/${step.name}/metrics`);
	const context = evaluationContext(execution, storage, time);
	const tuned = tuning.metrics ?? {};
	for (const name of Object.keys(tuned)) {
		let value: unknown;
		try {
			value = evaluate(tuned[name], context);
		} catch {
			value = undefined;
		}

		const number = typeof value === 'number' ? value : Number(value);
		if (Number.isFinite(number)) script.metrics.push({name, value: number});
	}

	if (Object.keys(tuned).length > 0) return script;
	for (const name of declaredMetricNames(step.resolvedArguments)) {
		const draw = random.next();
		const value = /acc|auc|f1|precision|recall|r2/i.test(name) ? 0.7 + draw * 0.25 : 2 + draw * 4;
		script.metrics.push({name, value: Math.round(value * 10_000) / 10_000});
	}

	return script;
}

/** `AlgorithmSpecification.MetricDefinitions[].Name`, or the built-in algorithms' usual pair. */
function declaredMetricNames(resolved: unknown): string[] {
	const algorithm =
		isRecord(resolved) && isRecord(resolved.AlgorithmSpecification) ? resolved.AlgorithmSpecification : {};
	const definitions = Array.isArray(algorithm.MetricDefinitions) ? algorithm.MetricDefinitions : [];
	const names = definitions
		.map((definition) => (isRecord(definition) && typeof definition.Name === 'string' ? definition.Name : ''))
		.filter((name) => name !== '');
	return names.length > 0 ? names : defaultMetricNames;
}
