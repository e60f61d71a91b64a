// The executions table's columns: status, name, id, start and duration, fewer as the window narrows.
import {executionIdOf} from '../../../pipeline/arn.js';
import {formatRelativeTime, formatTimestamp} from '../../../pipeline/format.js';
import type {ExecutionDetails, ExecutionSummary} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {failedStatusCell, statusColumnWidth} from '../../components/status-text.js';
import type {Column} from '../../components/table.js';
import {executionDurationText} from '../../hooks/use-execution-details.js';
import type {Theme} from '../../theme.js';

/** What an execution is called: its display name, else the id at the end of its ARN. */
export function nameOf(execution: ExecutionSummary): string {
	return execution.displayName ?? executionIdOf(execution.arn);
}

/** Flags the marked execution (the one `c` compares another with). */
export function markGlyph(theme: Theme): string {
	return theme.unicode ? '◆ A' : '* A';
}

export function executionColumns(
	theme: Theme,
	width: number,
	now: number,
	details: ReadonlyMap<string, ExecutionDetails>,
	/** The execution marked with `m`: its name is flagged. */
	marked?: string,
	failedSteps: ReadonlyMap<string, string> = new Map(),
): Column<ExecutionSummary>[] {
	const columns: Column<ExecutionSummary>[] = [
		{
			title: 'STATUS',
			width: statusColumnWidth(12, failedSteps.values()),
			cell: (execution) => failedStatusCell(theme, execution.status, failedSteps.get(execution.arn)),
		},
		{
			title: 'NAME',
			cell: (execution) =>
				execution.arn === marked
					? {text: `${markGlyph(theme)} ${sanitizeText(nameOf(execution))}`, bold: true, tone: 'accent'}
					: {text: sanitizeText(nameOf(execution)), bold: true},
		},
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
