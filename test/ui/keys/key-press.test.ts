import type {Key} from 'ink';
import {describe, expect, test} from 'vitest';
import {createKeyDecoder, keyPressOf, splitTyped} from '../../../source/ui/keys/key-press.js';

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

describe('key presses', () => {
	test('Ink’s key flags become one name each', () => {
		expect(keyPressOf('', {...noKey, escape: true, meta: true}).name).toBe('escape');
		expect(keyPressOf('', {...noKey, delete: true}).name).toBe('backspace');
		expect(keyPressOf('s', {...noKey, ctrl: true}).name).toBe('ctrl+s');
		expect(keyPressOf(' ', noKey).name).toBe('space');
		expect(keyPressOf('D', {...noKey, shift: true}).name).toBe('D');
		expect(keyPressOf('', {...noKey, tab: true, shift: true}).name).toBe('shift+tab');
	});

	test('a burst of typed characters splits into single presses, control bytes included', () => {
		expect(splitTyped('jj\r\u0015ab\u007F').map((press) => press.name)).toEqual([
			'j',
			'j',
			'enter',
			'ctrl+u',
			'a',
			'b',
			'backspace',
		]);
	});
});

describe('the decoder', () => {
	test('every press carries the burst of input it came in', () => {
		const decoder = createKeyDecoder();
		decoder.nextBurst();
		const first = decoder.decode('px', noKey);
		decoder.nextBurst();
		const second = decoder.decode('y', noKey);
		expect(first.map((press) => [press.name, press.burst])).toEqual([
			['p', 1],
			['x', 1],
		]);
		expect(second).toEqual([{name: 'y', input: 'y', burst: 2}]);
	});

	test('text between the bracketed-paste markers is one paste, never keys, whatever it holds', () => {
		const decoder = createKeyDecoder();
		decoder.nextBurst();
		// How Ink hands over `ESC[200~x y\rq ESC[201~`: the markers as their own events, with the Esc stripped.
		expect(decoder.decode('[200~', noKey)).toEqual([]);
		expect(decoder.decode('x y', noKey)).toEqual([]);
		expect(decoder.decode('\r', {...noKey, return: true})).toEqual([]);
		expect(decoder.decode('q', noKey)).toEqual([]);
		expect(decoder.decode('[201~', noKey)).toEqual([
			{name: 'paste', input: 'x y\rq', burst: 1, pasted: true},
		]);
		expect(decoder.decode('j', noKey).map((press) => press.name)).toEqual(['j']);
	});

	test('a paste that arrives over several reads stays one paste', () => {
		const decoder = createKeyDecoder();
		decoder.nextBurst();
		decoder.decode('[200~', noKey);
		decoder.decode('pro', noKey);
		decoder.nextBurst();
		decoder.decode('xy', noKey);
		expect(decoder.decode('[201~', noKey)).toEqual([{name: 'paste', input: 'proxy', burst: 2, pasted: true}]);
	});

	test('an empty paste is nothing at all', () => {
		const decoder = createKeyDecoder();
		decoder.decode('[200~', noKey);
		expect(decoder.decode('[201~', noKey)).toEqual([]);
	});
});
