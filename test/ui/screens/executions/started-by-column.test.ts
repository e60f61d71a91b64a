import {expect, test} from 'vitest';
import type {ExecutionSummary} from '../../../../source/pipeline/model.js';
import type {Column} from '../../../../source/ui/components/table.js';
import {startedByColumn, withStartedBy} from '../../../../source/ui/screens/executions/started-by-column.js';

const column = (title: string, width?: number): Column<ExecutionSummary> => ({
	title,
	...(width === undefined ? {} : {width}),
	cell: () => ({text: ''}),
});

test('BY joins the columns only where NAME keeps room for a default display name', () => {
	const columns = (statusWidth: number) => [
		column('STATUS', statusWidth),
		column('NAME'),
		column('ID', 12),
		column('STARTED', 19),
		column('DURATION', 8),
		column('PARAMETERS', 26),
	];
	const titles = (shown: Column<ExecutionSummary>[]) => shown.map(({title}) => title).join(' ');
	const by = startedByColumn(new Map());
	expect(titles(withStartedBy(columns(12), by, 130))).toBe('STATUS NAME ID STARTED DURATION PARAMETERS BY');
	// A failed step's name widens STATUS: at 120 columns BY would leave NAME 12 characters.
	expect(titles(withStartedBy(columns(21), by, 120))).toBe('STATUS NAME ID STARTED DURATION PARAMETERS');
	expect(titles(withStartedBy(columns(21), by, 140))).toBe('STATUS NAME ID STARTED DURATION PARAMETERS BY');
});
