// A JSON value pretty-printed as pane lines, numbers highlighted (they are what a report is read for), keys bold,
// strings sanitised and long lines wrapped.
import {sanitizeText} from '../pipeline/sanitize.js';
import type {PaneLine, PaneSpan} from './components/text-pane.js';
import {wrapLines} from './wrap-lines.js';

const token = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;

export function jsonLines(value: unknown, width: number): PaneLine[] {
	const text = JSON.stringify(value, null, 2) ?? 'undefined';
	return highlightLines(text, width);
}

/** Highlights JSON-looking text line by line (also used for a report cut short, which no longer parses). */
export function highlightLines(text: string, width: number): PaneLine[] {
	const lines: PaneLine[] = [];
	for (const raw of sanitizeText(text, {multiline: true}).split('\n')) {
		for (const line of wrapLines(raw, Math.max(10, width))) {
			lines.push({key: String(lines.length), spans: highlight(line)});
		}
	}

	return lines;
}

function highlight(line: string): PaneSpan[] {
	const spans: PaneSpan[] = [];
	let last = 0;
	for (const match of line.matchAll(token)) {
		const at = match.index ?? 0;
		if (at > last) spans.push({text: line.slice(last, at)});
		const [whole, string, colon, number, literal] = match;
		if (string !== undefined && colon !== undefined) {
			spans.push({text: string, bold: true});
			spans.push({text: colon});
		} else if (string !== undefined) spans.push({text: string, tone: 'success'});
		else if (number !== undefined) spans.push({text: number, tone: 'accent', bold: true});
		else if (literal !== undefined) spans.push({text: literal, tone: 'info'});
		else spans.push({text: whole});
		last = at + whole.length;
	}

	if (last < line.length) spans.push({text: line.slice(last)});
	return spans;
}
