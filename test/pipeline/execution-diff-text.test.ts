import {describe, expect, test} from 'vitest';
import {validateDefinition} from '../../source/pipeline/dag.js';
import {type DiffSide, diffExecutions} from '../../source/pipeline/execution-diff.js';
import {executionDiffDisplay, executionDiffLines} from '../../source/pipeline/execution-diff-text.js';
import {mergeExecutionState} from '../../source/pipeline/execution-state.js';
import type {Dag, PipelineDefinition, StepRecord} from '../../source/pipeline/model.js';
import {readFixture} from '../helpers/fixtures.js';

const load = (name: string) =>
	validateDefinition(readFixture(name)) as {definition: PipelineDefinition; dag: Dag};
const at = (minute: number) => Date.UTC(2026, 10, 24, 13, minute);

function side(
	pipeline: string,
	id: string,
	source: {definition: PipelineDefinition; dag: Dag} | undefined,
	records: StepRecord[],
	extra: Partial<DiffSide> = {},
): DiffSide {
	const pipelineArn = `arn:aws:sagemaker:us-west-2:000000000000:pipeline/${pipeline}`;
	return {
		execution: {arn: `${pipelineArn}/execution/${id}`, pipelineArn, status: 'Succeeded'},
		parameters: [],
		...(source ? {definition: source.definition} : {}),
		steps: source ? mergeExecutionState(source.definition, source.dag, {status: 'Succeeded'}, records) : [],
		...extra,
	};
}

const processed: StepRecord = {name: 'AbaloneProcess', status: 'Succeeded', startedAt: at(0), endedAt: at(5)};

describe('executionDiffLines', () => {
	test('two pipelines: it says so, and lists the definition changes', () => {
		const lines = executionDiffLines(
			diffExecutions(
				side('abalone-tutorial', 'a1', load('abalone-tutorial.json'), [processed]),
				side('abalone-pipeline', 'b2', load('abalone-examples-notebook.json'), [processed]),
			),
		);
		expect(lines.slice(0, 3)).toEqual([
			'A arn:aws:sagemaker:us-west-2:000000000000:pipeline/abalone-tutorial/execution/a1 (abalone-tutorial, Succeeded)',
			'B arn:aws:sagemaker:us-west-2:000000000000:pipeline/abalone-pipeline/execution/b2 (abalone-pipeline, Succeeded)',
			'The executions belong to different pipelines: abalone-tutorial and abalone-pipeline.',
		]);
		const definition = lines.slice(lines.indexOf('Definition'), lines.indexOf('Steps') - 1);
		expect(definition).toEqual([
			'Definition',
			'  different definitions',
			'  steps added: AbaloneRegisterModel-RegisterModel, AbaloneCreateModel-CreateModel, AbaloneMSEFail',
			'  steps removed: AbaloneRegisterModel, AbaloneCreateModel',
			'  changed AbaloneProcess: Arguments.ProcessingResources.ClusterConfig.InstanceType, Arguments.AppSpecification.ImageUri, Arguments.RoleArn, Arguments.ProcessingInputs, Arguments.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri, +2 more',
			'  changed AbaloneTrain: Arguments.AlgorithmSpecification.TrainingImage, Arguments.OutputDataConfig.S3OutputPath, Arguments.RoleArn, Arguments.HyperParameters.silent, Arguments.ProfilerRuleConfigurations, +1 more',
			'  changed AbaloneEval: Arguments.ProcessingResources.ClusterConfig.InstanceType, Arguments.AppSpecification.ImageUri, Arguments.RoleArn, Arguments.ProcessingInputs, Arguments.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri',
			'  changed AbaloneMSECond: Arguments.Conditions[0].RightValue, Arguments.IfSteps[0], Arguments.IfSteps[1], Arguments.ElseSteps',
			// The transform reads the model step by its new name.
			'  changed AbaloneTransform: Arguments.ModelName.Get, Arguments.TransformOutput.S3OutputPath',
			'  parameters added: MseThreshold',
			'  parameters removed: ProcessingInstanceType',
		]);
		expect(lines).toContain('  MseThreshold            - → 6.0 (default)');
		expect(lines).toContain('  AbaloneMSEFail                      absent → skipped');
	});

	test('nothing differs: each section says so, and unread definitions are named', () => {
		const lines = executionDiffLines(
			diffExecutions(side('p', 'a1', undefined, []), side('p', 'b2', undefined, [])),
		);
		expect(lines.slice(2)).toEqual([
			'',
			'Parameters',
			'  no parameter differs',
			'',
			'Definition',
			'  a definition could not be read',
			'',
			'Steps',
			'  no step differs',
		]);
	});

	test('report values that did not change are summarised; remote text is made printable', () => {
		const report = (value: unknown) => ({
			reports: [{step: 'Eval', file: 'Report', value}],
		});
		const lines = executionDiffLines(
			diffExecutions(
				side('p', 'a1', undefined, [], report({note: 'ok\u001b[31m', auc: 0.9})),
				side('p', 'b2', undefined, [], report({note: 'ok\u001b[32m', auc: 0.9})),
			),
		);
		expect(lines.slice(-3)).toEqual(['Reports', '  Eval Report', '    note  ok^[[31m → ok^[[32m']);
		const same = executionDiffLines(
			diffExecutions(
				side('p', 'a1', undefined, [], report({auc: 0.9})),
				side('p', 'b2', undefined, [], report({auc: 0.9})),
			),
		);
		expect(same.slice(-2)).toEqual(['Reports', '  no report value differs']);
	});

	test('each line says what it is (for the compare screen), and short names are the ARN ids', () => {
		const report = (auc: number, loss: number) => ({
			reports: [{step: 'Eval', file: 'Report', value: {auc, loss}}],
		});
		const diff = diffExecutions(
			side('p', 'a1', undefined, [], {...report(0.9, 0.5), parameters: [{name: 'Epochs', value: '3'}]}),
			side('p', 'b2', undefined, [], {...report(0.9, 0.4), parameters: [{name: 'Epochs', value: '5'}]}),
		);
		const shown = executionDiffDisplay(diff, {all: true, shortNames: true});
		expect(shown.slice(0, 2)).toEqual([
			{text: 'A a1 (p, Succeeded)', kind: 'header'},
			{text: 'B b2 (p, Succeeded)', kind: 'header'},
		]);
		expect(shown).toContainEqual({text: 'Parameters', kind: 'heading'});
		expect(shown).toContainEqual({text: '  Epochs  3 → 5', kind: 'changed'});
		expect(shown).toContainEqual({text: '    auc   0.9 (same)', kind: 'same'});
		expect(shown).toContainEqual({text: '    loss  0.5 → 0.4 (-20%)', kind: 'changed'});
		const changed = executionDiffDisplay(diff).map((line) => line.text);
		expect(changed).not.toContain('    auc   0.9 (same)');
		expect(changed).toContain('    loss  0.5 → 0.4 (-20%)');
		expect(changed).toEqual(executionDiffLines(diff));
	});
});

test('a step a selective execution reused reads reused, a cache hit cache hit', () => {
	const tutorial = load('abalone-tutorial.json');
	const source = 'arn:aws:sagemaker:us-west-2:000000000000:pipeline/abalone-tutorial/execution/a1';
	const diff = diffExecutions(
		side('abalone-tutorial', 'a1', tutorial, [processed, {...processed, name: 'AbaloneTrain'}]),
		side('abalone-tutorial', 'b2', tutorial, [
			{...processed, reusedFromArn: source},
			{...processed, name: 'AbaloneTrain', cacheSourceArn: source},
		]),
	);
	const byName = Object.fromEntries(diff.steps.map((row) => [row.name, row]));
	expect(byName.AbaloneProcess?.b?.cache).toBe('reused');
	expect(byName.AbaloneTrain?.b?.cache).toBe('hit');
	const lines = executionDiffLines(diff);
	expect(lines).toContainEqual(expect.stringMatching(/^ {2}AbaloneProcess +succeeded → reused {2}5m 00s$/));
	expect(lines).toContainEqual(expect.stringMatching(/^ {2}AbaloneTrain +succeeded → cache hit {2}5m 00s$/));
});
