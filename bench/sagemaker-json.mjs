// A minimal SageMaker awsJson1_1 client over one keep-alive agent, for seeding the emulator and load-testing it
// without the SDK's own cost getting in the way. The emulator accepts unsigned requests.
import http from 'node:http';

/** `call(operation, input)` resolves with the parsed result and rejects with the service's error message. */
export function createSageMakerCaller(endpointUrl, {maxSockets = 8} = {}) {
	const url = new URL(endpointUrl);
	const agent = new http.Agent({keepAlive: true, maxSockets});
	const call = (operation, input = {}) =>
		new Promise((resolve, reject) => {
			const body = JSON.stringify(input);
			const request = http.request(
				{
					agent,
					host: url.hostname,
					port: url.port,
					method: 'POST',
					path: '/',
					headers: {
						'content-type': 'application/x-amz-json-1.1',
						'content-length': Buffer.byteLength(body),
						'x-amz-target': `SageMaker.${operation}`,
					},
				},
				(response) => {
					const chunks = [];
					response.on('data', (chunk) => chunks.push(chunk));
					response.on('error', reject);
					response.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						let parsed;
						try {
							parsed = text === '' ? {} : JSON.parse(text);
						} catch {
							reject(
								new Error(
									`${operation} answered HTTP ${response.statusCode} with non-JSON: ${text.slice(0, 200)}`,
								),
							);
							return;
						}

						if (response.statusCode !== 200) {
							reject(
								new Error(
									`${operation} failed: ${parsed.__type ?? response.statusCode} ${parsed.Message ?? parsed.message ?? ''}`,
								),
							);
							return;
						}

						resolve(parsed);
					});
				},
			);
			request.on('error', reject);
			request.end(body);
		});
	return {call, close: () => agent.destroy()};
}

/** Runs `work(index)` for indexes 0..count-1 with at most `limit` in flight. */
export async function forEachLimited(count, limit, work) {
	let next = 0;
	const worker = async () => {
		while (next < count) await work(next++);
	};
	await Promise.all(Array.from({length: Math.min(limit, count)}, worker));
}
