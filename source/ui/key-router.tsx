// The one keyboard listener of the app: each key goes to the registered layers from the highest priority down
// until one consumes it, so a dialog or a text field shadows the screen, and the screen shadows global keys.
import {useInput} from 'ink';
import {createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useMemo, useRef} from 'react';
import {type KeyPress, keyPressesOf} from './keymap.js';

/** Returns true when it used the key. */
export type KeyHandler = (press: KeyPress) => boolean;

export const KeyPriority = {global: 0, screen: 10, pane: 20, overlay: 30, dialog: 40, text: 50} as const;

type Layer = {id: number; priority: number; handler: {current: KeyHandler}};

type Router = {
	register(layer: Layer): () => void;
	/** Called after a component with a key layer rendered: the next queued key may go. */
	committed(): void;
};

/** How long a queued key waits for the render its predecessor may cause, when none comes. */
const renderWaitMs = 15;

const RouterContext = createContext<Router | undefined>(undefined);

export function KeyRouter({children, escapeDelayMs = 0}: {children: ReactNode; escapeDelayMs?: number}) {
	const layers = useRef<Layer[]>([]);
	const pendingEscape = useRef<NodeJS.Timeout | undefined>(undefined);
	const router = useMemo<Router>(
		() => ({
			register(layer) {
				layers.current = [...layers.current, layer].sort((a, b) => b.priority - a.priority || b.id - a.id);
				return () => {
					layers.current = layers.current.filter((candidate) => candidate !== layer);
				};
			},
			committed() {},
		}),
		[],
	);

	const dispatch = (press: KeyPress) => {
		for (const layer of layers.current) {
			if (layer.handler.current(press)) return;
		}
	};

	const handle = (press: KeyPress) => {
		if (escapeDelayMs <= 0) {
			dispatch(press);
			return;
		}

		// Over slow links an arrow key's bytes can arrive split, as a lone Esc followed by `[B`: hold Esc briefly
		// and drop it when the rest of a sequence follows, so the user is not sent back by a key they never pressed.
		if (pendingEscape.current) {
			clearTimeout(pendingEscape.current);
			pendingEscape.current = undefined;
			if (/^[[O]/.test(press.input)) return;
			dispatch({name: 'escape', input: ''});
		}

		if (press.name === 'escape') {
			pendingEscape.current = setTimeout(() => {
				pendingEscape.current = undefined;
				dispatch(press);
			}, escapeDelayMs);
			return;
		}

		dispatch(press);
	};

	// Keys that arrive together ("jj\r" from a fast typist, a paste, tmux) or before the previous key's render are
	// handled one at a time, each after the render the previous one caused (or a short wait when it changed
	// nothing), so every key sees the state the previous one left.
	const queue = useRef<KeyPress[]>([]);
	const waiting = useRef<NodeJS.Timeout | undefined>(undefined);
	const waitForRender = () => {
		waiting.current ??= setTimeout(handleNext, renderWaitMs);
	};
	const handleNext = () => {
		waiting.current = undefined;
		const next = queue.current.shift();
		if (next === undefined) return;
		handle(next);
		waitForRender();
	};
	router.committed = () => {
		if (!waiting.current) return;
		clearTimeout(waiting.current);
		waiting.current = setTimeout(handleNext, 0);
	};

	useInput((input, key) => {
		queue.current.push(...keyPressesOf(input, key));
		if (!waiting.current) handleNext();
	});

	useEffect(
		() => () => {
			clearTimeout(pendingEscape.current);
			clearTimeout(waiting.current);
		},
		[],
	);

	return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

let nextLayerId = 0;

/**
 * Registers a key handler while `active`. The latest handler is always the one called (it is kept in a ref),
 * so a key that arrives right after a state change never runs against stale state.
 */
export function useKeyLayer(handler: KeyHandler, options: {priority: number; active?: boolean}): void {
	const router = useContext(RouterContext);
	if (!router) throw new Error('useKeyLayer needs a <KeyRouter> above it.');
	const latest = useRef(handler);
	latest.current = handler;
	const active = options.active ?? true;
	useLayoutEffect(() => {
		router.committed();
	});
	useLayoutEffect(() => {
		if (!active) return;
		return router.register({id: nextLayerId++, priority: options.priority, handler: latest});
	}, [router, active, options.priority]);
}
