// The log pane on its own over a fake LogsApi: lines arriving while following, the one-line messages (no job, no
// group yet, access denied), a 10 MB line and escape sequences shown as text, save to a file.
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import type {JobLogEvent, LogsApi} from '../../../../source/aws/logs-types.js';
import {AwsError} from '../../../../source/aws/types.js';
import type {StepRecord} from '../../../../source/pipeline/model.js';
import {LogPane} from '../../../../source/ui/screens/execution/log-pane.js';
import {createFakePipelines} from '../../fake-pipelines.js';
import {renderScreen} from '../../render-screen.js';

const job = 'pipelines-abc-Train-1234';
const running: StepRecord = {
	name: 'Train',
	status: 'Executing',
	metadata: {TrainingJob: {Arn: `arn:aws:sagemaker:us-east-1:111122223333:training-job/${job}`}},
};

/** A LogsApi whose follower hands out what `pending` holds at each poll; `failure` makes every call fail. */
function fakeLogs(options: {failure?: AwsError; noGroup?: boolean} = {}) {
	const pending: JobLogEvent[] = [];
	let calls = 0;
	const fail = () => {
		if (options.failure) throw options.failure;
	};
	const logs: LogsApi = {
		async findStreams() {
			fail();
			if (options.noGroup) throw new AwsError('NotFound', 'The specified log group does not exist.');
			return [];
		},
		readStream: async () => [],
		readTail: async () => [],
		filter: async () => [],
		follow: () => ({
			get calls() {
				return calls;
			},
			async poll() {
				calls++;
				fail();
				return pending.splice(0);
			},
		}),
	};
	const add = (instance: string, ...messages: string[]) =>
		pending.push(
			...messages.map((message, index) => ({
				stream: `${job}/${instance}-1700000000`,
				instance,
				timestamp: Date.UTC(2026, 0, 1) + pending.length + index,
				message,
			})),
		);
	return {logs, add};
}

function show(record: StepRecord | undefined, logs?: LogsApi) {
	return renderScreen(
		<LogPane stepName="Train" record={record} width={100} height={20} active onClose={() => {}} />,
		{pipelines: createFakePipelines([]), ...(logs ? {services: {logs: async () => logs}} : {})},
	);
}

let cwd: string | undefined;
afterEach(() => {
	if (cwd) {
		process.chdir(join(cwd, '..'));
		rmSync(cwd, {recursive: true, force: true});
		cwd = undefined;
	}
});

describe('the log pane', () => {
	test('shows lines of both instances as they arrive, following the end without a key', async () => {
		const {logs, add} = fakeLogs();
		add('algo-1', 'epoch 1 loss=0.9');
		const pane = show(running, logs);
		await pane.waitFor('[algo-1] epoch 1 loss=0.9');
		expect(pane.screen()).toMatch(/Logs · Train · 1 instance · following · 1 lines/);
		for (let epoch = 2; epoch <= 40; epoch++)
			add(epoch % 2 ? 'algo-1' : 'algo-2', `epoch ${epoch} loss=0.${epoch}`);
		await pane.waitFor('[algo-2] epoch 40 loss=0.40');
		expect(pane.screen()).toContain('2 instances');
		expect(pane.screen()).not.toContain('epoch 1 loss');
	});

	test('a search and wrap stay on while lines arrive: new matches are counted, one instance shown alone', async () => {
		const {logs, add} = fakeLogs();
		add('algo-1', 'epoch 1 loss=0.9');
		add('algo-2', 'epoch 1 loss=0.8');
		const pane = show(running, logs);
		await pane.waitFor('[algo-2] epoch 1 loss=0.8');
		await pane.press('/');
		await pane.press('loss');
		await pane.press('\r', '2 matches for “loss”');
		await pane.press('w', ' · wrap');
		add('algo-1', 'epoch 2 loss=0.7', `epoch 3 ${'x'.repeat(150)} loss=0.6`);
		await pane.waitFor('4 matches for “loss”');
		await pane.press('i', 'Logs · Train · algo-1');
		await pane.waitFor('3 matches for “loss”');
		expect(pane.screen()).not.toContain('loss=0.8');
	});

	test('says in one line when the step has no job, or has not started', async () => {
		const condition = show({name: 'Check', status: 'Succeeded', metadata: {Condition: {Outcome: 'True'}}});
		await condition.waitFor(
			'A Condition step has no logs: only Processing, Training and Transform jobs write logs.',
		);
		const notStarted = show(undefined);
		await notStarted.waitFor('This step has not started, so it has no logs yet.');
	});

	test('matrix: a missing log group [TUI] — the pane says the group does not exist yet', async () => {
		const pane = show(running, fakeLogs({noGroup: true}).logs);
		await pane.waitFor('The log group /aws/sagemaker/TrainingJobs does not exist yet (no training job has');
	});

	test('matrix: logs access denied [TUI] — the pane says so in one line', async () => {
		const failure = new AwsError(
			'AccessDenied',
			'Access denied: not authorized to perform logs:GetLogEvents on /aws/sagemaker/TrainingJobs.',
		);
		const pane = show(running, fakeLogs({failure}).logs);
		await pane.waitFor('Access denied: not authorized to perform logs:GetLogEvents');
	});

	test('matrix: logs throttled [TUI] — the pane says it could not read and keeps the lines it has', async () => {
		const {logs, add} = fakeLogs();
		add('algo-1', 'before the throttling');
		let polls = 0;
		const follower = logs.follow({kind: 'training', name: job});
		const throttled: LogsApi = {
			...logs,
			follow: () => ({
				calls: 0,
				poll: () =>
					polls++ === 0 ? follower.poll() : Promise.reject(new AwsError('Throttled', 'Rate exceeded')),
			}),
		};
		const pane = show(running, throttled);
		await pane.waitFor('Could not read the log: Rate exceeded');
		expect(pane.screen()).toContain('[algo-1] before the throttling');
	});

	test('matrix: a 10 MB single log line [TUI] — cut, drawn in one row, the pane still responds', async () => {
		const {logs, add} = fakeLogs();
		add('algo-1', `huge ${'z'.repeat(10 * 1024 * 1024)}`, 'after the huge line');
		const pane = show(running, logs);
		await pane.waitFor('after the huge line', 15_000);
		expect(pane.screen()).toMatch(/\[algo-1\] huge zzzz/);
	});

	test('matrix: terminal control sequences in remote text [log pane] — shown as visible text', async () => {
		const {logs, add} = fakeLogs();
		add('algo-1', 'red \u001b[31mX\u001b[0m title \u001b]0;pwned\u0007 csi \u009b2J');
		const pane = show(running, logs);
		await pane.waitFor('red ^[[31mX^[[0m title ^[]0;pwned^G csi <U+009B>2J');
		expect(pane.screen()).not.toMatch(/\u001b\]|\u0007|\u009b/);
	});

	test('s saves the shown log to a file in the current directory and names it', async () => {
		cwd = mkdtempSync(join(tmpdir(), 'sagemon-log-save-'));
		process.chdir(cwd);
		const {logs, add} = fakeLogs();
		add('algo-1', 'line one', 'line two');
		const pane = show(running, logs);
		await pane.waitFor('line two');
		await pane.press('s');
		await pane.until(() => pane.notices.length > 0, 'for the save message');
		const [notice] = pane.notices;
		expect(notice?.text).toMatch(/^Saved 2 lines to sagemon-Train-[\dT-]+\.log\.$/);
		const file = /to (\S+)\.$/.exec(notice!.text)![1]!;
		expect(existsSync(join(cwd, file))).toBe(true);
		expect(readFileSync(join(cwd, file), 'utf8')).toBe('[algo-1] line one\n[algo-1] line two\n');
	});
});
