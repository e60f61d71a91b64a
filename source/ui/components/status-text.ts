// A status as a table cell or inline text: icon and word together, coloured by tone.
import type {Cell} from './table.js';
import {statusKeyOf, type Theme} from '../theme.js';

export function statusCell(theme: Theme, status: string | undefined, empty = ''): Cell {
	if (status === undefined) return {text: empty, tone: 'muted'};
	const look = theme.status(statusKeyOf(status));
	return {text: `${look.icon} ${look.word}`, tone: look.tone};
}
