// How a definition tunes the emulator, through its top-level `Metadata["sagemon.emulator"]` entry:
//
//   "Metadata": {"sagemon.emulator": {"steps": {"<StepName>": {
//       "durationSeconds": 30,                      simulated run time (before --time-scale), > 0
//       "fail": "reason text",                      the step fails with this FailureReason
//       "failAttempts": 1,                          ...only on its first N attempts (default: every attempt)
//       "errorType": "SageMaker.CAPACITY_ERROR",    the step's job cannot start with this exception type (a
//                                                   RetryPolicy type), on its first failAttempts attempts
//       "propertyFiles": {"EvaluationReport": {}},  exact JSON written for a Processing step's property file
//       "outputParameters": {"name": "value"},      Lambda/Callback step outputs (texts)
//       "waitForCallback": false,                   a Callback step answers itself after its duration
//       "callbackTimeoutSeconds": 3600,             how long a waiting Callback step waits (default 7 days)
//       "failureKind": "algorithm",                 how a job fails: algorithm | client | capacity | internal
//       "logs": ["line", ...],                      the job's log lines between its start banner and its end
//       "logLines": 100000,                         progress lines the job writes per instance (a huge log)
//       "metrics": {"validation:rmse": 4.1}         a Training job's final metrics (numbers or expressions)
//   }}}}
//
// Without an entry, steps take their type's default duration and succeed, Callback steps wait for
// SendPipelineExecutionStepSuccess/Failure, and property files hold plausible values (engine/property-files.ts).
import {isRecord} from '../../pipeline/expressions.js';
import {type RetryExceptionType, retryExceptionTypes} from './retry-policies.js';

export type StepTuning = {
	durationSeconds?: number;
	fail?: string;
	failAttempts?: number;
	propertyFiles?: Record<string, unknown>;
	outputParameters?: Record<string, string>;
	waitForCallback?: boolean;
	failureKind?: FailureKind;
	logs?: string[];
	logLines?: number;
	metrics?: Record<string, unknown>;
	callbackTimeoutSeconds?: number;
	errorType?: RetryExceptionType;
};

export const failureKinds = ['algorithm', 'client', 'capacity', 'internal'] as const;
export type FailureKind = (typeof failureKinds)[number];

export type EmulatorTuning = {steps: Record<string, StepTuning>};

export const tuningKey = 'sagemon.emulator';

/** Reads the tuning entry; `problems` name each malformed member so CreatePipeline can reject it clearly. */
export function readTuning(metadata: Record<string, unknown>): {tuning: EmulatorTuning; problems: string[]} {
	const tuning: EmulatorTuning = {steps: {}};
	const problems: string[] = [];
	const entry = metadata[tuningKey];
	if (entry === undefined || entry === null) return {tuning, problems};
	const at = `Metadata["${tuningKey}"]`;
	if (!isRecord(entry)) return {tuning, problems: [`${at} must be an object like {"steps": {...}}`]};
	for (const key of Object.keys(entry))
		if (key !== 'steps') problems.push(`${at} has an unknown member '${key}'`);
	if (entry.steps === undefined) return {tuning, problems};
	if (!isRecord(entry.steps))
		return {tuning, problems: [...problems, `${at}.steps must be an object keyed by step name`]};
	for (const [name, value] of Object.entries(entry.steps)) {
		const path = `${at}.steps.${name}`;
		if (!isRecord(value)) {
			problems.push(`${path} must be an object`);
			continue;
		}

		tuning.steps[name] = readStepTuning(value, path, problems);
	}

	return {tuning, problems};
}

function readStepTuning(value: Record<string, unknown>, path: string, problems: string[]): StepTuning {
	const step: StepTuning = {};
	for (const [key, member] of Object.entries(value)) {
		switch (key) {
			case 'durationSeconds':
				if (typeof member === 'number' && Number.isFinite(member) && member > 0)
					step.durationSeconds = member;
				else problems.push(`${path}.durationSeconds must be a number of seconds above 0`);
				break;
			case 'fail':
				if (typeof member === 'string' && member !== '') step.fail = member;
				else problems.push(`${path}.fail must be a non-empty failure reason`);
				break;
			case 'failAttempts':
				if (typeof member === 'number' && Number.isInteger(member) && member >= 1) step.failAttempts = member;
				else problems.push(`${path}.failAttempts must be a whole number of at least 1`);
				break;
			case 'propertyFiles':
				if (isRecord(member)) step.propertyFiles = member;
				else problems.push(`${path}.propertyFiles must be an object keyed by property file name`);
				break;
			case 'outputParameters':
				if (isRecord(member) && Object.values(member).every((text) => typeof text === 'string')) {
					step.outputParameters = member as Record<string, string>;
				} else problems.push(`${path}.outputParameters must map output names to texts`);
				break;
			case 'waitForCallback':
				if (typeof member === 'boolean') step.waitForCallback = member;
				else problems.push(`${path}.waitForCallback must be true or false`);
				break;
			case 'failureKind':
				if (failureKinds.includes(member as FailureKind)) step.failureKind = member as FailureKind;
				else problems.push(`${path}.failureKind must be one of ${failureKinds.join(', ')}`);
				break;
			case 'logs':
				if (Array.isArray(member) && member.every((line) => typeof line === 'string')) step.logs = member;
				else problems.push(`${path}.logs must be a list of log lines (texts)`);
				break;
			case 'logLines':
				if (typeof member === 'number' && Number.isInteger(member) && member >= 1 && member <= 1_000_000)
					step.logLines = member;
				else problems.push(`${path}.logLines must be a whole number from 1 to 1000000`);
				break;
			case 'metrics':
				if (isRecord(member)) step.metrics = member;
				else problems.push(`${path}.metrics must map metric names to numbers`);
				break;
			case 'errorType':
				if (retryExceptionTypes.includes(member as RetryExceptionType))
					step.errorType = member as RetryExceptionType;
				else problems.push(`${path}.errorType must be one of ${retryExceptionTypes.join(', ')}`);
				break;
			case 'callbackTimeoutSeconds':
				if (typeof member === 'number' && Number.isFinite(member) && member > 0)
					step.callbackTimeoutSeconds = member;
				else problems.push(`${path}.callbackTimeoutSeconds must be a number of seconds above 0`);
				break;
			default:
				problems.push(`${path} has an unknown member '${key}'`);
		}
	}

	return step;
}

/** Simulated seconds a step of each type runs by default (before --time-scale). */
const defaultDurations: Record<string, number> = {
	Processing: 240,
	Training: 420,
	Tuning: 900,
	AutoML: 1200,
	Transform: 300,
	Model: 3,
	CreateModel: 3,
	RegisterModel: 2,
	Condition: 1,
	Fail: 0.5,
	Lambda: 10,
	Callback: 45,
	EMR: 360,
	QualityCheck: 240,
	ClarifyCheck: 300,
	EndpointConfig: 2,
	Endpoint: 420,
};

export function defaultDurationSeconds(type: string): number {
	return defaultDurations[type] ?? 60;
}
