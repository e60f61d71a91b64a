// Below 40×10 nothing fits: a notice replaces the screens, which stay mounted (hidden and deaf) at the last size
// that fitted, so they come back as they were (view, selection, scroll) instead of starting over.
import {Box, Text} from 'ink';
import {useRef} from 'react';
import type {TerminalSize} from '../hooks/use-terminal-size.js';

export const minimumSize = {columns: 40, rows: 10};

/** The size to lay the screens out at, and whether the real one is too small to show them. */
export function useFittedSize(terminalSize: TerminalSize): {size: TerminalSize; tooSmall: boolean} {
	const tooSmall = terminalSize.columns < minimumSize.columns || terminalSize.rows < minimumSize.rows;
	const lastFit = useRef({
		columns: Math.max(terminalSize.columns, minimumSize.columns),
		rows: Math.max(terminalSize.rows, minimumSize.rows),
	});
	if (!tooSmall) lastFit.current = terminalSize;
	return {size: tooSmall ? lastFit.current : terminalSize, tooSmall};
}

export function TooSmall({columns, rows}: TerminalSize) {
	const height = Math.max(1, rows - 1);
	const full = `sagemon needs at least 40×10; this terminal is ${columns}×${rows}. Make it larger (q quits).`;
	const short = `sagemon needs 40×10 (this is ${columns}×${rows}); q quits`;
	// Text taller than the box is centred off the screen and nothing shows: use the short form, from the top.
	const fits = (text: string) => Math.ceil(text.length / Math.max(1, columns - 2)) + 1 <= height;
	const text = fits(full) ? full : short;
	return (
		<Box
			width={columns}
			height={height}
			alignItems="center"
			justifyContent={fits(text) ? 'center' : 'flex-start'}
		>
			<Text wrap="wrap">{text}</Text>
		</Box>
	);
}
