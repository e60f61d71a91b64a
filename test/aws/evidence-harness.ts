// An emulator on a loopback port with the real gateway and object store over HTTP, for the evidence tests: it
// creates pipelines, runs executions to their end, and counts the gateway calls made per method.
import {afterAll, beforeAll} from 'vitest';
import {createObjectStore} from '../../source/aws/object-store.js';
import {createSageMakerGateway} from '../../source/aws/sagemaker-gateway.js';
import type {ObjectStore, PipelinesApi} from '../../source/aws/types.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {terminalExecutionStatuses} from '../../source/pipeline/model.js';
import {s3ClientFor, sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';

export const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';

export type EvidenceBackend = {pipelines: PipelinesApi; objects: ObjectStore};

/** The backend with the emulator it talks to (for SDK calls the gateway does not make). */
export type EmulatorBackend = EvidenceBackend & {readonly emulator: RunningEmulator};

/** Started before the file's tests, closed after them. */
export function evidenceBackendForFile(): EmulatorBackend {
	let emulator: RunningEmulator | undefined;
	let access: EvidenceBackend | undefined;
	beforeAll(async () => {
		emulator = await startTestEmulator({timeScale: 2000});
		access = {
			pipelines: createSageMakerGateway(sageMakerClientFor(emulator)),
			objects: createObjectStore(s3ClientFor(emulator)),
		};
	});
	afterAll(async () => {
		await emulator?.close();
	});
	const current = () => {
		if (!access) throw new Error('The emulator starts in beforeAll: use it in a test or a hook.');
		return access;
	};

	return {
		get emulator() {
			current();
			return emulator as RunningEmulator;
		},
		get pipelines() {
			return current().pipelines;
		},
		get objects() {
			return current().objects;
		},
	};
}

/** Creates (or updates) the pipeline, starts an execution with `parameters` and waits until it has ended. */
export async function runToEnd(
	pipelines: PipelinesApi,
	name: string,
	definition: unknown,
	parameters: Record<string, string> = {},
): Promise<string> {
	await pipelines.upsertPipeline({name, definition: JSON.stringify(definition), roleArn});
	const arn = await pipelines.startExecution({
		pipelineName: name,
		parameters: Object.entries(parameters).map(([key, value]) => ({name: key, value})),
	});
	for (;;) {
		const {status} = await pipelines.describeExecution(arn);
		if (terminalExecutionStatuses.has(status)) return arn;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** The same gateway, counting the calls made through it per method. */
export function countingCalls(access: EvidenceBackend): {
	access: EvidenceBackend;
	calls: Map<string, number>;
} {
	const calls = new Map<string, number>();
	const pipelines = new Proxy(access.pipelines, {
		get(target, property, receiver) {
			const value = Reflect.get(target, property, receiver);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
				return value.apply(target, args);
			};
		},
	});
	return {access: {pipelines, objects: access.objects}, calls};
}
