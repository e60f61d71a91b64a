// Executions of one pipeline, newest first: open, start another (prefilled from the selected one), stop, retry,
// sort, copy an ARN, mark one and compare another with it.
import {useEffect, useRef, useState} from 'react';
import {executionIdOf} from '../../../pipeline/arn.js';
import type {ExecutionSummary} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {useNavigation, useSession, useScreenHost} from '../../app-context.js';
import {ListScreenFrame} from '../../components/list-screen-frame.js';
import {useExecutionActions} from '../../hooks/use-execution-actions.js';
import {useExecutionDetails} from '../../hooks/use-execution-details.js';
import {useFailedSteps} from '../../hooks/use-failed-steps.js';
import {useOverriddenParameters} from '../../hooks/use-overridden-parameters.js';
import {useExecutions} from '../../hooks/use-executions.js';
import {countOf, listSummary, useListScreen} from '../../hooks/use-list-screen.js';
import {useElapsedUnits} from '../../hooks/use-ticking.js';
import {useCopy} from '../../clipboard.js';
import {whyNotRetry, whyNotStop} from '../../execution-actions.js';
import {withoutInFooter} from '../../keys/bindings.js';
import {executionsKeymap} from '../../keys/keymaps.js';
import type {ScreenProps} from '../../shell/routes.js';
import {useTheme} from '../../theme.js';
import {executionColumns, nameOf} from './execution-columns.js';
import {useCompareMarks} from './use-compare-marks.js';
import {
	type ExecutionSort,
	executionSortLabels,
	nextExecutionSort,
	sortExecutions,
} from './execution-sort.js';
import {parametersColumn} from './parameters-column.js';
import {startedByColumn, withStartedBy} from './started-by-column.js';

// The footer offers `x stop` and `R retry` only for a selected execution they apply to (the keys still answer
// why not for the others). Three fixed tables, so the footer is set again only when the choice changes.
const stoppableKeymap = withoutInFooter(executionsKeymap, ['retry']);
const retryableKeymap = withoutInFooter(executionsKeymap, ['stop']);
const settledKeymap = withoutInFooter(executionsKeymap, ['stop', 'retry']);

function keymapFor(execution: ExecutionSummary | undefined): typeof executionsKeymap {
	if (!execution) return settledKeymap;
	const reference = {arn: execution.arn, status: execution.status, name: ''};
	if (whyNotStop(reference) === undefined) return stoppableKeymap;
	return whyNotRetry(reference) === undefined ? retryableKeymap : settledKeymap;
}

export function ExecutionsScreen({route, width, height, active}: ScreenProps<'executions'>) {
	const theme = useTheme();
	const session = useSession();
	const navigation = useNavigation();
	const shell = useScreenHost();
	const actions = useExecutionActions();
	const copy = useCopy();
	const [sort, setSort] = useState<ExecutionSort>('newest');
	const {pipelineName} = route;
	const {executions, snapshot, loadingMore, mayHaveMore, olderError, loadMore, refresh} =
		useExecutions(pipelineName);

	// A pipeline that never answered (`:pipeline NoSuchPipe`) does not exist; one that did was deleted since.
	const seen = useRef(false);
	if (snapshot.phase === 'live' || snapshot.phase === 'paused' || snapshot.phase === 'done')
		seen.current = true;
	useEffect(() => {
		if (snapshot.phase !== 'gone') return;
		const what = seen.current ? 'no longer exists' : 'does not exist';
		shell.notify(`Pipeline ${sanitizeText(pipelineName)} ${what}.`, 'error');
		navigation.reset([{kind: 'pipelines'}]);
	}, [snapshot.phase, pipelineName, shell, navigation]);

	const compareIntent = useCompareMarks(route);
	const list = useListScreen({
		rows: executions,
		keyOf: (execution) => execution.arn,
		searchable: (execution) => [execution.displayName, executionIdOf(execution.arn), execution.status],
		arrange: (matching) => sortExecutions(matching, sort),
		initialKey: route.selected,
		keymap: keymapFor,
		height,
		active,
		noun: 'execution',
		refresh,
		onMoved: (index, shown) => {
			if (index >= shown.length - 1 && mayHaveMore && list.filter.text === '') loadMore();
		},
		onIntent: (intent) => {
			if (intent === 'sort') {
				setSort(nextExecutionSort);
				return true;
			}

			// With an execution selected, `s` prefills from it (onRowIntent); with none, the form opens on defaults.
			if (intent !== 'start' || list.current) return false;
			navigation.push({kind: 'start', pipelineName});
			return true;
		},
		onRowIntent: (intent, execution) => {
			const reference = {arn: execution.arn, status: execution.status, name: nameOf(execution)};
			switch (intent) {
				case 'start':
					navigation.remember({selected: execution.arn});
					navigation.push({kind: 'start', pipelineName, from: {executionArn: execution.arn}});
					return;
				case 'open':
					navigation.remember({selected: execution.arn});
					navigation.push({
						kind: 'execution',
						pipelineName,
						executionArn: execution.arn,
						title: nameOf(execution),
					});
					return;
				case 'stop':
					actions.stop(reference, refresh);
					return;
				case 'retry':
					actions.retry(reference, refresh);
					return;
				case 'mark':
				case 'compare':
					compareIntent(intent, execution);
					return;
				case 'copy':
					copy(execution.arn, 'the execution ARN');
					return;
			}
		},
	});
	const {shown, selected, tableHeight} = list;
	const windowStart = Math.max(0, selected - tableHeight);
	const onScreen = shown.slice(windowStart, windowStart + tableHeight * 2);
	// Ages and running durations show whole minutes: each row's is redrawn as it turns.
	useElapsedUnits(
		session.now,
		onScreen.map((execution) => execution.startedAt),
		'minute',
		true,
	);
	const now = session.now();
	const details = useExecutionDetails(onScreen);
	const failedSteps = useFailedSteps(onScreen);
	// Wide enough for a PARAMETERS column: the values each execution ran with other than the defaults.
	const showParameters = width >= 120;
	const overrides = useOverriddenParameters(pipelineName, onScreen, showParameters);

	const summary = listSummary(snapshot, [
		countOf(shown.length, executions.length, 'execution'),
		sort === 'newest' ? 'newest first' : `sorted ${executionSortLabels[sort]} (o)`,
		loadingMore ? 'loading older…' : mayHaveMore ? 'more below' : undefined,
		olderError ? `older ones failed to load: ${sanitizeText(olderError)}` : undefined,
	]);
	return (
		<ListScreenFrame
			what="executions"
			loadError={
				snapshot.phase === 'retrying' && executions.length === 0
					? {message: snapshot.error?.message}
					: undefined
			}
			summary={summary}
			filter={list.filter}
			shown={shown}
			columns={withStartedBy(
				[
					...executionColumns(theme, width, now, details, route.marked, failedSteps),
					...(showParameters ? [parametersColumn(overrides)] : []),
				],
				startedByColumn(details),
				width,
			)}
			rowKey={(execution) => execution.arn}
			selected={selected}
			width={width}
			height={height}
			tableHeight={tableHeight}
			empty={
				snapshot.phase === 'loading'
					? 'Loading executions…'
					: executions.length === 0
						? 'No executions yet; s starts one.'
						: 'No execution matches the filter.'
			}
		/>
	);
}
