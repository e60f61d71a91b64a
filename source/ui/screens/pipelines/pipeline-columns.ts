// The pipelines table's columns and sort orders: name, last run, its start and duration, created, modified.
import {formatRelativeTime, formatTimestamp} from '../../../pipeline/format.js';
import type {ExecutionDetails} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import type {PipelineRow} from '../../../watch/pipeline-list-poller.js';
import {failedStatusCell, statusColumnWidth} from '../../components/status-text.js';
import type {Column} from '../../components/table.js';
import {executionDurationText} from '../../hooks/use-execution-details.js';
import type {Theme} from '../../theme.js';

export type PipelineSort = 'created' | 'name' | 'last-run' | 'modified';

export const sortOrder: PipelineSort[] = ['created', 'name', 'last-run', 'modified'];
export const sortLabels: Record<PipelineSort, string> = {
	created: 'newest created first',
	name: 'name A→Z',
	'last-run': 'latest run first',
	modified: 'last modified first',
};

export function isRunning(status: string): boolean {
	return status === 'Executing' || status === 'Stopping';
}

export function sortRows(rows: PipelineRow[], sort: PipelineSort): PipelineRow[] {
	if (sort === 'created') return rows;
	const sorted = [...rows];
	if (sort === 'name') sorted.sort((a, b) => a.pipeline.name.localeCompare(b.pipeline.name));
	else if (sort === 'last-run') {
		sorted.sort(
			(a, b) =>
				(b.latestExecution?.startedAt ?? b.pipeline.lastExecutionAt ?? 0) -
				(a.latestExecution?.startedAt ?? a.pipeline.lastExecutionAt ?? 0),
		);
	} else sorted.sort((a, b) => (b.pipeline.modifiedAt ?? 0) - (a.pipeline.modifiedAt ?? 0));
	return sorted;
}

export function pipelineColumns(
	theme: Theme,
	width: number,
	now: number,
	details: ReadonlyMap<string, ExecutionDetails>,
	failedSteps: ReadonlyMap<string, string> = new Map(),
): Column<PipelineRow>[] {
	const columns: Column<PipelineRow>[] = [
		{title: 'PIPELINE', cell: (row) => ({text: sanitizeText(row.pipeline.name), bold: true})},
		{
			title: 'LAST RUN',
			width: statusColumnWidth(13, failedSteps.values()),
			cell: (row) =>
				failedStatusCell(
					theme,
					row.latestExecution?.status,
					row.latestExecution && failedSteps.get(row.latestExecution.arn),
					row.latestPending ? '…' : '—',
				),
		},
	];
	if (width >= 60) {
		columns.push({
			title: 'STARTED',
			width: 9,
			cell: (row) => ({
				text:
					row.latestExecution?.startedAt === undefined
						? ''
						: formatRelativeTime(row.latestExecution.startedAt, now, 'minute'),
				tone: 'muted',
			}),
		});
	}

	if (width >= 70) {
		columns.push({
			title: 'DURATION',
			width: 8,
			align: 'right',
			cell: (row) => {
				const execution = row.latestExecution;
				return {text: execution ? executionDurationText(execution, details.get(execution.arn), now) : ''};
			},
		});
	}

	if (width >= 96) {
		columns.push({
			title: 'CREATED',
			width: 10,
			cell: (row) => ({
				text:
					row.pipeline.createdAt === undefined ? '' : formatTimestamp(row.pipeline.createdAt).slice(0, 10),
				tone: 'muted',
			}),
		});
	}

	if (width >= 84) {
		columns.push({
			title: 'MODIFIED',
			width: 9,
			cell: (row) => ({
				text:
					row.pipeline.modifiedAt === undefined
						? ''
						: formatRelativeTime(row.pipeline.modifiedAt, now, 'minute'),
				tone: 'muted',
			}),
		});
	}

	return columns;
}
