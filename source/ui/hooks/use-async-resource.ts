// One value read asynchronously for a screen or a pane: loading, then ready or failed. A read whose inputs
// changed, or whose component went away, is dropped when it answers, so a late answer never shows.
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
export function useAsyncResource<T>(load: (() => Promise<T>) | undefined, deps: DependencyList): Loading<T> {
	const [result, setResult] = useState<Loading<T>>(loading);
	useEffect(() => {
		if (load === undefined) return;
		let cancelled = false;
		setResult(loading);
		load().then(
			(value) => {
				if (!cancelled) setResult({state: 'ready', value});
			},
			(error: unknown) => {
				if (!cancelled) setResult(failureOf(error));
			},
		);
		return () => {
			cancelled = true;
		};
		// biome-ignore lint/correctness/useExhaustiveDependencies: the caller's `deps` stand for what `load` reads
	}, deps);
	return result;
}

/** A failure as a `Loading` state: AWS errors keep their kind (the report pane words access denial its own way). */
export function failureOf(error: unknown): {state: 'failed'; message: string; kind?: string} {
	if (error instanceof AwsError) return {state: 'failed', message: error.message, kind: error.kind};
	return {state: 'failed', message: messageOf(error)};
}
