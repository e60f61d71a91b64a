// The screens a user can be on (a route is one entry of the navigation stack), what every screen is given, and
// how each route is named in the breadcrumb.
import {executionIdOf} from '../../pipeline/arn.js';
import {sanitizeText} from '../../pipeline/sanitize.js';

export type Route =
	| {kind: 'pipelines'; selected?: string}
	| {kind: 'executions'; pipelineName: string; selected?: string}
	| {kind: 'execution'; pipelineName: string; executionArn: string; title?: string}
	| {kind: 'start'; pipelineName: string}
	/** A group's model versions; without `group`, the groups (or the group of `packageArn`, selected). */
	| {kind: 'models'; group?: string; packageArn?: string; selected?: string};

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
			return previous?.kind === 'executions' ? 'start' : `${sanitizeText(route.pipelineName)} › start`;
		case 'models':
			if (route.group === undefined) return 'Models';
			return previous?.kind === 'models'
				? sanitizeText(route.group)
				: `Models › ${sanitizeText(route.group)}`;
	}
}
