import {describe, expect, it} from 'vitest';
import {asciiOnly, supportsUnicode} from '../../source/pipeline/terminal-charset.js';

describe('supportsUnicode', () => {
	it('follows the locale: UTF-8 yes, C and Latin-1 no, LC_ALL before LC_CTYPE before LANG', () => {
		expect(supportsUnicode({LANG: 'en_US.UTF-8', TERM: 'xterm-256color'}, 'linux')).toBe(true);
		expect(supportsUnicode({LANG: 'de_DE.utf8'}, 'linux')).toBe(true);
		expect(supportsUnicode({LANG: 'C', LC_ALL: 'C'}, 'linux')).toBe(false);
		expect(supportsUnicode({LANG: 'de_DE.ISO-8859-1'}, 'linux')).toBe(false);
		expect(supportsUnicode({LANG: 'en_US.UTF-8', LC_ALL: 'POSIX'}, 'linux')).toBe(false);
		expect(supportsUnicode({LANG: 'C', LC_CTYPE: 'en_US.UTF-8'}, 'linux')).toBe(true);
		expect(supportsUnicode({LANG: 'C', LC_ALL: ''}, 'linux')).toBe(false);
	});

	it('assumes UTF-8 when no locale is set, except on terminals that cannot draw it', () => {
		expect(supportsUnicode({}, 'linux')).toBe(true);
		expect(supportsUnicode({TERM: 'dumb'}, 'linux')).toBe(false);
		expect(supportsUnicode({TERM: 'linux', LANG: 'en_US.UTF-8'}, 'linux')).toBe(false);
	});

	it('lets SAGEMON_ASCII force either way', () => {
		expect(supportsUnicode({SAGEMON_ASCII: '1', LANG: 'en_US.UTF-8'}, 'linux')).toBe(false);
		expect(supportsUnicode({SAGEMON_ASCII: '0', LANG: 'C'}, 'linux')).toBe(true);
	});

	it('judges Windows terminals by the programs known to draw Unicode', () => {
		expect(supportsUnicode({WT_SESSION: 'x'}, 'win32')).toBe(true);
		expect(supportsUnicode({}, 'win32')).toBe(false);
	});
});

describe('asciiOnly', () => {
	it('keeps ASCII, turns look-alikes into ASCII and anything else into ?', () => {
		expect(asciiOnly('Pipeline · Executing · 2m 05s')).toBe('Pipeline - Executing - 2m 05s');
		expect(asciiOnly('Train-Abal…Model')).toBe('Train-Abal~Model');
		expect(asciiOnly('Étape 数据')).toBe('?tape ??');
	});
});
