// One AWS lookup per row on screen, made once, a few at a time: what the lists add beside each row (a finished
// execution's details, its failed step, its overridden parameters). Lookups that never started when the rows
// change are asked again by the next run; a failed one is asked again when its row comes back.
import {type DependencyList, useRef, useState} from 'react';
import {useAbortableEffect} from './use-async-resource.js';

export type RowLookups<Answer> = {
	/** What to look up, once each; a key that changes (say, with the row's status) is a new lookup. */
	keys: readonly string[];
	/** The answer for a key, or undefined to show nothing for its row. */
	lookup(key: string): Promise<Answer | undefined>;
	/** At most this many lookups at once. */
	parallel: number;
	/** What `lookup` reads besides the key. */
	deps: DependencyList;
	/** The row a key's answer belongs to (the key itself unless given). */
	rowOf?(key: string): string;
	/** Keys asked before whose answers no longer hold (a retried execution): dropped, and asked again if wanted. */
	forget?: readonly string[];
};

export function useRowLookups<Answer>(options: RowLookups<Answer>): ReadonlyMap<string, Answer> {
	const {keys, lookup, parallel, rowOf = (key: string) => key, forget = []} = options;
	const [answers, setAnswers] = useState<ReadonlyMap<string, Answer>>(new Map());
	const asked = useRef(new Set<string>());

	// The keys and the keys to forget stand for the rows on screen among the dependencies.
	useAbortableEffect(
		(signal) => {
			const stale = forget.filter((key) => asked.current.has(key));
			for (const key of stale) asked.current.delete(key);
			if (stale.length > 0)
				setAnswers((current) => {
					const next = new Map(current);
					for (const key of stale) next.delete(rowOf(key));
					return next;
				});
			const missing = keys.filter((key) => !asked.current.has(key));
			for (const key of missing) asked.current.add(key);
			let next = 0;
			signal.addEventListener('abort', () => {
				for (const key of missing.slice(next)) asked.current.delete(key);
			});
			const worker = async () => {
				while (next < missing.length && !signal.aborted) {
					const key = missing[next++] as string;
					try {
						const answer = await lookup(key);
						if (signal.aborted) {
							asked.current.delete(key);
							return;
						}

						if (answer !== undefined) setAnswers((current) => new Map(current).set(rowOf(key), answer));
					} catch {
						// The row shows what it knows without the answer.
						asked.current.delete(key);
					}
				}
			};
			void Promise.all(Array.from({length: Math.min(parallel, missing.length)}, worker));
		},
		[...options.deps, keys.join('\n'), forget.join('\n')],
	);
	return answers;
}
