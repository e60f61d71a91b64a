import {expect, test} from 'vitest';
import {
	eraseBefore,
	eraseWordBefore,
	insertAt,
	moveCursor,
	type TextEdit,
} from '../../source/ui/text-edit.js';

const at = (text: string, cursor: number): TextEdit => ({text, cursor});

test('moves by character, by word and to either end', () => {
	const edit = at('train --epochs 10', 17);
	expect(moveCursor(edit, 'left')).toEqual(at('train --epochs 10', 16));
	expect(moveCursor(at('ab', 2), 'right')).toEqual(at('ab', 2));
	expect(moveCursor(edit, 'home').cursor).toBe(0);
	expect(moveCursor(at('ab', 0), 'end').cursor).toBe(2);
	expect(moveCursor(edit, 'word-left').cursor).toBe(15);
	expect(moveCursor(at('train --epochs 10', 15), 'word-left').cursor).toBe(8);
	expect(moveCursor(at('train --epochs 10', 0), 'word-right').cursor).toBe(5);
	expect(moveCursor(at('train --epochs 10', 5), 'word-right').cursor).toBe(14);
	expect(moveCursor(at('', 0), 'left')).toEqual(at('', 0));
});

test('types and erases at the cursor, not only at the end', () => {
	expect(insertAt(at('s3://bkt', 5), 'my-')).toEqual(at('s3://my-bkt', 8));
	expect(eraseBefore(at('abc', 2))).toEqual(at('ac', 1));
	expect(eraseBefore(at('abc', 0))).toEqual(at('abc', 0));
	expect(insertAt(at('a😀b', 2), 'x')).toEqual(at('a😀xb', 3));
});

test('ctrl+w erases the word before the cursor and the spaces after it, as a shell does', () => {
	expect(eraseWordBefore(at('one two  three', 9))).toEqual(at('one three', 4));
	expect(eraseWordBefore(at('one two', 7))).toEqual(at('one ', 4));
	expect(eraseWordBefore(at('word', 0))).toEqual(at('word', 0));
});
