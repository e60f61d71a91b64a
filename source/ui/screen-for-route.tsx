// Which screen draws which route, and how each route is named in the breadcrumb.
import {executionIdOf} from '../pipeline/arn.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {Route} from './app-context.js';
import {ExecutionScreen} from './screens/execution/execution-screen.js';
import {ExecutionsScreen} from './screens/executions/executions-screen.js';
import {PipelinesScreen} from './screens/pipelines/pipelines-screen.js';
import {StartFormScreen} from './screens/start-form/start-form-screen.js';

export type ScreenProps<Kind extends Route['kind']> = {
	route: Extract<Route, {kind: Kind}>;
	width: number;
	height: number;
	/** False while an overlay or a dialog has the keyboard. */
	active: boolean;
};

export function ScreenForRoute({route, width, height, active}: ScreenProps<Route['kind']> & {route: Route}) {
	switch (route.kind) {
		case 'pipelines':
			return <PipelinesScreen route={route} width={width} height={height} active={active} />;
		case 'executions':
			return <ExecutionsScreen route={route} width={width} height={height} active={active} />;
		case 'execution':
			return <ExecutionScreen route={route} width={width} height={height} active={active} />;
		case 'start':
			return <StartFormScreen route={route} width={width} height={height} active={active} />;
	}
}

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
	}
}

/** The last part of an execution ARN (`…/execution/d84ewltjmxhe` → `d84ewltjmxhe`). */
