// The executions screen's keys on their own (render-screen harness: fake contexts, in-memory PipelinesApi).
import {describe, expect, test} from 'vitest';
import {ExecutionsScreen} from '../../../../source/ui/screens/executions/executions-screen.js';
import {createFakePipelines} from '../../fake-pipelines.js';
import {renderScreen} from '../../render-screen.js';

const alpha = 'arn:aws:sagemaker:us-east-1:000000000000:pipeline/alpha';

function open(readOnly = false) {
	const pipelines = createFakePipelines([
		{
			name: 'Alpha',
			executions: [
				{id: 'running', status: 'Executing'},
				{id: 'failed', status: 'Failed'},
			],
		},
	]);
	const screen = renderScreen(
		<ExecutionsScreen route={{kind: 'executions', pipelineName: 'Alpha'}} width={100} height={20} active />,
		{pipelines, readOnly},
	);
	return {pipelines, screen};
}

describe('the executions screen’s keys', () => {
	test('x asks to stop the running execution; R on it explains why not; on the failed one R asks to retry', async () => {
		const {screen, pipelines} = open();
		await screen.waitFor('2 executions');
		await screen.press('x');
		await screen.until(() => screen.confirmations.length === 1, 'for x to ask');
		expect(screen.confirmations[0]!.question).toContain('Stop execution running?');
		await screen.press('R');
		await screen.until(() => screen.notices.length === 1, 'for R to explain');
		expect(screen.notices[0]).toMatchObject({kind: 'error'});
		await screen.press('j', '› ✖ failed');
		await screen.press('R');
		await screen.until(() => screen.confirmations.length === 2, 'for R to ask');
		expect(screen.confirmations[1]!.question).toContain('Retry execution failed from its failed steps?');
		expect(pipelines.changes).toEqual([]);
		await screen.confirmations[1]!.run();
		expect(pipelines.changes).toEqual([`retryExecution ${alpha}/execution/failed`]);
	});

	test('the footer offers x stop only on an executing execution and R retry only on a failed one', async () => {
		const pipelines = createFakePipelines([
			{
				name: 'Alpha',
				executions: [
					{id: 'running', status: 'Executing'},
					{id: 'failed', status: 'Failed'},
					{id: 'done', status: 'Succeeded'},
				],
			},
		]);
		const screen = renderScreen(
			<ExecutionsScreen route={{kind: 'executions', pipelineName: 'Alpha'}} width={100} height={20} active />,
			{pipelines},
		);
		await screen.waitFor('3 executions');
		const inFooter = () =>
			screen.keymap
				.filter(
					(binding) => binding.footer !== false && (binding.intent === 'stop' || binding.intent === 'retry'),
				)
				.map((binding) => binding.intent);
		await screen.until(() => inFooter().join() === 'stop', 'for the footer to offer x');
		await screen.press('j', '› ✖ failed');
		await screen.until(() => inFooter().join() === 'retry', 'for the footer to offer R');
		await screen.press('j', '› ✔ succeeded');
		await screen.until(() => inFooter().length === 0, 'for the footer to offer neither');
		// The key still answers why not.
		await screen.press('x');
		await screen.until(() => screen.notices.length === 1, 'for x to explain');
		expect(screen.confirmations).toEqual([]);
	});

	test('read-only: x, R and s are refused by the action their table names; nothing is asked or opened', async () => {
		const {screen, pipelines} = open(true);
		await screen.waitFor('2 executions');
		await screen.press('xRs');
		await screen.until(() => screen.refusals.length === 3, 'for three refusals');
		expect(screen.refusals).toEqual([
			'stop the execution',
			'retry a failed execution',
			'start another execution',
		]);
		expect(screen.confirmations).toEqual([]);
		expect(screen.navigation).toEqual([]);
		expect(pipelines.changes).toEqual([]);
	});

	test('s opens the start form prefilled from the selected execution', async () => {
		const {screen} = open();
		await screen.waitFor('2 executions');
		await screen.press('j', '› ✖ failed');
		await screen.press('s');
		await screen.until(
			() => screen.navigation.some((call) => call.call === 'push'),
			'for s to open the form',
		);
		expect(screen.navigation.find((call) => call.call === 'push')?.route).toEqual({
			kind: 'start',
			pipelineName: 'Alpha',
			from: {executionArn: `${alpha}/execution/failed`},
		});
	});
});
