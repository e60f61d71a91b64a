// The string-width fast path (scripts/string-width-fast-path.mjs) answers exactly what string-width answers: every
// character it covers is one column wide alone, and strings of them (with colours) are as wide as they are long.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {oneColumn} from '../../scripts/string-width-fast-path.mjs';

const fastPath = new RegExp(`^[${oneColumn}]*$`);

function* codePoints(): Generator<string> {
	for (let code = 0; code <= 0xffff; code++) {
		if (code >= 0xd800 && code <= 0xdfff) continue;
		const character = String.fromCodePoint(code);
		if (fastPath.test(character)) yield character;
	}
}

describe('string-width fast path', () => {
	it('covers only characters string-width measures as one column', () => {
		const covered = [...codePoints()];
		expect(covered.length).toBeGreaterThan(600);
		const wider = covered.filter((character) => stringWidth(character) !== 1);
		expect(wider).toEqual([]);
	});

	it('leaves out what is not one column: emoji, wide, zero-width and combining characters', () => {
		for (const character of ['✅', '◽', '漢', '\u00AD', '\u200B', '\u0301', '\uFE0F', '\t', '\u001B'])
			expect(fastPath.test(character)).toBe(false);
	});

	it('gives the length of a DAG row, as string-width does', () => {
		const row = '\u001B[32m┏━━━━━━━━┓\u001B[39m ──▶ │ ✔ 12s · step-001 … ↺ cache ⊘ ●○◔◑■✖ ←→↑↓ «é»';
		const plain = row.replaceAll(/\u001B\[\d+m/g, '');
		expect(fastPath.test(plain)).toBe(true);
		expect(stringWidth(row)).toBe(plain.length);
	});
});
