// Answers one CloudWatch Logs request on the emulator's port: faults first (as for SageMaker, with the logs
// service's wording), then the operation against the logs the simulated jobs have written by now.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {accountId, defaultRegion} from '../arns.js';
import type {FaultInjector} from '../faults.js';
import {parseInput, regionOf} from '../sagemaker-protocol.js';
import {ServiceError} from '../service-error.js';
import type {LogStore} from './log-store.js';
import {runLogsOperation} from './logs-operations.js';
import {LogsError, writeLogsError, writeLogsResult} from './logs-protocol.js';

export function handleLogs(
	operation: string,
	context: {store: LogStore; faults: FaultInjector; now: number},
	request: IncomingMessage,
	response: ServerResponse,
	body: Buffer,
): void {
	try {
		if (context.faults.logsAccessDenied) {
			throw new LogsError(
				'AccessDeniedException',
				`User: arn:aws:iam::${accountId}:user/sagemon-local is not authorized to perform: logs:${operation} because no identity-based policy allows the logs:${operation} action`,
			);
		}

		const fault = context.faults.sageMakerFailure(operation);
		if (fault)
			throw new LogsError(
				fault.code as LogsError['code'],
				fault.message.replace(/sagemaker:/g, 'logs:'),
				fault.status,
			);
		const input = parseInput(body);
		const region = regionOf(request, defaultRegion);
		writeLogsResult(
			response,
			runLogsOperation(operation, {input, region, now: context.now, store: context.store}),
		);
	} catch (error) {
		if (error instanceof LogsError || error instanceof ServiceError) writeLogsError(response, error);
		else throw error;
	}
}
