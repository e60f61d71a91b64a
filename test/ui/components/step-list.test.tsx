// The list view of an execution's steps: at 80 columns (where a wide DAG falls back to it) long names that differ
// only near their end stay distinguishable, as the DAG's boxes do.
import {renderToString} from 'ink';
import {expect, test} from 'vitest';
import type {StepView} from '../../../source/pipeline/execution-state.js';
import {StepList} from '../../../source/ui/components/step-list.js';

const start = 1_800_000_000_000;
const views: StepView[] = Array.from({length: 150}, (_, index) => ({
	name: `ShardedFeatureStage${String(index).padStart(3, '0')}`,
	type: 'Processing',
	state: 'succeeded',
	inDefinition: true,
	record: {
		name: `ShardedFeatureStage${index}`,
		status: 'Succeeded',
		startedAt: start,
		endedAt: start + 20_000,
	} as StepView['record'],
}));

test('at 80 columns 150 look-alike names are each shown by the part in which they differ', () => {
	for (const marked of [undefined, new Set(['ShardedFeatureStage003'])]) {
		const text = renderToString(
			<StepList
				views={views}
				steps={new Map()}
				selected={0}
				marked={marked}
				width={80}
				height={20}
				now={start + 60_000}
			/>,
			{columns: 80},
		);
		const rows = text.split('\n').slice(1);
		const names = rows.map((row) => /(\S*Sharded\S*|\S*Stage\d{3})/.exec(row)?.[1]);
		expect(names).toHaveLength(19);
		expect(new Set(names).size).toBe(19);
		expect(names.every((name) => /Stage\d{3}$/.test(name ?? ''))).toBe(true);
		expect(rows.every((row) => row.length <= 80)).toBe(true);
	}
});
