// The expression context of one step of one execution: parameters, Execution.* variables, experiment config,
// the properties of steps that succeeded, and property files read back from the emulator's S3.
import {type EvaluationContext, EvaluationError} from '../../pipeline/expressions.js';
import {getByPath} from '../../pipeline/property-path.js';
import {isRecord} from '../../pipeline/expressions.js';
import {joinS3Path, type ObjectStorage} from '../s3-store.js';
import type {ExecutionState} from './execution-state.js';

export function evaluationContext(
	execution: ExecutionState,
	storage: ObjectStorage,
	time: number,
	jobVariables: Record<string, string> = {},
): EvaluationContext {
	const readJson = (uri: string): unknown => {
		const object = storage.getUri(uri);
		if (!object) {
			throw new EvaluationError(
				`Received an error while reading file ${uri} from S3: NoSuchKey: The specified key does not exist.`,
			);
		}

		try {
			return JSON.parse(object.body.toString('utf8'));
		} catch {
			throw new EvaluationError(`Contents of file ${uri} are not in valid JSON format.`);
		}
	};

	const context: EvaluationContext = {
		parameters: execution.parameterValues,
		parameterTypes: execution.parameterTypes,
		execution: {
			PipelineExecutionId: execution.id,
			PipelineExecutionArn: execution.arn,
			PipelineName: execution.pipelineName,
			PipelineArn: execution.pipelineArn,
			StartDateTime: isoTime(execution.createdAt),
			CurrentDateTime: isoTime(time),
			...jobVariables,
		},
		stepProperty(step, path) {
			const run = execution.steps.get(step);
			if (run?.status !== 'Succeeded') return undefined;
			return getByPath(run.properties, path);
		},
		readPropertyFile(step, file, jsonPath) {
			const uri = propertyFileUri(execution, step, file);
			return getByPath(readJson(uri), jsonPath);
		},
		readJsonObject(uri, jsonPath) {
			return getByPath(readJson(uri), jsonPath);
		},
	};
	if (execution.experimentConfig) {
		const config: Record<string, string> = {};
		for (const [key, value] of Object.entries(execution.experimentConfig))
			if (value !== undefined) config[key] = value;
		context.experimentConfig = config;
	}

	return context;
}

/** `<S3Uri of the property file's output>/<FilePath>` for a step that succeeded. */
export function propertyFileUri(execution: ExecutionState, step: string, file: string): string {
	const run = execution.steps.get(step);
	if (run?.status !== 'Succeeded') {
		throw new EvaluationError(
			`Step '${step}' has not succeeded, so its property file '${file}' cannot be read.`,
		);
	}

	const definition = run.definition.propertyFiles.find((candidate) => candidate.name === file);
	if (!definition) throw new EvaluationError(`Step '${step}' has no property file '${file}'.`);
	const outputs = isRecord(run.properties.ProcessingOutputConfig)
		? run.properties.ProcessingOutputConfig.Outputs
		: [];
	const output = Array.isArray(outputs)
		? outputs.find((candidate) => isRecord(candidate) && candidate.OutputName === definition.outputName)
		: undefined;
	const uri = isRecord(output) && isRecord(output.S3Output) ? output.S3Output.S3Uri : undefined;
	if (typeof uri !== 'string') {
		throw new EvaluationError(
			`Processing output name '${definition.outputName}' defined in property file '${file}' not found in processing step '${step}'.`,
		);
	}

	return joinS3Path(uri, definition.filePath);
}

let lastTime = Number.NaN;
let lastText = '';

/** ISO 8601 text of a time; many contexts are built for the same instant, so the last one is remembered. */
function isoTime(time: number): string {
	if (time !== lastTime) {
		lastTime = time;
		lastText = new Date(time).toISOString();
	}

	return lastText;
}
