import {describe, expect, test} from 'vitest';
import {findBinding, type Keymap, visibleBindings} from '../../../source/ui/keys/bindings.js';
import {
	executionKeymap,
	executionsKeymap,
	paneKeymap,
	pipelinesKeymap,
	startFormKeymap,
} from '../../../source/ui/keys/keymaps.js';
import {compareKeymap} from '../../../source/ui/keys/compare-keymaps.js';
import {triagePaneKeymap} from '../../../source/ui/keys/triage-keymaps.js';
import {
	confirmKeymap,
	globalKeymap,
	helpKeymap,
	interruptKeymap,
	tooSmallKeymap,
	typeToConfirmKeymap,
} from '../../../source/ui/keys/shell-keymaps.js';
import {filterKeymap, textEditKeymap} from '../../../source/ui/keys/text-keymaps.js';
import {callbackChoiceKeymap, callbackFieldKeymap} from '../../../source/ui/keys/callback-keymaps.js';
import {
	approvalDescriptionKeymap,
	modelGroupsKeymap,
	modelsKeymap,
} from '../../../source/ui/keys/models-keymaps.js';

const tables: Record<string, Keymap> = {
	globalKeymap,
	interruptKeymap,
	tooSmallKeymap,
	helpKeymap,
	confirmKeymap,
	typeToConfirmKeymap,
	pipelinesKeymap,
	executionsKeymap,
	executionKeymap,
	paneKeymap,
	triagePaneKeymap,
	modelGroupsKeymap,
	modelsKeymap,
	approvalDescriptionKeymap,
	callbackChoiceKeymap,
	callbackFieldKeymap,
	startFormKeymap,
	compareKeymap,
	textEditKeymap,
	filterKeymap,
};

const press = (name: string) => ({name, input: name.length === 1 ? name : ''});

describe('keymap tables', () => {
	test('each screen’s table maps keys to intents', () => {
		expect(findBinding(pipelinesKeymap, press('D'))?.intent).toBe('delete');
		expect(findBinding(pipelinesKeymap, press('j'))?.intent).toBe('down');
		expect(findBinding(executionKeymap, press('l'))?.intent).toBe('right');
		expect(findBinding(executionKeymap, press('z'))).toBeUndefined();
	});

	test.each(Object.entries(tables))('no key is bound twice in %s', (_name, keymap) => {
		const keys = keymap.flatMap((binding) => binding.keys);
		expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
	});

	test('the keys that used to be written inside the handlers are in the tables', () => {
		expect(findBinding(confirmKeymap, press('y'))?.intent).toBe('yes');
		for (const key of ['n', 'N', 'escape', 'enter', 'q', 'backspace'])
			expect(findBinding(confirmKeymap, press(key))?.intent).toBe('no');
		expect(findBinding(typeToConfirmKeymap, press('ctrl+u'))?.intent).toBe('clear');
		expect(findBinding(helpKeymap, press('?'))?.intent).toBe('close');
		expect(findBinding(helpKeymap, press('j'))?.intent).toBe('down');
		expect(findBinding(tooSmallKeymap, press('q'))?.intent).toBe('quit');
		expect(findBinding(interruptKeymap, press('ctrl+c'))?.intent).toBe('quit');
		expect(findBinding(textEditKeymap, press('ctrl+w'))?.intent).toBe('erase-word');
		expect(findBinding(filterKeymap, press('ctrl+w'))?.intent).toBe('erase-word');
	});

	test('read-only mode hides every key that changes something, and each names its action for the refusal', () => {
		const shown = visibleBindings(executionKeymap, true).map((binding) => binding.intent);
		expect(shown).not.toContain('stop');
		expect(shown).not.toContain('retry');
		expect(shown).not.toContain('delete');
		expect(shown).toContain('reports');
		expect(shown).not.toContain('callback');
		expect(visibleBindings(modelsKeymap, true).map((binding) => binding.intent)).not.toContain('approve');
		expect(visibleBindings(executionKeymap, false).map((binding) => binding.intent)).toContain('stop');
		const mutating = Object.values(tables).flatMap((keymap) => keymap.filter((binding) => binding.mutating));
		expect(mutating.map((binding) => binding.intent).sort()).toEqual(
			[
				'delete',
				'delete',
				'retry',
				'retry',
				'retry',
				'start',
				'start',
				'start-again',
				'stop',
				'stop',
				'submit',
				'submit',
				'approve',
				'reject',
				'callback',
			].sort(),
		);
		for (const binding of mutating)
			expect(binding.action).toMatch(/^(start|stop|retry|delete|approve|reject|answer) (the|an|a|another) /);
	});

	test('the footer’s special keys are marked by role, not by intent', () => {
		expect(globalKeymap.filter((binding) => 'role' in binding).map((binding) => binding.role)).toEqual([
			'command',
			'back',
		]);
	});
});
