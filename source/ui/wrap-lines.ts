// Hard-wraps text into lines of at most `width` terminal columns, at spaces where it can, for scrollable panes.
import stringWidth from 'string-width';

// Created on first use: the first Intl.Segmenter of a process loads ICU's break rules, tens of ms at start.
let segmenter: Intl.Segmenter | undefined;
function graphemesOf(text: string): Intl.Segments {
	segmenter ??= new Intl.Segmenter();
	return segmenter.segment(text);
}

export function wrapLines(text: string, width: number): string[] {
	const room = Math.max(1, width);
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		if (stringWidth(paragraph) <= room) {
			lines.push(paragraph);
			continue;
		}

		let line = '';
		for (const word of paragraph.split(/(\s+)/)) {
			if (word === '') continue;
			if (stringWidth(line + word) <= room) {
				line += word;
				continue;
			}

			if (line.trim() !== '') lines.push(line.trimEnd());
			line = '';
			if (/^\s+$/.test(word)) continue;
			for (const {segment} of graphemesOf(word)) {
				if (stringWidth(line + segment) > room) {
					lines.push(line);
					line = '';
				}

				line += segment;
			}
		}

		lines.push(line.trimEnd());
	}

	return lines;
}
