// `w`: the execution's triage in full, as `sagemon why` prints it, in a pane that scrolls itself; `R` retries from
// here (through the usual confirmation).
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

export function TriagePane({triage, width, height, active}: TriagePaneProps) {
	return (
		<ScrollPane
			title={
				triage.state === 'ready' && triage.value.triage.status === 'Stopped'
					? 'Why the execution stopped'
					: 'Why the execution failed'
			}
			lines={triagePaneLines(triage, width)}
			width={width}
			height={height}
			footer="esc closes · R retries · ↑↓ scroll"
			active={active}
		/>
	);
}
