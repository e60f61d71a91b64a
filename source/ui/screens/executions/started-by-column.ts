// The executions list's BY column: who started each execution (DescribePipelineExecution's CreatedBy: a user
// profile name, or the last part of an IAM identity ARN), kept apart from the other columns.
import type {ExecutionDetails, ExecutionSummary} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {type Column, columnWidths} from '../../components/table.js';

/** "alice" for `arn:aws:sts::111122223333:assumed-role/Admin/alice`, the name itself otherwise. */
export function starterName(createdBy: string): string {
	const last = createdBy.split('/').pop() ?? createdBy;
	return createdBy.startsWith('arn:') ? last : createdBy;
}

export function startedByColumn(details: ReadonlyMap<string, ExecutionDetails>): Column<ExecutionSummary> {
	return {
		title: 'BY',
		width: 14,
		cell: (execution) => {
			const createdBy = details.get(execution.arn)?.createdBy;
			return {text: createdBy ? sanitizeText(starterName(createdBy)) : '', tone: 'muted'};
		},
	};
}

/** The room of a default display name (`execution-1701234567890`) in the NAME column. */
const nameRoom = 23;

/**
 * The columns with BY at the end where it leaves the NAME column (the second) room for a default display name:
 * which run a row is matters more than who started it.
 */
export function withStartedBy(
	columns: Column<ExecutionSummary>[],
	startedBy: Column<ExecutionSummary>,
	width: number,
): Column<ExecutionSummary>[] {
	const widened = [...columns, startedBy];
	return (columnWidths(widened, width - 2)[1] ?? 0) >= nameRoom ? widened : columns;
}
