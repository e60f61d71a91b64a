// The navigation stack as a pure reducer: the screens the user went through, bottom first, with the one on top
// shown. Never empty: the pipelines list is the floor.
import {homeRoute, type Route} from './routes.js';

export type NavigationAction =
	| {type: 'push'; route: Route}
	| {type: 'back'}
	/** Replaces the top entry (the start form becomes the execution it started). */
	| {type: 'replace'; routes: Route[]}
	/** Saves screen state (such as the selected row) in the top entry. */
	| {type: 'remember'; changes: Partial<Route>}
	| {type: 'reset'; routes: Route[]};

export function navigationReducer(stack: Route[], action: NavigationAction): Route[] {
	switch (action.type) {
		case 'push':
			return [...stack, action.route];
		case 'back':
			return stack.length > 1 ? stack.slice(0, -1) : stack;
		case 'replace':
			return floored(withoutRepeats([...stack.slice(0, -1), ...action.routes]));
		case 'remember': {
			const top = stack.at(-1);
			if (!top) return stack;
			return [...stack.slice(0, -1), {...top, ...action.changes} as Route];
		}

		case 'reset':
			return floored(action.routes);
	}
}

/** Two neighbouring entries for the same screen of the same pipeline collapse into one (the later). */
export function withoutRepeats(routes: Route[]): Route[] {
	return routes.filter((route, index) => {
		const next = routes[index + 1];
		return !(
			next &&
			next.kind === route.kind &&
			(next.kind === 'pipelines' ||
				('pipelineName' in route && 'pipelineName' in next && next.pipelineName === route.pipelineName)) &&
			next.kind !== 'execution'
		);
	});
}

function floored(routes: Route[]): Route[] {
	return routes.length > 0 ? routes : [homeRoute];
}
