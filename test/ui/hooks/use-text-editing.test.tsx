import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useRef, useState} from 'react';
import {afterEach, expect, test} from 'vitest';
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

test('keys typed faster than the field renders each edit what the previous key left', async () => {
	const app = render(
		<KeyRouter>
			<SlowField delayMs={60} />
		</KeyRouter>,
	);
	unmount = app.unmount;
	app.stdin.write('fraud');
	await settle(600);
	expect(app.lastFrame()).toBe('[fraud]');
	app.stdin.write('\u007F\u007Fx y\u0017z');
	await settle(800);
	expect(app.lastFrame()).toBe('[frax z]');
});
