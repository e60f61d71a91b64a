// The executions table's columns: status, name, id, start and duration, fewer as the window narrows.
import {executionIdOf} from '../../../pipeline/arn.js';
import {formatRelativeTime, formatTimestamp} from '../../../pipeline/format.js';
import type {ExecutionDetails, ExecutionSummary} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {statusCell} from '../../components/status-text.js';
import type {Column} from '../../components/table.js';
import {executionDurationText} from '../../hooks/use-execution-details.js';
import type {Theme} from '../../theme.js';

/** What an execution is called: its display name, else the id at the end of its ARN. */
export function nameOf(execution: ExecutionSummary): string {
	return execution.displayName ?? executionIdOf(execution.arn);
}

export function executionColumns(
	theme: Theme,
	width: number,
	now: number,
	details: ReadonlyMap<string, ExecutionDetails>,
): Column<ExecutionSummary>[] {
	const columns: Column<ExecutionSummary>[] = [
		{title: 'STATUS', width: 12, cell: (execution) => statusCell(theme, execution.status)},
		{title: 'NAME', cell: (execution) => ({text: sanitizeText(nameOf(execution)), bold: true})},
	];
	if (width >= 64) {
		columns.push({
			title: 'ID',
			width: 12,
			cell: (execution) => ({text: sanitizeText(executionIdOf(execution.arn)), tone: 'muted'}),
		});
	}

	columns.push({
		title: 'STARTED',
		width: width >= 100 ? 19 : 9,
		cell: (execution) => ({
			text:
				execution.startedAt === undefined
					? ''
					: width >= 100
						? formatTimestamp(execution.startedAt, {
								timeZoneOffsetMinutes: -new Date(execution.startedAt).getTimezoneOffset(),
							})
						: formatRelativeTime(execution.startedAt, now, 'minute'),
			tone: 'muted',
		}),
	});
	if (width >= 52) {
		columns.push({
			title: 'DURATION',
			width: 8,
			align: 'right',
			cell: (execution) => {
				return {text: executionDurationText(execution, details.get(execution.arn), now)};
			},
		});
	}

	return columns;
}
