import {describe, expect, it} from 'vitest';
import type {Output} from '../../source/commands/context.js';
import {createLiveSteps} from '../../source/commands/live-steps.js';
import type {ExecutionSnapshot} from '../../source/watch/execution-poller.js';

const started = Date.UTC(2026, 11, 3, 10, 0, 0);
const pipelineArn = 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/RegionalDemandForecast';

function snapshotWith(stepCount: number): ExecutionSnapshot {
	return {
		phase: 'live',
		calls: 2,
		execution: {arn: `${pipelineArn}/execution/abc123`, pipelineArn, status: 'Executing', startedAt: started},
		steps: Array.from({length: stepCount}, (_, index) => ({
			name: `Train-${index}`,
			status: index % 3 === 0 ? 'Succeeded' : index % 3 === 1 ? 'Executing' : 'Failed',
			startedAt: started + index * 1000,
		})),
	};
}

function terminal(rows: number, columns: number): Output & {text(): string} {
	const chunks: string[] = [];
	return {
		write: (chunk) => {
			chunks.push(chunk);
		},
		isTTY: true,
		rows,
		columns,
		text: () => chunks.join(''),
	};
}

describe('the live view of sagemon watch', () => {
	it('draws with ASCII icons when the terminal cannot show Unicode', () => {
		const output = terminal(24, 80);
		createLiveSteps(output, {color: false, unicode: false, now: () => started + 60_000}).draw(
			snapshotWith(40),
		);
		// Only cursor and erase sequences besides printable ASCII.
		expect(output.text().replaceAll(/\u001B\[\d*[A-Za-z]/g, '')).toMatch(/^[\x20-\x7e\n]+$/);
		expect(output.text()).toContain('... ');
		expect(output.text()).toMatch(/ v Train-/);
	});

	it('keeps its colours in ASCII: only the text is transliterated, never the escape that starts a colour', () => {
		const output = terminal(24, 80);
		createLiveSteps(output, {color: true, unicode: false, now: () => started + 60_000}).draw(snapshotWith(3));
		expect(output.text()).toContain('\u001B[34m*\u001B[39m Train-1');
		expect(output.text()).toContain('\u001B[32mv\u001B[39m Train-0');
		expect(output.text()).not.toContain('?[');
		expect(output.text()).not.toMatch(/[^\x00-\x7f]/u);
	});

	it('never draws a frame taller than the window, however many steps there are', () => {
		const output = terminal(24, 80);
		const view = createLiveSteps(output, {color: false, unicode: true, now: () => started + 60_000});
		view.draw(snapshotWith(150));
		const frame = output.text();
		expect(frame.split('\n').length - 1).toBeLessThanOrEqual(23);
		expect(frame).toContain('earlier steps');
	});
});
