// A status as a table cell or inline text: icon and word together, coloured by tone.
import type {Cell} from './table.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {statusKeyOf, type Theme} from '../theme.js';

export function statusCell(theme: Theme, status: string | undefined, empty = ''): Cell {
	if (status === undefined) return {text: empty, tone: 'muted'};
	const look = theme.status(statusKeyOf(status));
	return {text: `${look.icon} ${look.word}`, tone: look.tone};
}

/** A Failed status with the failed step's name after it (`✖ failed FraudTrain`), when known. */
export function failedStatusCell(
	theme: Theme,
	status: string | undefined,
	failedStep: string | undefined,
	empty = '',
): Cell {
	const cell = statusCell(theme, status, empty);
	return failedStep === undefined || status !== 'Failed'
		? cell
		: {...cell, text: `${cell.text} ${sanitizeText(failedStep)}`};
}

/** A status column's width: `base`, widened (up to 32) to fit the longest failed step name shown after a status. */
export function statusColumnWidth(base: number, failedSteps: Iterable<string>): number {
	let longest = 0;
	for (const name of failedSteps) longest = Math.max(longest, name.length);
	return longest === 0 ? base : Math.min(32, Math.max(base, 11 + longest));
}
