// The stores behind the TUI's Pipelines and Executions screens, against the emulator: what they list, and that an
// idle account costs one call per tick.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AwsConnection} from '../../source/aws/connect.js';
import type {PipelinesApi} from '../../source/aws/types.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {createExecutionListPoller} from '../../source/watch/execution-list-poller.js';
import {createPipelineListPoller} from '../../source/watch/pipeline-list-poller.js';
import {readFixture} from '../helpers/fixtures.js';
import {connectTryingOnce, startWatchEmulator, waitForSnapshot} from './watch-harness.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';

let emulator: RunningEmulator;
let finishedArn: string;

beforeAll(async () => {
	emulator = await startWatchEmulator(1000);
});

afterAll(async () => {
	await emulator?.close();
});

/** The gateway, counting calls per method. */
function counted(pipelines: PipelinesApi): {pipelines: PipelinesApi; calls: Record<string, number>} {
	const calls: Record<string, number> = {};
	const proxy = new Proxy(pipelines, {
		get(target, property: string) {
			const method = (target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[
				property
			]!;
			return (...args: unknown[]) => {
				calls[property] = (calls[property] ?? 0) + 1;
				return method.apply(target, args);
			};
		},
	});
	return {pipelines: proxy, calls};
}

describe('list pollers', () => {
	let connection: AwsConnection;

	beforeAll(async () => {
		connection = await connectTryingOnce(emulator.url);
		const definition = JSON.parse(readFixture('abalone-tutorial.json'));
		const steps = Object.fromEntries(
			[
				'AbaloneProcess',
				'AbaloneTrain',
				'AbaloneEval',
				'AbaloneRegisterModel',
				'AbaloneCreateModel',
				'AbaloneTransform',
			].map((name) => [name, {durationSeconds: 10}]),
		);
		definition.Metadata = {'sagemon.emulator': {steps}};
		await connection.pipelines.upsertPipeline({
			name: 'Listed',
			definition: JSON.stringify(definition),
			roleArn,
		});
		await connection.pipelines.upsertPipeline({
			name: 'NeverRun',
			definition: JSON.stringify(definition),
			roleArn,
		});
		finishedArn = await connection.pipelines.startExecution({
			pipelineName: 'Listed',
			parameters: [],
			displayName: 'first',
		});
	});

	afterAll(async () => {
		await connection?.close();
	});

	it('lists pipelines with their latest execution, and idles at one call per tick', async () => {
		const {pipelines, calls} = counted(connection.pipelines);
		const poller = createPipelineListPoller({pipelines, intervalMs: 10});
		poller.start();
		try {
			const settled = await waitForSnapshot(
				poller,
				(snapshot) =>
					snapshot.pipelines.find((row) => row.pipeline.name === 'Listed')?.latestExecution?.status ===
					'Succeeded',
			);
			expect(settled.pipelines.map((row) => row.pipeline.name).sort()).toEqual(['Listed', 'NeverRun']);
			expect(settled.pipelines.find((row) => row.pipeline.name === 'Listed')?.latestExecution).toMatchObject({
				arn: finishedArn,
				displayName: 'first',
			});
			expect(settled.pipelines.find((row) => row.pipeline.name === 'NeverRun')).not.toHaveProperty(
				'latestExecution',
			);

			const lookups = calls.listExecutions ?? 0;
			const lists = calls.listPipelines ?? 0;
			await waitForSnapshot(poller, () => (calls.listPipelines ?? 0) >= lists + 5);
			expect(calls.listExecutions ?? 0).toBe(lookups);
			expect(poller.getSnapshot()).toBe(settled);
		} finally {
			poller.stop();
		}
	});

	it('lists one pipeline executions newest first, and says gone when the pipeline is deleted', async () => {
		const second = await connection.pipelines.startExecution({
			pipelineName: 'Listed',
			parameters: [],
			displayName: 'second',
		});
		const poller = createExecutionListPoller({
			pipelines: connection.pipelines,
			pipelineName: 'Listed',
			intervalMs: 10,
		});
		poller.start();
		try {
			const listed = await waitForSnapshot(poller, (snapshot) => snapshot.executions.length === 2);
			expect(listed.executions.map((execution) => execution.arn)).toEqual([second, finishedArn]);
			await waitForSnapshot(poller, (snapshot) => snapshot.executions[0]?.status === 'Succeeded');
			await connection.pipelines.deletePipeline('Listed');
			const gone = await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'gone');
			expect(gone.error).toMatchObject({kind: 'NotFound'});
		} finally {
			poller.stop();
		}
	});
});

describe('the pipelines poller with many pipelines', () => {
	let connection: AwsConnection;
	const fleet = Array.from({length: 130}, (_, index) => `Fleet-${String(index).padStart(3, '0')}`);

	beforeAll(async () => {
		connection = await connectTryingOnce(emulator.url);
		const definition = readFixture('abalone-tutorial.json');
		for (const name of fleet) await connection.pipelines.upsertPipeline({name, definition, roleArn});
	});

	afterAll(async () => {
		await connection?.close();
	});

	it('looks up latest runs only for the rows on screen, and for rows as they come into view', async () => {
		const {pipelines, calls} = counted(connection.pipelines);
		const poller = createPipelineListPoller({pipelines, intervalMs: 60_000, visibleRows: 20});
		const partial: number[] = [];
		poller.subscribe(() => {
			const snapshot = poller.getSnapshot();
			if (snapshot.phase === 'loading') partial.push(snapshot.pipelines.length);
		});
		poller.start();
		try {
			const first = await waitForSnapshot(poller, (snapshot) => snapshot.phase === 'live');
			// Pages show as they arrive, before the latest runs are looked up.
			expect(partial).toEqual([100]);
			expect(first.pipelines.length).toBeGreaterThanOrEqual(130);
			expect(calls.listPipelines).toBe(2);
			expect(calls.listExecutions).toBe(20);
			expect(first.pipelines.slice(0, 20).every((row) => row.latestPending === undefined)).toBe(true);
			expect(first.pipelines.slice(20).every((row) => row.latestPending === true)).toBe(true);

			const scrolledTo = first.pipelines.slice(100, 120).map((row) => row.pipeline.name);
			poller.showRows(scrolledTo);
			const scrolled = await waitForSnapshot(poller, (snapshot) =>
				snapshot.pipelines.slice(100, 120).every((row) => row.latestPending === undefined),
			);
			expect(calls.listPipelines).toBe(2);
			expect(calls.listExecutions).toBe(40);
			expect(scrolled.pipelines[50]?.latestPending).toBe(true);

			// Rows already known cost nothing when they come back into view.
			poller.showRows(first.pipelines.slice(0, 20).map((row) => row.pipeline.name));
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(calls.listExecutions).toBe(40);
		} finally {
			poller.stop();
		}
	});
});
