// Follows an execution to its end for `wait`, `watch` and `start --wait`: polls, reports each change, and
// settles on the outcome, a timeout, Ctrl+C, or an AWS failure that retrying does not fix.
import type {PipelinesApi} from '../aws/types.js';
import {AwsError} from '../aws/types.js';
import type {ExecutionDetails, StepRecord} from '../pipeline/model.js';
import {formatDuration} from '../pipeline/format.js';
import {createExecutionPoller, type ExecutionSnapshot} from '../watch/execution-poller.js';
import {ExitCode} from './context.js';

export type FollowResult =
	| {outcome: 'ended'; execution: ExecutionDetails; steps: StepRecord[]}
	| {outcome: 'timeout' | 'interrupted'; snapshot: ExecutionSnapshot};

/** Polls in a row that may fail (each after the SDK's own retries) before giving up on throttling or the network. */
const defaultMaxFailedPolls = 5;

/**
 * Resolves when the execution ends, `timeoutMs` passes or `interrupted` settles; rejects with the AwsError when
 * the execution does not exist, on a failure retrying cannot fix (credentials, access), or after
 * `maxFailedPolls` throttled or unreachable polls in a row.
 */
export function followExecution(options: {
	pipelines: PipelinesApi;
	executionArn: string;
	intervalMs: number;
	timeoutMs?: number;
	interrupted: Promise<void>;
	onUpdate(snapshot: ExecutionSnapshot): void;
	maxFailedPolls?: number;
}): Promise<FollowResult> {
	const poller = createExecutionPoller({
		pipelines: options.pipelines,
		executionArn: options.executionArn,
		intervalMs: options.intervalMs,
		maxBackoffMs: Math.max(options.intervalMs, 30_000),
	});
	const maxFailedPolls = options.maxFailedPolls ?? defaultMaxFailedPolls;

	return new Promise<FollowResult>((resolve, reject) => {
		let settled = false;
		let failedPolls = 0;
		let lastRetryAt: number | undefined;
		let timer: ReturnType<typeof setTimeout> | undefined;

		const settle = (finish: () => void) => {
			if (settled) return;
			settled = true;
			unsubscribe();
			poller.stop();
			if (timer !== undefined) clearTimeout(timer);
			finish();
		};

		const onChange = () => {
			const snapshot = poller.getSnapshot();
			options.onUpdate(snapshot);
			if (snapshot.phase === 'done' && snapshot.execution) {
				const {execution, steps} = snapshot;
				settle(() => resolve({outcome: 'ended', execution, steps}));
			} else if (snapshot.phase === 'gone') {
				settle(() => reject(snapshot.error ?? new AwsError('NotFound', 'The execution does not exist.')));
			} else if (snapshot.phase === 'retrying' && snapshot.nextRetryAt !== lastRetryAt) {
				lastRetryAt = snapshot.nextRetryAt;
				failedPolls++;
				const error = snapshot.error;
				const transient = error?.kind === 'Throttled' || error?.kind === 'Network';
				if (error && (!transient || failedPolls >= maxFailedPolls)) settle(() => reject(error));
			} else if (snapshot.phase === 'live') {
				failedPolls = 0;
			}
		};

		const unsubscribe = poller.subscribe(onChange);
		if (options.timeoutMs !== undefined) {
			timer = setTimeout(() => {
				settle(() => resolve({outcome: 'timeout', snapshot: poller.getSnapshot()}));
			}, options.timeoutMs);
		}

		void options.interrupted.then(() => {
			settle(() => resolve({outcome: 'interrupted', snapshot: poller.getSnapshot()}));
		});
		poller.start();
	});
}

/** 0 for Succeeded, 1 for Failed or Stopped: the exit code of `wait` and `start --wait`. */
export function outcomeExitCode(execution: ExecutionDetails): number {
	return execution.status === 'Succeeded' ? ExitCode.ok : ExitCode.executionFailed;
}

/** How long the execution ran (ended) or has been running (`now`), e.g. "12m 30s"; undefined without a start. */
export function executionElapsed(execution: ExecutionDetails, now: number): string | undefined {
	if (execution.startedAt === undefined) return undefined;
	const ended =
		execution.status === 'Succeeded' || execution.status === 'Failed' || execution.status === 'Stopped';
	const end = ended ? (execution.modifiedAt ?? now) : now;
	return formatDuration(end - execution.startedAt);
}
