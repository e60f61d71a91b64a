import {describe, expect, test} from 'vitest';
import {createPipeline, keys, type RenderedApp, renderApp, backendForFile} from '../../app-harness.js';

const backend = backendForFile({timeScale: 600, demo: false}, (started) =>
	createPipeline(started.aws, 'FormAbalone', {
		extraParameters: [
			{Name: 'DeployToProduction', Type: 'Boolean', DefaultValue: false},
			{Name: 'Stage', Type: 'String', DefaultValue: 'dev', EnumValues: ['dev', 'staging', 'prod']},
			{Name: 'MseThreshold', Type: 'Float', DefaultValue: 6.0},
		],
	}),
);
let app: RenderedApp | undefined;

function openForm(configDirectory?: string): RenderedApp {
	return renderApp(backend.aws, {
		initialRoutes: [{kind: 'pipelines'}, {kind: 'start', pipelineName: 'FormAbalone'}],
		...(configDirectory ? {configDirectory} : {}),
	});
}

function row(screen: string, name: string): string {
	return screen.split('\n').find((line) => line.includes(name)) ?? '';
}

describe('the start form', () => {
	test('one field per parameter with its type and default; values are checked as typed', async () => {
		app = openForm();
		await app.waitFor('Start FormAbalone · 9 parameters');
		expect(row(app.screen(), 'ProcessingInstanceCount')).toMatch(/Integer\s+1\s*$/);
		expect(row(app.screen(), 'DeployToProduction')).toMatch(/Boolean\s+false/);
		await app.press('j', '› ProcessingInstanceCount');
		await app.press(keys.enter, 'typing:');
		await app.press(`${keys.backspace}2x`);
		await app.waitFor("ProcessingInstanceCount must be a whole number, got '2x'");
		expect(row(app.screen(), 'ProcessingInstanceCount')).toContain('invalid');
		await app.press(keys.backspace);
		await app.waitFor(/ProcessingInstanceCount\s+Integer\s+2\s+● changed \(default 1\)/);
		await app.press(keys.enter);
		await app.waitForGone('typing:');
	});

	test('Booleans toggle with space, enums step with ←/→, and u resets a field to its default', async () => {
		app = openForm();
		await app.waitFor('Start FormAbalone');
		await app.press('jjjjjj', '› DeployToProduction');
		await app.press(' ', /DeployToProduction\s+Boolean\s+◂ true\s+▸\s+● changed \(default false\)/);
		await app.press('j', '› Stage');
		expect(app.screen()).toContain('choices: dev, staging, prod');
		await app.press(keys.right, /Stage\s+String\s+◂ staging/);
		await app.press(keys.right, /Stage\s+String\s+◂ prod/);
		await app.press(keys.left, /Stage\s+String\s+◂ staging/);
		await app.press('u', /Stage\s+String\s+◂ dev/);
		expect(row(app.screen(), 'Stage')).not.toContain('changed');
	});

	test('ctrl+s starts with the overrides, opens the execution, and the values are offered next time', async () => {
		app = openForm();
		await app.waitFor('Start FormAbalone');
		await app.press('jjj', '› ModelApprovalStatus');
		await app.press(`${keys.enter}${keys.ctrlU}Approved${keys.enter}`);
		await app.waitFor(/ModelApprovalStatus\s+String\s+Approved\s+● changed \(default PendingManu/);
		await app.press(keys.ctrlS, '● EXECUTING');
		expect(app.screen()).toContain('FormAbalone › execution-');
		const [execution] = (await backend.aws.pipelines.listExecutions('FormAbalone')).items;
		const parameters = await backend.aws.pipelines.listExecutionParameters(execution!.arn);
		expect(parameters).toContainEqual({name: 'ModelApprovalStatus', value: 'Approved'});
		const {configDirectory} = app;
		app.unmount();
		app = openForm(configDirectory);
		await app.waitFor('1 value(s) from your last start (U resets all)');
		expect(row(app.screen(), 'ModelApprovalStatus')).toMatch(/Approved\s+● changed/);
		await app.press('U');
		await app.waitFor(/ModelApprovalStatus\s+String\s+PendingManualApproval/);
	});

	test('Enter on [Start] starts too, with a display name', async () => {
		app = openForm();
		await app.waitFor('Start FormAbalone');
		await app.press(keys.end, /› +\[ Start \]/);
		await app.press('kk', '› Display name');
		await app.press(`${keys.enter}nightly-42${keys.enter}`);
		await app.waitFor(/Display name\s+optional\s+nightly-42/);
		await app.press(`jj${keys.enter}`, 'nightly-42');
		await app.waitFor('● EXECUTING nightly-42');
	});

	test('an error from the service stays in the form and keeps every value typed', async () => {
		await createPipeline(backend.aws, 'Vanishing');
		app = renderApp(backend.aws, {
			initialRoutes: [{kind: 'pipelines'}, {kind: 'start', pipelineName: 'Vanishing'}],
		});
		await app.waitFor('Start Vanishing');
		await app.press('jjj');
		await app.press(`${keys.enter}${keys.ctrlU}Rejected${keys.enter}`);
		await app.waitFor(/ModelApprovalStatus\s+String\s+Rejected/);
		await backend.aws.pipelines.deletePipeline('Vanishing');
		await app.press(keys.ctrlS, 'The service refused to start it:');
		expect(app.screen()).toMatch(/ModelApprovalStatus\s+String\s+Rejected\s+● changed/);
		expect(app.screen()).toContain('Start Vanishing');
	});

	test('q and esc ask before throwing away typed values', async () => {
		app = openForm();
		await app.waitFor('Start FormAbalone');
		await app.press(`${keys.enter}${keys.ctrlU}ml.c5.xlarge${keys.enter}`);
		await app.waitFor(/ProcessingInstanceType\s+String\s+ml.c5.xlarge/);
		await app.press('q', 'The start form has values you typed. Quit anyway? [y/N]');
		await app.press('n');
		await app.waitForGone('[y/N]');
		await app.press(keys.escape, 'The start form has values you typed. Leave it? [y/N]');
		await app.press('y');
		await app.waitFor(/sagemon Pipelines {2}/);
	});
});
