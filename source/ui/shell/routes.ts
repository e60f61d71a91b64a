// The screens a user can be on (a route is one entry of the navigation stack), what every screen is given, and
// how each route is named in the breadcrumb.
import {executionIdOf} from '../../pipeline/arn.js';
import {sanitizeText} from '../../pipeline/sanitize.js';

export type Route =
	| {kind: 'pipelines'; selected?: string}
	/** `marked`: the execution `m` marked, which `c` compares another with. */
	| {kind: 'executions'; pipelineName: string; selected?: string; marked?: string}
	| {kind: 'execution'; pipelineName: string; executionArn: string; title?: string}
	| {kind: 'start'; pipelineName: string; from?: StartSource}
	/** Two executions side by side; without `executionA`, B's previous execution of the same pipeline. */
	| {kind: 'compare'; pipelineName: string; executionA?: string; executionB: string}
	/** A group's model versions; without `group`, the groups (or the group of `packageArn`, selected). */
	| {kind: 'models'; group?: string; packageArn?: string; selected?: string};

/** Where a start form takes its values from: a past execution, and with `steps` a selective re-run of them. */
export type StartSource = {executionArn: string; steps?: readonly string[]};

export type ScreenProps<Kind extends Route['kind']> = {
	route: Extract<Route, {kind: Kind}>;
	width: number;
	height: number;
	/** False while an overlay or a dialog has the keyboard. */
	active: boolean;
};

export const homeRoute: Route = {kind: 'pipelines'};

export function titleOfRoute(route: Route, previous?: Route): string {
	switch (route.kind) {
		case 'pipelines':
			return 'Pipelines';
		case 'executions':
			return sanitizeText(route.pipelineName);
		case 'execution': {
			const name = sanitizeText(route.title ?? executionIdOf(route.executionArn));
			const pipelineShown = previous && previous.kind !== 'pipelines';
			return pipelineShown ? name : `${sanitizeText(route.pipelineName)} › ${name}`;
		}

		case 'start':
			return previous && previous.kind !== 'pipelines'
				? 'start'
				: `${sanitizeText(route.pipelineName)} › start`;
		case 'compare': {
			const a = route.executionA ? executionIdOf(route.executionA) : 'previous';
			return `compare ${sanitizeText(a)} ↔ ${sanitizeText(executionIdOf(route.executionB))}`;
		}
		case 'models':
			if (route.group === undefined) return 'Models';
			return previous?.kind === 'models'
				? sanitizeText(route.group)
				: `Models › ${sanitizeText(route.group)}`;
	}
}
