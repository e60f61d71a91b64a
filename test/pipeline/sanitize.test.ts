import {describe, expect, test} from 'vitest';
import {sanitizeText, stringifyJson} from '../../source/pipeline/sanitize.js';

describe('sanitizeText', () => {
	test('OSC 52 clipboard writes, screen clears and bells become visible text', () => {
		expect(sanitizeText('\u001b]52;c;ZXZpbA==\u0007')).toBe('^[]52;c;ZXZpbA==^G');
		expect(sanitizeText('before\u001b[2Jafter')).toBe('before^[[2Jafter');
		expect(sanitizeText('\u001b[31mred\u001b[0m')).toBe('^[[31mred^[[0m');
		expect(sanitizeText('ding\u0007')).toBe('ding^G');
	});

	test('8-bit C1 controls (CSI 0x9B, OSC 0x9D) and DEL are neutralised', () => {
		expect(sanitizeText('\u009b31m')).toBe('<U+009B>31m');
		expect(sanitizeText('\u009d0;title\u009c')).toBe('<U+009D>0;title<U+009C>');
		expect(sanitizeText('a\u007fb')).toBe('a^?b');
	});

	test('no control character survives, whatever the input', () => {
		let all = '';
		for (let code = 0; code < 0xa0; code++) all += String.fromCharCode(code);
		const clean = sanitizeText(all, {multiline: true});
		expect(clean).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
		expect(sanitizeText(all)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
	});

	test('newlines stay only when multiline; tabs become spaces; carriage returns cannot overwrite a line', () => {
		expect(sanitizeText('a\nb')).toBe('a b');
		expect(sanitizeText('a\nb', {multiline: true})).toBe('a\nb');
		expect(sanitizeText('a\r\nb', {multiline: true})).toBe('a\nb');
		expect(sanitizeText('safe\rEVIL')).toBe('safe^MEVIL');
		expect(sanitizeText('a\tb')).toBe('a  b');
	});

	test('keeps ordinary text, emoji and CJK; drops lone surrogates; shows bidi overrides', () => {
		expect(sanitizeText('Abalone ✓ 模型 🚀')).toBe('Abalone ✓ 模型 🚀');
		expect(sanitizeText('a\ud800b\udc00c')).toBe('abc');
		expect(sanitizeText('x\u202Ey')).toBe('x<U+202E>y');
	});
});

describe('stringifyJson', () => {
	test('escapes DEL and C1 controls, which JSON.stringify leaves raw, and stays the same JSON value', () => {
		const value = {name: 'a\u009b31m\u007f\u001b]52;c;x\u0007', n: 1};
		const text = stringifyJson(value, 2);
		expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
		expect(text).toContain('\\u009b');
		expect(JSON.parse(text)).toEqual(value);
		expect(stringifyJson(undefined)).toBe('null');
	});
});
