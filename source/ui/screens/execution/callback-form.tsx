// The Callback answer form, drawn in place of the step panel: the choice first, then the typed fields with what
// is wrong with the one being edited.
import {Box, Text} from 'ink';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {TextField} from '../../components/text-field.js';
import {useTheme} from '../../theme.js';
import {type CallbackForm, fieldLabel, fieldProblem} from './callback-form-state.js';

export function CallbackFormView({form, width, height}: {form: CallbackForm; width: number; height: number}) {
	const theme = useTheme();
	const declared =
		form.outputs.length === 0
			? 'it declares no output parameters'
			: `its output parameters: ${form.outputs.map((output) => `${output.name} (${output.type})`).join(', ')}`;
	const labelWidth = Math.max(8, ...form.texts.map((_, index) => fieldLabel(form, index).length)) + 2;
	const problem = form.answer === undefined ? undefined : fieldProblem(form, form.field);
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			borderColor={theme.colorOf('warning')}
			paddingX={1}
		>
			<Text wrap="truncate-end" bold>
				Answer the Callback step {sanitizeText(form.step)}
			</Text>
			<Text wrap="truncate-end" color={theme.colorOf('muted')}>
				{sanitizeText(declared)}
			</Text>
			{form.answer === undefined ? (
				<Text wrap="truncate-end">
					<Text bold>s</Text> success (the execution goes on) · <Text bold>f</Text> failure (the step fails
					with a reason) · <Text bold>esc</Text> cancel
				</Text>
			) : (
				<>
					<Text color={theme.colorOf(form.answer === 'success' ? 'success' : 'danger')}>
						{form.answer === 'success' ? 'Success' : 'Failure'} · enter: next field, then y/N
					</Text>
					{form.texts.map((text, index) => {
						const label = fieldLabel(form, index);
						return (
							<Text key={label} wrap="truncate-end">
								{index === form.field ? theme.glyphs.selected : ' '} {label.padEnd(labelWidth)}
								<TextField
									value={text}
									editing={index === form.field}
									width={Math.max(8, width - labelWidth - 8)}
									placeholder={form.answer === 'success' ? '(not sent when empty)' : ''}
									invalid={fieldProblem(form, index) !== undefined}
								/>
							</Text>
						);
					})}
					<Text wrap="truncate-end" color={theme.colorOf('danger')}>
						{problem ? sanitizeText(problem) : ''}
					</Text>
				</>
			)}
		</Box>
	);
}
