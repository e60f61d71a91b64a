import {afterAll, describe, expect, test} from 'vitest';
import {connectAws} from '../../source/aws/connect.js';
import type {AwsAccess} from '../../source/aws/types.js';
import {keys, type RenderedApp, renderApp, backendForFile} from './app-harness.js';

const backend = backendForFile();
let app: RenderedApp | undefined;
const extra: Array<{close(): Promise<void>}> = [];

afterAll(async () => {
	await Promise.all(extra.map((connection) => connection.close()));
});

describe('the shell around the screens', () => {
	test('? lists every key of the screen and the global ones; esc closes it', async () => {
		app = renderApp(backend.aws);
		await app.waitFor(/\d pipelines/);
		await app.press('?', 'esc or ? closes this help');
		const help = app.screen();
		for (const text of [
			'open the pipeline’s executions',
			'start an execution',
			'delete the pipeline (type its name)',
		]) {
			expect(help).toContain(text);
		}
		expect(help).toContain('Everywhere');
		expect(help).toMatch(/:\s+command line \(:pipeline NAME, :region R, :profile P, :q\)/);
		await app.press(keys.escape);
		await app.waitForGone('closes this help');
		expect(app.screen()).toContain('PIPELINE');
	});

	test(':pipeline NAME opens that pipeline; a mistyped command says what works', async () => {
		app = renderApp(backend.aws);
		await app.waitFor(/\d pipelines/);
		await app.press(':', ':pipeline NAME · :region R · :profile P · :q');
		await app.press(`pipeline AbalonePipeline${keys.enter}`, 'Pipelines › AbalonePipeline');
		await app.waitFor(/\d+ executions? · newest first/);
		await app.press(
			`:frobnicate${keys.enter}`,
			'Unknown command ":frobnicate"; try :pipeline NAME, :models GROUP, :region R, :profile P or :q.',
		);
		await app.press(keys.escape, /\d pipelines/);
	});

	test(':region reconnects and the header says so', async () => {
		app = renderApp(backend.aws, {
			reconnect: async (changes): Promise<AwsAccess> => {
				const connection = await connectAws(
					{endpointUrl: backend.emulator.url, region: changes.region ?? 'us-east-1'},
					process.env,
				);
				extra.push(connection);
				return connection;
			},
		});
		const endpoint = new URL(backend.emulator.url).host;
		await app.waitFor(`us-east-1 · ${endpoint}`);
		await app.press(`:region eu-west-1${keys.enter}`, `Now using eu-west-1 · ${endpoint}.`);
		await app.waitFor(`eu-west-1 · ${endpoint}`);
	});

	test('esc and backspace go back; the breadcrumb follows', async () => {
		app = renderApp(backend.aws, {
			initialRoutes: [{kind: 'pipelines'}, {kind: 'executions', pipelineName: 'AbalonePipeline'}],
		});
		await app.waitFor('Pipelines › AbalonePipeline');
		await app.press(keys.backspace, /sagemon Pipelines {2}/);
		await app.waitFor('› AbalonePipeline');
		await app.press(keys.enter, 'Pipelines › AbalonePipeline');
		await app.press(keys.escape, /sagemon Pipelines {2}/);
	});

	test('below 40×10 one message asks for more room', async () => {
		app = renderApp(backend.aws, {size: {columns: 39, rows: 12}});
		await app.waitFor(
			/sagemon needs at least 40×10;\s+this\s+terminal is 39×12\. Make it larger \(q\s+quits\)\./,
		);
		app.rerender(
			// The same app, now in a larger terminal.
			app.element({size: {columns: 80, rows: 12}}),
		);
		await app.waitFor(/\d pipelines/);
	});
});
