import {renderToString} from 'ink';
import {expect, test} from 'vitest';
import {HelpOverlay} from '../../../source/ui/components/help-overlay.js';
import {pipelinesKeymap} from '../../../source/ui/keys/keymaps.js';

const help = (readOnly: boolean) =>
	renderToString(
		<HelpOverlay
			title="Pipelines"
			keymap={pipelinesKeymap}
			readOnly={readOnly}
			width={100}
			height={70}
			offset={0}
		/>,
		{columns: 100},
	)
		.replace(/[│╭╮╰╯─]/g, ' ')
		.replace(/ +/g, ' ');

test('? lists the screen’s keys, then the global keys, the typing keys, the questions’ keys and its own', () => {
	const text = help(false);
	for (const line of [
		'Pipelines',
		'D delete the pipeline (type its name)',
		'Everywhere',
		'q quit (Ctrl+C too)',
		'While typing in a field, a filter or the : line (a paste is typed too)',
		'ctrl+w erase the last word',
		'In a y/N question (only keys pressed after it shows)',
		'y yes: do it',
		'n/esc no, the default (enter, q, Backspace too)',
		'In a question that asks for a name',
		'enter confirm, when the name typed matches',
		'In this help',
		'esc close the help (? q enter Backspace too)',
	])
		expect(text).toContain(line);
	expect(text.indexOf('Everywhere')).toBeLessThan(text.indexOf('In this help'));
	// The name is typed in a field like any other: the typing keys are listed with the question too.
	const question = text.slice(
		text.indexOf('In a question that asks for a name'),
		text.indexOf('In this help'),
	);
	expect(question).toContain('Home/ctrl+a cursor to the start');
	expect(question).toContain('ctrl+u clear the field');
});

test('read-only help hides the keys that change something and says so', () => {
	const text = help(true);
	expect(text).not.toContain('D delete');
	expect(text).not.toContain('s start');
	expect(text).toContain('Read-only mode: keys that change anything are hidden.');
});
