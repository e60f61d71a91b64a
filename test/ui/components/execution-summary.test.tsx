// The execution header's elapsed time ticks by itself, each second under a minute and then in whole minutes, and
// its ticking redraws no other component; a finished execution shows what it took to the second.
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test, vi} from 'vitest';
import type {ExecutionDetails} from '../../../source/pipeline/model.js';
import {ExecutionSummary} from '../../../source/ui/components/execution-summary.js';

const start = 1_800_000_000_000;
const running: ExecutionDetails = {
	arn: 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/p/execution/abc',
	pipelineArn: 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/p',
	status: 'Executing',
	startedAt: start,
	createdAt: start,
};

afterEach(() => {
	vi.useRealTimers();
});

describe('the execution summary', () => {
	test('a running execution’s elapsed time moves in steps of ten seconds, then whole minutes', async () => {
		vi.useFakeTimers();
		let time = start + 3000;
		const renders = {count: 0};
		const view = render(
			<>
				<ExecutionSummary execution={running} views={[]} name="p" width={100} now={() => time} />
				<RenderCounter renders={renders} />
			</>,
		);
		expect(view.lastFrame()).toContain('elapsed <10s');
		time += 5000;
		await vi.advanceTimersByTimeAsync(5000);
		const steady = view.frames.length;
		expect(view.lastFrame()).toContain('elapsed <10s');
		time += 4000;
		await vi.advanceTimersByTimeAsync(4000);
		expect(view.lastFrame()).toContain('elapsed 10s');
		expect(view.frames.length).toBe(steady + 1);
		time = start + 135_000;
		await vi.advanceTimersByTimeAsync(1000);
		expect(view.lastFrame()).toContain('elapsed 2m');
		expect(view.lastFrame()).not.toContain('2m 15s');
		const frames = view.frames.length;
		time += 10_000;
		await vi.advanceTimersByTimeAsync(10_000);
		expect(view.frames.length).toBe(frames);
		expect(renders.count).toBe(1);
		view.unmount();
	});

	test('a finished execution shows what it took, to the second', () => {
		const done: ExecutionDetails = {...running, status: 'Succeeded', modifiedAt: start + 135_000};
		const view = render(
			<ExecutionSummary execution={done} views={[]} name="p" width={100} now={() => start} />,
		);
		expect(view.lastFrame()).toContain('took 2m 15s');
		view.unmount();
	});
});

function RenderCounter({renders}: {renders: {count: number}}) {
	renders.count++;
	return <Text>|</Text>;
}
