// Which screen draws which route (the only file that imports the screens).
import {CompareScreen} from '../screens/compare/compare-screen.js';
import {ExecutionScreen} from '../screens/execution/execution-screen.js';
import {ExecutionsScreen} from '../screens/executions/executions-screen.js';
import {ModelsScreen} from '../screens/models/models-screen.js';
import {PipelinesScreen} from '../screens/pipelines/pipelines-screen.js';
import {StartFormScreen} from '../screens/start-form/start-form-screen.js';
import type {Route, ScreenProps} from './routes.js';

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
		case 'compare':
			return <CompareScreen route={route} width={width} height={height} active={active} />;
		case 'models':
			return <ModelsScreen route={route} width={width} height={height} active={active} />;
	}
}
