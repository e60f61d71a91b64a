// `e`: the selected step's reports (property files such as evaluation.json), found from what the screen holds and
// read from S3, in a pane that scrolls itself.
import type {StepDefinition, StepRecord} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {ScrollPane} from '../../components/scroll-pane.js';
import {useReport, useStepReports} from '../../hooks/use-step-reports.js';
import {reportLines} from '../../report-lines.js';

export type ReportPaneProps = {
	stepName: string;
	/** The step's record in this execution, as the screen shows it (absent when it has not started). */
	record: StepRecord | undefined;
	/** The definition's steps, to name those that have reports when this one has none. */
	steps: readonly StepDefinition[];
	/** Which of the step's reports (tab / shift+tab cycle). */
	index: number;
	width: number;
	height: number;
	active: boolean;
};

export function ReportPane({stepName, record, steps, index, width, height, active}: ReportPaneProps) {
	const reports = useStepReports(stepName, record, steps);
	const list = reports.state === 'ready' ? reports.value : [];
	const chosen = list.length === 0 ? undefined : list[((index % list.length) + list.length) % list.length];
	const content = useReport(chosen?.uri);
	return (
		<ScrollPane
			title={`Reports of ${sanitizeText(stepName)}`}
			lines={reportLines(stepName, reports, chosen, content, width - 4)}
			width={width}
			height={height}
			footer="esc closes · tab next report · ↑↓ scroll"
			active={active}
		/>
	);
}
