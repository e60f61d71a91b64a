// The characters boxes and edges are drawn with: box drawing, or plain ASCII for terminals without Unicode.

/** Which neighbours a line cell connects to. */
export const up = 1;
export const down = 2;
export const left = 4;
export const right = 8;

export type Glyphs = {
	/** Indexed by a mask of up/down/left/right. */
	lines: readonly string[];
	topLeft: string;
	topRight: string;
	bottomLeft: string;
	bottomRight: string;
	horizontal: string;
	vertical: string;
	/** Where edges leave a box: on its bottom border, or its right border when drawn sideways. */
	portDown: string;
	portRight: string;
	arrowDown: string;
	arrowRight: string;
};

function lineTable(glyph: (mask: number) => string): string[] {
	return Array.from({length: 16}, (_, mask) => glyph(mask));
}

const unicodeLines = lineTable((mask) => {
	const vertical = (mask & (up | down)) !== 0;
	const horizontal = (mask & (left | right)) !== 0;
	if (!horizontal) return vertical ? '│' : ' ';
	if (!vertical) return '─';
	return (
		{
			[down | right]: '┌',
			[down | left]: '┐',
			[up | right]: '└',
			[up | left]: '┘',
			[up | down | right]: '├',
			[up | down | left]: '┤',
			[down | left | right]: '┬',
			[up | left | right]: '┴',
		}[mask] ?? '┼'
	);
});

const asciiLines = lineTable((mask) => {
	const vertical = (mask & (up | down)) !== 0;
	const horizontal = (mask & (left | right)) !== 0;
	if (vertical && horizontal) return '+';
	if (vertical) return '|';
	return horizontal ? '-' : ' ';
});

export const unicodeGlyphs: Glyphs = {
	lines: unicodeLines,
	topLeft: '┌',
	topRight: '┐',
	bottomLeft: '└',
	bottomRight: '┘',
	horizontal: '─',
	vertical: '│',
	portDown: '┬',
	portRight: '├',
	arrowDown: '▼',
	arrowRight: '▶',
};

export const asciiGlyphs: Glyphs = {
	lines: asciiLines,
	topLeft: '+',
	topRight: '+',
	bottomLeft: '+',
	bottomRight: '+',
	horizontal: '-',
	vertical: '|',
	portDown: '+',
	portRight: '+',
	arrowDown: 'v',
	arrowRight: '>',
};
