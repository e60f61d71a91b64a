// The details pane shows an ARN unbroken: one that does not fit beside its label gets a line of its own, with
// nothing before it, so a mouse selection takes it whole.
import {expect, test} from 'vitest';
import type {StepView} from '../../source/pipeline/execution-state.js';
import {stepDetailLines} from '../../source/ui/step-details.js';
import {createTheme} from '../../source/ui/theme.js';

const arn = 'arn:aws:sagemaker:eu-west-1:111122223333:training-job/pipelines-a1b2c3d4e5f6-abalonetrain-x1y2';
const view: StepView = {
	name: 'AbaloneTrain',
	type: 'Training',
	state: 'succeeded',
	inDefinition: true,
	record: {
		name: 'AbaloneTrain',
		status: 'Succeeded',
		startedAt: 0,
		endedAt: 60_000,
		metadata: {TrainingJob: {Arn: arn}},
	} as StepView['record'],
};

test.each([100, 120])('at %i columns the training job ARN is whole on one line', (width) => {
	const lines = stepDetailLines(
		createTheme({unicode: true, color: false}),
		view,
		undefined,
		undefined,
		0,
		width,
	);
	const texts = lines.map((line) => line.spans.map((span) => span.text).join(''));
	expect(texts.some((text) => text === arn || text.endsWith(`  ${arn}`))).toBe(true);
});
