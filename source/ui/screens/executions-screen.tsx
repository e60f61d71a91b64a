// Executions of one pipeline, newest first: open, start another, stop, retry.
import {Box} from 'ink';
import {useEffect, useState} from 'react';
import {formatDuration, formatRelativeTime, formatTimestamp} from '../../pipeline/format.js';
import type {ExecutionDetails, ExecutionSummary} from '../../pipeline/model.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {useNavigation, useScreenHost, useSession} from '../app-context.js';
import {ListCaption} from '../components/list-caption.js';
import {ListLoadError} from '../components/list-load-error.js';
import {statusCell} from '../components/status-text.js';
import {type Column, Table} from '../components/table.js';
import {retryConfirmation, stopConfirmation, whyNotRetry, whyNotStop} from '../execution-actions.js';
import {executionDuration, useExecutionDetails} from '../hooks/use-execution-details.js';
import {useExecutions} from '../hooks/use-executions.js';
import {useListFilter} from '../hooks/use-list-filter.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {executionsKeymap} from '../keys/keymaps.js';
import {listMoveIntents, moveSelection} from '../list-navigation.js';
import {executionIdOf} from '../../pipeline/arn.js';
import type {ScreenProps} from '../shell/routes.js';
import {type Theme, useTheme} from '../theme.js';

export function ExecutionsScreen({route, width, height, active}: ScreenProps<'executions'>) {
	const theme = useTheme();
	const session = useSession();
	const navigation = useNavigation();
	const shell = useScreenHost();
	const {pipelineName} = route;
	const {executions, snapshot, loadingMore, mayHaveMore, olderError, loadMore, refresh} =
		useExecutions(pipelineName);
	const filter = useListFilter(active);
	const [selectedArn, setSelectedArn] = useState<string | undefined>(route.selected);

	useEffect(() => {
		if (snapshot.phase !== 'gone') return;
		shell.notify(`Pipeline ${sanitizeText(pipelineName)} no longer exists.`, 'error');
		navigation.reset([{kind: 'pipelines'}]);
	}, [snapshot.phase, pipelineName, shell, navigation]);

	const shown = executions.filter((execution) =>
		filter.matches(execution.displayName, executionIdOf(execution.arn), execution.status),
	);
	const found = shown.findIndex((execution) => execution.arn === selectedArn);
	const selected = found === -1 ? 0 : found;
	const current = shown[selected];
	const tableHeight = Math.max(2, height - 1);
	const now = session.now();
	const windowStart = Math.max(0, selected - tableHeight);
	const details = useExecutionDetails(shown.slice(windowStart, windowStart + tableHeight * 2));

	useScreenKeys(
		executionsKeymap,
		(intent) => {
			if (listMoveIntents.has(intent)) {
				const index = moveSelection(selected, intent, shown.length, tableHeight - 1);
				setSelectedArn(shown[index]?.arn);
				if (index >= shown.length - 1 && mayHaveMore && filter.text === '') loadMore();
				return;
			}

			switch (intent) {
				case 'filter':
					filter.start();
					return;
				case 'clear-filter':
					return filter.clear();
				case 'refresh':
					refresh();
					return;
				case 'start':
					navigation.push({kind: 'start', pipelineName});
					return;
			}

			if (!current) {
				shell.notify('No execution is selected.', 'error');
				return;
			}

			const reference = {arn: current.arn, status: current.status, name: nameOf(current)};
			switch (intent) {
				case 'open':
					navigation.remember({selected: current.arn});
					navigation.push({
						kind: 'execution',
						pipelineName,
						executionArn: current.arn,
						title: nameOf(current),
					});
					return;
				case 'stop': {
					const why = whyNotStop(reference);
					if (why) shell.notify(why, 'error');
					else shell.confirm(stopConfirmation(session.aws.pipelines, reference, refresh));
					return;
				}

				case 'retry': {
					const why = whyNotRetry(reference);
					if (why) shell.notify(why, 'error');
					else shell.confirm(retryConfirmation(session.aws.pipelines, reference, refresh));
					return;
				}
			}
		},
		{active: active && !filter.editing},
	);

	const columns = executionColumns(theme, width, now, details);
	const count = `${shown.length}${shown.length === executions.length ? '' : ` of ${executions.length}`} execution${executions.length === 1 ? '' : 's'}`;
	const summary = [
		// While retrying, why comes first: the line is cut at the window's width.
		snapshot.phase === 'retrying' && snapshot.error ? sanitizeText(snapshot.error.message) : undefined,
		count,
		'newest first',
		loadingMore ? 'loading older…' : mayHaveMore ? 'more below' : undefined,
		olderError ? `older ones failed to load: ${sanitizeText(olderError)}` : undefined,
	]
		.filter(Boolean)
		.join(' · ');

	if (snapshot.phase === 'retrying' && executions.length === 0) {
		return <ListLoadError what="executions" message={snapshot.error?.message} />;
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			<ListCaption summary={summary} filter={filter} width={width} />
			<Table
				rows={shown}
				columns={columns}
				rowKey={(execution) => execution.arn}
				selected={selected}
				width={width}
				height={tableHeight}
				empty={
					snapshot.phase === 'loading'
						? 'Loading executions…'
						: executions.length === 0
							? 'No executions yet; s starts one.'
							: 'No execution matches the filter.'
				}
			/>
		</Box>
	);
}

function nameOf(execution: ExecutionSummary): string {
	return execution.displayName ?? executionIdOf(execution.arn);
}

function executionColumns(
	theme: Theme,
	width: number,
	now: number,
	details: ReadonlyMap<string, ExecutionDetails>,
): Column<ExecutionSummary>[] {
	const columns: Column<ExecutionSummary>[] = [
		{title: 'STATUS', width: 12, cell: (execution) => statusCell(theme, execution.status)},
		{title: 'NAME', cell: (execution) => ({text: sanitizeText(nameOf(execution)), bold: true})},
	];
	if (width >= 64) {
		columns.push({
			title: 'ID',
			width: 12,
			cell: (execution) => ({text: sanitizeText(executionIdOf(execution.arn)), tone: 'muted'}),
		});
	}

	columns.push({
		title: 'STARTED',
		width: width >= 100 ? 19 : 9,
		cell: (execution) => ({
			text:
				execution.startedAt === undefined
					? ''
					: width >= 100
						? formatTimestamp(execution.startedAt, {
								timeZoneOffsetMinutes: -new Date(execution.startedAt).getTimezoneOffset(),
							})
						: formatRelativeTime(execution.startedAt, now),
			tone: 'muted',
		}),
	});
	if (width >= 52) {
		columns.push({
			title: 'DURATION',
			width: 8,
			align: 'right',
			cell: (execution) => {
				const duration = executionDuration(execution, details.get(execution.arn), now);
				return {text: duration === undefined ? '' : formatDuration(duration)};
			},
		});
	}

	return columns;
}
