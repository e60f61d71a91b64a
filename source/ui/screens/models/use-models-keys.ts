// The Models screen's keys: list moves, open a group, approve or reject the selected version (a description
// prompt, then the shell's y/N confirmation), refresh. While the prompt is open, the keys are the text field's.
import type {Dispatch} from 'react';
import type {ModelVersion} from '../../../aws/model-versions.js';
import type {ModelPackageGroupSummary, ModelRegistryApi} from '../../../aws/registry-types.js';
import {useNavigation, useScreenHost, useSession} from '../../app-context.js';
import {useScreenKeys} from '../../hooks/use-screen-keys.js';
import {useTextEditing} from '../../hooks/use-text-editing.js';
import {
	approvalDescriptionKeymap,
	type ModelsIntent,
	modelGroupsKeymap,
	modelsKeymap,
} from '../../keys/models-keymaps.js';
import {listMoveIntents} from '../../list-navigation.js';
import {
	approvalPromptFor,
	approvalQuestion,
	type ModelsViewAction,
	type ModelsViewState,
} from './models-view-state.js';

export type ModelsKeysInput = {
	state: ModelsViewState;
	dispatch: Dispatch<ModelsViewAction>;
	groups: readonly ModelPackageGroupSummary[] | undefined;
	versions: readonly ModelVersion[] | undefined;
	pageSize: number;
	reload(): void;
	active: boolean;
};

export function useModelsKeys(input: ModelsKeysInput): void {
	const {state, dispatch, groups, versions, active} = input;
	const {aws} = useSession();
	const shell = useScreenHost();
	const navigation = useNavigation();
	const count = (versions ?? groups ?? []).length;

	useScreenKeys<ModelsIntent>(
		versions ? modelsKeymap : modelGroupsKeymap,
		(intent) => {
			if (listMoveIntents.has(intent)) {
				dispatch({type: 'move', intent, count, pageSize: input.pageSize});
				return;
			}

			switch (intent) {
				case 'refresh':
					input.reload();
					return;
				case 'open': {
					const group = groups?.[state.selected];
					if (!group) return false;
					navigation.remember({selected: group.name});
					navigation.push({kind: 'models', group: group.name});
					return;
				}

				case 'approve':
				case 'reject': {
					const version = versions?.[state.selected];
					if (!version) {
						shell.notify(
							versions ? 'No version is selected.' : 'Open a group to decide on its versions.',
							'error',
						);
						return;
					}

					const prompt = approvalPromptFor(version, intent === 'approve' ? 'Approved' : 'Rejected');
					if ('problem' in prompt) shell.notify(prompt.problem, 'info');
					else dispatch({type: 'open-prompt', prompt});
					return;
				}
			}
		},
		{active: active && state.prompt === undefined},
	);

	useTextEditing({
		active: active && state.prompt !== undefined,
		value: state.prompt?.description ?? '',
		keymap: approvalDescriptionKeymap,
		onChange: (text) => dispatch({type: 'edit-description', text}),
		onIntent: (intent) => {
			const prompt = state.prompt;
			dispatch({type: 'close-prompt'});
			if (intent !== 'commit' || !prompt) return;
			const verb = prompt.decision === 'Approved' ? 'Approving' : 'Rejecting';
			shell.confirm({
				question: approvalQuestion(prompt),
				busy: `${verb} ${prompt.label}…`,
				run: async () => {
					const registry: ModelRegistryApi = await aws.registry();
					const description = prompt.description.trim();
					await registry.updateApproval({
						package: prompt.arn,
						status: prompt.decision,
						...(description === '' ? {} : {description}),
					});
					input.reload();
					return `${prompt.label} is now ${prompt.decision}.`;
				},
			});
		},
	});
}
