// The shape of a demo pipeline: its definition and the executions to replay so it has a history at startup.

export type DemoRun = {
	/** How long before startup the execution started. */
	startedAgo: number;
	parameters?: Record<string, string>;
	displayName?: string;
	description?: string;
	/** Stop it this long after it started. */
	stopAfter?: number;
	/** Retry it this long after it started (it must have failed or stopped by then). */
	retryAfter?: number;
	/** Runs at the emulator's time scale, `startedAgo` simulated seconds in, and is still going at startup. */
	live?: boolean;
};

export type DemoPipeline = {
	name: string;
	description: string;
	definition: Record<string, unknown>;
	/** How long before startup the pipeline was created. */
	createdAgo: number;
	maxParallelSteps?: number;
	runs: DemoRun[];
};

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

export const demoRoleArn = 'arn:aws:iam::000000000000:role/SageMakerExecutionRole';
export const demoBucket = 's3://sagemaker-us-east-1-000000000000';
