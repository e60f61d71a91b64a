// `w`: the execution's triage in full, as `sagemon why` prints it, in a pane that scrolls itself; `L` opens the
// selected step's whole log (a failed execution opens on its failed step), `y` copies its next command (which the
// pane wraps) and `R` retries from here (through the usual confirmation).
import {ScrollPane} from '../../components/scroll-pane.js';
import type {Loading} from '../../hooks/use-async-resource.js';
import type {ScreenTriage} from '../../hooks/use-triage.js';
import {triagePaneLines} from '../../triage-lines.js';

export type TriagePaneProps = {
	triage: Loading<ScreenTriage>;
	width: number;
	height: number;
	active: boolean;
};

const titles: Partial<Record<string, string>> = {
	Failed: 'Why the execution failed',
	Stopped: 'Why the execution stopped',
	Succeeded: 'The execution succeeded',
	Executing: 'The execution so far',
	Stopping: 'The execution so far',
};

export function TriagePane({triage, width, height, active}: TriagePaneProps) {
	const status = triage.state === 'ready' ? triage.value.triage.status : undefined;
	// RetryPipelineExecution takes a failed or stopped execution only.
	const retriable = status === undefined || status === 'Failed' || status === 'Stopped';
	const copyable = triage.state === 'ready' && triage.value.triage.failedSteps.length > 0;
	return (
		<ScrollPane
			title={(status && titles[status]) ?? 'Why the execution failed'}
			lines={triagePaneLines(triage, width)}
			width={width}
			height={height}
			footer={`esc closes · L log · ${copyable ? 'y copies the next command · ' : ''}${retriable ? 'R retries · ' : ''}↑↓ scroll`}
			active={active}
		/>
	);
}
