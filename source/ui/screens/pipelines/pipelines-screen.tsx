// Pipelines: every pipeline with its latest execution; sort, filter, open, start, delete.
import {useEffect, useState} from 'react';
import {useNavigation, useSession} from '../../app-context.js';
import {ListScreenFrame} from '../../components/list-screen-frame.js';
import {useExecutionActions} from '../../hooks/use-execution-actions.js';
import {useExecutionDetails} from '../../hooks/use-execution-details.js';
import {useFailedSteps} from '../../hooks/use-failed-steps.js';
import {countOf, listSummary, useListScreen} from '../../hooks/use-list-screen.js';
import {usePipelines} from '../../hooks/use-pipelines.js';
import {useElapsedUnits} from '../../hooks/use-ticking.js';
import {useCopy} from '../../clipboard.js';
import {pipelinesKeymap} from '../../keys/keymaps.js';
import type {ScreenProps} from '../../shell/routes.js';
import {useTheme} from '../../theme.js';
import {
	isRunning,
	type PipelineSort,
	pipelineColumns,
	sortLabels,
	sortOrder,
	sortRows,
} from './pipeline-columns.js';

export function PipelinesScreen({route, width, height, active}: ScreenProps<'pipelines'>) {
	const theme = useTheme();
	const session = useSession();
	const copy = useCopy();
	const navigation = useNavigation();
	const actions = useExecutionActions();
	const {rows, loading, capped, snapshot, refresh, showRows} = usePipelines({visibleRows: height});
	const [sort, setSort] = useState<PipelineSort>('created');
	// Deleted here: hidden at once, before the next refresh confirms it.
	const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());

	const list = useListScreen({
		rows,
		keyOf: (row) => row.pipeline.name,
		searchable: (row) => [row.pipeline.name, row.pipeline.displayName],
		arrange: (matching) =>
			sortRows(
				matching.filter((row) => !deleted.has(row.pipeline.name)),
				sort,
			),
		initialKey: route.selected,
		keymap: pipelinesKeymap,
		height,
		active,
		noun: 'pipeline',
		refresh,
		onIntent: (intent) => {
			if (intent !== 'sort') return false;
			setSort((now) => sortOrder[(sortOrder.indexOf(now) + 1) % sortOrder.length] ?? 'created');
			return true;
		},
		onRowIntent: (intent, row) => {
			const name = row.pipeline.name;
			switch (intent) {
				case 'open':
					navigation.remember({selected: name});
					navigation.push({kind: 'executions', pipelineName: name});
					return;
				case 'copy':
					copy(row.pipeline.arn, 'the pipeline ARN');
					return;
				case 'start':
					navigation.remember({selected: name});
					navigation.push({kind: 'start', pipelineName: name});
					return;
				case 'delete':
					actions.deletePipeline(name, () => {
						setDeleted((current) => new Set(current).add(name));
						refresh();
					});
					return;
			}
		},
	});
	const {shown, selected, tableHeight} = list;
	// Whatever the table's scroll position, the rows on screen lie within a screen's height of the selection: only
	// their latest runs are looked up.
	const nearby = shown.slice(Math.max(0, selected - tableHeight), selected + tableHeight);
	const nearbyKey = nearby.map((row) => row.pipeline.name).join('\n');
	// biome-ignore lint/correctness/useExhaustiveDependencies: the names (nearbyKey) are what the poller needs
	useEffect(() => {
		if (nearbyKey !== '') showRows(nearbyKey.split('\n'));
	}, [nearbyKey]);
	const detailsPending = loading || nearby.some((row) => row.latestPending);

	// Ages show whole minutes: each row's is redrawn as it turns, not at the screen's next whole minute.
	useElapsedUnits(
		session.now,
		nearby.flatMap((row) => [row.latestExecution?.startedAt, row.pipeline.modifiedAt]),
		'minute',
		true,
	);
	const now = session.now();
	const visibleExecutions = nearby.flatMap((row) =>
		row.latestExecution && !isRunning(row.latestExecution.status) ? [row.latestExecution] : [],
	);
	const details = useExecutionDetails(visibleExecutions);
	const failedSteps = useFailedSteps(visibleExecutions);

	const count = countOf(shown.length, rows.length, 'pipeline');
	const summary = listSummary(snapshot, [
		loading ? `${count} so far, loading more…` : count,
		capped ? `the newest ${rows.length} of more (:pipeline NAME opens any)` : undefined,
		`sorted ${sortLabels[sort]} (o)`,
		detailsPending && rows.length > 0 ? 'looking up latest runs…' : undefined,
	]);
	return (
		<ListScreenFrame
			what="pipelines"
			loadError={
				snapshot.phase === 'retrying' && rows.length === 0 ? {message: snapshot.error?.message} : undefined
			}
			summary={summary}
			filter={list.filter}
			shown={shown}
			columns={pipelineColumns(theme, width, now, details, failedSteps)}
			rowKey={(row) => row.pipeline.name}
			selected={list.selected}
			width={width}
			height={height}
			tableHeight={list.tableHeight}
			empty={
				loading
					? 'Loading pipelines…'
					: rows.length === 0
						? `No pipelines here. Create one with: sagemon upsert NAME --definition def.json --role-arn ARN`
						: 'No pipeline matches the filter.'
			}
		/>
	);
}
