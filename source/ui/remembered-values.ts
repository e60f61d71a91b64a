// The parameter values last used to start each pipeline, kept in a small JSON file in the user's config
// directory and offered the next time the start form opens. They belong to one pipeline in one account, region
// and endpoint: the key is the endpoint and the pipeline's ARN (which names the account and region).
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import {join} from 'node:path';

/** Where the values belong: a pipeline of the same name elsewhere never gets them. */
export type RememberedKey = {pipelineArn: string; endpointUrl?: string};

function keyOf(key: RememberedKey): string {
	return `${key.endpointUrl ?? 'aws'} ${key.pipelineArn}`;
}

type Stored = {version: 1; pipelines: Record<string, {parameters: Record<string, string>; savedAt: number}>};

export const rememberedValuesFile = 'start-values.json';

/** The overrides last used for the pipeline; an unreadable or damaged file counts as empty. */
export async function loadRememberedValues(
	directory: string,
	key: RememberedKey,
): Promise<Record<string, string>> {
	const stored = await readStored(directory);
	const entry = stored.pipelines[keyOf(key)];
	if (!entry || typeof entry.parameters !== 'object' || entry.parameters === null) return {};
	return Object.fromEntries(
		Object.entries(entry.parameters).filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
	);
}

/** Replaces the pipeline's remembered overrides (written to a temporary file, then renamed into place). */
export async function saveRememberedValues(
	directory: string,
	key: RememberedKey,
	parameters: Record<string, string>,
	now: number,
): Promise<void> {
	const stored = await readStored(directory);
	stored.pipelines[keyOf(key)] = {parameters, savedAt: now};
	await mkdir(directory, {recursive: true});
	const path = join(directory, rememberedValuesFile);
	const temporary = `${path}.${process.pid}.tmp`;
	await writeFile(temporary, `${JSON.stringify(stored, null, '\t')}\n`, {mode: 0o600});
	await rename(temporary, path);
}

async function readStored(directory: string): Promise<Stored> {
	try {
		const value: unknown = JSON.parse(await readFile(join(directory, rememberedValuesFile), 'utf8'));
		if (typeof value === 'object' && value !== null && 'pipelines' in value) {
			const pipelines = (value as {pipelines: unknown}).pipelines;
			if (typeof pipelines === 'object' && pipelines !== null && !Array.isArray(pipelines)) {
				return {version: 1, pipelines: {...(pipelines as Stored['pipelines'])}};
			}
		}
	} catch {
		// Missing or damaged: start over rather than block starting an execution.
	}

	return {version: 1, pipelines: {}};
}
