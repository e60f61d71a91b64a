// A selective execution's step selection checked the way the service checks it: known steps, connected in the
// DAG, every step on a path between two selected steps selected too, and a source execution that has ended
// (Succeeded or Failed) when the selection needs steps it does not run. Each problem is one sentence naming
// the steps.
import type {Dag, ExecutionStatus} from './model.js';

export type SelectionSource = {arn: string; status: ExecutionStatus};

const list = (names: string[]) => `[${names.join(', ')}]`;

/** The first problem with the selection, or undefined when the service would accept it. */
export function selectionProblem(dag: Dag, selected: string[], source?: SelectionSource): string | undefined {
	const problem = selectionShapeProblem(dag, selected);
	if (problem !== undefined) return problem;
	const reused = reusedSteps(dag, selected);
	if (reused.length > 0 && !source) {
		const chosen = new Set(selected);
		const ordered = dag.nodes.map((node) => node.name).filter((name) => chosen.has(name));
		return `The selected steps ${list(ordered)} need the results of ${list(reused)}: choose a source execution to reuse them from.`;
	}

	if (source && source.status !== 'Succeeded' && source.status !== 'Failed') {
		return `The source execution is ${source.status}: only an execution that Succeeded or Failed can be the source of a selective execution.`;
	}

	return undefined;
}

/** The problem with the selected steps themselves (unknown, not path-closed, not connected), if any. */
export function selectionShapeProblem(dag: Dag, selected: string[]): string | undefined {
	const names = dag.nodes.map((node) => node.name);
	const chosen = new Set(selected);
	if (chosen.size === 0) return 'Select at least one step to run.';
	const unknown = [...chosen].filter((name) => !names.includes(name));
	if (unknown.length > 0) return `The selected steps ${list(unknown)} are not steps of this pipeline.`;

	const parents = new Map<string, string[]>(names.map((name) => [name, []]));
	const children = new Map<string, string[]>(names.map((name) => [name, []]));
	for (const edge of dag.edges) {
		parents.get(edge.to)?.push(edge.from);
		children.get(edge.from)?.push(edge.to);
	}

	const upstream = reachable(chosen, parents);
	const downstream = reachable(chosen, children);
	const between = names.filter((name) => !chosen.has(name) && upstream.has(name) && downstream.has(name));
	if (between.length > 0) {
		return `The steps ${list(between)} lie on a path between selected steps, so they must be selected too.`;
	}

	const groups = components(chosen, parents, children, names);
	if (groups.length > 1) {
		return `The selected steps are not connected: ${groups.map(list).join(' and ')} have no path between them.`;
	}

	return undefined;
}

/** The steps a selection does not run but depends on: their results come from the source execution. */
export function reusedSteps(dag: Dag, selected: string[]): string[] {
	const chosen = new Set(selected);
	const parents = new Map<string, string[]>();
	for (const edge of dag.edges) parents.set(edge.to, [...(parents.get(edge.to) ?? []), edge.from]);
	const upstream = reachable(chosen, parents);
	return dag.nodes.map((node) => node.name).filter((name) => upstream.has(name) && !chosen.has(name));
}

/** Every step reachable from `start` (not counting `start` itself unless reached again) along `next`. */
function reachable(start: Set<string>, next: Map<string, string[]>): Set<string> {
	const found = new Set<string>();
	const pending = [...start];
	while (pending.length > 0) {
		for (const name of next.get(pending.pop()!) ?? []) {
			if (found.has(name)) continue;
			found.add(name);
			pending.push(name);
		}
	}

	return found;
}

/** The selected steps grouped by the edges between them (ignoring direction), each group in definition order. */
function components(
	chosen: Set<string>,
	parents: Map<string, string[]>,
	children: Map<string, string[]>,
	names: string[],
): string[][] {
	const group = new Map<string, number>();
	let count = 0;
	for (const name of names) {
		if (!chosen.has(name) || group.has(name)) continue;
		const pending = [name];
		group.set(name, count);
		while (pending.length > 0) {
			const current = pending.pop()!;
			for (const neighbour of [...(parents.get(current) ?? []), ...(children.get(current) ?? [])]) {
				if (!chosen.has(neighbour) || group.has(neighbour)) continue;
				group.set(neighbour, count);
				pending.push(neighbour);
			}
		}

		count++;
	}

	return Array.from({length: count}, (_, index) => names.filter((name) => group.get(name) === index));
}
