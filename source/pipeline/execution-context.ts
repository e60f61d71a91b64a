// The expression context of a finished or running execution, for describing what it evaluated: its parameter
// values, its execution variables, and whatever step properties and property-file values the caller has read.
import {executionIdOf, pipelineNameOf} from './arn.js';
import {effectiveParameters, parameterTypes, parameterValues} from './execution-parameters.js';
import type {EvaluationContext} from './expressions.js';
import type {ExecutionDetails, ParameterAssignment, PipelineDefinition} from './model.js';

export type ExecutionContextInput = {
	execution: Pick<ExecutionDetails, 'arn' | 'pipelineArn'>;
	definition?: PipelineDefinition;
	parameters?: ParameterAssignment[];
	readPropertyFile?: EvaluationContext['readPropertyFile'];
	stepProperty?: EvaluationContext['stepProperty'];
};

/** Step properties and property files the caller did not supply read as missing (undefined). */
export function executionContext(input: ExecutionContextInput): EvaluationContext {
	const declared = input.definition?.parameters ?? [];
	const {arn, pipelineArn} = input.execution;
	return {
		parameters: parameterValues(effectiveParameters(declared, input.parameters ?? [])),
		parameterTypes: parameterTypes(declared),
		execution: {
			PipelineExecutionArn: arn,
			PipelineExecutionId: executionIdOf(arn),
			PipelineName: pipelineNameOf(pipelineArn || arn),
			PipelineArn: pipelineArn,
		},
		stepProperty: input.stepProperty ?? (() => undefined),
		readPropertyFile: input.readPropertyFile ?? (() => undefined),
	};
}
