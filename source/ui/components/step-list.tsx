// The list view: one row per step of the definition (not-started and skipped included) with type, status,
// start, duration, attempts and cache.
import {formatTimestamp} from '../../pipeline/format.js';
import type {StepView} from '../../pipeline/execution-state.js';
import type {StepDefinition} from '../../pipeline/model.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {executionIdOf} from '../../pipeline/arn.js';
import {useStepLabels} from '../hooks/use-step-labels.js';
import {markPrefix, stepDurationText, stepLook} from '../step-look.js';
import {type Theme, useTheme} from '../theme.js';
import {type Column, Table, tableColumnWidths} from './table.js';

export type StepListProps = {
	views: readonly StepView[];
	steps: ReadonlyMap<string, StepDefinition>;
	selected: number;
	/** Steps marked for a re-run: drawn with a mark before the name. */
	marked?: ReadonlySet<string>;
	width: number;
	height: number;
	now: number;
};

export function StepList({views, steps, selected, marked, width, height, now}: StepListProps) {
	const theme = useTheme();
	const columns = stepColumns(theme, steps, width, now, marked);
	const markWidth = marked && marked.size > 0 ? 2 : 0;
	const nameCells = (tableColumnWidths(columns, width, views.length, height)[0] ?? 0) - markWidth;
	const labels = useStepLabels(views, nameCells);
	columns[0] = {
		...columns[0]!,
		cell: (view) => ({
			text: markPrefix(theme, marked, view.name) + (labels.get(view.name) ?? ''),
			bold: true,
		}),
	};
	return (
		<Table
			rows={views}
			columns={columns}
			rowKey={(view) => view.name}
			selected={selected}
			width={width}
			height={height}
			empty="This definition has no steps."
		/>
	);
}

function stepColumns(
	theme: Theme,
	steps: ReadonlyMap<string, StepDefinition>,
	width: number,
	now: number,
	marked: ReadonlySet<string> | undefined,
): Column<StepView>[] {
	const columns: Column<StepView>[] = [
		// Its text is set by StepList, once the column's width is known (the names are cut to stay distinguishable).
		{
			title: 'STEP',
			cell: (view) => ({text: markPrefix(theme, marked, view.name) + sanitizeText(view.name), bold: true}),
		},
		{
			title: 'STATUS',
			width: 13,
			cell: (view) => {
				const look = stepLook(theme, view);
				return {text: `${look.icon} ${look.word}`, tone: look.tone};
			},
		},
	];
	if (width >= 56)
		columns.splice(1, 0, {
			title: 'TYPE',
			width: 12,
			cell: (view) => ({text: sanitizeText(view.type), tone: 'muted'}),
		});
	if (width >= 76) {
		columns.push({
			title: 'STARTED',
			width: 8,
			cell: (view) => ({
				text:
					view.record?.startedAt === undefined
						? ''
						: formatTimestamp(view.record.startedAt, {
								timeZoneOffsetMinutes: -new Date(view.record.startedAt).getTimezoneOffset(),
							}).slice(11),
				tone: 'muted',
			}),
		});
	}

	columns.push({
		title: 'DURATION',
		width: 8,
		align: 'right',
		cell: (view) => {
			return {text: stepDurationText(view, now) ?? ''};
		},
	});
	if (width >= 90) {
		columns.push({
			title: 'TRY',
			width: 3,
			align: 'right',
			cell: (view) => ({
				text: view.record?.attemptCount === undefined ? '' : String(view.record.attemptCount),
			}),
		});
		columns.push({
			title: 'CACHE',
			// Wide enough for `reused` and a whole execution id where there is room.
			width: width >= 110 ? 19 : 14,
			cell: (view) => {
				if (view.record?.reusedFromArn)
					return {text: `reused ${executionIdOf(view.record.reusedFromArn)}`, tone: 'success'};
				if (view.record?.cacheSourceArn)
					return {text: `hit ${executionIdOf(view.record.cacheSourceArn)}`, tone: 'success'};
				const cache = steps.get(view.name)?.cacheConfig;
				return {text: cache?.enabled ? 'enabled' : '', tone: 'muted'};
			},
		});
	}

	return columns;
}
