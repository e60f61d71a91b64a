// Everything one running emulator holds, wired together: clock, object storage, jobs, cache, engine, store.
import type {Clock} from './clock.js';
import {StepCache} from './engine/cache.js';
import {JobRegistry} from './engine/jobs.js';
import {ExecutionEngine} from './engine/scheduler.js';
import {IdempotencyCache} from './idempotency.js';
import {lowerAlphanumeric, type Random, seededRandom} from './random.js';
import {ModelRegistry} from './registry/model-registry.js';
import {ObjectStorage} from './s3-store.js';
import {PipelineStore} from './store.js';

export type EmulatorState = {
	clock: Clock;
	seed: number;
	/** Simulated seconds per real second for executions started through the API. */
	timeScale: number;
	/** Pipelines the account may hold: the service's default quota (500) unless raised, as Service Quotas can. */
	maxPipelines: number;
	storage: ObjectStorage;
	jobs: JobRegistry;
	cache: StepCache;
	engine: ExecutionEngine;
	store: PipelineStore;
	registry: ModelRegistry;
	idempotency: IdempotencyCache;
	newExecutionId(): string;
};

export function createEmulatorState(options: {
	clock: Clock;
	seed: number;
	timeScale: number;
	maxPipelines?: number;
}): EmulatorState {
	const {clock, seed, timeScale} = options;
	const storage = new ObjectStorage(() => clock.now());
	const jobs = new JobRegistry();
	const cache = new StepCache();
	const store = new PipelineStore();
	const registry = new ModelRegistry();
	const ids: Random = seededRandom(seed);
	return {
		clock,
		seed,
		timeScale,
		maxPipelines: options.maxPipelines ?? 500,
		storage,
		jobs,
		cache,
		store,
		registry,
		engine: new ExecutionEngine({clock, seed, storage, jobs, cache, registry}),
		idempotency: new IdempotencyCache(),
		newExecutionId() {
			let id = ids.text(12, lowerAlphanumeric);
			while (store.executions.has(id)) id = ids.text(12, lowerAlphanumeric);
			return id;
		},
	};
}
