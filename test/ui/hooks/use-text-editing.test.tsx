import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useRef, useState} from 'react';
import {afterEach, expect, test, vi} from 'vitest';
import {useTextEditing} from '../../../source/ui/hooks/use-text-editing.js';
import {KeyRouter} from '../../../source/ui/keys/key-router.js';

/**
 * A field that renders late, as on a busy machine: each change is queued at once (as React queues state), but the
 * render that shows it comes only after the next keys were handled.
 */
function SlowField({delayMs}: {delayMs: number}) {
	const [value, setValue] = useState('');
	const queued = useRef('');
	useTextEditing({
		active: true,
		showKeymap: false,
		value,
		onChange: (next) => {
			queued.current = next;
			setTimeout(() => setValue(queued.current), delayMs);
		},
		onIntent: () => undefined,
	});
	return <Text>[{value}]</Text>;
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the field to show `expected` (keys are handled one render at a time, slower on a busy machine). */
const shows = (app: {lastFrame(): string | undefined}, expected: string) =>
	vi.waitFor(() => expect(app.lastFrame()).toBe(expected), {timeout: 5000, interval: 10});

test('keys typed faster than the field renders each edit what the previous key left', async () => {
	const app = render(
		<KeyRouter>
			<SlowField delayMs={60} />
		</KeyRouter>,
	);
	unmount = app.unmount;
	app.stdin.write('fraud');
	await settle(600);
	await shows(app, '[fraud]');
	app.stdin.write('\u007F\u007Fx y\u0017z');
	await settle(800);
	await shows(app, '[frax z]');
});

function Field() {
	const [value, setValue] = useState('');
	const {cursor} = useTextEditing({
		active: true,
		showKeymap: false,
		value,
		onChange: setValue,
		onIntent: () => undefined,
	});
	return <Text>[{`${value.slice(0, cursor)}|${value.slice(cursor)}`}]</Text>;
}

test('←, →, Home, End, ctrl+a, ctrl+e, ctrl+w and alt+←/→ move and edit as in a shell', async () => {
	const app = render(
		<KeyRouter>
			<Field />
		</KeyRouter>,
	);
	unmount = app.unmount;
	const press = async (keys: string, ms = 60) => {
		app.stdin.write(keys);
		await settle(ms);
	};
	await press('train epochs');
	await shows(app, '[train epochs|]');
	await press('\u001B[D');
	await press('\u001B[D');
	await shows(app, '[train epoc|hs]');
	await press('X');
	await shows(app, '[train epocX|hs]');
	await press('\u0001');
	await shows(app, '[|train epocXhs]');
	await press('\u001B[C');
	await shows(app, '[t|rain epocXhs]');
	await press('\u0005');
	await shows(app, '[train epocXhs|]');
	await press('\u001B[1;3D');
	await shows(app, '[train |epocXhs]');
	await press('\u0017');
	await shows(app, '[|epocXhs]');
	await press('\u001B[F');
	await shows(app, '[epocXhs|]');
	await press('\u001B[H');
	await shows(app, '[|epocXhs]');
	await press('\u001B[1;3C');
	await shows(app, '[epocXhs|]');
	await press('\u007F');
	await shows(app, '[epocXh|]');
});
