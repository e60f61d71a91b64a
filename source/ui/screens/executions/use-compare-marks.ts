// `m` and `c` on the executions list: `m` marks the selected execution (kept in the route, so it survives a visit
// to another screen; `m` on it again unmarks), `c` opens the compare screen with the marked one as A.
import {executionIdOf} from '../../../pipeline/arn.js';
import type {ExecutionSummary} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {useNavigation, useScreenHost} from '../../app-context.js';
import type {Route} from '../../shell/routes.js';
import {nameOf} from './execution-columns.js';

export function useCompareMarks(
	route: Extract<Route, {kind: 'executions'}>,
): (intent: 'mark' | 'compare', execution: ExecutionSummary) => void {
	const navigation = useNavigation();
	const shell = useScreenHost();
	return (intent, execution) => {
		const name = sanitizeText(nameOf(execution));
		if (intent === 'mark') {
			if (route.marked === execution.arn) {
				navigation.remember({marked: undefined});
				shell.notify(`Unmarked ${name}.`, 'info');
			} else {
				navigation.remember({marked: execution.arn});
				shell.notify(`Marked ${name} as A; select another execution and press c to compare.`, 'info');
			}

			return;
		}

		if (route.marked === undefined) {
			shell.notify('Mark an execution with m first, then press c on another to compare them.', 'error');
		} else if (route.marked === execution.arn) {
			shell.notify(
				`${name} is the marked execution; select another one to compare it with ${sanitizeText(executionIdOf(route.marked))}.`,
				'error',
			);
		} else {
			navigation.remember({selected: execution.arn});
			navigation.push({
				kind: 'compare',
				pipelineName: route.pipelineName,
				executionA: route.marked,
				executionB: execution.arn,
			});
		}
	};
}
