// The lines of the `P` pane: each parameter the execution ran with, marked where it differs from the definition's
// default; or that it is being read, that it failed, or that there were none.
import type {ParameterAssignment, ParameterDefinition} from '../pipeline/model.js';
import {formatParameterValue} from '../pipeline/parameters.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {PaneLine} from './components/text-pane.js';
import type {Loading} from './hooks/use-async-resource.js';
import type {Theme} from './theme.js';
import {wrapLines} from './wrap-lines.js';

export function parameterLines(
	theme: Theme,
	result: Loading<ParameterAssignment[]>,
	declared: readonly ParameterDefinition[],
	width: number,
): PaneLine[] {
	const lines: PaneLine[] = [];
	if (result.state === 'loading')
		lines.push({key: 'loading', spans: [{text: 'Reading the parameters…', tone: 'muted'}]});
	else if (result.state === 'failed') {
		for (const text of wrapLines(sanitizeText(result.message), width - 4)) {
			lines.push({key: `e${lines.length}`, spans: [{text, tone: 'danger'}]});
		}
	} else if (result.value.length === 0) {
		lines.push({key: 'none', spans: [{text: 'This execution ran without parameters.', tone: 'muted'}]});
	} else {
		const parameters = result.value;
		const nameWidth = Math.min(32, Math.max(...parameters.map((parameter) => parameter.name.length))) + 2;
		const defaults = new Map(declared.map((parameter) => [parameter.name, parameter]));
		for (const parameter of parameters) {
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

	return lines;
}
