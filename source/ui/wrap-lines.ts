// Hard-wraps text into lines of at most `width` terminal columns, at spaces where it can, for scrollable panes.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter();

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
			for (const {segment} of segmenter.segment(word)) {
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
