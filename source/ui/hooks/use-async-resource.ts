// One value read asynchronously for a screen or a pane: loading, then ready or failed. A read whose inputs
// changed, or whose component went away, is aborted: its late answer never shows.
import {type DependencyList, useEffect, useState} from 'react';
import {AwsError} from '../../aws/types.js';
import {messageOf} from '../../pipeline/message-of.js';

export type Loading<T> =
	| {state: 'loading'}
	| {state: 'failed'; message: string; kind?: string}
	| {state: 'ready'; value: T};

const loading = {state: 'loading'} as const;

/**
 * Runs `load` when the component mounts and whenever `deps` change (an undefined `load` reads nothing and stays
 * loading). `deps` play the role of an effect's dependencies: list what `load` reads.
 */
export function useAsyncResource<T>(
	load: ((signal: AbortSignal) => Promise<T>) | undefined,
	deps: DependencyList,
): Loading<T> {
	const [result, setResult] = useState<Loading<T>>(loading);
	useAbortableEffect(
		load &&
			((signal) => {
				setResult(loading);
				load(signal).then(
					(value) => {
						if (!signal.aborted) setResult({state: 'ready', value});
					},
					(error: unknown) => {
						if (!signal.aborted) setResult(failureOf(error));
					},
				);
			}),
		deps,
	);
	return result;
}

/**
 * An effect that starts asynchronous work and hands it a signal, aborted when `deps` change or the component
 * unmounts: work that publishes as it goes (pages, a pool of lookups) checks it before each state change.
 * `run` handles its own failures.
 */
export function useAbortableEffect(
	run: ((signal: AbortSignal) => void | Promise<void>) | undefined,
	deps: DependencyList,
): void {
	useEffect(() => {
		if (run === undefined) return;
		const controller = new AbortController();
		void run(controller.signal);
		return () => controller.abort();
		// biome-ignore lint/correctness/useExhaustiveDependencies: the caller's `deps` stand for what `run` reads
	}, deps);
}

/** A failure as a `Loading` state: AWS errors keep their kind (the report pane words access denial its own way). */
export function failureOf(error: unknown): {state: 'failed'; message: string; kind?: string} {
	if (error instanceof AwsError) return {state: 'failed', message: error.message, kind: error.kind};
	return {state: 'failed', message: messageOf(error)};
}
