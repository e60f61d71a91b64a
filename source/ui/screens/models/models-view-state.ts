// What the Models screen shows, as plain data: the selected row, and the approval prompt (approve or reject one
// version, with the description being typed) before the y/N confirmation.
import type {ModelApprovalStatus} from '../../../aws/registry-types.js';
import type {ModelVersion} from '../../../aws/model-versions.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {moveSelection} from '../../list-navigation.js';

export type ApprovalPrompt = {
	decision: Extract<ModelApprovalStatus, 'Approved' | 'Rejected'>;
	arn: string;
	/** `GROUP/3`: how the version is named in the question. */
	label: string;
	description: string;
};

export type ModelsViewState = {selected: number; prompt?: ApprovalPrompt};

export type ModelsViewAction =
	| {type: 'move'; intent: string; count: number; pageSize: number}
	| {type: 'select'; index: number}
	| {type: 'open-prompt'; prompt: Omit<ApprovalPrompt, 'description'>}
	| {type: 'edit-description'; text: string}
	| {type: 'close-prompt'};

export const initialModelsState: ModelsViewState = {selected: 0};

export function modelsViewReducer(state: ModelsViewState, action: ModelsViewAction): ModelsViewState {
	switch (action.type) {
		case 'move':
			return {
				...state,
				selected: moveSelection(state.selected, action.intent, action.count, action.pageSize),
			};
		case 'select':
			return {...state, selected: Math.max(0, action.index)};
		case 'open-prompt':
			return {...state, prompt: {...action.prompt, description: ''}};
		case 'edit-description':
			return state.prompt ? {...state, prompt: {...state.prompt, description: action.text}} : state;
		case 'close-prompt':
			return {selected: state.selected};
	}
}

/** The prompt for approving or rejecting `version`, or why it cannot be asked (already in that state). */
export function approvalPromptFor(
	version: ModelVersion,
	decision: ApprovalPrompt['decision'],
): Omit<ApprovalPrompt, 'description'> | {problem: string} {
	const label = `${sanitizeText(version.groupName ?? '?')}/${version.version ?? '?'}`;
	if (version.approvalStatus === decision) return {problem: `Version ${label} is already ${decision}.`};
	return {decision, arn: version.arn, label};
}

/** The y/N question once the description is typed. */
export function approvalQuestion(prompt: ApprovalPrompt): string {
	const verb = prompt.decision === 'Approved' ? 'Approve' : 'Reject';
	const note =
		prompt.description.trim() === '' ? ' (no description)' : ` with "${sanitizeText(prompt.description)}"`;
	return `${verb} model version ${prompt.label}${note}?`;
}
