// The orders the executions list can be sorted in (`o` cycles them): newest or oldest first, by status (failed
// first, then running), or by name.
import {executionIdOf} from '../../../pipeline/arn.js';
import type {ExecutionSummary} from '../../../pipeline/model.js';

export const executionSortOrder = ['newest', 'oldest', 'status', 'name'] as const;
export type ExecutionSort = (typeof executionSortOrder)[number];

export const executionSortLabels: Record<ExecutionSort, string> = {
	newest: 'newest first',
	oldest: 'oldest first',
	status: 'by status (failed first)',
	name: 'by name A→Z',
};

export function nextExecutionSort(sort: ExecutionSort): ExecutionSort {
	return executionSortOrder[(executionSortOrder.indexOf(sort) + 1) % executionSortOrder.length] ?? 'newest';
}

const statusRank: Record<string, number> = {Failed: 0, Executing: 1, Stopping: 2, Stopped: 3, Succeeded: 4};

/** A sorted copy; ties keep the list's own order (newest first). */
export function sortExecutions(rows: readonly ExecutionSummary[], sort: ExecutionSort): ExecutionSummary[] {
	const copy = [...rows];
	const startOf = (row: ExecutionSummary) => row.startedAt ?? 0;
	switch (sort) {
		case 'newest':
			return copy;
		case 'oldest':
			return copy.sort((a, b) => startOf(a) - startOf(b));
		case 'status':
			return copy.sort((a, b) => (statusRank[a.status] ?? 9) - (statusRank[b.status] ?? 9));
		case 'name': {
			const nameOf = (row: ExecutionSummary) => (row.displayName ?? executionIdOf(row.arn)).toLowerCase();
			return copy.sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
		}
	}
}
