// NextToken/MaxResults paging shared by the List* operations. Tokens are opaque to clients; they hold the
// offset and, for lists that grow at the front while an execution runs, the list length the first page saw.
import {validationError} from './service-error.js';

export type PageCursor = {offset: number; snapshot?: number};

export function encodePageToken(cursor: PageCursor): string {
	return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodePageToken(token: unknown): PageCursor | undefined {
	if (token === undefined || token === null || token === '') return undefined;
	try {
		const value = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as PageCursor;
		if (Number.isInteger(value.offset) && value.offset >= 0) return value;
	} catch {}

	throw validationError(
		`The NextToken '${String(token).slice(0, 64)}' is not valid. Pass the NextToken from the previous response unchanged.`,
	);
}

/** One page of `items`, and the token for the next page when there is one. */
export function page<T>(
	items: T[],
	token: unknown,
	maxResults: unknown,
	defaultSize = 50,
): {items: T[]; nextToken?: string} {
	const cursor = decodePageToken(token);
	const size = typeof maxResults === 'number' ? maxResults : defaultSize;
	const offset = cursor?.offset ?? 0;
	const slice = items.slice(offset, offset + size);
	const next = offset + size < items.length ? encodePageToken({offset: offset + size}) : undefined;
	return next === undefined ? {items: slice} : {items: slice, nextToken: next};
}
