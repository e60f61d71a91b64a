// `sagemon dag DEF.json|PIPELINE [--json]`: prints a definition's step graph, drawn to fit the terminal or as JSON.
import {supportsUnicode} from '../pipeline/terminal-charset.js';
import {indexDag, topologicalOrder, validateDefinition} from '../pipeline/dag.js';
import {drawDagText} from '../pipeline/draw-dag.js';
import {layoutDag} from '../pipeline/layout-dag.js';
import type {Dag} from '../pipeline/model.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor} from './command.js';
import {type CommandContext, ExitCode} from './context.js';
import {isFile, readDefinitionFile} from './read-definition.js';
import {UsageError} from './report-error.js';
import {count, formatProblems} from './validate.js';

/** Pipeline names the service accepts; an argument that is neither a file nor this is a mistyped path. */
const pipelineNamePattern = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;

const usage = 'dag DEF.json|PIPELINE [--json]';

async function run(context: CommandContext): Promise<number> {
	const [target, ...rest] = context.args;
	if (target === undefined)
		throw new UsageError(`dag needs a definition file or a pipeline name: sagemon ${usage}`);
	if (rest.length > 0)
		throw new UsageError(
			`dag takes one definition file or pipeline name, got ${context.args.length} arguments.`,
		);
	if (await isFile(target))
		return reportDag(context, {label: target, text: await readDefinitionFile(target)});
	if (!pipelineNamePattern.test(target))
		return reportDag(context, {label: target, text: await readDefinitionFile(target)});
	const {pipelines} = await context.aws();
	const details = await pipelines.describePipeline(target);
	return reportDag(context, {label: target, text: details.definition});
}

/** Builds and prints the graph of `text`: the body of the command once the definition is read. Never throws. */
export function reportDag(
	context: Pick<CommandContext, 'stdout' | 'stderr' | 'flags' | 'env'>,
	source: {label: string; text: string},
): number {
	const {dag, problems} = validateDefinition(source.text);
	const label = sanitizeText(source.label);
	if (problems.length > 0) {
		const drawn = dag ? 'the graph below may be incomplete' : 'there is no graph to draw';
		context.stderr.write(
			`${label}: ${count(problems.length, 'problem')} (${drawn})\n${formatProblems(problems)}`,
		);
	}

	if (!dag) return ExitCode.usage;
	if (context.flags.json) {
		context.stdout.write(`${stringifyJson(dagJson(dag), 2)}\n`);
	} else {
		writePicture(context, dag);
	}

	return problems.length === 0 ? ExitCode.ok : ExitCode.usage;
}

/** Columns to draw in when stdout is not a terminal (a file, a pipe, CI logs). */
const defaultWidth = 100;

/** Draws the graph to fit the terminal (100 columns off a terminal); a numbered list when it cannot fit. */
function writePicture(context: Pick<CommandContext, 'stdout' | 'stderr' | 'env'>, dag: Dag): void {
	const width = context.stdout.isTTY ? (context.stdout.columns ?? defaultWidth) : defaultWidth;
	const ascii = !supportsUnicode(context.env);
	const layout = layoutDag(dag, {maxWidth: width, ascii});
	if (layout.fits) {
		if (layout.boxes.length > 0) context.stdout.write(`${drawDagText(layout, {ascii})}\n`);
		return;
	}

	context.stderr.write(`sagemon: ${layout.reason} Listing the steps in run order instead.\n`);
	context.stdout.write(formatDagList(dag));
}

/** The `dag --json` shape: `{"steps": [{"name", "type"}], "edges": [{"from", "to", "kind"}]}`. */
export function dagJson(dag: Dag): {
	steps: Array<{name: string; type: string}>;
	edges: Array<{from: string; to: string; kind: string}>;
} {
	return {
		steps: dag.nodes.map(({name, type}) => ({name, type})),
		edges: dag.edges.map(({from, to, kind}) => ({from, to, kind})),
	};
}

const edgeLabel: Record<string, string> = {
	'condition-if': ' [if]',
	'condition-else': ' [else]',
	dependsOn: '',
	data: '',
};

/** The graph as a numbered list in run order, each step with the steps it waits for. */
export function formatDagList(dag: Dag): string {
	const {parents} = indexDag(dag);
	const types = new Map(dag.nodes.map((node) => [node.name, node.type]));
	const order = topologicalOrder(dag);
	const width = String(order.length).length;
	return order
		.map((name, index) => {
			const upstream = (parents.get(name) ?? []).map(
				(edge) => `${sanitizeText(edge.from)}${edgeLabel[edge.kind]}`,
			);
			const after = upstream.length > 0 ? ` <- ${upstream.join(', ')}` : '';
			return `${String(index + 1).padStart(width)}. ${sanitizeText(name)} (${sanitizeText(types.get(name) ?? '')})${after}\n`;
		})
		.join('');
}

export default {
	name: 'dag',
	usage,
	summary: 'draw the step graph',
	help: `
  Draw a pipeline's step graph to fit the terminal (100 columns when the output is not one), or list the
  steps in run order when it cannot fit. The definition is a file, or the pipeline's stored in SageMaker.

  Usage
    $ sagemon ${usage}

  Options
    --json               the graph as JSON: steps (name, type) and edges (from, to, kind)
${awsOptionsHelp}

  Examples
    $ sagemon dag pipeline.json
    $ sagemon dag AbalonePipeline --json
`,
	flags: {},
	run,
} satisfies CommandDescriptor;
