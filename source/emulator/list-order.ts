// The CreatedAfter/CreatedBefore window and the SortOrder that the List* operations share.
import {fromWireTimestamp} from './sagemaker-protocol.js';

/** Keeps what was created strictly between CreatedAfter and CreatedBefore (each optional). */
export function createdWithin(input: Record<string, unknown>): (item: {createdAt: number}) => boolean {
	const after = fromWireTimestamp(input.CreatedAfter, 'CreatedAfter');
	const before = fromWireTimestamp(input.CreatedBefore, 'CreatedBefore');
	return (item) =>
		(after === undefined || item.createdAt > after) && (before === undefined || item.createdAt < before);
}

/** `compare` as given for SortOrder=Ascending, reversed otherwise (the service lists newest first by default). */
export function inSortOrder<T>(
	input: Record<string, unknown>,
	compare: (a: T, b: T) => number,
): (a: T, b: T) => number {
	return input.SortOrder === 'Ascending' ? compare : (a, b) => -compare(a, b);
}
