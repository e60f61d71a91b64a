// Matrix row: terminal control sequences (ESC, OSC 52 clipboard, OSC title, CSI cursor moves, BEL, C1 controls)
// in remote text reach the user as visible, harmless text, and the terminal's state is untouched. Failure
// reasons, Fail messages, descriptions, parameter defaults and S3 report content go through the real API; names
// the service would refuse come from an endpoint that rewrites its answers (a hostile or broken server).
import {DescribePipelineExecutionCommand, type SageMakerClient} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cliPath, ensureBuilt, projectRoot, runCli, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {hostile, hostileMarkers, pipelineWithHostileText} from './hostile-text.js';
import {abaloneDefinition, createPipeline, eventually, startExecution} from './pipelines.js';
import {type RecordingProxy, startRecordingProxy} from './recording-proxy.js';
import {openTerminal} from './tmux-terminal.js';

let emulator: RunningEmulator;
let client: SageMakerClient;
let proxy: RecordingProxy;
let failedStepArn: string;
let failStepArn: string;

async function finished(executionArn: string): Promise<void> {
	await eventually('the execution to end', async () => {
		const {PipelineExecutionStatus} = await client.send(
			new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn}),
		);
		return PipelineExecutionStatus === 'Failed';
	});
}

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 5000, demo: false});
	client = sageMakerClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url, {
		...hostileMarkers,
	});
	await createPipeline(client, 'HostilePipeline', pipelineWithHostileText(), {PipelineDescription: hostile});
	await createPipeline(client, 'TrainFails', abaloneDefinition({AbaloneTrain: {fail: `OOM ${hostile}`}}));
	failStepArn = await startExecution(client, 'HostilePipeline', {
		PipelineExecutionDescription: hostile,
		PipelineExecutionDisplayName: 'HostileRun',
	});
	failedStepArn = await startExecution(client, 'TrainFails');
	await finished(failStepArn);
	await finished(failedStepArn);
});

afterAll(async () => {
	client?.destroy();
	await proxy?.close();
	await emulator?.close();
});

/** Controls a terminal acts on; sagemon may print only newlines (and, in --json, nothing raw at all). */
const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('hostile text from the service and S3', () => {
	const commands = () => [
		['describe', failStepArn],
		['describe', failedStepArn],
		['steps', failStepArn],
		['steps', failedStepArn],
		['wait', failStepArn],
		['wait', failedStepArn],
		['watch', failStepArn],
		['report', failStepArn],
		['dag', 'HostilePipeline'],
	];

	it('matrix: terminal control sequences in remote text [commands] — shown as visible text, never sent raw, terminal state untouched', async () => {
		// Piped: not one raw control character in any output, plain or --json.
		const runs = commands().flatMap((args) => [args, [...args, '--json']]);
		const results = await Promise.all(
			runs.map((args) => runCli([...args, '--endpoint-url', proxy.url], {env: testAwsEnv()})),
		);
		results.forEach((result, index) => {
			const args = runs[index]!;
			const what = `sagemon ${args[0]}${args.includes('--json') ? ' --json' : ''}`;
			expect(result.code === 0 || result.code === 1, `${what}: ${result.stderr}`).toBe(true);
			expect(unsafe.exec(result.stdout)?.[0], `${what} stdout`).toBeUndefined();
			expect(unsafe.exec(result.stderr)?.[0], `${what} stderr`).toBeUndefined();
			if (args.includes('--json')) expect(() => JSON.parse(result.stdout), what).not.toThrow();
		});

		// On a terminal: the words around each sequence are all there, and the terminal did none of it.
		const script = commands()
			.map((args) =>
				[process.execPath, cliPath, ...args, '--endpoint-url', proxy.url]
					.map((part) => `'${part}'`)
					.join(' '),
			)
			.join('; ');
		const terminal = await openTerminal(['sh', '-c', script], {
			columns: 160,
			rows: 50,
			env: testAwsEnv(),
			cwd: projectRoot,
		});
		try {
			const before = await terminal.state();
			const done = await terminal.finished(30_000);
			expect(done.terminalRestored).toBe(true);
			const after = await terminal.state();
			expect(after).toEqual(before);
			expect(after.clipboardWrites).toEqual([]);
			expect(after.title).not.toMatch(/pwned|c1-title/);
			expect(after.alternateScreen).toBe(false);
			expect(after.cursorVisible).toBe(true);

			const everything = await terminal.screen({history: true});
			expect(everything).toContain('clip^[]52;c;cm0gLXJmIH4=^G');
			expect(everything).toContain('title^[]2;pwned^G');
			expect(everything).toContain('clear^[[2J^[[H');
			expect(everything).toContain('<U+009B>31m<U+009D>2;c1-title<U+009C>');
			expect(everything).toContain('bidi<U+202E>evil');
			expect(everything).toMatch(/^Description +clip\^\[\]52/m);
			expect(everything).toMatch(/^ {2}Note +clip\^\[\]52/m);
			expect(everything).toMatch(/^Failed +AbaloneMSEFail \(\d+ms\): Fail: clip\^\[\]52/m);
			expect(everything).toMatch(/^AbaloneTrain +Training +Failed .* OOM clip\^\[\]52/m);
			expect(everything).toContain('"note": "clip\\u001b]52;c;cm0gLXJmIH4=\\u0007');
		} finally {
			await terminal.close();
		}
	});
});
