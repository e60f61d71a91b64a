// The model registry: without a group, the model package groups; with one, its versions newest first with their
// approval status, when and by which execution they were registered, and their key metrics next to the approved
// version's; approve or reject the selected version. Reached with `:models [GROUP]` or M on a RegisterModel step.
import {Box, Text} from 'ink';
import {useEffect, useReducer, useState} from 'react';
import {gatherModelVersions, type ModelVersions} from '../../../aws/model-versions.js';
import type {ModelPackageGroupSummary} from '../../../aws/registry-types.js';
import {describeMetrics} from '../../../pipeline/model-metrics.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {useNavigation, useSession} from '../../app-context.js';
import {Table} from '../../components/table.js';
import {TextField} from '../../components/text-field.js';
import {useAsyncResource} from '../../hooks/use-async-resource.js';
import type {ScreenProps} from '../../shell/routes.js';
import {useTheme} from '../../theme.js';
import {groupColumns, versionColumns} from './model-columns.js';
import {initialModelsState, modelsViewReducer} from './models-view-state.js';
import {useModelsKeys} from './use-models-keys.js';

type Loaded = {kind: 'groups'; groups: ModelPackageGroupSummary[]} | ({kind: 'versions'} & ModelVersions);

export function ModelsScreen({route, width, height, active}: ScreenProps<'models'>) {
	const theme = useTheme();
	const {aws} = useSession();
	const navigation = useNavigation();
	const [reloads, setReloads] = useState(0);
	const [state, dispatch] = useReducer(modelsViewReducer, initialModelsState);
	const {group, packageArn} = route;
	const loaded = useAsyncResource<Loaded>(async () => {
		const registry = await aws.registry();
		// From a RegisterModel step: the group is the version's (its ARN spells the name in lower case).
		const target = group ?? (packageArn ? (await registry.describePackage(packageArn)).groupName : undefined);
		if (target === undefined) return {kind: 'groups', groups: (await registry.listGroups()).items};
		return {kind: 'versions', ...(await gatherModelVersions(registry, aws.objects, target))};
	}, [aws, group, packageArn, reloads]);
	const value = loaded.state === 'ready' ? loaded.value : undefined;
	const groups = value?.kind === 'groups' ? value.groups : undefined;
	const versions = value?.kind === 'versions' ? value.versions : undefined;

	// The first load selects the version the route names (the step's), or the row it was left on.
	const [placed, setPlaced] = useState(false);
	useEffect(() => {
		if (!value || placed) return;
		setPlaced(true);
		const wanted = route.selected ?? packageArn;
		const index =
			value.kind === 'groups'
				? value.groups.findIndex((candidate) => candidate.name === wanted)
				: value.versions.findIndex((candidate) => candidate.arn === wanted);
		if (index >= 0) dispatch({type: 'select', index});
	}, [value, placed, route.selected, packageArn]);

	useEffect(() => {
		const arn = versions?.[state.selected]?.arn;
		if (arn && arn !== route.selected) navigation.remember({selected: arn});
	}, [versions, state.selected, route.selected, navigation]);

	const promptHeight = state.prompt ? 3 : 0;
	const tableHeight = Math.max(2, height - 2 - promptHeight);
	useModelsKeys({
		state,
		dispatch,
		groups,
		versions,
		pageSize: tableHeight - 1,
		reload: () => setReloads((count) => count + 1),
		active,
	});

	if (loaded.state === 'failed') {
		return (
			<Box flexDirection="column" paddingX={1}>
				<Text color={theme.colorOf('danger')}>
					Could not read the model registry: {sanitizeText(loaded.message)}
				</Text>
				<Text color={theme.colorOf('muted')}>r retries · esc goes back</Text>
			</Box>
		);
	}

	const caption =
		value === undefined
			? 'Loading…'
			: value.kind === 'groups'
				? `${value.groups.length} model package group${value.groups.length === 1 ? '' : 's'}, newest first · enter opens one`
				: versionsCaption(value);
	const problems = versions?.flatMap((version) =>
		version.metricProblems.map((problem) => `v${version.version ?? '?'} ${problem}`),
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate-end" color={theme.colorOf('muted')}>
				{caption}
			</Text>
			{value?.kind === 'versions' ? (
				<Table
					rows={value.versions}
					columns={versionColumns(theme, width, value.approved)}
					rowKey={(version) => version.arn}
					selected={state.selected}
					width={width}
					height={tableHeight}
					empty={`${sanitizeText(value.group)} has no versions yet.`}
				/>
			) : (
				<Table
					rows={groups ?? []}
					columns={groupColumns(theme, width)}
					rowKey={(row) => row.arn || row.name}
					selected={state.selected}
					width={width}
					height={tableHeight}
					empty={value ? 'No model package groups yet.' : 'Loading model package groups…'}
				/>
			)}
			<Text wrap="truncate-end" color={theme.colorOf('warning')}>
				{problems && problems.length > 0 ? sanitizeText(problems[0]!) : ''}
			</Text>
			{state.prompt ? (
				<Box borderStyle="round" borderColor={theme.colorOf('warning')} paddingX={1} width={width}>
					<Text wrap="truncate-end">
						{state.prompt.decision === 'Approved' ? 'Approve' : 'Reject'} {state.prompt.label}: description{' '}
						<TextField
							value={state.prompt.description}
							editing
							width={Math.max(8, width - state.prompt.label.length - 50)}
							placeholder="(optional)"
						/>{' '}
						<Text color={theme.colorOf('muted')}>enter: y/N · esc cancels</Text>
					</Text>
				</Box>
			) : null}
		</Box>
	);
}

function versionsCaption(value: ModelVersions): string {
	const count = `${value.versions.length} version${value.versions.length === 1 ? '' : 's'}, newest first`;
	const approved = value.approved
		? `approved: v${value.approved.version ?? '?'}${value.approved.keyMetrics.length > 0 ? ` (${describeMetrics(value.approved.keyMetrics)})` : ''}`
		: 'none approved yet';
	return sanitizeText(`${value.group} · ${count} · ${approved}`);
}
