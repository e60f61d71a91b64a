// Failure triage: for each failed or stopped step of an execution, in DAG order, the reasons the service and the job
// give, the end of its log, the kind of failure and the next action to paste (what `sagemon why` shows).
import {pipelineNameOf} from './arn.js';
import {buildDag, withDownstream} from './dag.js';
import {type EvaluationContext, evaluate, findReferences, isRecord, joinValue} from './expressions.js';
import type {StepView} from './execution-state.js';
import {executionContext} from './execution-context.js';
import {effectiveParameters} from './execution-parameters.js';
import {classifyFailure, type FailureKind} from './failure-kind.js';
import {describeGate, type GateCondition} from './gate-condition.js';
import {selectLogExcerpt} from './log-excerpt.js';
import type {ExecutionDetails, ParameterAssignment, PipelineDefinition, StepRecord} from './model.js';
import {terminalExecutionStatuses} from './model.js';

/** What the job behind a step says about its failure (DescribeProcessingJob/TrainingJob/TransformJob). */
export type JobFailureDetails = {
	failureReason?: string;
	exitMessage?: string;
	/** The StatusMessage of the last SecondaryStatusTransitions entry (training jobs). */
	lastStatusMessage?: string;
};

export type TriageInput = {
	/** Its `lastModifiedBy` names who stopped a stopped execution. */
	execution: ExecutionDetails;
	/** The definition the execution ran; without it a Fail step's condition cannot be described. */
	definition?: PipelineDefinition;
	/** ListPipelineParametersForExecution (defaults come from the definition). */
	parameters?: ParameterAssignment[];
	/** The merged step states (`mergeExecutionState`), in DAG order. */
	steps: StepView[];
	/** Per step name, for failed job steps whose job was described. */
	jobs?: Record<string, JobFailureDetails>;
	/** Per step name, the job's log lines (oldest first). */
	logs?: Record<string, string[]>;
	/** How many log lines to keep when there is no traceback (`--lines`); 20 when absent. */
	logLines?: number;
	/** Reads a value from a property file a step wrote (read from S3 by the caller), for the gate's values. */
	readPropertyFile?: EvaluationContext['readPropertyFile'];
	/** A step's property (`Steps.S.…`), for conditions that compare them. */
	stepProperty?: EvaluationContext['stepProperty'];
};

export type TriagedStep = {
	name: string;
	type: string;
	kind: FailureKind;
	/** The step's FailureReason. */
	reason?: string;
	jobReason?: string;
	exitMessage?: string;
	lastStatusMessage?: string;
	logExcerpt: string[];
	/** A Fail step's evaluated ErrorMessage. */
	failMessage?: string;
	/** For a Fail step inside a condition's branch: the condition and the values that led there. */
	gate?: GateCondition;
	/** What to do, in one sentence. */
	advice: string;
	/** A command line to paste. */
	nextAction: string;
};

export type Triage = {
	executionArn: string;
	pipelineName: string;
	status: ExecutionDetails['status'];
	failureReason?: string;
	failedSteps: TriagedStep[];
	/** For a Stopping/Stopped execution: who stopped it, when (epoch ms), and which steps were stopped. */
	stopped?: {by?: string; at?: number; steps: string[]};
	/** Callback steps of a running execution waiting for their answer, with the token to answer with. */
	waiting?: Array<{name: string; token?: string}>;
};

export const defaultLogLines = 20;

/** The triage of one execution; `failedSteps` is empty when nothing failed or was stopped. */
export function triageExecution(input: TriageInput): Triage {
	const {execution} = input;
	const pipelineName = pipelineNameOf(execution.pipelineArn || execution.arn);
	const context = executionContext(input);
	const failedSteps = input.steps
		.filter((view) => view.state === 'failed' || view.state === 'stopped' || view.state === 'stopping')
		.map((view) => triageStep(view, input, context, pipelineName));
	const triage: Triage = {executionArn: execution.arn, pipelineName, status: execution.status, failedSteps};
	if (execution.failureReason !== undefined) triage.failureReason = execution.failureReason;
	if (execution.status === 'Stopped' || execution.status === 'Stopping') {
		const stopped: NonNullable<Triage['stopped']> = {
			steps: input.steps
				.filter((view) => view.state === 'stopped' || view.state === 'stopping')
				.map((view) => view.name),
		};
		if (execution.lastModifiedBy !== undefined) stopped.by = execution.lastModifiedBy;
		if (execution.modifiedAt !== undefined) stopped.at = execution.modifiedAt;
		triage.stopped = stopped;
	}

	const waiting = input.steps.filter((view) => view.type === 'Callback' && view.state === 'executing');
	if (waiting.length > 0) triage.waiting = waiting.map((view) => callbackOf(view));
	return triage;
}

function callbackOf(view: StepView): {name: string; token?: string} {
	const callback = view.record?.metadata?.Callback;
	const token = isRecord(callback) ? callback.CallbackToken : undefined;
	return typeof token === 'string' ? {name: view.name, token} : {name: view.name};
}

function triageStep(
	view: StepView,
	input: TriageInput,
	context: EvaluationContext,
	pipelineName: string,
): TriagedStep {
	const record = view.record;
	const job = input.jobs?.[view.name] ?? {};
	const stopped = view.state === 'stopped' || view.state === 'stopping';
	const kind = classifyFailure({
		type: view.type,
		stopped,
		reasons: [record?.failureReason, job.failureReason, job.exitMessage, job.lastStatusMessage],
	});
	const step: TriagedStep = {
		name: view.name,
		type: view.type,
		kind,
		logExcerpt: selectLogExcerpt(input.logs?.[view.name] ?? [], input.logLines ?? defaultLogLines),
		advice: '',
		nextAction: '',
	};
	if (record?.failureReason !== undefined) step.reason = record.failureReason;
	if (job.failureReason !== undefined) step.jobReason = job.failureReason;
	if (job.exitMessage !== undefined) step.exitMessage = job.exitMessage;
	if (job.lastStatusMessage !== undefined) step.lastStatusMessage = job.lastStatusMessage;
	const definition = input.definition?.steps.find((candidate) => candidate.name === view.name);
	if (kind === 'gate') {
		const message = failMessageOf(record) ?? evaluatedMessage(definition?.arguments, context);
		if (message !== undefined) step.failMessage = message;
		if (input.definition && definition) {
			const outcome = input.steps.find(
				(other) => other.name === definition.parent?.condition,
			)?.conditionOutcome;
			const gate = describeGate(input.definition, definition, outcome, context);
			if (gate) step.gate = gate;
		}
	}

	const action = nextActionOf(step, input, pipelineName);
	// Retry and selective re-runs need an execution that has ended.
	if (!terminalExecutionStatuses.has(input.execution.status))
		action.advice += ' The execution is still running: do this once it has ended.';
	step.advice = action.advice;
	step.nextAction = action.command;
	return step;
}

function nextActionOf(
	step: TriagedStep,
	input: TriageInput,
	pipelineName: string,
): {advice: string; command: string} {
	const arn = input.execution.arn;
	const retry = `sagemon retry ${arn}`;
	const start = `sagemon start ${pipelineName} --from-execution ${arn}`;
	// The service refuses RetryPipelineExecution for an execution that reached a Fail step: start a new one instead.
	const retryable = !input.steps.some((view) => view.type === 'Fail' && view.state === 'failed');
	const rerun = rerunFrom(step.name, input.definition, start);
	switch (step.kind) {
		case 'transient':
			return retryable
				? {advice: 'A transient failure: retry the execution (R in the TUI).', command: retry}
				: {
						advice: `A transient failure, but the execution reached a Fail step and cannot be retried: re-run ${step.name} in a new execution.`,
						command: rerun,
					};
		case 'stopped': {
			const by = input.execution.lastModifiedBy;
			return retryable
				? {
						advice: `Stopped${by ? ` by ${by}` : ''}: resume the execution (R in the TUI) to run it again.`,
						command: retry,
					}
				: {
						advice: `Stopped${by ? ` by ${by}` : ''}: re-run ${step.name} in a new execution.`,
						command: rerun,
					};
		}

		case 'gate': {
			const condition = step.gate ? `The condition ${step.gate.step}` : 'A condition';
			const names = gateParameters(step.gate, input.definition);
			const values = effectiveParameters(input.definition?.parameters ?? [], input.parameters ?? []);
			const overrides = values
				.filter((parameter) => names.has(parameter.name) && parameter.text !== undefined)
				.map((parameter) => ` -p ${shellWord(`${parameter.name}=${parameter.text}`)}`)
				.join('');
			return {
				advice: `${condition} sent the execution to this Fail step, which cannot be retried: improve the model or change the threshold, then start again.`,
				command: `${start}${overrides}`,
			};
		}

		default:
			return {advice: `Read the log, fix the code or data, then re-run from ${step.name}.`, command: rerun};
	}
}

/**
 * Re-running "from" a step is a selective execution of that step and everything downstream of it: selecting the step
 * alone would skip what follows it. When that is every step, a plain start with the same parameters says the same.
 */
function rerunFrom(name: string, definition: PipelineDefinition | undefined, start: string): string {
	const dag = definition ? buildDag(definition).dag : undefined;
	const steps = dag ? withDownstream(dag, name) : [];
	if (dag && steps.length === dag.nodes.length) return start;
	return `${start} --steps ${(steps.length > 0 ? steps : [name]).join(',')}`;
}

/** The parameters the gate's condition reads, so the next action can offer them as `-p` overrides. */
function gateParameters(
	gate: GateCondition | undefined,
	definition: PipelineDefinition | undefined,
): Set<string> {
	const names = new Set<string>();
	const step = gate && definition?.steps.find((candidate) => candidate.name === gate.step);
	if (!step || !isRecord(step.arguments)) return names;
	for (const reference of findReferences(step.arguments.Conditions))
		if (reference.kind === 'parameter') names.add(reference.name);
	return names;
}

function failMessageOf(record: StepRecord | undefined): string | undefined {
	const fail = record?.metadata?.Fail;
	if (!isRecord(fail)) return undefined;
	return typeof fail.ErrorMessage === 'string' ? fail.ErrorMessage : undefined;
}

function evaluatedMessage(argumentsValue: unknown, context: EvaluationContext): string | undefined {
	if (!isRecord(argumentsValue) || !('ErrorMessage' in argumentsValue)) return undefined;
	try {
		return joinValue(evaluate(argumentsValue.ErrorMessage, context));
	} catch {
		return undefined;
	}
}

/** A word the shell reads as one argument: left alone when it only has safe characters, else single-quoted. */
function shellWord(text: string): string {
	return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** The failed steps' names for a list row: `AbaloneTrain`, or `AbaloneTrain +1` when more failed; undefined if none. */
export function triageSummary(records: StepRecord[]): string | undefined {
	const latest = new Map<string, StepRecord>();
	for (const record of records) {
		const existing = latest.get(record.name);
		if (!existing || (record.startedAt ?? 0) > (existing.startedAt ?? 0)) latest.set(record.name, record);
	}

	const failed = [...latest.values()]
		.filter((record) => record.status === 'Failed')
		.sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
	if (failed.length === 0) return undefined;
	const first = (failed[0] as StepRecord).name;
	return failed.length === 1 ? first : `${first} +${failed.length - 1}`;
}
