// Pasted text and bursts of keys never change anything: every printable ASCII character, pasted (bracketed) and
// sent as one raw burst, into every screen, makes no call that starts, stops, retries, deletes, answers a Callback
// step or approves a model. A question is answered only by a key pressed after it is on screen, and pasted text
// reaches only a text field being edited.
import {describe, expect, test} from 'vitest';
import type {ExecutionActionsApi} from '../../source/aws/execution-action-types.js';
import type {ModelPackageDetails, ModelRegistryApi} from '../../source/aws/registry-types.js';
import type {AwsAccess} from '../../source/aws/types.js';
import type {Route} from '../../source/ui/shell/routes.js';
import {keys, type RenderedApp, renderApp} from './app-harness.js';
import {createFakePipelines, type FakePipelines, fakeAccess} from './fake-pipelines.js';

const printable = Array.from({length: 0x7f - 0x20}, (_, index) => String.fromCharCode(0x20 + index)).join('');
const paste = (text: string) => `\u001B[200~${text}\u001B[201~`;
const alpha = 'arn:aws:sagemaker:us-east-1:000000000000:pipeline/alpha';
const running = `${alpha}/execution/running`;
const failed = `${alpha}/execution/failed`;
const waiting = 'arn:aws:sagemaker:us-east-1:000000000000:pipeline/gamma/execution/waiting';

/** `select`: keys that put the selection where the screen's mutating keys apply, and what shows once they did. */
const screens: Record<
	string,
	{routes: Route[]; shows: string | RegExp; select?: [keys: string, shows: string]}
> = {
	pipelines: {routes: [{kind: 'pipelines'}], shows: '3 pipelines'},
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
	'execution (a Callback step waiting for its answer)': {
		routes: [
			{kind: 'pipelines'},
			{kind: 'executions', pipelineName: 'Gamma'},
			{kind: 'execution', pipelineName: 'Gamma', executionArn: waiting},
		],
		shows: 'awaiting',
		select: ['j', 'A answer'],
	},
	'start form': {
		routes: [{kind: 'pipelines'}, {kind: 'start', pipelineName: 'Alpha'}],
		shows: /Start Alpha · \d+ parameters/,
	},
	compare: {
		routes: [
			{kind: 'pipelines'},
			{kind: 'executions', pipelineName: 'Alpha'},
			{kind: 'compare', pipelineName: 'Alpha', executionA: running, executionB: failed},
		],
		shows: 'AbaloneProcess',
	},
	'models (a group’s versions)': {
		routes: [{kind: 'pipelines'}, {kind: 'models', group: 'Abalone'}],
		shows: 'PendingManualApproval',
	},
};

const inputs: Record<string, string> = {
	'a bracketed paste of every printable character': paste(printable),
	'every printable character as one raw burst': printable,
	'the same, in reverse order': [...printable].reverse().join(''),
	'“proxy” as one raw burst (p pauses, x asks, y would answer)': 'proxy',
	'every mutating key followed by its answer, as one raw burst': 'xyRyDyAlpha\rsAsyAfno\ryay\ryxy\ry',
};

function open(routes: Route[]): {app: RenderedApp; pipelines: FakePipelines; changes: () => string[]} {
	const pipelines = createFakePipelines([
		{
			name: 'Alpha',
			executions: [
				{id: 'running', status: 'Executing'},
				{id: 'failed', status: 'Failed'},
			],
		},
		{name: 'Beta'},
		{
			name: 'Gamma',
			fixture: 'sdk-unit-callback-outputs.json',
			executions: [
				{
					id: 'waiting',
					status: 'Executing',
					steps: [
						{
							name: 'MyCallbackStep1',
							status: 'Executing',
							startedAt: Date.UTC(2026, 0, 1),
							metadata: {Callback: {CallbackToken: 'Ab3dE5gH9k'}},
						},
					],
				},
			],
		},
	]);
	// Answers to Callback steps and approval decisions are changes too, recorded beside the pipelines' own.
	const answered: string[] = [];
	const actions: ExecutionActionsApi = {
		startSelectiveExecution: async (request) => {
			answered.push(`startSelectiveExecution ${request.pipelineName}`);
			return `${alpha}/execution/selective`;
		},
		sendStepSuccess: async (request) => {
			answered.push(`sendStepSuccess ${request.callbackToken}`);
			return waiting;
		},
		sendStepFailure: async (request) => {
			answered.push(`sendStepFailure ${request.callbackToken}`);
			return waiting;
		},
	};
	const versions = [modelVersion(2, 'PendingManualApproval'), modelVersion(1, 'Approved')];
	const registry: ModelRegistryApi = {
		listGroups: async () => ({items: [{name: 'Abalone', arn: 'group-arn', status: 'Completed'}]}),
		listPackages: async () => ({items: versions}),
		listAllPackages: async () => versions,
		describePackage: async (nameOrArn) =>
			versions.find((version) => version.arn === nameOrArn || `Abalone/${version.version}` === nameOrArn) ??
			versions[0]!,
		updateApproval: async (update) => {
			answered.push(`updateApproval ${update.package} ${update.status}`);
			return update.package;
		},
	};
	const access: AwsAccess = fakeAccess(pipelines, {
		executionActions: async () => actions,
		registry: async () => registry,
		objects: {readObject: async (uri) => ({uri, text: '{}', truncated: false})},
	});
	return {
		app: renderApp(access, {initialRoutes: routes}),
		pipelines,
		changes: () => [...pipelines.changes, ...answered],
	};
}

function modelVersion(number: number, status: ModelPackageDetails['approvalStatus']): ModelPackageDetails {
	return {
		arn: `arn:aws:sagemaker:us-east-1:000000000000:model-package/abalone/${number}`,
		groupName: 'Abalone',
		version: number,
		approvalStatus: status,
		status: 'Completed',
		createdAt: Date.UTC(2026, 0, number),
		generatedBy: running,
		metrics: [],
		containers: [],
	};
}

/** Lets the router work through a burst: one key per render, or 15 ms when a key changes nothing; a paste is one. */
const drained = (input: string) =>
	new Promise((resolve) =>
		setTimeout(resolve, input.startsWith('\u001B[200~') ? 300 : 20 * input.length + 300),
	);

// One app at a time: each burst keeps a core busy, and the other test files share the machine.
describe('nothing pasted or sent in one burst changes anything', () => {
	for (const [screen, {routes, shows, select}] of Object.entries(screens)) {
		for (const [what, input] of Object.entries(inputs)) {
			test(`matrix: pasted text and bursts of keys [every screen] — ${screen}: ${what} makes no call that changes anything`, async () => {
				const {app, pipelines, changes} = open(routes);
				try {
					await app.waitFor(shows);
					if (select) await app.press(...select);
					await app.press(input);
					await drained(input);
					expect(changes()).toEqual([]);
					expect((await pipelines.describeExecution(running)).status).toBe('Executing');
					expect((await pipelines.describeExecution(failed)).status).toBe('Failed');
					expect((await pipelines.describeExecution(waiting)).status).toBe('Executing');
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

	test('approving a model version or answering a Callback step takes a y pressed after its question shows', async () => {
		const models = open(screens['models (a group’s versions)']!.routes);
		try {
			await models.app.waitFor('PendingManualApproval');
			await models.app.press('a', 'description');
			await models.app.press(`${keys.enter}y`, '[y/N]');
			await drained('y');
			expect(models.changes()).toEqual([]);
			await models.app.press('y');
			await models.app.waitForGone('[y/N]');
			expect(models.changes()).toEqual([
				'updateApproval arn:aws:sagemaker:us-east-1:000000000000:model-package/abalone/2 Approved',
			]);
		} finally {
			models.app.unmount();
			models.app.cleanupConfig();
		}

		const callback = open(screens['execution (a Callback step waiting for its answer)']!.routes);
		try {
			await callback.app.waitFor('awaiting');
			await callback.app.press('j', 'A answer');
			await callback.app.press('A', 'success');
			await callback.app.press('f', 'reason');
			await callback.app.press('too slow');
			await callback.app.press(`${keys.enter}y`, '[y/N]');
			await drained('y');
			expect(callback.changes()).toEqual([]);
			await callback.app.press('y');
			await callback.app.waitForGone('[y/N]');
			expect(callback.changes()).toEqual(['sendStepFailure Ab3dE5gH9k']);
		} finally {
			callback.app.unmount();
			callback.app.cleanupConfig();
		}
	});

	test('asking for a name takes typed keys, never a paste of the name', async () => {
		const {app, pipelines} = open(screens.pipelines!.routes);
		try {
			await app.waitFor('3 pipelines');
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
			await app.waitFor('3 pipelines');
			await app.press('/', 'enter keeps');
			await app.press(paste('Al\rpha'), '1 of 3 pipelines');
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
