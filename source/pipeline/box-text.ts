// Fits a step's name or status line into a box: sanitised, measured in terminal cells, cut in the middle with an ellipsis.
import stringWidth from 'string-width';
import {sanitizeText} from './sanitize.js';

// Created on first use: the first Intl.Segmenter of a process loads ICU's break rules, tens of ms at start.
let segmenter: Intl.Segmenter | undefined;
function graphemesOf(text: string): Intl.Segments {
	segmenter ??= new Intl.Segmenter();
	return segmenter.segment(text);
}

/**
 * A box's status line: its icon and detail. A detail too wide for the box loses its last words first ("4m 27s"
 * becomes "4m", "<1m · try 2" becomes "<1m"), since a time cut in its middle ("4…27s") reads as another time;
 * what still does not fit is cut as a name is.
 */
export function statusLine(icon: string | undefined, detail: string | undefined, width: number): string {
	const line = (words: readonly string[]) =>
		[icon, words.join(' ')].filter((part) => part !== undefined && part !== '').join(' ');
	const words = (detail ?? '').split(' ').filter((word) => word !== '');
	while (words.length > 1 && stringWidth(line(words)) > width) {
		words.pop();
		while (words.length > 1 && words.at(-1) === '·') words.pop();
	}
	return line(words);
}

export function sanitizeLabel(text: string): string {
	return sanitizeText(text);
}

/**
 * Exactly `width` cells holding `text` centred: one grapheme per cell, and '' in the cell a wide grapheme spills
 * into. Too long a text keeps its start and its end (step names often differ only in a suffix like
 * "-RegisterModel") around an ellipsis.
 */
export function labelCells(text: string, width: number, ascii: boolean): readonly string[] {
	const key = `${width}${ascii ? 'a' : 'u'}${text}`;
	let cells = recentLabels.get(key) ?? olderLabels.get(key);
	if (cells === undefined) cells = cutToCells(text, width, ascii);
	if (recentLabels.size >= maxRecentLabels) {
		olderLabels = recentLabels;
		recentLabels = new Map();
	}
	recentLabels.set(key, cells);
	return cells;
}

// Every frame fits the same names and status lines into the same boxes again: the cells of the labels seen lately
// are kept (two generations, so memory stays bounded however many labels a long watch shows).
const maxRecentLabels = 4096;
let recentLabels = new Map<string, readonly string[]>();
let olderLabels = new Map<string, readonly string[]>();

function cutToCells(text: string, width: number, ascii: boolean): string[] {
	if (width <= 0) return [];
	const graphemes: Array<{text: string; width: number}> = [];
	let total = 0;
	for (const {segment} of graphemesOf(sanitizeLabel(clipMiddle(text, width)))) {
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

/**
 * The text each box shows for its name, so that boxes stay distinguishable when names are cut: names whose
 * middle-cut labels would look alike (`Sha…ge0` for `Shard-012-Stage0` and `Shard-013-Stage0`) show the part in
 * which they differ instead, with an ellipsis on each cut side. Names that fit, or that already differ, are kept.
 */
export function distinguishingLabels(boxes: ReadonlyArray<{name: string; cells: number}>): string[] {
	const labels = boxes.map((box) => box.name);
	const alike = new Map<string, number[]>();
	boxes.forEach(({name, cells}, index) => {
		const characters = [...name];
		if (characters.length <= cells) return;
		const tail = Math.floor((cells - 1) / 2);
		const shown = `${characters.slice(0, cells - 1 - tail).join('')}…${characters.slice(characters.length - tail).join('')}`;
		alike.set(shown, [...(alike.get(shown) ?? []), index]);
	});
	for (const indexes of alike.values()) {
		const names = [...new Set(indexes.map((index) => boxes[index]!.name))];
		if (names.length < 2) continue;
		const prefix = commonLength(names.map((name) => [...name]));
		for (const index of indexes) {
			labels[index] = differingWindow([...boxes[index]!.name], prefix, boxes[index]!.cells);
		}
	}
	return labels;
}

/** `name` cut to at most `cells` characters from just before `from`, where it starts to differ from its look-alikes. */
function differingWindow(name: string[], from: number, cells: number): string {
	if (name.length <= cells || cells < 3) return name.join('');
	// Keep a little context before the difference (a separator, the digit before it) when there is room.
	const start = Math.max(0, Math.min(from - 1, name.length - (cells - 1)));
	const cutsStart = start > 0;
	let room = cells - (cutsStart ? 1 : 0);
	const end = Math.min(name.length, start + room);
	const cutsEnd = end < name.length;
	if (cutsEnd) room -= 1;
	const shown = name.slice(start, start + room);
	return `${cutsStart ? '…' : ''}${shown.join('')}${cutsEnd ? '…' : ''}`;
}

function commonLength(names: string[][]): number {
	const shortest = Math.min(...names.map((name) => name.length));
	let length = 0;
	while (length < shortest && names.every((name) => name[length] === names[0]![length])) length++;
	return length;
}

/**
 * The names of a column `cells` wide (the step list, the timeline) as the DAG's boxes show them: look-alikes by
 * the part in which they differ, any other name too long cut in the middle, so `…Stage012` and `…Stage013` never
 * both become `ShardedFeatureStage…`.
 */
export function distinguishingNames(names: readonly string[], cells: number): string[] {
	if (cells <= 0) return names.map(() => '');
	return distinguishingLabels(names.map((name) => ({name, cells}))).map((label) =>
		stringWidth(label) <= cells ? label : labelCells(label, cells, false).join('').trim(),
	);
}
