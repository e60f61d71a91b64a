// Reads a pipeline definition file for a command, turning every file-system failure into one clear UsageError.
import {readFile, stat} from 'node:fs/promises';
import {sanitizeText} from '../pipeline/sanitize.js';
import {UsageError} from './report-error.js';

/** Far above the service's 1 MiB definition limit; anything bigger is not a definition. */
const maximumBytes = 50 * 1024 * 1024;

/** The file's text; throws `UsageError` with a sentence naming the file when it cannot be read. */
export async function readDefinitionFile(path: string): Promise<string> {
	const shown = sanitizeText(path);
	let size: number;
	try {
		const info = await stat(path);
		if (info.isDirectory()) throw new UsageError(`${shown} is a directory, not a definition file.`);
		size = info.size;
	} catch (error) {
		if (error instanceof UsageError) throw error;
		throw new UsageError(describeReadError(shown, error));
	}

	if (size > maximumBytes) {
		throw new UsageError(
			`${shown} is ${Math.round(size / 1024 / 1024)} MiB; a pipeline definition is at most 1 MiB.`,
		);
	}

	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		throw new UsageError(describeReadError(shown, error));
	}
}

/** True when `path` names an existing regular file (used to tell a file from a pipeline name). */
export async function isFile(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

function describeReadError(shown: string, error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'ENOENT') return `Cannot read ${shown}: there is no such file.`;
	if (code === 'EACCES' || code === 'EPERM') return `Cannot read ${shown}: permission denied.`;
	if (code === 'EISDIR') return `${shown} is a directory, not a definition file.`;
	if (code === 'ENOTDIR') return `Cannot read ${shown}: a part of the path is not a directory.`;
	return `Cannot read ${shown}: ${error instanceof Error ? error.message : String(error)}.`;
}
