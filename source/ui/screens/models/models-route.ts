// Where M on a step of the execution screen goes: the version a RegisterModel step registered (its
// `Metadata.RegisterModel.Arn`), else the group its definition names, else why there is nothing to show.
import type {StepView} from '../../../pipeline/execution-state.js';
import type {StepDefinition} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import type {Route} from '../../shell/routes.js';

export function modelsRouteOf(
	view: StepView | undefined,
	step: StepDefinition | undefined,
): Extract<Route, {kind: 'models'}> | {problem: string} {
	if (!view) return {problem: 'No step is selected.'};
	const type = step?.type ?? view.type;
	if (type !== 'RegisterModel')
		return {
			problem: `${sanitizeText(view.name)} is a ${sanitizeText(type)} step; M opens a RegisterModel step’s model versions.`,
		};
	const registered = view.record?.metadata?.RegisterModel;
	const arn =
		registered !== null && typeof registered === 'object'
			? (registered as Record<string, unknown>).Arn
			: undefined;
	if (typeof arn === 'string' && arn !== '') return {kind: 'models', packageArn: arn};
	const group = (step?.arguments as Record<string, unknown> | undefined)?.ModelPackageGroupName;
	if (typeof group === 'string' && group !== '') return {kind: 'models', group};
	return {problem: `${sanitizeText(view.name)} has not registered a model version yet.`};
}
