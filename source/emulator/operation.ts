// What an emulated SageMaker operation receives and returns.
import type {UserContext} from './engine/execution-state.js';
import type {EmulatorState} from './emulator-state.js';
import {toEpochSeconds} from './sagemaker-protocol.js';

export type OperationRequest = {
	input: Record<string, unknown>;
	region: string;
	time: number;
	caller: UserContext;
	state: EmulatorState;
	/** Overrides the emulator's time scale for an execution started by this request (seeded past executions). */
	timeScale?: number;
};

export type Operation = (request: OperationRequest) => Record<string, unknown>;

/** The identity the emulator reports as CreatedBy/LastModifiedBy for API callers. */
export const localCaller: UserContext = {
	IamIdentity: {Arn: 'arn:aws:iam::000000000000:user/sagemon-local', PrincipalId: 'AIDASAGEMONLOCALUSER'},
};

/** Copies the members that are set, leaving out undefined ones (the service omits unset members). */
export function defined(members: Record<string, unknown>): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(members)) if (value !== undefined) result[key] = value;
	return result;
}

export function epoch(milliseconds: number | undefined): number | undefined {
	return milliseconds === undefined ? undefined : toEpochSeconds(milliseconds);
}

export function optionalText(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}
