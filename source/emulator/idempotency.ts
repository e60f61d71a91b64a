// ClientRequestToken replay: the same token with the same request returns the first response (an SDK retry
// after a lost reply must not start a second execution); the same token with a different request is a conflict.
import {conflictError} from './service-error.js';

type Remembered = {request: string; result: unknown};

export class IdempotencyCache {
	readonly #entries = new Map<string, Remembered>();

	/** The earlier result for this token and request, if any. */
	replay(operation: string, input: Record<string, unknown>): unknown {
		const token = input.ClientRequestToken;
		if (typeof token !== 'string') return undefined;
		const entry = this.#entries.get(`${operation}\u0000${token}`);
		if (!entry) return undefined;
		if (entry.request !== requestOf(input)) {
			throw conflictError(
				`ClientRequestToken ${token} was already used for a different ${operation} request. Use a new token for a new request.`,
			);
		}

		return entry.result;
	}

	remember(operation: string, input: Record<string, unknown>, result: unknown): void {
		const token = input.ClientRequestToken;
		if (typeof token !== 'string') return;
		this.#entries.set(`${operation}\u0000${token}`, {request: requestOf(input), result});
	}
}

function requestOf(input: Record<string, unknown>): string {
	const {ClientRequestToken: _token, ...rest} = input;
	return JSON.stringify(rest, Object.keys(rest).sort());
}
