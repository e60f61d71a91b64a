import {describe, expect, it} from 'vitest';
import type {ModelVersion} from '../../../../source/aws/model-versions.js';
import {
	approvalPromptFor,
	approvalQuestion,
	initialModelsState,
	modelsViewReducer,
} from '../../../../source/ui/screens/models/models-view-state.js';

const pending: ModelVersion = {
	arn: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/abalone/3',
	groupName: 'Abalone',
	version: 3,
	approvalStatus: 'PendingManualApproval',
	status: 'Completed',
	metrics: [],
	containers: [],
	keyMetrics: [{name: 'mse', path: 'regression_metrics.mse.value', value: 2.5}],
	metricProblems: [],
};

describe('the Models screen state', () => {
	it('moves within the list and keeps the description typed for the decision', () => {
		let state = modelsViewReducer(initialModelsState, {type: 'move', intent: 'down', count: 3, pageSize: 10});
		state = modelsViewReducer(state, {type: 'move', intent: 'last', count: 3, pageSize: 10});
		expect(state.selected).toBe(2);
		const prompt = approvalPromptFor(pending, 'Approved');
		if ('problem' in prompt) throw new Error(prompt.problem);
		state = modelsViewReducer(state, {type: 'open-prompt', prompt});
		state = modelsViewReducer(state, {type: 'edit-description', text: 'MSE 2.5 beats v2'});
		expect(state.prompt).toEqual({
			decision: 'Approved',
			arn: pending.arn,
			label: 'Abalone/3',
			description: 'MSE 2.5 beats v2',
		});
		expect(approvalQuestion(state.prompt!)).toBe('Approve model version Abalone/3 with "MSE 2.5 beats v2"?');
		expect(modelsViewReducer(state, {type: 'close-prompt'})).toEqual({selected: 2});
	});

	it('says so instead of asking when the version already has that status', () => {
		expect(approvalPromptFor({...pending, approvalStatus: 'Rejected'}, 'Rejected')).toEqual({
			problem: 'Version Abalone/3 is already Rejected.',
		});
		const reject = approvalPromptFor(pending, 'Rejected');
		if ('problem' in reject) throw new Error(reject.problem);
		expect(approvalQuestion({...reject, description: ' '})).toBe(
			'Reject model version Abalone/3 (no description)?',
		);
	});
});
