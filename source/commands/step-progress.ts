// Turns successive execution snapshots into one plain line per change ("Succeeded  AbaloneTrain (3m 10s)"), the
// `gh run watch` style used by `wait`, `watch --plain` and any output that is not a terminal.
import {executionIdOf, pipelineNameOf} from '../pipeline/arn.js';
import type {ExecutionDetails, StepRecord, StepStatus} from '../pipeline/model.js';
import {terminalExecutionStatuses} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {ExecutionSnapshot} from '../watch/execution-poller.js';
import {executionElapsed} from './follow-execution.js';
import {inStartOrder, stepDuration} from './print-steps.js';

const statusWidth = 'Succeeded'.length;

export function createStepProgress(write: (line: string) => void, now: () => number = Date.now) {
	const seen = new Map<string, StepStatus>();
	let executionStatus: string | undefined;

	return (snapshot: ExecutionSnapshot) => {
		const {execution} = snapshot;
		if (!execution) return;
		if (executionStatus === undefined) write(`${executionStartLine(execution, now())}\n`);
		for (const step of inStartOrder(snapshot.steps)) {
			if (seen.get(step.name) === step.status) continue;
			seen.set(step.name, step.status);
			write(`${stepLine(step, now())}\n`);
		}

		if (execution.status !== executionStatus) {
			if (executionStatus !== undefined || terminalExecutionStatuses.has(execution.status)) {
				write(`${executionLine(execution, now())}\n`);
			}

			executionStatus = execution.status;
		}
	};
}

export function stepLine(step: StepRecord, now: number): string {
	const details: string[] = [];
	const ended = step.status === 'Succeeded' || step.status === 'Failed' || step.status === 'Stopped';
	if (ended && step.startedAt !== undefined) details.push(stepDuration(step, now));
	if (step.reusedFromArn) details.push(`reused from ${executionIdOf(step.reusedFromArn)}`);
	else if (step.cacheSourceArn) details.push('cache hit');
	const outcome = conditionOutcome(step);
	if (outcome !== undefined) details.push(`outcome ${outcome}`);
	if ((step.attemptCount ?? 0) > 1) details.push(`attempt ${step.attemptCount}`);
	const suffix = details.length > 0 ? ` (${details.join(', ')})` : '';
	const reason = step.failureReason ? `: ${sanitizeText(step.failureReason).trim()}` : '';
	return `${step.status.padEnd(statusWidth)}  ${sanitizeText(step.name)}${suffix}${reason}`;
}

export function executionStartLine(execution: ExecutionDetails, now: number): string {
	const name = execution.displayName ? ` ${sanitizeText(execution.displayName)}` : '';
	const elapsed = executionElapsed(execution, now);
	const since = elapsed && !terminalExecutionStatuses.has(execution.status) ? `, running for ${elapsed}` : '';
	return `Execution${name} of ${sanitizeText(pipelineNameOfExecution(execution))} (${execution.status}${since})`;
}

export function executionLine(execution: ExecutionDetails, now: number): string {
	const elapsed = executionElapsed(execution, now);
	const after = elapsed && terminalExecutionStatuses.has(execution.status) ? ` after ${elapsed}` : '';
	const reason = execution.failureReason ? `: ${sanitizeText(execution.failureReason).trim()}` : '';
	return `Execution ${execution.status}${after}${reason}`;
}

/** The pipeline's name from the execution's pipeline ARN (…:pipeline/NAME). */
export function pipelineNameOfExecution(execution: ExecutionDetails): string {
	const fromPipeline = pipelineNameOf(execution.pipelineArn);
	return fromPipeline === execution.pipelineArn ? pipelineNameOf(execution.arn) : fromPipeline;
}

function conditionOutcome(step: StepRecord): string | undefined {
	const condition = step.metadata?.Condition;
	if (typeof condition !== 'object' || condition === null) return undefined;
	const outcome = (condition as {Outcome?: unknown}).Outcome;
	return typeof outcome === 'string' ? sanitizeText(outcome) : undefined;
}
