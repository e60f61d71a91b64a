import type {Key} from 'ink';
import {describe, expect, test} from 'vitest';
import {
	executionKeymap,
	findBinding,
	keyPressOf,
	pipelinesKeymap,
	splitTyped,
	visibleBindings,
} from '../../source/ui/keymap.js';

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

	test('each screen’s table maps keys to intents', () => {
		expect(findBinding(pipelinesKeymap, {name: 'D', input: 'D'})?.intent).toBe('delete');
		expect(findBinding(pipelinesKeymap, {name: 'j', input: 'j'})?.intent).toBe('down');
		expect(findBinding(executionKeymap, {name: 'l', input: 'l'})?.intent).toBe('right');
		expect(findBinding(executionKeymap, {name: 'z', input: 'z'})).toBeUndefined();
	});

	test('read-only mode hides every key that changes something', () => {
		const shown = visibleBindings(executionKeymap, true).map((binding) => binding.intent);
		expect(shown).not.toContain('stop');
		expect(shown).not.toContain('retry');
		expect(shown).not.toContain('delete');
		expect(shown).toContain('reports');
		expect(visibleBindings(executionKeymap, false).map((binding) => binding.intent)).toContain('stop');
	});
});
