// The timeline says how many steps are above and below the rows it shows, and a running step's time is in whole
// minutes (the screen redraws once a minute for time alone).
import {renderToString} from 'ink';
import {expect, test} from 'vitest';
import type {StepView} from '../../../source/pipeline/execution-state.js';
import {StepTimeline} from '../../../source/ui/components/step-timeline.js';

const start = 1_800_000_000_000;
const views: StepView[] = Array.from({length: 30}, (_, index) => ({
	name: `Step${String(index).padStart(2, '0')}`,
	type: 'Processing',
	state: 'executing',
	inDefinition: true,
	record: {name: `Step${index}`, status: 'Executing', startedAt: start} as StepView['record'],
}));

test('hints at the steps that do not fit, and shows running times in whole minutes', () => {
	const now = start + 135_000;
	const text = renderToString(
		<StepTimeline views={views} selected={15} from={start} to={now} width={80} height={10} now={now} />,
		{columns: 80},
	);
	const lines = text.split('\n');
	expect(lines).toHaveLength(10);
	expect(lines.at(-1)).toMatch(/\d+ more above · \d+ more below \(↑↓ scroll\)/);
	expect(text).toContain('Step15');
	expect(text).toMatch(/2m\n/);
	expect(text).not.toContain('2m 15s');
});

test('at 80 columns long look-alike names stay distinguishable: the part in which they differ is kept', () => {
	const sharded: StepView[] = Array.from({length: 12}, (_, index) => ({
		...views[0]!,
		name: `ShardedFeatureEngineeringStage${String(index).padStart(3, '0')}`,
	}));
	const now = start + 60_000;
	const text = renderToString(
		<StepTimeline views={sharded} selected={0} from={start} to={now} width={80} height={14} now={now} />,
		{columns: 80},
	);
	const names = text
		.split('\n')
		.slice(1, 13)
		.map((line) => line.slice(2, 22).trim());
	expect(new Set(names).size).toBe(12);
	expect(names[11]).toMatch(/011$/);
});
