// The executions list's BY column: who started each execution (DescribePipelineExecution's CreatedBy: a user
// profile name, or the last part of an IAM identity ARN), kept apart from the other columns.
import type {ExecutionDetails, ExecutionSummary} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import type {Column} from '../../components/table.js';

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
