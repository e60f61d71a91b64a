import {describe, expect, it} from 'vitest';
import type {ModelPackageDetails, ModelRegistryApi} from '../../../../source/aws/registry-types.js';
import type {ObjectStore} from '../../../../source/aws/types.js';
import {ModelsScreen} from '../../../../source/ui/screens/models/models-screen.js';
import {createFakePipelines} from '../../fake-pipelines.js';
import {renderScreen} from '../../render-screen.js';

const execution = 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/abalone/execution/run1abcdefgh';

/** A registry of one group in memory, newest first, that takes approval decisions. */
function registryOf(versions: ModelPackageDetails[]): ModelRegistryApi {
	const find = (nameOrArn: string) => {
		const found = versions.find(
			(version) => version.arn === nameOrArn || `${version.groupName}/${version.version}` === nameOrArn,
		);
		if (!found) throw new Error(`${nameOrArn} does not exist.`);
		return found;
	};

	return {
		listGroups: async () => ({items: [{name: 'Abalone', arn: 'group-arn', status: 'Completed'}]}),
		listPackages: async (_group, options = {}) => ({
			items: versions.filter(
				(version) => !options.approvalStatus || version.approvalStatus === options.approvalStatus,
			),
		}),
		listAllPackages: async () => versions,
		describePackage: async (nameOrArn) => ({...find(nameOrArn)}),
		updateApproval: async (update) => {
			const version = find(update.package);
			version.approvalStatus = update.status;
			if (update.description !== undefined) version.approvalDescription = update.description;
			return version.arn;
		},
	};
}

function version(number: number, status: ModelPackageDetails['approvalStatus']): ModelPackageDetails {
	return {
		arn: `arn:aws:sagemaker:us-east-1:111122223333:model-package/abalone/${number}`,
		groupName: 'Abalone',
		version: number,
		approvalStatus: status,
		status: 'Completed',
		createdAt: Date.UTC(2026, 0, number),
		generatedBy: execution,
		metrics: [{name: 'ModelQuality.Statistics', s3Uri: `s3://b/${number}/evaluation.json`}],
		containers: [],
	};
}

const objects: ObjectStore = {
	async readObject(uri) {
		const mse = uri.includes('/2/') ? 2.5 : 3.1;
		return {uri, text: JSON.stringify({regression_metrics: {mse: {value: mse}}}), truncated: false};
	},
};

function render(
	readOnly = false,
	route: {kind: 'models'; group?: string} = {kind: 'models', group: 'Abalone'},
) {
	const registry = registryOf([version(2, 'PendingManualApproval'), version(1, 'Approved')]);
	const screen = renderScreen(<ModelsScreen route={route} width={110} height={20} active />, {
		pipelines: createFakePipelines([]),
		readOnly,
		columns: 110,
		services: {registry: async () => registry, objects},
	});
	return {screen, registry};
}

describe('the Models screen', () => {
	it('shows the versions newest first with their MSE next to the approved one, and approves with a description', async () => {
		const {screen, registry} = render();
		await screen.waitFor('mse 2.5 (approved 3.1)');
		expect(screen.screen()).toMatch(/Abalone · 2 versions, newest first · approved: v1 \(mse 3\.1\)/);
		expect(screen.screen()).toMatch(
			/› +2 ◌ PendingManualApproval .*run1abcdefgh +mse 2\.5 \(approved 3\.1\)/,
		);
		await screen.press('a', 'Approve Abalone/2: description');
		await screen.press('beats v1');
		await screen.press('\r');
		await screen.until(() => screen.confirmations.length === 1, 'the y/N question');
		expect(screen.confirmations[0]!.question).toBe('Approve model version Abalone/2 with "beats v1"?');
		expect(await screen.confirmations[0]!.run()).toBe('Abalone/2 is now Approved.');
		expect(await registry.describePackage('Abalone/2')).toMatchObject({
			approvalStatus: 'Approved',
			approvalDescription: 'beats v1',
		});
		await screen.waitFor(/› +2 ✔ Approved/);
	});

	it('rejects with a description behind y/N, and says so instead of asking again', async () => {
		const {screen, registry} = render();
		await screen.waitFor('mse 2.5 (approved 3.1)');
		await screen.press('x', 'Reject Abalone/2: description');
		await screen.press('worse on holdout');
		await screen.press('\r');
		await screen.until(() => screen.confirmations.length === 1, 'the y/N question');
		expect(screen.confirmations[0]!.question).toBe('Reject model version Abalone/2 with "worse on holdout"?');
		expect(await screen.confirmations[0]!.run()).toBe('Abalone/2 is now Rejected.');
		expect(await registry.describePackage('Abalone/2')).toMatchObject({
			approvalStatus: 'Rejected',
			approvalDescription: 'worse on holdout',
		});
		await screen.waitFor(/› +2 ✖ Rejected/);
		await screen.press('x');
		await screen.until(() => screen.notices.length > 0, 'the notice');
		expect(screen.notices.at(-1)!.text).toBe('Version Abalone/2 is already Rejected.');
		expect(screen.confirmations).toHaveLength(1);
	});

	it('lists the groups for :models alone, and enter opens one', async () => {
		const {screen} = render(false, {kind: 'models'});
		await screen.waitFor('1 model package group');
		expect(screen.screen()).toMatch(/› Abalone +Completed/);
		await screen.press('\r');
		await screen.until(() => screen.navigation.some(({call}) => call === 'push'), 'the navigation');
		expect(screen.navigation.find(({call}) => call === 'push')).toEqual({
			call: 'push',
			route: {kind: 'models', group: 'Abalone'},
		});
	});

	it('refuses approving and rejecting with --read-only', async () => {
		const {screen} = render(true);
		await screen.waitFor('mse 2.5');
		await screen.press('a');
		await screen.press('x');
		expect(screen.refusals).toEqual(['approve a model version', 'reject a model version']);
		expect(screen.confirmations).toEqual([]);
	});
});
