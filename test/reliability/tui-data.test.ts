// Matrix rows about size, for the full-screen UI on a real terminal (tmux) with the built CLI: 5,000 pipelines,
// 2,000 past executions of one pipeline, an execution with 300 steps, and a 50 MB evaluation.json. Pages and
// bytes are counted at the wire; the UI's memory is read from /proc.
import {readFileSync} from 'node:fs';
import {DescribePipelineExecutionCommand, type SageMakerClient} from '@aws-sdk/client-sagemaker';
import type {S3Client} from '@aws-sdk/client-s3';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {ensureBuilt} from '../helpers/built-cli.js';
import {s3ClientFor, sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {
	abaloneDefinition,
	chainDefinition,
	createPipeline,
	evaluationUri,
	eventually,
	putObject,
	startExecution,
} from './pipelines.js';
import {type RecordingProxy, startRecordingProxy} from './recording-proxy.js';
import {openTui, type Tui} from './tui.js';

vi.setConfig({testTimeout: 60_000, hookTimeout: 60_000});

const pipelineCount = 5000;
const executionCount = 2000;
/** Far above what the UI needs for a thousand rows, far below what holding everything would take. */
const memoryCeilingKb = 300 * 1024;

let emulator: RunningEmulator;
let client: SageMakerClient;
let s3: S3Client;
let proxy: RecordingProxy;
let tui: Tui | undefined;
let chainArn: string;
let abaloneArn: string;

async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({length: limit}, async () => {
			while (next < items.length) await run(items[next++]!);
		}),
	);
}

async function ended(executionArn: string): Promise<void> {
	await eventually(
		'the run to end',
		async () => {
			const answer = await client.send(
				new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn}),
			);
			return answer.PipelineExecutionStatus !== 'Executing';
		},
		30_000,
	);
}

beforeAll(async () => {
	ensureBuilt();
	// The account quota is raised, as Service Quotas can, to hold 5,000 pipelines.
	emulator = await startTestEmulator({timeScale: 1_000_000, demo: false, maxPipelines: pipelineCount + 10});
	client = sageMakerClientFor(emulator);
	s3 = s3ClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url);
	const small = chainDefinition(1);
	await forEachLimited(
		Array.from({length: pipelineCount - 4}, (_, index) => `Bulk${String(index).padStart(4, '0')}`),
		8,
		(name) => createPipeline(client, name, small),
	);
	await createPipeline(client, 'Busy', small);
	// At most 20 executions run at once in an account: start them in waves that end before the next.
	await forEachLimited(
		Array.from({length: executionCount}, (_, index) => index),
		8,
		async () => {
			await ended(await startExecution(client, 'Busy'));
		},
	);
	await createPipeline(client, 'Chain300', chainDefinition(300));
	chainArn = await startExecution(client, 'Chain300');
	await createPipeline(client, 'Abalone', abaloneDefinition());
	abaloneArn = await startExecution(client, 'Abalone');
	await Promise.all([ended(chainArn), ended(abaloneArn)]);
});

afterEach(async () => {
	await tui?.close();
	tui = undefined;
});

afterAll(async () => {
	client?.destroy();
	s3?.destroy();
	await proxy?.close();
	await emulator?.close();
});

function residentKb(pid: number): number {
	return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

const idOf = (executionArn: string) => executionArn.split('/').pop()!;

describe('big accounts', () => {
	it('matrix: 5,000 pipelines, an execution with 300 steps, 2,000 past executions [TUI] — the newest pipelines and executions first, older pages on demand, memory bounded', async () => {
		tui = await openTui(proxy.url, {columns: 120, rows: 32});
		const since = proxy.requests.length;
		// Only the newest 1,000 pipelines are listed, and the caption says so.
		await tui.waitFor(/1000 pipelines · the newest 1000 of more \(:pipeline NAME opens any\)/, 30_000);
		const listedPages = proxy.requests
			.slice(since)
			.filter((request) => request.operation === 'SageMaker.ListPipelines');
		expect(listedPages.length).toBeLessThanOrEqual(2 * 10);
		await tui.press('End');
		await tui.waitFor(/^› Bulk\d{4} /m);
		expect(residentKb(tui.pid)).toBeLessThan(memoryCeilingKb);

		// A pipeline beyond the listed thousand is still one command away.
		await tui.openPipeline('Bulk0001');

		// 2,000 executions: the newest page first, older pages only when scrolled to.
		const beforeBusy = proxy.requests.length;
		await tui.openPipeline('Busy');
		await tui.waitFor(/50 executions · newest first · more below/);
		const olderPages = () =>
			proxy.requests
				.slice(beforeBusy)
				.filter(
					(request) =>
						request.operation === 'SageMaker.ListPipelineExecutions' && request.body.includes('NextToken'),
				);
		expect(olderPages()).toEqual([]);
		await tui.press('End');
		await tui.waitFor(/100 executions · newest first/);
		expect(olderPages().length).toBeGreaterThan(0);
		expect(olderPages().length).toBeLessThanOrEqual(2);
		expect(residentKb(tui.pid)).toBeLessThan(memoryCeilingKb);

		// 300 steps: every one drawn or listed, the window scrolled to the last.
		await tui.openPipeline('Chain300');
		await tui.select(idOf(chainArn));
		await tui.press('Enter');
		await tui.waitFor('300/300 steps done', 30_000);
		await tui.showList();
		await tui.press('End');
		await tui.waitFor(/^› Step0300 /m);
		expect(residentKb(tui.pid)).toBeLessThan(memoryCeilingKb);
		expect(tui.running()).toBe(true);
	});

	it('matrix: a 50 MB or binary evaluation.json [TUI] — a capped Range read, "showing the first 64 KB" of 50 MB', async () => {
		const row = '{"mse": 4.2, "label": "abalone"},\n';
		await putObject(
			s3,
			evaluationUri(abaloneArn),
			`{"rows": [\n${row.repeat(Math.ceil((50 * 1024 * 1024) / row.length))}{}]}`,
		);
		tui = await openTui(proxy.url, {columns: 120, rows: 32});
		await tui.openPipeline('Abalone');
		await tui.select(idOf(abaloneArn));
		await tui.press('Enter');
		await tui.waitFor('✔ SUCCEEDED');
		await tui.showList();
		await tui.select('AbaloneEval');
		const since = proxy.requests.length;
		await tui.press('e');
		const pane = await tui.waitFor('showing the first 64 KB');
		expect(pane).toMatch(/50\.0 MB · showing the first 64 KB/);
		expect(pane).toContain('"rows": [');
		const reads = proxy.requests.slice(since).filter((request) => request.operation.startsWith('S3 GET'));
		expect(reads.length).toBeGreaterThan(0);
		for (const read of reads) {
			expect(read.range).toBe(`bytes=0-${64 * 1024 - 1}`);
			expect(read.responseBytes).toBeLessThanOrEqual(64 * 1024);
		}

		expect(residentKb(tui.pid)).toBeLessThan(memoryCeilingKb);
	});
});
