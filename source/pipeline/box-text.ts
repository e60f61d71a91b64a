// Fits a step's name or status line into a box: sanitised, measured in terminal cells, cut in the middle with an ellipsis.
import stringWidth from 'string-width';
import {sanitizeText} from './sanitize.js';

const segmenter = new Intl.Segmenter();

export function sanitizeLabel(text: string): string {
	return sanitizeText(text);
}

/**
 * Exactly `width` cells holding `text` centred: one grapheme per cell, and '' in the cell a wide grapheme spills
 * into. Too long a text keeps its start and its end (step names often differ only in a suffix like
 * "-RegisterModel") around an ellipsis.
 */
export function labelCells(text: string, width: number, ascii: boolean): string[] {
	if (width <= 0) return [];
	const graphemes: Array<{text: string; width: number}> = [];
	let total = 0;
	for (const {segment} of segmenter.segment(sanitizeLabel(clipMiddle(text, width)))) {
		const cells = stringWidth(segment);
		if (cells === 0) continue;
		graphemes.push({text: segment, width: cells});
		total += cells;
	}
	let cells: string[];
	if (total <= width) cells = graphemes.flatMap(toCells);
	else {
		const ellipsis = ascii ? '~' : '…';
		const tailBudget = Math.floor((width - 1) / 2);
		const head = takeWithin(graphemes, width - 1 - tailBudget);
		const tail = takeWithin([...graphemes].reverse(), width - 1 - head.length).reverse();
		cells = [...head, ellipsis, ...tail];
	}
	const before = Math.floor((width - cells.length) / 2);
	return [
		...new Array<string>(before).fill(' '),
		...cells,
		...new Array<string>(width - before - cells.length).fill(' '),
	];
}

/**
 * Only a box's width of graphemes from each end of a label can be shown, so a 10,000-character name is cut to
 * its two ends before it is segmented and measured (the middle is replaced by the ellipsis anyway).
 */
function clipMiddle(text: string, width: number): string {
	const keep = width * 2 + 8;
	return text.length <= keep * 2 ? text : `${text.slice(0, keep)}${'…'.repeat(width)}${text.slice(-keep)}`;
}

function toCells(grapheme: {text: string; width: number}): string[] {
	return grapheme.width === 1
		? [grapheme.text]
		: [grapheme.text, ...new Array<string>(grapheme.width - 1).fill('')];
}

/** Whole graphemes from the front of `graphemes` filling at most `budget` cells. */
function takeWithin(graphemes: Array<{text: string; width: number}>, budget: number): string[] {
	const taken: Array<{text: string; width: number}> = [];
	let used = 0;
	for (const grapheme of graphemes) {
		if (used + grapheme.width > budget) break;
		taken.push(grapheme);
		used += grapheme.width;
	}
	return taken.flatMap(toCells);
}
