// Step caching (CacheConfig): which arguments make up a step's cache key (the attributes the service
// documents per step type), ExpireAfter durations, and the most recent successful run for each key.
import {isRecord} from '../../pipeline/expressions.js';

const keyAttributes: Record<string, readonly string[]> = {
	Processing: ['AppSpecification', 'Environment', 'ProcessingInputs'],
	Training: [
		'AlgorithmSpecification',
		'CheckpointConfig',
		'DebugHookConfig',
		'DebugRuleConfigurations',
		'Environment',
		'HyperParameters',
		'InputDataConfig',
	],
	Tuning: ['HyperParameterTuningJobConfig', 'TrainingJobDefinition', 'TrainingJobDefinitions'],
	AutoML: ['AutoMLJobConfig', 'AutoMLJobObjective', 'InputDataConfig', 'ProblemType'],
	Transform: ['DataProcessing', 'Environment', 'ModelName', 'TransformInput'],
	QualityCheck: [
		'CheckJobConfig',
		'SkipCheck',
		'RegisterNewBaseline',
		'ModelPackageGroupName',
		'SuppliedBaselineStatistics',
		'SuppliedBaselineConstraints',
		'QualityCheckConfig',
	],
	ClarifyCheck: [
		'CheckJobConfig',
		'SkipCheck',
		'RegisterNewBaseline',
		'ModelPackageGroupName',
		'SuppliedBaselineConstraints',
		'ClarifyCheckConfig',
	],
	EMR: ['ClusterId', 'StepConfig'],
};

/** The cache key of a step's resolved arguments, or undefined when its type is never cached. */
export function cacheKey(type: string, resolvedArguments: unknown): string | undefined {
	const attributes = keyAttributes[type];
	if (!attributes) return undefined;
	const source = isRecord(resolvedArguments) ? resolvedArguments : {};
	return canonicalJson(Object.fromEntries(attributes.map((name) => [name, source[name] ?? null])));
}

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (isRecord(value)) {
		const keys = Object.keys(value).sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
	}

	return JSON.stringify(value) ?? 'null';
}

const unitMilliseconds: Record<string, number> = {
	Y: 365 * 86_400_000,
	M: 30 * 86_400_000,
	W: 7 * 86_400_000,
	D: 86_400_000,
	H: 3_600_000,
	MIN: 60_000,
	S: 1000,
};

/**
 * Parses the lenient durations the service accepts for ExpireAfter (`30d`, `P30D`, `T12H`, `PT1H`, `30dT5h`,
 * `5y`); M before T is months, after T minutes. Undefined when the text is not such a duration.
 */
export function parseExpireAfter(text: string): number | undefined {
	const match =
		/^P?(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(
			text.trim(),
		);
	if (!match || text.trim().replace(/^P/i, '') === '' || /T$/i.test(text.trim())) return undefined;
	const units = ['Y', 'M', 'W', 'D', 'H', 'MIN', 'S'];
	let total = 0;
	units.forEach((unit, index) => {
		const amount = match[index + 1];
		if (amount !== undefined) total += Number(amount) * unitMilliseconds[unit]!;
	});
	return total;
}

export type CachedRun = {
	executionArn: string;
	endedAt: number;
	metadata: Record<string, unknown>;
	properties: Record<string, unknown>;
};

/** The most recent successful run of each (pipeline, step, key); caching is scoped to one pipeline. */
export class StepCache {
	readonly #runs = new Map<string, CachedRun>();

	record(pipeline: string, step: string, key: string, run: CachedRun): void {
		this.#runs.set(`${pipeline}\u0000${step}\u0000${key}`, run);
	}

	/** A run that ended within `expireAfter` of `now` (any age when expireAfter is undefined). */
	find(
		pipeline: string,
		step: string,
		key: string,
		now: number,
		expireAfter?: number,
	): CachedRun | undefined {
		const run = this.#runs.get(`${pipeline}\u0000${step}\u0000${key}`);
		if (!run) return undefined;
		if (expireAfter !== undefined && now - run.endedAt > expireAfter) return undefined;
		return run;
	}

	forgetPipeline(pipeline: string): void {
		const prefix = `${pipeline}\u0000`;
		for (const key of this.#runs.keys()) if (key.startsWith(prefix)) this.#runs.delete(key);
	}
}
