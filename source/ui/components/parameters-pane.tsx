// `P`: the parameters the execution ran with, marked where they differ from the definition's default.
import type {ParameterDefinition} from '../../pipeline/model.js';
import {formatParameterValue} from '../../pipeline/parameters.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {useExecutionParameters} from '../hooks/use-execution-parameters.js';
import {useTheme} from '../theme.js';
import {wrapLines} from '../wrap-lines.js';
import {type PaneLine, TextPane} from './text-pane.js';

export type ParametersPaneProps = {
	executionArn: string;
	declared: readonly ParameterDefinition[];
	offset: number;
	width: number;
	height: number;
	onLines(count: number): void;
};

export function ParametersPane({
	executionArn,
	declared,
	offset,
	width,
	height,
	onLines,
}: ParametersPaneProps) {
	const theme = useTheme();
	const result = useExecutionParameters(executionArn, true);
	const lines: PaneLine[] = [];
	if (result.state === 'loading')
		lines.push({key: 'loading', spans: [{text: 'Reading the parameters…', tone: 'muted'}]});
	else if (result.state === 'failed') {
		for (const text of wrapLines(sanitizeText(result.message), width - 4)) {
			lines.push({key: `e${lines.length}`, spans: [{text, tone: 'danger'}]});
		}
	} else if (result.parameters.length === 0) {
		lines.push({key: 'none', spans: [{text: 'This execution ran without parameters.', tone: 'muted'}]});
	} else {
		const nameWidth =
			Math.min(32, Math.max(...result.parameters.map((parameter) => parameter.name.length))) + 2;
		const defaults = new Map(declared.map((parameter) => [parameter.name, parameter]));
		for (const parameter of result.parameters) {
			const definition = defaults.get(parameter.name);
			const fallback =
				definition?.defaultValue === undefined ? undefined : formatParameterValue(definition.defaultValue);
			const overridden = fallback !== undefined && fallback !== parameter.value;
			const note = overridden ? `  ${theme.glyphs.overridden} default ${sanitizeText(fallback)}` : '';
			wrapLines(sanitizeText(parameter.value) + note, Math.max(10, width - nameWidth - 4)).forEach(
				(text, index) => {
					lines.push({
						key: `${parameter.name}-${index}`,
						spans: [
							{text: (index === 0 ? sanitizeText(parameter.name) : '').padEnd(nameWidth), tone: 'muted'},
							{text, ...(overridden ? {tone: 'accent' as const} : {})},
						],
					});
				},
			);
		}
	}

	onLines(lines.length);
	return (
		<TextPane
			title="Parameters this execution ran with"
			lines={lines}
			offset={offset}
			width={width}
			height={height}
			footer="esc closes"
		/>
	);
}
