import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {afterEach, expect, test} from 'vitest';
import type {KeyPress} from '../../../source/ui/keys/key-press.js';
import {KeyPriority, KeyRouter, useKeyLayer} from '../../../source/ui/keys/key-router.js';

/** A screen that records its keys and opens a question on `x`; the question records the keys that reach it. */
function Probe({
	seen,
	typing,
}: {
	seen: {screen: string[]; question: string[]; field: string[]};
	typing: boolean;
}) {
	const [asking, setAsking] = useState(false);
	useKeyLayer(
		(press) => {
			seen.screen.push(press.name);
			if (press.name === 'x') setAsking(true);
			return true;
		},
		{priority: KeyPriority.screen, active: !asking},
	);
	useKeyLayer(
		(press) => {
			seen.question.push(press.name);
			return true;
		},
		{priority: KeyPriority.dialog, active: asking, newInputOnly: true},
	);
	useKeyLayer(
		(press: KeyPress) => {
			seen.field.push(press.input);
			return true;
		},
		{priority: KeyPriority.text, active: typing},
	);
	return <Text>{asking ? 'asking' : 'idle'}</Text>;
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function open(typing = false) {
	const seen = {screen: [] as string[], question: [] as string[], field: [] as string[]};
	const app = render(
		<KeyRouter>
			<Probe seen={seen} typing={typing} />
		</KeyRouter>,
	);
	unmount = app.unmount;
	const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
	return {seen, app, settle};
}

test('a question opened by a key of a burst ignores the rest of that burst, and hears the next one', async () => {
	const {seen, app, settle} = open();
	app.stdin.write('axyz');
	await settle();
	expect(app.lastFrame()).toBe('asking');
	expect(seen.screen).toEqual(['a', 'x']);
	expect(seen.question).toEqual([]);
	app.stdin.write('y');
	await settle();
	expect(seen.question).toEqual(['y']);
});

test('a paste reaches no screen and no question, whatever keys it holds', async () => {
	const {seen, app, settle} = open();
	app.stdin.write('\u001B[200~x y\u001B[201~');
	await settle();
	expect(app.lastFrame()).toBe('idle');
	expect(seen.screen).toEqual([]);
	app.stdin.write('x');
	await settle();
	app.stdin.write('\u001B[200~y\u001B[201~');
	await settle();
	expect(seen.question).toEqual([]);
});

test('a paste goes whole to a text field being edited', async () => {
	const {seen, app, settle} = open(true);
	app.stdin.write('\u001B[200~x y\rz\u001B[201~');
	await settle();
	expect(seen.field).toEqual(['x y\rz']);
	expect(seen.screen).toEqual([]);
});
