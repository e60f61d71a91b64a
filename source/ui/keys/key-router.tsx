// The one keyboard listener of the app: each key goes to the registered layers from the highest priority down
// until one consumes it, so a dialog or a text field shadows the screen, and the screen shadows global keys.
// Pasted text is never a key: it goes to a text field being edited, or nowhere.
import {useInput} from 'ink';
import {createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useMemo, useRef} from 'react';
import {createKeyDecoder, type KeyPress} from './key-press.js';

/** Returns true when it used the key. */
export type KeyHandler = (press: KeyPress) => boolean;

export const KeyPriority = {global: 0, screen: 10, pane: 20, overlay: 30, dialog: 40, text: 50} as const;

type Layer = {
	id: number;
	priority: number;
	handler: {current: KeyHandler};
	/** Keys of this burst or earlier arrived before the layer was on screen (set for `newInputOnly` layers). */
	since?: number;
};

type Router = {
	register(layer: Layer): () => void;
	/** The latest burst of input that has arrived. */
	burst(): number;
	/** Called after a component with a key layer rendered: the next queued key may go. */
	committed(): void;
};

/** How long a queued key waits for the render its predecessor may cause, when none comes. */
const renderWaitMs = 15;

const RouterContext = createContext<Router | undefined>(undefined);

export function KeyRouter({children, escapeDelayMs = 0}: {children: ReactNode; escapeDelayMs?: number}) {
	const layers = useRef<Layer[]>([]);
	const pendingEscape = useRef<NodeJS.Timeout | undefined>(undefined);
	const decoder = useMemo(() => createKeyDecoder(), []);
	const router = useMemo<Router>(
		() => ({
			burst: () => decoder.burst,
			register(layer) {
				layers.current = [...layers.current, layer].sort((a, b) => b.priority - a.priority || b.id - a.id);
				return () => {
					layers.current = layers.current.filter((candidate) => candidate !== layer);
				};
			},
			committed() {},
		}),
		[decoder],
	);

	const dispatch = (press: KeyPress) => {
		if (press.pasted) {
			dispatchPaste(press);
			return;
		}

		for (const layer of layers.current) {
			// A question answers only keys pressed after it was on screen, never the rest of the burst that opened it.
			if (layer.since !== undefined && (press.burst ?? Number.POSITIVE_INFINITY) <= layer.since) return;
			if (layer.handler.current(press)) return;
		}
	};

	// The layers above text fields (Ctrl+C, the too-small notice) see a paste first; then only a text field takes it.
	const dispatchPaste = (press: KeyPress) => {
		for (const layer of layers.current) {
			if (layer.priority > KeyPriority.text) {
				if (layer.handler.current(press)) return;
				continue;
			}

			if (layer.priority === KeyPriority.text) layer.handler.current(press);
			return;
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
			dispatch({name: 'escape', input: '', burst: press.burst});
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

	// Ink delivers the events of one read from the terminal synchronously: they form one burst.
	const inBurst = useRef(false);
	useInput((input, key) => {
		if (!inBurst.current) {
			inBurst.current = true;
			decoder.nextBurst();
			queueMicrotask(() => {
				inBurst.current = false;
			});
		}

		queue.current.push(...decoder.decode(input, key));
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

export type KeyLayerOptions = {
	priority: number;
	active?: boolean;
	/**
	 * Takes only keys that arrived after the layer was registered (so after what it shows was drawn): earlier ones,
	 * such as the rest of the burst of input that opened a question, are swallowed unseen.
	 */
	newInputOnly?: boolean;
};

/**
 * Registers a key handler while `active`. The latest handler is always the one called (it is kept in a ref),
 * so a key that arrives right after a state change never runs against stale state.
 */
export function useKeyLayer(handler: KeyHandler, options: KeyLayerOptions): void {
	const router = useContext(RouterContext);
	if (!router) throw new Error('useKeyLayer needs a <KeyRouter> above it.');
	const latest = useRef(handler);
	latest.current = handler;
	const active = options.active ?? true;
	const newInputOnly = options.newInputOnly === true;
	useLayoutEffect(() => {
		router.committed();
	});
	useLayoutEffect(() => {
		if (!active) return;
		return router.register({
			id: nextLayerId++,
			priority: options.priority,
			handler: latest,
			since: newInputOnly ? router.burst() : undefined,
		});
	}, [router, active, options.priority, newInputOnly]);
}
