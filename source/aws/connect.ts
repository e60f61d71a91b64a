// Builds sagemon's AWS access the way the AWS CLI does (profile, region, endpoint, credential chain). The SDK is
// imported here, lazily, so commands that never call AWS stay fast. Starting the embedded emulator for --local is
// the entry's job (source/local-connection.ts), which connects to it through this file like to any endpoint.
import type {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import type {S3Client} from '@aws-sdk/client-s3';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {ExecutionActionsApi} from './execution-action-types.js';
import type {LogsApi} from './logs-types.js';
import type {ModelRegistryApi} from './registry-types.js';
import {type AwsAccess, AwsError, type AwsSettings, type ObjectStore} from './types.js';

/** Where to connect and how; anything left out comes from the environment and the AWS config files. */
export type ConnectionSettings = {
	profile?: string;
	region?: string;
	endpointUrl?: string;
	/** The SDK's retries; default AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, else 4 attempts, standard mode. */
	retry?: {maxAttempts: number; retryMode?: string};
	/** Fixed credentials (an emulator's); default the SDK's credential chain. */
	credentials?: {accessKeyId: string; secretAccessKey: string};
	/** Shown in the header; default the profile name. */
	label?: string;
};

export type AwsConnection = AwsAccess & {
	/** The endpoint in use when it is not AWS's own (an emulator's URL). */
	endpointUrl?: string;
	/** Releases sockets. */
	close(): Promise<void>;
};

export async function connectAws(
	settings: ConnectionSettings,
	env: NodeJS.ProcessEnv = process.env,
): Promise<AwsConnection> {
	const profile = nonEmpty(settings.profile) ?? nonEmpty(env.AWS_PROFILE);
	const endpointUrl = nonEmpty(settings.endpointUrl);
	const problem = endpointProblem(endpointUrl);
	if (problem) throw new AwsError('Validation', problem);
	const region =
		nonEmpty(settings.region) ??
		nonEmpty(env.AWS_REGION) ??
		nonEmpty(env.AWS_DEFAULT_REGION) ??
		(await regionFromConfigFiles(profile));
	if (region === undefined) throw noRegion();
	const retry = retrySettings(env);
	return createConnection({
		settings: {
			profile,
			region,
			endpointUrl,
			label: settings.label ?? endpointLabel(endpointUrl) ?? profile ?? 'default',
		},
		...(settings.credentials === undefined ? {} : {credentials: settings.credentials}),
		retry: {
			maxAttempts: settings.retry?.maxAttempts ?? retry.maxAttempts,
			retryMode: settings.retry?.retryMode ?? retry.retryMode,
		},
	});
}

async function createConnection(options: {
	settings: AwsSettings & {region: string};
	credentials?: {accessKeyId: string; secretAccessKey: string};
	retry: {maxAttempts: number; retryMode: string};
}): Promise<AwsConnection> {
	const {SageMakerClient, createSageMakerGateway} = await import('./sagemaker-gateway.js');
	const {settings} = options;
	const common = {
		region: settings.region,
		...(settings.profile === undefined ? {} : {profile: settings.profile}),
		...(settings.endpointUrl === undefined ? {} : {endpoint: settings.endpointUrl}),
		...(options.credentials === undefined ? {} : {credentials: options.credentials}),
		maxAttempts: options.retry.maxAttempts,
		retryMode: options.retry.retryMode,
		requestHandler: {connectionTimeout: 5000, requestTimeout: 30_000},
	};
	const sagemaker = new SageMakerClient(common);
	const hints = {profile: settings.profile, endpoint: settings.endpointUrl};
	// The S3 client loads on the first report read: most sessions never open one, and loading it would add
	// ~40 ms to every start (npm run bench, TUI first frame).
	let s3: Promise<{client: S3Client; store: ObjectStore}> | undefined;
	const loadS3 = async () => {
		const {S3Client, createObjectStore} = await import('./object-store.js');
		// One credential provider for both clients: an SSO or process login is resolved (and refreshed) once.
		const client = new S3Client({
			...common,
			credentials: sagemaker.config.credentials,
			forcePathStyle: settings.endpointUrl !== undefined,
			followRegionRedirects: settings.endpointUrl === undefined,
			// Ranged reads carry no whole-object checksum to validate against.
			responseChecksumValidation: 'WHEN_REQUIRED',
		});
		return {client, store: createObjectStore(client, hints)};
	};
	// CloudWatch Logs, the registry and the execution actions load on first use, like S3.
	let logs: Promise<{client: CloudWatchLogsClient; api: LogsApi}> | undefined;
	const loadLogs = async () => {
		const {CloudWatchLogsClient, createLogsGateway} = await import('./logs-gateway.js');
		const client = new CloudWatchLogsClient({...common, credentials: sagemaker.config.credentials});
		return {client, api: createLogsGateway(client, hints)};
	};
	let registry: Promise<ModelRegistryApi> | undefined;
	let executionActions: Promise<ExecutionActionsApi> | undefined;
	return {
		settings: withoutUndefined(settings),
		...(settings.endpointUrl === undefined ? {} : {endpointUrl: settings.endpointUrl}),
		async logs() {
			logs ??= loadLogs();
			return (await logs).api;
		},
		registry() {
			registry ??= import('./registry-gateway.js').then((module) =>
				module.createRegistryGateway(sagemaker, hints),
			);
			return registry;
		},
		executionActions() {
			executionActions ??= import('./execution-actions-gateway.js').then((module) =>
				module.createExecutionActionsGateway(sagemaker, hints),
			);
			return executionActions;
		},
		pipelines: createSageMakerGateway(sagemaker, hints),
		objects: {
			async readObject(uri, options) {
				s3 ??= loadS3();
				return (await s3).store.readObject(uri, options);
			},
		},
		async close() {
			sagemaker.destroy();
			(await s3?.catch(() => undefined))?.client.destroy();
			(await logs?.catch(() => undefined))?.client.destroy();
		},
	};
}

/** The profile's `region` from ~/.aws/config (or AWS_CONFIG_FILE), read by the SDK's own loader. */
async function regionFromConfigFiles(profile: string | undefined): Promise<string | undefined> {
	const {SageMakerClient} = await import('./sagemaker-gateway.js');
	const probe = new SageMakerClient(profile === undefined ? {} : {profile});
	try {
		return nonEmpty(await probe.config.region());
	} catch {
		return undefined;
	} finally {
		probe.destroy();
	}
}

function retrySettings(env: NodeJS.ProcessEnv): {maxAttempts: number; retryMode: string} {
	const attempts = Number(env.AWS_MAX_ATTEMPTS);
	const mode = env.AWS_RETRY_MODE;
	return {
		maxAttempts: Number.isInteger(attempts) && attempts > 0 ? attempts : 4,
		retryMode: mode === 'adaptive' || mode === 'legacy' ? mode : 'standard',
	};
}

/** Why `url` cannot be an --endpoint-url, or undefined when it can (or is absent). */
export function endpointProblem(url: string | undefined): string | undefined {
	if (url === undefined || url.trim() === '') return undefined;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `--endpoint-url "${sanitizeText(url)}" is not a URL; use e.g. http://127.0.0.1:4566.`;
	}

	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		return `--endpoint-url "${sanitizeText(url)}" must start with http:// or https://.`;
	}

	return undefined;
}

function noRegion(): AwsError {
	return new AwsError(
		'NoRegion',
		'No AWS region: pass --region, set AWS_REGION, or set a region in ~/.aws/config (or use --local).',
	);
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function withoutUndefined(settings: AwsSettings): AwsSettings {
	const result: AwsSettings = {label: settings.label};
	if (settings.profile !== undefined) result.profile = settings.profile;
	if (settings.region !== undefined) result.region = settings.region;
	if (settings.endpointUrl !== undefined) result.endpointUrl = settings.endpointUrl;
	return result;
}

/** With --endpoint-url the header names the endpoint ("localhost:4566"), not "default" as if on AWS. */
function endpointLabel(endpointUrl: string | undefined): string | undefined {
	if (endpointUrl === undefined) return undefined;
	try {
		return new URL(endpointUrl).host || endpointUrl;
	} catch {
		return endpointUrl;
	}
}
