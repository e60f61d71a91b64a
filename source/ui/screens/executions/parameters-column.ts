// The executions list's PARAMETERS column: the values an execution ran with other than the pipeline's defaults
// (`ModelApprovalStatus=Approved, MseThreshold=7.5`), or "defaults"; blank until they are read.
import type {ExecutionSummary, ParameterAssignment} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import type {Column} from '../../components/table.js';

export function parametersColumn(
	overrides: ReadonlyMap<string, ParameterAssignment[]>,
): Column<ExecutionSummary> {
	return {
		title: 'PARAMETERS',
		width: 26,
		cell: (execution) => {
			const changed = overrides.get(execution.arn);
			if (changed === undefined) return {text: ''};
			if (changed.length === 0) return {text: 'defaults', tone: 'muted'};
			return {text: sanitizeText(changed.map(({name, value}) => `${name}=${value}`).join(', '))};
		},
	};
}
