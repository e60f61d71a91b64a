// The pipelines `npm run bench` creates in an emulator: a large one shaped like the layout benchmark's generated
// DAG, the tutorial's abalone pipeline, and many small ones to fill the pipelines list.
import {readFileSync} from 'node:fs';
import {definitionOf, outputUri, processingStep} from '../source/emulator/demo/step-builders.js';
import {generateDag} from './layout.js';

type Json = Record<string, unknown>;

/**
 * `steps` Processing steps wired with DependsOn exactly as `generateDag(steps)` wires them (tall, a few boxes
 * wide), each taking `stepSeconds` simulated seconds in the emulator.
 */
export function largePipelineDefinition(name: string, steps: number, stepSeconds: number): string {
	const dag = generateDag(steps);
	const parents = new Map<string, string[]>();
	for (const edge of dag.edges) parents.set(edge.to, [...(parents.get(edge.to) ?? []), edge.from]);
	const definition = definitionOf(
		[],
		dag.nodes.map((node) => {
			const dependsOn = parents.get(node.name);
			return processingStep(
				node.name,
				'task.py',
				{outputs: [['result', outputUri(name, node.name)]]},
				dependsOn ? {dependsOn} : {},
			);
		}),
		Object.fromEntries(dag.nodes.map((node) => [node.name, {durationSeconds: stepSeconds}])),
	);
	return JSON.stringify(definition);
}

/** The SageMaker tutorial's abalone pipeline (7 steps) from the shared fixtures, each step `stepSeconds` long. */
export function abaloneDefinition(fixturesDirectory: string, stepSeconds: number): string {
	const definition = JSON.parse(
		readFileSync(`${fixturesDirectory}/definitions/abalone-tutorial.json`, 'utf8'),
	) as Json;
	const names = stepNames(definition.Steps as Json[]);
	definition.Metadata = {
		...(definition.Metadata as Json | undefined),
		'sagemon.emulator': {
			steps: Object.fromEntries(names.map((stepName) => [stepName, {durationSeconds: stepSeconds}])),
		},
	};
	return JSON.stringify(definition);
}

/** A two-step pipeline, for filling the list with thousands of pipelines. */
export function smallPipelineDefinition(name: string): string {
	return JSON.stringify(
		definitionOf(
			[],
			[
				processingStep('Prepare', 'prepare.py', {outputs: [['data', outputUri(name, 'data')]]}),
				processingStep(
					'Report',
					'report.py',
					{outputs: [['report', outputUri(name, 'report')]]},
					{
						dependsOn: ['Prepare'],
					},
				),
			],
		),
	);
}

function stepNames(steps: Json[]): string[] {
	return steps.flatMap((step) => {
		const args = step.Arguments as Json | undefined;
		const nested =
			step.Type === 'Condition'
				? [...((args?.IfSteps as Json[]) ?? []), ...((args?.ElseSteps as Json[]) ?? [])]
				: [];
		return [String(step.Name), ...stepNames(nested)];
	});
}
