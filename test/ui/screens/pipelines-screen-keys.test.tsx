// The pipelines screen's keys on their own (render-screen harness: fake contexts, in-memory PipelinesApi).
import {describe, expect, test} from 'vitest';
import {PipelinesScreen} from '../../../source/ui/screens/pipelines-screen.js';
import {keys} from '../app-harness.js';
import {createFakePipelines} from '../fake-pipelines.js';
import {renderScreen} from '../render-screen.js';

const seed = [
	{name: 'Alpha', executions: [{id: 'a1', status: 'Succeeded' as const}]},
	{name: 'Beta', executions: [{id: 'b1', status: 'Failed' as const}]},
	{name: 'Gamma'},
];

function open(readOnly = false) {
	const pipelines = createFakePipelines(seed);
	const screen = renderScreen(
		<PipelinesScreen route={{kind: 'pipelines'}} width={100} height={20} active />,
		{
			pipelines,
			readOnly,
		},
	);
	return {pipelines, screen};
}

describe('the pipelines screen’s keys', () => {
	test('o sorts by name; j moves down; enter opens that pipeline’s executions and s its start form', async () => {
		const {screen} = open();
		await screen.waitFor('3 pipelines');
		await screen.press('o', 'sorted name A→Z');
		await screen.press('j', '› Beta');
		await screen.press(keys.enter);
		await screen.until(() => screen.navigation.some((entry) => entry.call === 'push'), 'for enter to open');
		expect(screen.navigation).toEqual([
			{call: 'remember', route: {selected: 'Beta'}},
			{call: 'push', route: {kind: 'executions', pipelineName: 'Beta'}},
		]);
		await screen.press('s');
		await screen.until(() => screen.navigation.length === 4, 'for s to open the start form');
		expect(screen.navigation.at(-1)).toEqual({call: 'push', route: {kind: 'start', pipelineName: 'Beta'}});
	});

	test('D asks to type the selected pipeline’s name; nothing is deleted until the question is answered', async () => {
		const {screen, pipelines} = open();
		await screen.waitFor('3 pipelines');
		await screen.press('o', 'sorted name A→Z');
		await screen.press('D');
		await screen.until(() => screen.confirmations.length === 1, 'for D to ask');
		expect(screen.confirmations[0]).toMatchObject({expected: 'Alpha'});
		expect(pipelines.changes).toEqual([]);
		await screen.confirmations[0]!.run();
		expect(pipelines.changes).toEqual(['deletePipeline Alpha']);
	});

	test('/ types a filter: the keys go to the filter, not to the screen (D is typed, not delete)', async () => {
		const {screen} = open();
		await screen.waitFor('3 pipelines');
		await screen.press('/');
		await screen.press('Dg', '0 of 3 pipelines');
		await screen.press('a');
		expect(screen.confirmations).toEqual([]);
		expect(screen.keymap.map((binding) => binding.label)).toEqual(expect.arrayContaining(['enter', 'esc']));
	});

	test('read-only: D and s are refused by their action, as the keymap table names it, and hidden', async () => {
		const {screen, pipelines} = open(true);
		await screen.waitFor('3 pipelines');
		await screen.press('Ds');
		await screen.until(() => screen.refusals.length === 2, 'for both refusals');
		expect(screen.refusals).toEqual(['delete the pipeline', 'start an execution']);
		expect(screen.confirmations).toEqual([]);
		expect(screen.navigation.filter((entry) => entry.call === 'push')).toEqual([]);
		expect(pipelines.changes).toEqual([]);
	});
});
