import {expect, test} from 'vitest';
import type {ExecutionSummary} from '../../../../source/pipeline/model.js';
import {nextExecutionSort, sortExecutions} from '../../../../source/ui/screens/executions/execution-sort.js';
import {starterName} from '../../../../source/ui/screens/executions/started-by-column.js';

const row = (id: string, status: ExecutionSummary['status'], startedAt: number, displayName?: string) => ({
	arn: `arn:aws:sagemaker:us-east-1:111122223333:pipeline/p/execution/${id}`,
	status,
	startedAt,
	...(displayName ? {displayName} : {}),
});
const rows: ExecutionSummary[] = [
	row('c', 'Succeeded', 3000, 'charlie'),
	row('b', 'Failed', 2000, 'bravo'),
	row('a', 'Executing', 1000, 'alpha'),
];

test('o cycles newest, oldest, by status (failed first), by name', () => {
	expect(sortExecutions(rows, 'newest').map((each) => each.displayName)).toEqual([
		'charlie',
		'bravo',
		'alpha',
	]);
	expect(sortExecutions(rows, 'oldest').map((each) => each.displayName)).toEqual([
		'alpha',
		'bravo',
		'charlie',
	]);
	expect(sortExecutions(rows, 'status').map((each) => each.status)).toEqual([
		'Failed',
		'Executing',
		'Succeeded',
	]);
	expect(sortExecutions(rows, 'name').map((each) => each.displayName)).toEqual(['alpha', 'bravo', 'charlie']);
	expect(nextExecutionSort('name')).toBe('newest');
	expect(nextExecutionSort('newest')).toBe('oldest');
});

test('who started it: the user profile, or the session name of an assumed role', () => {
	expect(starterName('alice')).toBe('alice');
	expect(starterName('arn:aws:sts::111122223333:assumed-role/Admin/bob')).toBe('bob');
	expect(starterName('arn:aws:iam::111122223333:user/carol')).toBe('carol');
});
