// Builds the step graph of a definition (nodes, typed edges) and reports what makes it invalid, naming the step.
import {findConditionProblems} from './conditions.js';
import {parseDefinition} from './definition.js';
import {shorten} from './definition-parameters.js';
import {findExpressionProblems, isRecord, type LocatedReference, locateReferences} from './expressions.js';
import {findCycles} from './find-cycles.js';
import {memberPath} from './json-path.js';
import {MinHeap} from './min-heap.js';
import type {Dag, DagEdge, DefinitionProblem, EdgeKind, PipelineDefinition, StepDefinition} from './model.js';

/**
 * When several reasons link the same two steps there is one edge, of the strongest kind:
 * `condition-if`/`condition-else` (the branch structure) over `dependsOn` (what the author wrote) over `data`.
 */
const kindRank: Record<EdgeKind, number> = {'condition-if': 3, 'condition-else': 3, dependsOn: 2, data: 1};

/**
 * Nodes are the steps in definition order (nested steps depth-first, a duplicated name once). Edges are sorted by
 * their source's position, then their target's, so the result is stable for the same definition.
 */
export function buildDag(definition: PipelineDefinition): {dag: Dag; problems: DefinitionProblem[]} {
	const problems: DefinitionProblem[] = [];
	const steps = new Map<string, StepDefinition>();
	const position = new Map<string, number>();
	for (const step of definition.steps) {
		const existing = steps.get(step.name);
		if (existing) {
			problems.push({
				path: memberPath(step.path ?? '', 'Name'),
				step: step.name,
				message: `Step name '${shorten(step.name)}' is used twice (also at ${shorten(existing.path ?? 'an earlier step', 200)}); step names must be unique, nested steps included`,
			});
			continue;
		}

		steps.set(step.name, step);
		position.set(step.name, position.size);
	}

	const edges = new Map<string, DagEdge>();
	const addEdge = (from: string, to: string, kind: EdgeKind) => {
		const key = `${from}\u0000${to}`;
		const existing = edges.get(key);
		if (!existing || kindRank[kind] > kindRank[existing.kind]) edges.set(key, {from, to, kind});
	};

	const declaredParameters = new Set(definition.parameters.map((parameter) => parameter.name));
	const checkParameter = (located: LocatedReference, step?: string) => {
		const {reference} = located;
		if (reference.kind !== 'parameter' || declaredParameters.has(reference.name)) return;
		problems.push({
			path: located.path,
			...(step === undefined ? {} : {step}),
			message: `Parameter '${shorten(reference.name)}' is referenced${step === undefined ? '' : ` by step '${shorten(step)}'`} but not declared in Parameters`,
		});
	};

	for (const located of locateReferences(definition.experimentConfig, 'PipelineExperimentConfig'))
		checkParameter(located);

	for (const step of steps.values()) {
		const stepPath = step.path ?? '';
		const report = (path: string, message: string) => problems.push({path, step: step.name, message});
		step.dependsOn.forEach((upstream, index) => {
			const path = `${memberPath(stepPath, 'DependsOn')}[${index}]`;
			if (checkUpstream(step, upstream, steps, (message) => report(path, message), 'depends on')) {
				addEdge(upstream, step.name, 'dependsOn');
			}
		});

		const scanned = scannedMembers(step);
		for (const [member, value] of scanned) {
			const base = memberPath(stepPath, member);
			for (const located of locateReferences(value, base)) {
				const {reference} = located;
				checkParameter(located, step.name);
				if (reference.kind !== 'step' && reference.kind !== 'propertyFile') continue;
				const report_ = (message: string) => report(located.path, message);
				if (!checkUpstream(step, reference.step, steps, report_, 'reads')) continue;
				if (reference.kind === 'propertyFile') {
					const upstream = steps.get(reference.step) as StepDefinition;
					if (!upstream.propertyFiles.some((file) => file.name === reference.file)) {
						const declared = upstream.propertyFiles.map((file) => file.name);
						report_(
							`Step '${shorten(step.name)}' reads property file '${shorten(reference.file)}' of step '${shorten(reference.step)}', which declares ${declared.length === 0 ? 'no property files' : `only ${declared.join(', ')}`}`,
						);
					}
				}

				addEdge(reference.step, step.name, 'data');
			}

			for (const problem of findExpressionProblems(value, base)) report(problem.path, problem.message);
		}

		if (step.type === 'Condition' && isRecord(step.arguments) && Array.isArray(step.arguments.Conditions)) {
			const conditionsPath = memberPath(memberPath(stepPath, 'Arguments'), 'Conditions');
			for (const problem of findConditionProblems(step.arguments.Conditions, conditionsPath))
				report(problem.path, problem.message);
		}

		if (step.parent) {
			addEdge(
				step.parent.condition,
				step.name,
				step.parent.branch === 'if' ? 'condition-if' : 'condition-else',
			);
		}
	}

	const order = (name: string) => position.get(name) ?? Number.MAX_SAFE_INTEGER;
	const sortedEdges = [...edges.values()].sort(
		(a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to),
	);
	const successors = new Map<string, string[]>();
	for (const edge of sortedEdges) {
		if (edge.from === edge.to) continue;
		const list = successors.get(edge.from) ?? [];
		list.push(edge.to);
		successors.set(edge.from, list);
	}

	for (const cycle of findCycles([...steps.keys()], successors)) {
		const first = steps.get(cycle[0] as string);
		problems.push({
			path: first?.path ?? '',
			step: cycle[0] as string,
			message: `The steps form a cycle: ${describeCycle(cycle)}`,
		});
	}

	const dag: Dag = {
		nodes: [...steps.values()].map((step) => ({
			name: step.name,
			type: step.type,
			...(step.displayName === undefined ? {} : {displayName: step.displayName}),
		})),
		edges: sortedEdges,
	};
	return {dag, problems};
}

/** "A -> B -> A"; a long cycle keeps its first and last steps around a count, so the message stays readable. */
function describeCycle(cycle: string[]): string {
	const names = cycle.map((name) => shorten(name, 40));
	if (names.length <= 12) return names.join(' -> ');
	const hidden = names.length - 10;
	return [...names.slice(0, 5), `… ${hidden} more steps …`, ...names.slice(-5)].join(' -> ');
}

/**
 * The members of a step that can read other steps: everything but Name/Type/DependsOn; for a Condition step only
 * its `Conditions` (its branches are steps of their own).
 */
function scannedMembers(step: StepDefinition): Array<[string, unknown]> {
	const members: Array<[string, unknown]> = [];
	for (const [key, value] of Object.entries(step.raw)) {
		if (key === 'Name' || key === 'Type' || key === 'DependsOn') continue;
		if (key === 'Arguments' && step.type === 'Condition') {
			if (isRecord(value)) members.push(['Arguments', {Conditions: value.Conditions}]);
			continue;
		}

		members.push([key, value]);
	}

	return members;
}

/** Whether `step` may run after `upstream`; reports why not. A step naming itself is reported as a one-step cycle. */
function checkUpstream(
	step: StepDefinition,
	upstream: string,
	steps: Map<string, StepDefinition>,
	report: (message: string) => void,
	verb: 'depends on' | 'reads',
): boolean {
	const target = steps.get(upstream);
	if (!target) {
		report(
			`Step '${shorten(step.name)}' ${verb} '${shorten(upstream)}', which is not a step of this pipeline`,
		);
		return false;
	}

	if (upstream === step.name) {
		report(
			`Step '${shorten(step.name)}' ${verb} itself: the steps form a cycle: ${shorten(step.name, 40)} -> ${shorten(step.name, 40)}`,
		);
		return false;
	}

	if (target.type === 'Fail') {
		report(
			`Step '${shorten(step.name)}' ${verb} Fail step '${shorten(upstream)}'; a Fail step ends the execution, so nothing can come after it`,
		);
		return false;
	}

	return true;
}

/** Parses and builds the DAG in one go: every problem of both. */
export function validateDefinition(input: string | unknown): {
	definition?: PipelineDefinition;
	dag?: Dag;
	problems: DefinitionProblem[];
} {
	const parsed = parseDefinition(input);
	if (!parsed.definition) return {problems: parsed.problems};
	const built = buildDag(parsed.definition);
	return {definition: parsed.definition, dag: built.dag, problems: [...parsed.problems, ...built.problems]};
}

/**
 * Steps so that every step comes after the steps it needs; among steps that are ready at the same time, definition
 * order decides. Steps caught in a cycle come last, in definition order, so this never fails.
 */
export function topologicalOrder(dag: Dag): string[] {
	const position = new Map(dag.nodes.map((node, index) => [node.name, index]));
	const waiting = new Map(dag.nodes.map((node) => [node.name, 0]));
	const successors = new Map<string, string[]>();
	for (const edge of dag.edges) {
		if (!position.has(edge.from) || !position.has(edge.to) || edge.from === edge.to) continue;
		waiting.set(edge.to, (waiting.get(edge.to) ?? 0) + 1);
		const list = successors.get(edge.from) ?? [];
		list.push(edge.to);
		successors.set(edge.from, list);
	}

	const ready = new MinHeap<number>();
	for (const node of dag.nodes)
		if (waiting.get(node.name) === 0) ready.push(position.get(node.name) as number);
	const order: string[] = [];
	const placed = new Set<string>();
	while (ready.size > 0) {
		const name = (dag.nodes[ready.pop() as number] as {name: string}).name;
		if (placed.has(name)) continue;
		placed.add(name);
		order.push(name);
		for (const next of successors.get(name) ?? []) {
			const count = (waiting.get(next) as number) - 1;
			waiting.set(next, count);
			if (count === 0) ready.push(position.get(next) as number);
		}
	}

	for (const node of dag.nodes) {
		if (!placed.has(node.name)) {
			placed.add(node.name);
			order.push(node.name);
		}
	}

	return order;
}

/** Each node's incoming (`parents`) and outgoing (`children`) edges; every node has an entry, possibly empty. */
export function indexDag(dag: Dag): {parents: Map<string, DagEdge[]>; children: Map<string, DagEdge[]>} {
	const parents = new Map<string, DagEdge[]>(dag.nodes.map((node) => [node.name, []]));
	const children = new Map<string, DagEdge[]>(dag.nodes.map((node) => [node.name, []]));
	for (const edge of dag.edges) {
		parents.get(edge.to)?.push(edge);
		children.get(edge.from)?.push(edge);
	}

	return {parents, children};
}

/** `step` and every step downstream of it (reachable along the edges), in definition order. */
export function withDownstream(dag: Dag, step: string): string[] {
	const {children} = indexDag(dag);
	const found = new Set<string>(children.has(step) ? [step] : []);
	const pending = [...found];
	while (pending.length > 0) {
		for (const edge of children.get(pending.pop()!) ?? []) {
			if (found.has(edge.to)) continue;
			found.add(edge.to);
			pending.push(edge.to);
		}
	}

	return dag.nodes.map((node) => node.name).filter((name) => found.has(name));
}
