// Pipelines: every pipeline with its latest execution; sort, filter, open, start, delete.
import {Box} from 'ink';
import {useEffect, useState} from 'react';
import {formatDuration, formatRelativeTime, formatTimestamp} from '../../pipeline/format.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import type {PipelineRow} from '../../watch/pipeline-list-poller.js';
import {useNavigation, useScreenHost, useSession} from '../app-context.js';
import {ListCaption} from '../components/list-caption.js';
import {ListLoadError} from '../components/list-load-error.js';
import {statusCell} from '../components/status-text.js';
import {type Column, Table} from '../components/table.js';
import {executionDuration, useExecutionDetails} from '../hooks/use-execution-details.js';
import {useListFilter} from '../hooks/use-list-filter.js';
import {usePipelines} from '../hooks/use-pipelines.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {deletePipelineConfirmation} from '../execution-actions.js';
import {pipelinesKeymap} from '../keys/keymaps.js';
import {listMoveIntents, moveSelection} from '../list-navigation.js';
import type {ScreenProps} from '../shell/routes.js';
import {type Theme, useTheme} from '../theme.js';

export type PipelineSort = 'created' | 'name' | 'last-run' | 'modified';

const sortOrder: PipelineSort[] = ['created', 'name', 'last-run', 'modified'];
const sortLabels: Record<PipelineSort, string> = {
	created: 'newest created first',
	name: 'name A→Z',
	'last-run': 'latest run first',
	modified: 'last modified first',
};

export function PipelinesScreen({route, width, height, active}: ScreenProps<'pipelines'>) {
	const theme = useTheme();
	const session = useSession();
	const navigation = useNavigation();
	const shell = useScreenHost();
	const {rows, loading, capped, snapshot, refresh, showRows} = usePipelines({visibleRows: height});
	const filter = useListFilter(active);
	const [sort, setSort] = useState<PipelineSort>('created');
	const [selectedName, setSelectedName] = useState<string | undefined>(route.selected);
	// Deleted here: hidden at once, before the next refresh confirms it.
	const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());

	const shown = sortRows(
		rows.filter(
			(row) => !deleted.has(row.pipeline.name) && filter.matches(row.pipeline.name, row.pipeline.displayName),
		),
		sort,
	);
	const found = shown.findIndex((row) => row.pipeline.name === selectedName);
	const selected = found === -1 ? 0 : found;
	const current = shown[selected];
	const tableHeight = Math.max(2, height - 1);
	// Whatever the table's scroll position, the rows on screen lie within a screen's height of the selection.
	const nearby = shown.slice(Math.max(0, selected - tableHeight), selected + tableHeight);
	const nearbyKey = nearby.map((row) => row.pipeline.name).join('\n');
	// biome-ignore lint/correctness/useExhaustiveDependencies: the names (nearbyKey) are what the poller needs
	useEffect(() => {
		if (nearbyKey !== '') showRows(nearbyKey.split('\n'));
	}, [nearbyKey]);
	const detailsPending = nearby.some((row) => row.latestPending);

	const select = (index: number) => {
		const name = shown[index]?.pipeline.name;
		setSelectedName(name);
		return name;
	};

	useScreenKeys(
		pipelinesKeymap,
		(intent) => {
			if (listMoveIntents.has(intent)) {
				select(moveSelection(selected, intent, shown.length, tableHeight - 1));
				return;
			}

			switch (intent) {
				case 'sort':
					setSort((now) => sortOrder[(sortOrder.indexOf(now) + 1) % sortOrder.length] ?? 'created');
					return;
				case 'filter':
					filter.start();
					return;
				case 'refresh':
					refresh();
					return;
				case 'clear-filter':
					return filter.clear();
			}

			if (!current) {
				shell.notify('No pipeline is selected.', 'error');
				return;
			}

			const name = current.pipeline.name;
			switch (intent) {
				case 'open':
					navigation.remember({selected: name});
					navigation.push({kind: 'executions', pipelineName: name});
					return;
				case 'start':
					navigation.remember({selected: name});
					navigation.push({kind: 'start', pipelineName: name});
					return;
				case 'delete':
					shell.confirm(
						deletePipelineConfirmation(session.aws.pipelines, name, () => {
							setDeleted((current) => new Set(current).add(name));
							refresh();
						}),
					);
					return;
			}
		},
		{active: active && !filter.editing},
	);

	const now = session.now();
	const visibleExecutions = nearby.flatMap((row) =>
		row.latestExecution && !isRunning(row.latestExecution.status) ? [row.latestExecution] : [],
	);
	const details = useExecutionDetails(visibleExecutions);
	const columns = pipelineColumns(theme, width, now, details);

	const count = `${shown.length}${shown.length === rows.length ? '' : ` of ${rows.length}`} pipeline${rows.length === 1 ? '' : 's'}`;
	const summary = [
		// While retrying, why comes first: the line is cut at the window's width.
		snapshot.phase === 'retrying' && snapshot.error ? sanitizeText(snapshot.error.message) : undefined,
		loading ? `${count} so far, loading more…` : count,
		capped ? `the newest ${rows.length} of more (:pipeline NAME opens any)` : undefined,
		`sorted ${sortLabels[sort]} (o)`,
		detailsPending && rows.length > 0 ? 'looking up latest runs…' : undefined,
	]
		.filter(Boolean)
		.join(' · ');

	if (snapshot.phase === 'retrying' && rows.length === 0) {
		return <ListLoadError what="pipelines" message={snapshot.error?.message} />;
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			<ListCaption summary={summary} filter={filter} width={width} />
			<Table
				rows={shown}
				columns={columns}
				rowKey={(row) => row.pipeline.name}
				selected={selected}
				width={width}
				height={tableHeight}
				empty={
					loading
						? 'Loading pipelines…'
						: rows.length === 0
							? `No pipelines here. Create one with: sagemon upsert NAME --definition def.json --role-arn ARN`
							: 'No pipeline matches the filter.'
				}
			/>
		</Box>
	);
}

function isRunning(status: string): boolean {
	return status === 'Executing' || status === 'Stopping';
}

function sortRows(rows: PipelineRow[], sort: PipelineSort): PipelineRow[] {
	if (sort === 'created') return rows;
	const sorted = [...rows];
	if (sort === 'name') sorted.sort((a, b) => a.pipeline.name.localeCompare(b.pipeline.name));
	else if (sort === 'last-run') {
		sorted.sort(
			(a, b) =>
				(b.latestExecution?.startedAt ?? b.pipeline.lastExecutionAt ?? 0) -
				(a.latestExecution?.startedAt ?? a.pipeline.lastExecutionAt ?? 0),
		);
	} else sorted.sort((a, b) => (b.pipeline.modifiedAt ?? 0) - (a.pipeline.modifiedAt ?? 0));
	return sorted;
}

function pipelineColumns(
	theme: Theme,
	width: number,
	now: number,
	details: ReturnType<typeof useExecutionDetails>,
): Column<PipelineRow>[] {
	const columns: Column<PipelineRow>[] = [
		{title: 'PIPELINE', cell: (row) => ({text: sanitizeText(row.pipeline.name), bold: true})},
		{
			title: 'LAST RUN',
			width: 13,
			cell: (row) => statusCell(theme, row.latestExecution?.status, row.latestPending ? '…' : '—'),
		},
	];
	if (width >= 60) {
		columns.push({
			title: 'STARTED',
			width: 9,
			cell: (row) => ({
				text:
					row.latestExecution?.startedAt === undefined
						? ''
						: formatRelativeTime(row.latestExecution.startedAt, now),
				tone: 'muted',
			}),
		});
	}

	if (width >= 70) {
		columns.push({
			title: 'DURATION',
			width: 8,
			align: 'right',
			cell: (row) => {
				const execution = row.latestExecution;
				const duration = execution && executionDuration(execution, details.get(execution.arn), now);
				return {text: duration === undefined ? '' : formatDuration(duration)};
			},
		});
	}

	if (width >= 96) {
		columns.push({
			title: 'CREATED',
			width: 10,
			cell: (row) => ({
				text:
					row.pipeline.createdAt === undefined ? '' : formatTimestamp(row.pipeline.createdAt).slice(0, 10),
				tone: 'muted',
			}),
		});
	}

	if (width >= 84) {
		columns.push({
			title: 'MODIFIED',
			width: 9,
			cell: (row) => ({
				text: row.pipeline.modifiedAt === undefined ? '' : formatRelativeTime(row.pipeline.modifiedAt, now),
				tone: 'muted',
			}),
		});
	}

	return columns;
}
