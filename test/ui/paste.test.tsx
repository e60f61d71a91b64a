// Pasted text and bursts of keys never change anything: every printable ASCII character, pasted (bracketed) and
// sent as one raw burst, into every screen, makes no call that starts, stops, retries or deletes. A question is
// answered only by a key pressed after it is on screen, and pasted text reaches only a text field being edited.
import {describe, expect, test} from 'vitest';
import type {AwsAccess} from '../../source/aws/types.js';
import type {Route} from '../../source/ui/shell/routes.js';
import {keys, type RenderedApp, renderApp} from './app-harness.js';
import {createFakePipelines, type FakePipelines, fakeAccess} from './fake-pipelines.js';

const printable = Array.from({length: 0x7f - 0x20}, (_, index) => String.fromCharCode(0x20 + index)).join('');
const paste = (text: string) => `\u001B[200~${text}\u001B[201~`;
const alpha = 'arn:aws:sagemaker:us-east-1:000000000000:pipeline/alpha';
const running = `${alpha}/execution/running`;
const failed = `${alpha}/execution/failed`;

const screens: Record<string, {routes: Route[]; shows: string | RegExp}> = {
	pipelines: {routes: [{kind: 'pipelines'}], shows: '2 pipelines'},
	executions: {
		routes: [{kind: 'pipelines'}, {kind: 'executions', pipelineName: 'Alpha'}],
		shows: '2 executions',
	},
	'execution (running)': {
		routes: [
			{kind: 'pipelines'},
			{kind: 'executions', pipelineName: 'Alpha'},
			{kind: 'execution', pipelineName: 'Alpha', executionArn: running},
		],
		shows: 'AbaloneProcess',
	},
	'execution (failed)': {
		routes: [
			{kind: 'pipelines'},
			{kind: 'executions', pipelineName: 'Alpha'},
			{kind: 'execution', pipelineName: 'Alpha', executionArn: failed},
		],
		shows: 'AbaloneProcess',
	},
	'start form': {
		routes: [{kind: 'pipelines'}, {kind: 'start', pipelineName: 'Alpha'}],
		shows: /Start Alpha · \d+ parameters/,
	},
};

const inputs: Record<string, string> = {
	'a bracketed paste of every printable character': paste(printable),
	'every printable character as one raw burst': printable,
	'the same, in reverse order': [...printable].reverse().join(''),
	'“proxy” as one raw burst (p pauses, x asks, y would answer)': 'proxy',
	'every mutating key followed by its answer, as one raw burst': 'xyRyDyAlpha\rs',
};

function open(routes: Route[]): {app: RenderedApp; pipelines: FakePipelines} {
	const pipelines = createFakePipelines([
		{
			name: 'Alpha',
			executions: [
				{id: 'running', status: 'Executing'},
				{id: 'failed', status: 'Failed'},
			],
		},
		{name: 'Beta'},
	]);
	const access: AwsAccess = fakeAccess(pipelines);
	return {app: renderApp(access, {initialRoutes: routes}), pipelines};
}

/** Lets the router work through a burst: one key per render, or 15 ms when a key changes nothing; a paste is one. */
const drained = (input: string) =>
	new Promise((resolve) =>
		setTimeout(resolve, input.startsWith('\u001B[200~') ? 300 : 20 * input.length + 300),
	);

// One app at a time: each burst keeps a core busy, and the other test files share the machine.
describe('nothing pasted or sent in one burst changes anything', () => {
	for (const [screen, {routes, shows}] of Object.entries(screens)) {
		for (const [what, input] of Object.entries(inputs)) {
			test(`matrix: pasted text and bursts of keys [every screen] — ${screen}: ${what} makes no call that changes anything`, async () => {
				const {app, pipelines} = open(routes);
				try {
					await app.waitFor(shows);
					await app.press(input);
					await drained(input);
					expect(pipelines.changes).toEqual([]);
					expect((await pipelines.describeExecution(running)).status).toBe('Executing');
					expect((await pipelines.describeExecution(failed)).status).toBe('Failed');
				} finally {
					app.unmount();
					app.cleanupConfig();
				}
			});
		}
	}
});

describe('a question', () => {
	test('opened by a key of a burst ignores the rest of it, and answers a key pressed after it shows', async () => {
		const {app, pipelines} = open(screens['execution (running)']!.routes);
		try {
			await app.waitFor('AbaloneProcess');
			await app.press('xy', '[y/N]');
			await drained('xy');
			expect(app.screen()).toContain('[y/N]');
			expect(pipelines.changes).toEqual([]);
			await app.press(paste('y'));
			await drained('y');
			expect(app.screen()).toContain('[y/N]');
			expect(pipelines.changes).toEqual([]);
			await app.press('y');
			await app.waitForGone('[y/N]');
			expect(pipelines.changes).toEqual([`stopExecution ${running}`]);
		} finally {
			app.unmount();
			app.cleanupConfig();
		}
	});

	test('asking for a name takes typed keys, never a paste of the name', async () => {
		const {app, pipelines} = open(screens.pipelines!.routes);
		try {
			await app.waitFor('2 pipelines');
			await app.press('o', 'sorted name A→Z');
			await app.press('D', 'Type Alpha to confirm');
			await app.press(`${paste('Alpha')}\r`, 'That is not the name');
			expect(pipelines.changes).toEqual([]);
			await app.press('Alpha');
			await app.press(keys.enter);
			await app.waitForGone('to confirm');
			expect(pipelines.changes).toEqual(['deletePipeline Alpha']);
		} finally {
			app.unmount();
			app.cleanupConfig();
		}
	});
});

describe('pasted text', () => {
	test('goes into a text field being edited, as typed text without its line breaks', async () => {
		const {app} = open(screens.pipelines!.routes);
		try {
			await app.waitFor('2 pipelines');
			await app.press('/', 'enter keeps');
			await app.press(paste('Al\rpha'), '1 of 2 pipelines');
			expect(app.screen()).toContain('Alpha');
			expect(app.screen()).not.toContain('Beta');
		} finally {
			app.unmount();
			app.cleanupConfig();
		}
	});

	test('with no field being edited is dropped whole: the screen stays where it was', async () => {
		const {app} = open(screens['execution (running)']!.routes);
		try {
			await app.waitFor('AbaloneProcess');
			const before = app.screen();
			await app.press(paste('q?:gP'));
			await drained('q?:gP');
			expect(app.screen()).toBe(before);
		} finally {
			app.unmount();
			app.cleanupConfig();
		}
	});
});
