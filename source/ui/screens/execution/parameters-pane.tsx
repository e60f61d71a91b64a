// `P`: the parameters the execution ran with, read when the pane opens, in a pane that scrolls itself.
import type {ParameterDefinition} from '../../../pipeline/model.js';
import {ScrollPane} from '../../components/scroll-pane.js';
import {useExecutionParameters} from '../../hooks/use-execution-parameters.js';
import {parameterLines} from '../../parameter-lines.js';
import {useTheme} from '../../theme.js';

export type ParametersPaneProps = {
	executionArn: string;
	declared: readonly ParameterDefinition[];
	width: number;
	height: number;
	active: boolean;
};

export function ParametersPane({executionArn, declared, width, height, active}: ParametersPaneProps) {
	const theme = useTheme();
	const result = useExecutionParameters(executionArn);
	return (
		<ScrollPane
			title="Parameters this execution ran with"
			lines={parameterLines(theme, result, declared, width)}
			width={width}
			height={height}
			footer="esc closes"
			active={active}
		/>
	);
}
