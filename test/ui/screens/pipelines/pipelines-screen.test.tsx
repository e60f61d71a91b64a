import {describe, expect, test} from 'vitest';
import {readFixture} from '../../../helpers/fixtures.js';
import {
	countCalls,
	keys,
	type RenderedApp,
	renderApp,
	startBackend,
	backendForFile,
} from '../../app-harness.js';

const backend = backendForFile();
let app: RenderedApp | undefined;

function rowOf(screen: string, name: string): string {
	return screen.split('\n').find((line) => line.includes(name)) ?? '';
}

describe('the pipelines screen', () => {
	test('lists every pipeline with its latest execution’s status, icon and start', async () => {
		app = renderApp(backend.aws);
		await app.waitFor('6 pipelines');
		await app.waitFor(/FraudDetectionTraining\s+✖ failed/);
		const screen = app.screen();
		expect(rowOf(screen, 'CreditRiskQualityGate')).toMatch(/✔ succeeded\s+\d+[smhd] ago/);
		expect(screen).toContain('PIPELINE');
		expect(screen).toContain('LAST RUN');
		expect(screen).toContain('DURATION');
		expect(screen).toMatch(/updated (just now|\d+s ago) · us-east-1 · 127\.0\.0\.1:\d+/);
	});

	test('o cycles the sort order and / filters by name', async () => {
		app = renderApp(backend.aws);
		await app.waitFor('6 pipelines');
		await app.press('o', 'sorted name A→Z');
		const names = app
			.screen()
			.split('\n')
			.map((line) => line.match(/^[› ] (\w+)/)?.[1])
			.filter((name): name is string => name !== undefined && name !== 'PIPELINE');
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		await app.press('/', 'enter keeps');
		await app.press('fraud', '1 of 6 pipelines');
		expect(app.screen()).not.toContain('AbalonePipeline');
		await app.press(keys.enter, 'filter “fraud” (esc clears)');
		await app.press(keys.escape, '6 pipelines · sorted name A→Z');
	});

	test('enter opens the selected pipeline’s executions and s its start form', async () => {
		app = renderApp(backend.aws);
		await app.waitFor('6 pipelines');
		await app.press('/');
		await app.press('churn', '1 of 6');
		await app.press(keys.enter);
		await app.press(keys.enter, 'Pipelines › ChurnModelSelection');
		await app.waitFor(/executions? · newest first/);
		await app.press(keys.escape, '6 pipelines');
		await app.press('s', /Start \w+ · \d+ parameters?/);
	});

	test('D deletes only after the exact name is typed, with one API call', async () => {
		const {access, calls} = countCalls(backend.aws);
		app = renderApp(access);
		await app.waitFor('6 pipelines');
		await app.press('/');
		await app.press('Clickstream', '1 of 6');
		await app.press(keys.enter);
		await app.press('D', 'Type ClickstreamFeatures to confirm');
		await app.press(keys.escape);
		await app.waitForGone('to confirm');
		expect(app.screen()).toContain('filter “Clickstream”');
		await app.press('D', 'Type ClickstreamFeatures to confirm');
		await app.press('clickstreamfeatures');
		await app.press(keys.enter, 'That is not the name; nothing was deleted.');
		await app.press(keys.ctrlU);
		await app.press('ClickstreamFeatures');
		// A second Enter right behind the first must not delete again (nor open the deleted pipeline).
		await app.press(`${keys.enter}${keys.enter}`, '0 of 5 pipelines');
		expect(app.screen()).not.toContain('no longer exists');
		expect(app.screen()).not.toContain('Pipelines › ClickstreamFeatures');
		expect(calls.get('deletePipeline')).toBe(1);
		await expect(backend.aws.pipelines.describePipeline('ClickstreamFeatures')).rejects.toMatchObject({
			kind: 'NotFound',
		});
	});

	test('read-only mode hides delete and start and refuses them with a message', async () => {
		app = renderApp(backend.aws, {readOnly: true});
		await app.waitFor(/\d pipelines/);
		expect(app.screen()).toContain('READ-ONLY');
		expect(app.screen()).not.toMatch(/D delete|s start/);
		await app.press(
			'D',
			'Read-only mode: delete the pipeline is disabled (sagemon was started with --read-only).',
		);
		await app.press('s', 'Read-only mode: start an execution is disabled');
		expect(app.screen()).not.toContain('to confirm');
		expect(app.screen()).not.toContain('Start ');
	});
});

describe('an account with more pipelines than one page', () => {
	test('lists every page', async () => {
		const many = await startBackend({demo: false});
		try {
			const definition = readFixture('sdk-unit-two-step-expressions.json');
			for (let index = 0; index < 130; index++) {
				await many.aws.pipelines.upsertPipeline({
					name: `Paged-${String(index).padStart(3, '0')}`,
					definition,
					roleArn: 'arn:aws:iam::000000000000:role/SageMakerPipelinesRole',
				});
			}

			app = renderApp(many.aws);
			await app.waitFor('130 pipelines · sorted newest created first');
			await app.press(keys.end, '› Paged-000');
			expect(app.screen()).toMatch(/\d+-130\/130/);
		} finally {
			app?.unmount();
			app?.cleanupConfig();
			app = undefined;
			await many.close();
		}
	});
});
