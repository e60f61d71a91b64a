// Two executions side by side, as `sagemon diff` shows them: parameters, definition, steps, reports and metrics,
// changed rows emphasised, unchanged ones hidden or dimmed (`a`), A and B swappable (`s`), scrollable.
import {Box, Text} from 'ink';
import {useMemo, useReducer} from 'react';
import {executionIdOf} from '../../../pipeline/arn.js';
import {diffExecutions} from '../../../pipeline/execution-diff.js';
import {type DiffLine, executionDiffDisplay} from '../../../pipeline/execution-diff-text.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import type {PaneLine, PaneSpan} from '../../components/text-pane.js';
import {paneRoom, TextPane} from '../../components/text-pane.js';
import {useExecutionDiff} from '../../hooks/use-execution-diff.js';
import type {ScreenProps} from '../../shell/routes.js';
import {useTheme} from '../../theme.js';
import {compareViewReducer, initialCompareState} from './compare-view-state.js';
import {useCompareKeys} from './use-compare-keys.js';

/** Below this width the executions are named by their ids, not their whole ARNs. */
const wholeArnWidth = 140;

export function CompareScreen({route, width, height, active}: ScreenProps<'compare'>) {
	const theme = useTheme();
	const [state, dispatch] = useReducer(compareViewReducer, initialCompareState);
	const data = useExecutionDiff(route, state.reloads);
	const ready = data.state === 'ready' ? data.value : undefined;
	const diff = useMemo(
		() =>
			ready
				? state.swapped
					? diffExecutions(ready.b, ready.a)
					: diffExecutions(ready.a, ready.b)
				: undefined,
		[ready, state.swapped],
	);
	const lines = useMemo(
		() =>
			diff
				? executionDiffDisplay(diff, {all: state.showUnchanged, shortNames: width < wholeArnWidth}).map(
						(line, index) => paneLineOf(line, index),
					)
				: [],
		[diff, state.showUnchanged, width],
	);
	const room = paneRoom(height);
	useCompareKeys({dispatch, count: lines.length, room, active});

	if (data.state !== 'ready') {
		const first = route.executionA ? executionIdOf(route.executionA) : 'the previous execution';
		return (
			<Box flexDirection="column" paddingX={1}>
				{data.state === 'loading' ? (
					<Text color={theme.colorOf('muted')}>
						Reading {sanitizeText(first)} and {sanitizeText(executionIdOf(route.executionB))}…
					</Text>
				) : (
					<>
						<Text color={theme.colorOf('danger')}>
							Could not compare the executions: {sanitizeText(data.message)}
						</Text>
						<Text color={theme.colorOf('muted')}>r tries again · esc goes back</Text>
					</>
				)}
			</Box>
		);
	}

	const {executionA} = data.value;
	const [a, b] = state.swapped ? [route.executionB, executionA] : [executionA, route.executionB];
	const title = `Compare A ${sanitizeText(executionIdOf(a))} ↔ B ${sanitizeText(executionIdOf(b))}`;
	const footer = state.showUnchanged
		? 'unchanged rows dimmed · a hides them · s swaps A and B · esc back'
		: 'changed rows only · a shows every row · s swaps A and B · esc back';
	return (
		<TextPane
			title={title}
			lines={lines}
			offset={state.offset}
			width={width}
			height={height}
			footer={footer}
		/>
	);
}

function paneLineOf(line: DiffLine, index: number): PaneLine {
	const span: PaneSpan = {text: line.text};
	switch (line.kind) {
		case 'heading':
			span.bold = true;
			break;
		case 'changed':
			span.bold = true;
			span.tone = 'accent';
			break;
		case 'same':
			span.tone = 'muted';
			break;
		default:
			break;
	}

	return {key: `${index}`, spans: line.text === '' ? [] : [span]};
}
