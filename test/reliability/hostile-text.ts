// Text a terminal would act on (escape sequences, C1 controls, bidi overrides), and the ways the matrix gets it
// to sagemon: through the real API where the service accepts it (failure reasons, Fail messages, descriptions,
// parameter defaults, S3 content), and through an endpoint that rewrites names the service would refuse.
import type {ProxyOptions} from './recording-proxy.js';
import {abaloneDefinition} from './pipelines.js';

/** Every kind of sequence a terminal acts on, each wrapped in visible words to find it on screen. */
export const hostile = [
	'clip\u001B]52;c;cm0gLXJmIH4=\u0007',
	'title\u001B]2;pwned\u0007',
	'clear\u001B[2J\u001B[H',
	'up\u001B[5A',
	'bell\u0007',
	'alt\u001B[?1049h',
	'hide\u001B[?25l',
	'c1\u009B31m\u009D2;c1-title\u009C',
	'bidi\u202Eevil',
	'cr\rover',
].join(' ');

/** Names the service refuses, so only a rewriting endpoint can send them. */
const markers = {HostilePipeline: hostile, HostileRun: `run ${hostile}`};
const asJson = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Proxy rewrites standing in for a hostile endpoint: the pipeline `HostilePipeline` and the execution display
 * name `HostileRun` come back as hostile text, and are mapped back when sagemon sends them.
 */
export const hostileMarkers: Pick<ProxyOptions, 'rewriteResponse' | 'rewriteRequest'> = {
	rewriteResponse: (body) =>
		Object.entries(markers).reduce((text, [marker, value]) => text.replaceAll(marker, asJson(value)), body),
	rewriteRequest: (body) =>
		Object.entries(markers).reduce((text, [marker, value]) => text.replaceAll(asJson(value), marker), body),
};

/** Abalone whose report, Fail message (the condition takes its Else branch) and a parameter default are hostile. */
export function pipelineWithHostileText(): Record<string, unknown> {
	const definition = abaloneDefinition({
		AbaloneEval: {
			propertyFiles: {
				EvaluationReport: {
					regression_metrics: {mse: {value: 9.5, standard_deviation: 1}},
					note: hostile,
					[hostile]: 'key',
				},
			},
		},
	} as Record<string, object>);
	const steps = definition.Steps as Array<Record<string, unknown>>;
	const condition = steps.find((step) => step.Name === 'AbaloneMSECond')!;
	// mse 9.5 > 6: the condition takes its Else branch, a Fail step with a hostile message.
	(condition.Arguments as {ElseSteps: unknown[]}).ElseSteps = [
		{Name: 'AbaloneMSEFail', Type: 'Fail', Arguments: {ErrorMessage: `Fail: ${hostile}`}},
	];
	(definition.Parameters as unknown[]).push({Name: 'Note', Type: 'String', DefaultValue: hostile});
	return definition;
}
