// Editing a one-line text as a shell does: a cursor that moves by character or word and jumps to either end, and
// typing, erasing and erasing a word at the cursor. Pure: the text field's hook keeps the state.

/** The text and where the cursor stands, in characters (code points) from the start: 0 … length. */
export type TextEdit = {text: string; cursor: number};

export type CursorMove = 'left' | 'right' | 'home' | 'end' | 'word-left' | 'word-right';

export function moveCursor(edit: TextEdit, move: CursorMove): TextEdit {
	const characters = [...edit.text];
	const cursor = clamp(edit.cursor, characters.length);
	switch (move) {
		case 'left':
			return {text: edit.text, cursor: Math.max(0, cursor - 1)};
		case 'right':
			return {text: edit.text, cursor: Math.min(characters.length, cursor + 1)};
		case 'home':
			return {text: edit.text, cursor: 0};
		case 'end':
			return {text: edit.text, cursor: characters.length};
		case 'word-left':
			return {text: edit.text, cursor: wordStartBefore(characters, cursor)};
		case 'word-right': {
			let at = cursor;
			while (at < characters.length && !isWord(characters[at])) at++;
			while (at < characters.length && isWord(characters[at])) at++;
			return {text: edit.text, cursor: at};
		}
	}
}

/** Types `typed` at the cursor, which moves past it. */
export function insertAt(edit: TextEdit, typed: string): TextEdit {
	const characters = [...edit.text];
	const cursor = clamp(edit.cursor, characters.length);
	const added = [...typed];
	characters.splice(cursor, 0, ...added);
	return {text: characters.join(''), cursor: cursor + added.length};
}

/** Backspace: erases the character before the cursor. */
export function eraseBefore(edit: TextEdit): TextEdit {
	const characters = [...edit.text];
	const cursor = clamp(edit.cursor, characters.length);
	if (cursor === 0) return {text: edit.text, cursor};
	characters.splice(cursor - 1, 1);
	return {text: characters.join(''), cursor: cursor - 1};
}

/** Ctrl+W: erases the word before the cursor (and the spaces between it and the cursor), as a shell does. */
export function eraseWordBefore(edit: TextEdit): TextEdit {
	const characters = [...edit.text];
	const cursor = clamp(edit.cursor, characters.length);
	let start = cursor;
	while (start > 0 && /\s/.test(characters[start - 1] ?? '')) start--;
	while (start > 0 && !/\s/.test(characters[start - 1] ?? '')) start--;
	characters.splice(start, cursor - start);
	return {text: characters.join(''), cursor: start};
}

function wordStartBefore(characters: readonly string[], cursor: number): number {
	let at = cursor;
	while (at > 0 && !isWord(characters[at - 1])) at--;
	while (at > 0 && isWord(characters[at - 1])) at--;
	return at;
}

/** Word characters for Alt+←/→, as readline counts them: letters and digits. */
function isWord(character: string | undefined): boolean {
	return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}

function clamp(cursor: number, length: number): number {
	return Math.max(0, Math.min(length, Number.isFinite(cursor) ? Math.floor(cursor) : length));
}
