// Matrix rows about what the full-screen UI is given, on a real terminal (tmux) with the built CLI: hostile text
// from the service and S3, definitions that are malformed in every way the matrix lists, and parameter values
// of the wrong type, empty, huge or in any script, typed into the start form.
import {
	DescribePipelineExecutionCommand,
	ListPipelineExecutionsCommand,
	ListPipelineParametersForExecutionCommand,
	type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {ensureBuilt} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';
import {hostileMarkers, pipelineWithHostileText} from './hostile-text.js';
import {abaloneDefinition, chainDefinition, createPipeline, eventually, startExecution} from './pipelines.js';
import {isMutating, type RecordingProxy, startRecordingProxy} from './recording-proxy.js';
import {openTui, type Tui} from './tui.js';

vi.setConfig({testTimeout: 200_000});

const lambda = (name: string, dependsOn?: string[]) => ({
	Name: name,
	Type: 'Lambda',
	Arguments: {},
	FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:noop',
	...(dependsOn ? {DependsOn: dependsOn} : {}),
});

/** What a broken or hostile endpoint says the definition of these pipelines (and their runs) is. */
function malformedDefinitions(): Record<string, string> {
	const unknownType = JSON.parse(readFixture('abalone-tutorial.json'));
	unknownType.Steps[1].Type = 'QuantumCompute';
	const long = 'N'.repeat(10_000);
	return {
		BadNotJson: '{"Version": "2020-12-01", "Steps": [',
		BadUnknownType: JSON.stringify(unknownType),
		BadCycle: JSON.stringify({
			Version: '2020-12-01',
			Parameters: [],
			Steps: [lambda('A', ['B']), lambda('B', ['A'])],
		}),
		Bad2000Steps: JSON.stringify(chainDefinition(2000)),
		BadLongNames: JSON.stringify({
			Version: '2020-12-01',
			Parameters: [{Name: 'P'.repeat(10_000), Type: 'String', DefaultValue: 'x'}],
			Steps: [lambda(long), lambda('M'.repeat(10_000), [long])],
		}),
	};
}

const definitions = malformedDefinitions();

let emulator: RunningEmulator;
let client: SageMakerClient;
let proxy: RecordingProxy;
let tui: Tui | undefined;
const executions = new Map<string, string>();

async function finish(
	pipelineName: string,
	extra: Parameters<typeof startExecution>[2] = {},
): Promise<string> {
	const executionArn = await startExecution(client, pipelineName, extra);
	await eventually(`${pipelineName} to end`, async () => {
		const {PipelineExecutionStatus} = await client.send(
			new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn}),
		);
		return PipelineExecutionStatus !== 'Executing';
	});
	executions.set(pipelineName, executionArn);
	return executionArn;
}

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 20_000, demo: false});
	client = sageMakerClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url, {
		rewriteRequest: hostileMarkers.rewriteRequest!,
		rewriteResponse(body, request) {
			const broken = Object.keys(definitions).find((name) => request.body.includes(name));
			if (
				broken &&
				(request.operation === 'SageMaker.DescribePipeline' ||
					request.operation === 'SageMaker.DescribePipelineDefinitionForExecution')
			) {
				const answer = JSON.parse(body) as {PipelineDefinition?: string};
				if (answer.PipelineDefinition !== undefined) answer.PipelineDefinition = definitions[broken];
				return JSON.stringify(answer);
			}

			return hostileMarkers.rewriteResponse!(body, request);
		},
	});
	await createPipeline(client, 'HostilePipeline', pipelineWithHostileText());
	await createPipeline(client, 'Abalone', abaloneDefinition());
	await finish('HostilePipeline', {PipelineExecutionDisplayName: 'HostileRun'});
	for (const name of Object.keys(definitions)) {
		await createPipeline(client, name, abaloneDefinition());
		await finish(name);
	}
});

afterEach(async () => {
	await tui?.close();
	tui = undefined;
});

afterAll(async () => {
	client?.destroy();
	await proxy?.close();
	await emulator?.close();
});

const idOf = (executionArn: string) => executionArn.split('/').pop()!;
const flat = (screen: string) => screen.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');

describe('the UI given hostile text', () => {
	it('matrix: terminal control sequences in remote text [TUI] — names, reasons, Fail messages, parameters and S3 content shown as visible text; the terminal untouched', async () => {
		tui = await openTui(proxy.url, {columns: 160, rows: 40});
		await tui.waitFor(/sagemon Pipelines/);
		const before = await tui.state();
		const seen: string[] = [];
		const look = async (text: string | RegExp) => {
			seen.push(await tui!.waitFor(text));
		};

		await look(/clip\^\[\]52;c;cm0gLXJmIH4=\^G title\^\[\]2;pwned\^G/);
		await tui.openPipeline('HostilePipeline');
		await look(/run clip\^\[\]52/);
		await tui.select(idOf(executions.get('HostilePipeline')!));
		await tui.press('Enter');
		await look('✖ FAILED');
		await tui.showList();
		await look('DAG [list] timeline');
		// Each pane is waited for to open and to close: keys typed faster than a person can (Esc, then an arrow's
		// escape sequence) may reach the UI as one sequence.
		const pane = async (key: string, title: string, text: RegExp) => {
			await tui!.press(key);
			await look(title);
			await look(text);
			await tui!.press('Escape');
			await tui!.waitFor((screen) => !screen.includes(title));
		};

		await tui.select('AbaloneMSEFail');
		await pane('Enter', 'Step AbaloneMSEFail', /Fail: clip\^\[\]52/);
		await tui.select('AbaloneEval');
		await pane('e', 'Reports of AbaloneEval', /clip\\u001b\]52/);
		await pane('P', 'Parameters this execution ran with', /Note\s+clip\^\[\]52/);

		const after = await tui.state();
		expect(after).toEqual(before);
		expect(after.clipboardWrites).toEqual([]);
		expect(after.title).not.toMatch(/pwned|c1-title/);
		const everything = seen.join('\n');
		expect(everything).toContain('<U+009B>31m<U+009D>2;c1-title<U+009C>');
		expect(everything).toContain('bidi<U+202E>evil');
		await tui.press('q');
		const done = await tui.finished();
		expect(done).toEqual({status: 0, terminalRestored: true});
		const restored = await tui.state();
		expect(restored.alternateScreen).toBe(false);
		expect(restored.cursorVisible).toBe(true);
		expect(restored.clipboardWrites).toEqual([]);
	});
});

describe('the UI given malformed definitions', () => {
	it('matrix: definition not JSON, unknown step types, cycles, 2,000 steps, 10,000-character names [TUI] — each execution and start form drawn or explained, never a crash', async () => {
		tui = await openTui(proxy.url, {columns: 120, rows: 32});
		const settled = (screen: string) => !/Loading execution|Reading the definition|loading…/.test(screen);
		const shown: Record<string, string> = {};
		for (const name of Object.keys(definitions)) {
			await tui.openPipeline(name);
			await tui.select(idOf(executions.get(name)!));
			await tui.press('Enter');
			await tui.waitFor(new RegExp(`Pipelines › ${name} › execution-`));
			shown[name] = await tui.waitFor(settled);
			expect(tui.running(), name).toBe(true);
			await tui.press('Escape');
			await tui.waitFor(/executions? · newest first/);
			await tui.press('s');
			shown[`${name} form`] = await tui.waitFor(new RegExp(`Start ${name} · `));
			await tui.press('Escape');
			await tui.waitFor(/executions? · newest first/);
		}

		// Explained: the definition that cannot be read, and what is wrong with it in the start form.
		expect(flat(shown.BadNotJson!)).toContain(
			'Could not read this execution’s definition: The definition is not valid JSON: the JSON ends early',
		);
		expect(shown['BadNotJson form']).toContain('the definition has 1 problem(s)');
		expect(shown['BadLongNames form']).toContain('the definition has 3 problem(s)');
		// Drawn: unknown types and cycles as boxes, 2,000 steps and 10,000-character names windowed and cut.
		expect(shown.BadUnknownType).toContain('AbaloneTrain');
		expect(shown.BadCycle).toMatch(/^› A Lambda /m);
		expect(shown.Bad2000Steps).toMatch(/Step0001[\s\S]*↓ \d+ more rows/);
		expect(shown.BadLongNames).toContain('MMMMMMMMMMM…MMMMMMMMMMM');
		for (const screen of Object.values(shown)) {
			expect(screen.split('\n').every((line) => line.length <= 120)).toBe(true);
		}
		expect(tui.running()).toBe(true);
		await tui.press('q');
		expect(await tui.finished()).toEqual({status: 0, terminalRestored: true});
	});
});

describe('the start form given bad values', () => {
	it('matrix: parameter overrides of the wrong type, empty, huge, unicode [TUI] — an error on each field as typed, nothing sent until all are valid', async () => {
		tui = await openTui(proxy.url, {columns: 140, rows: 36});
		await tui.openPipeline('Abalone');
		await tui.press('s');
		await tui.waitFor('Start Abalone · 6 parameters');
		const since = proxy.requests.length;
		const edit = async (field: string, value: string) => {
			await tui!.select(field);
			await tui!.press('Enter', 'C-u');
			await tui!.waitFor('typing:');
			if (value !== '') await tui!.type(value);
			await tui!.press('Enter');
			await tui!.waitFor((screen) => !screen.includes('typing:'));
		};
		const row = (screen: string, field: string) =>
			screen.split('\n').find((line) => line.slice(2).startsWith(`${field} `)) ?? '';

		await edit('ProcessingInstanceCount', 'many');
		await edit('ModelApprovalStatus', '');
		await edit('InputData', `s3://bucket/${'x'.repeat(1100)}`);
		await edit('BatchData', 's3://bucket/données/模型/😀');
		const form = await tui.screen();
		for (const field of ['ProcessingInstanceCount', 'ModelApprovalStatus', 'InputData']) {
			expect(row(form, field), field).toMatch(/ invalid$/);
		}

		expect(row(form, 'BatchData')).toContain('s3://bucket/données/模型/😀  ● changed');
		expect(row(form, 'ProcessingInstanceType')).not.toContain('invalid');
		// Each field says what is wrong with it when selected.
		for (const [field, problem] of [
			['ProcessingInstanceCount', "ProcessingInstanceCount must be a whole number, got 'many'"],
			['ModelApprovalStatus', 'ModelApprovalStatus must not be empty'],
			['InputData', 'InputData must be at most 1024 characters, got 1112'],
		] as const) {
			await tui.select(field);
			await tui.waitFor((screen) => flat(screen).includes(problem));
		}

		await tui.press('C-s');
		await tui.waitFor(/must be a whole number, got 'many'.*\(and \d more\)/);
		expect(proxy.requests.slice(since).filter(isMutating)).toEqual([]);

		await edit('ProcessingInstanceCount', '2');
		await edit('ModelApprovalStatus', 'Approved');
		await edit('InputData', 's3://bucket/abalone.csv');
		await tui.press('C-s');
		await tui.waitFor(/Pipelines › Abalone › execution-/);
		const started = proxy.requests.slice(since).filter(isMutating);
		expect(started.map((request) => request.operation)).toEqual(['SageMaker.StartPipelineExecution']);
		// Valid unicode is sent exactly as typed.
		const {PipelineExecutionSummaries} = await client.send(
			new ListPipelineExecutionsCommand({PipelineName: 'Abalone'}),
		);
		const {PipelineParameters} = await client.send(
			new ListPipelineParametersForExecutionCommand({
				PipelineExecutionArn: PipelineExecutionSummaries![0]!.PipelineExecutionArn!,
			}),
		);
		expect(PipelineParameters).toContainEqual({Name: 'BatchData', Value: 's3://bucket/données/模型/😀'});
	});
});
