// Finds the cycles of a step graph and names each one ("A -> B -> A"), deterministically.

/**
 * Depth-first search in node order (iterative, so 2,000-step chains cannot overflow the stack). Each back edge
 * closes a cycle; cycles over the same set of steps are reported once. At most `limit` cycles are returned.
 */
export function findCycles(nodes: string[], successors: Map<string, string[]>, limit = 20): string[][] {
	const state = new Map<string, 'open' | 'done'>();
	const cycles: string[][] = [];
	const seen = new Set<string>();
	for (const root of nodes) {
		if (state.has(root)) continue;
		const path: string[] = [root];
		const positions = new Map<string, number>([[root, 0]]);
		const iterators: Array<Iterator<string>> = [(successors.get(root) ?? [])[Symbol.iterator]()];
		state.set(root, 'open');
		while (path.length > 0) {
			const next = (iterators.at(-1) as Iterator<string>).next();
			if (next.done) {
				const finished = path.pop() as string;
				positions.delete(finished);
				iterators.pop();
				state.set(finished, 'done');
				continue;
			}

			const target = next.value;
			const targetState = state.get(target);
			if (targetState === 'open') {
				const cycle = [...path.slice(positions.get(target)), target];
				const key = [...new Set(cycle)].sort().join('\u0000');
				if (!seen.has(key) && cycles.length < limit) {
					seen.add(key);
					cycles.push(cycle);
				}

				continue;
			}

			if (targetState === 'done') continue;
			state.set(target, 'open');
			positions.set(target, path.length);
			path.push(target);
			iterators.push((successors.get(target) ?? [])[Symbol.iterator]());
		}
	}

	return cycles;
}
