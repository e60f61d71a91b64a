// The step names a column shows (the step list, the timeline), cut as the DAG's boxes cut them: look-alikes by
// the part in which they differ. Worked out again only when the names or the column's width change.
import {useMemo} from 'react';
import {distinguishingNames} from '../../pipeline/box-text.js';
import type {StepView} from '../../pipeline/execution-state.js';
import {sanitizeText} from '../../pipeline/sanitize.js';

/** Each step's name as it fits `cells` columns, by step name. */
export function useStepLabels(views: readonly StepView[], cells: number): ReadonlyMap<string, string> {
	const namesKey = views.map((view) => view.name).join('\n');
	// biome-ignore lint/correctness/useExhaustiveDependencies: the names (namesKey) are what the labels depend on
	return useMemo(() => {
		const shown = distinguishingNames(
			views.map((view) => sanitizeText(view.name)),
			cells,
		);
		return new Map(views.map((view, index) => [view.name, shown[index]!]));
	}, [namesKey, cells]);
}
