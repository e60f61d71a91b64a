// Terminal input decoding: what Ink delivered (one event of a read from the terminal) becomes key presses, each
// marked with the burst of input it came in, and text between the bracketed-paste markers becomes one paste.
import type {Key} from 'ink';

// Created on first use: the first Intl.Segmenter of a process loads ICU's break rules, tens of ms at start.
let segmenter: Intl.Segmenter | undefined;
function graphemesOf(text: string): Intl.Segments {
	segmenter ??= new Intl.Segmenter();
	return segmenter.segment(text);
}

/** A key press reduced to one name: `up`, `enter`, `escape`, `ctrl+s`, `space`, or the character typed (`x`, `D`). */
export type KeyPress = {
	name: string;
	input: string;
	/**
	 * Which read from the terminal brought it (numbered from 1). Keys of one burst arrived together: typed faster
	 * than a person can read, pasted, or sent by a script.
	 */
	burst?: number;
	/** Text the terminal marked as pasted (`name` is `paste`, `input` the whole text): it is never a command. */
	pasted?: boolean;
};

/** Written to the terminal to turn bracketed paste on and off (the terminal then wraps a paste in the markers). */
export const bracketedPasteOn = '\u001B[?2004h';
export const bracketedPasteOff = '\u001B[?2004l';

// Ink hands over `ESC[200~` and `ESC[201~` as their own events, with the Esc stripped.
const pasteStart = '[200~';
const pasteEnd = '[201~';

export type KeyDecoder = {
	/** The presses in one event from Ink; none while a paste is still arriving. */
	decode(input: string, key: Key): KeyPress[];
	/** Starts the next burst: the events decoded until the next call came in one read from the terminal. */
	nextBurst(): void;
	/** The number of the latest burst (0 before any input). */
	readonly burst: number;
};

export function createKeyDecoder(): KeyDecoder {
	let burst = 0;
	let paste: string | undefined;
	return {
		get burst() {
			return burst;
		},
		nextBurst() {
			burst++;
		},
		decode(input, key) {
			if (paste === undefined) {
				if (input === pasteStart && !isSpecial(key)) {
					paste = '';
					return [];
				}

				return keyPressesOf(input, key).map((press) => ({...press, burst}));
			}

			if (input === pasteEnd) {
				const text = paste;
				paste = undefined;
				return text === '' ? [] : [{name: 'paste', input: text, burst, pasted: true}];
			}

			paste += key.return ? '\r' : input;
			return [];
		},
	};
}

function isSpecial(key: Key): boolean {
	return key.escape || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow;
}

/** Every key in what Ink delivered at once: a burst of plain characters is split into single presses. */
export function keyPressesOf(input: string, key: Key): KeyPress[] {
	if (!isSpecial(key) && [...graphemesOf(input)].length > 1) return splitTyped(input);
	return [keyPressOf(input, key)];
}

export function keyPressOf(input: string, key: Key): KeyPress {
	if (key.escape) return {name: 'escape', input: ''};
	if (key.upArrow) return {name: 'up', input: ''};
	if (key.downArrow) return {name: 'down', input: ''};
	// Alt+← / Ctrl+← (and →) move by word in a text field.
	if (key.leftArrow) return {name: key.meta || key.ctrl ? 'meta+left' : 'left', input: ''};
	if (key.rightArrow) return {name: key.meta || key.ctrl ? 'meta+right' : 'right', input: ''};
	if (key.pageUp) return {name: 'pageup', input: ''};
	if (key.pageDown) return {name: 'pagedown', input: ''};
	if (key.home) return {name: 'home', input: ''};
	if (key.end) return {name: 'end', input: ''};
	if (key.return) return {name: 'enter', input: ''};
	if (key.tab) return {name: key.shift ? 'shift+tab' : 'tab', input: ''};
	// Ink 6 reports the Backspace byte (0x7F) as `delete`; both mean "erase" here.
	if (key.backspace || key.delete) return {name: 'backspace', input: ''};
	if (key.ctrl && input.length === 1) return {name: `ctrl+${input.toLowerCase()}`, input: ''};
	if (key.meta) return {name: `meta+${input}`, input: ''};
	if (input === ' ') return {name: 'space', input};
	return {name: input, input};
}

/**
 * Ink hands over a burst of plain characters (typed fast, pasted, or sent by tmux) as one string, control bytes
 * included ("jj\r"): each becomes its own key press, so every key is handled as if typed alone.
 */
export function splitTyped(input: string): KeyPress[] {
	const presses: KeyPress[] = [];
	for (const {segment} of graphemesOf(input)) {
		const code = segment.codePointAt(0) ?? 0;
		if (segment === '\r' || segment === '\n' || segment === '\r\n') presses.push({name: 'enter', input: ''});
		else if (segment === '\t') presses.push({name: 'tab', input: ''});
		else if (segment === '\u007F' || segment === '\b') presses.push({name: 'backspace', input: ''});
		else if (segment === '\u001B') presses.push({name: 'escape', input: ''});
		else if (code < 0x20) presses.push({name: `ctrl+${String.fromCharCode(code + 0x60)}`, input: ''});
		else if (segment === ' ') presses.push({name: 'space', input: ' '});
		else presses.push({name: segment, input: segment});
	}

	return presses;
}
