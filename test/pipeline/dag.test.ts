import {describe, expect, test} from 'vitest';
import {buildDag, indexDag, topologicalOrder, validateDefinition} from '../../source/pipeline/dag.js';
import {parseDefinition} from '../../source/pipeline/definition.js';
import type {Dag, PipelineDefinition} from '../../source/pipeline/model.js';
import {fixtureNames, readFixture} from '../helpers/fixtures.js';

const edgeLines = (dag: Dag | undefined) =>
	dag?.edges.map((edge) => `${edge.from} -> ${edge.to} ${edge.kind}`);

function definitionOf(value: unknown): PipelineDefinition {
	const {definition} = parseDefinition(value);
	if (!definition) throw new Error('test definition does not parse');
	return definition;
}

const problemsOf = (value: unknown) =>
	validateDefinition(value).problems.map(
		(problem) => `${problem.path} (${problem.step ?? '-'}): ${problem.message}`,
	);

describe('buildDag on real definitions', () => {
	test.each(fixtureNames)('%s validates with no problems', (name) => {
		const {dag, problems} = validateDefinition(readFixture(name));
		expect(problems).toEqual([]);
		expect(dag?.nodes.length).toBeGreaterThan(0);
	});

	test('abalone-examples-notebook: 8 steps, 11 edges, branches labelled', () => {
		const {dag} = validateDefinition(readFixture('abalone-examples-notebook.json'));
		expect(dag?.nodes).toHaveLength(8);
		expect(edgeLines(dag)).toEqual([
			'AbaloneProcess -> AbaloneTrain data',
			'AbaloneProcess -> AbaloneEval data',
			'AbaloneTrain -> AbaloneEval data',
			'AbaloneTrain -> AbaloneRegisterModel-RegisterModel data',
			'AbaloneTrain -> AbaloneCreateModel-CreateModel data',
			'AbaloneEval -> AbaloneMSECond data',
			'AbaloneMSECond -> AbaloneRegisterModel-RegisterModel condition-if',
			'AbaloneMSECond -> AbaloneCreateModel-CreateModel condition-if',
			'AbaloneMSECond -> AbaloneTransform condition-if',
			'AbaloneMSECond -> AbaloneMSEFail condition-else',
			'AbaloneCreateModel-CreateModel -> AbaloneTransform data',
		]);
	});

	test('lambda-step-notebook: 6 steps, 8 edges, the Lambda step after the model it reads', () => {
		const {dag} = validateDefinition(readFixture('lambda-step-notebook.json'));
		expect(dag?.nodes.map((node) => node.type)).toEqual([
			'Processing',
			'Training',
			'Processing',
			'Condition',
			'Model',
			'Lambda',
		]);
		expect(edgeLines(dag)).toEqual([
			'PreprocessAbaloneData -> TrainAbaloneModel data',
			'PreprocessAbaloneData -> EvaluateAbaloneModel data',
			'TrainAbaloneModel -> EvaluateAbaloneModel data',
			'TrainAbaloneModel -> CreateModel-CreateModel data',
			'EvaluateAbaloneModel -> CheckMSEAbaloneEvaluation data',
			'CheckMSEAbaloneEvaluation -> CreateModel-CreateModel condition-if',
			'CheckMSEAbaloneEvaluation -> LambdaStep condition-if',
			'CreateModel-CreateModel -> LambdaStep data',
		]);
	});

	test('sdk-unit-callback-outputs: the OutputParameters reference the SDK misses is a data edge', () => {
		const {dag} = validateDefinition(readFixture('sdk-unit-callback-outputs.json'));
		expect(edgeLines(dag)).toEqual([
			'MyCallbackStep1 -> MyCallbackStep2 data',
			'TestStep -> MyCallbackStep1 dependsOn',
			'TestStep -> MyCallbackStep2 dependsOn',
		]);
		expect(topologicalOrder(dag as Dag)).toEqual(['TestStep', 'MyCallbackStep1', 'MyCallbackStep2']);
	});

	test('sdk-unit-lambda-outputs: same for Lambda outputs', () => {
		const {dag} = validateDefinition(readFixture('sdk-unit-lambda-outputs.json'));
		expect(edgeLines(dag)).toContain('MyLambdaStep1 -> MyLambdaStep2 data');
	});

	test('airflow 31 nested conditions: 31 nodes, a chain of 30 condition-if edges', () => {
		const {dag} = validateDefinition(readFixture('airflow-31-nested-conditions.json'));
		expect(dag?.nodes).toHaveLength(31);
		expect(dag?.edges).toHaveLength(30);
		expect(dag?.edges.every((edge) => edge.kind === 'condition-if')).toBe(true);
		expect(dag?.edges.map((edge) => [edge.from, edge.to])).toEqual(
			dag?.nodes.slice(1).map((node, index) => [dag.nodes[index]?.name, node.name]),
		);
	});

	test('the condition step reads steps only through its Conditions, not through its branches', () => {
		const {dag} = validateDefinition(readFixture('sdk-unit-all-condition-types.json'));
		expect(edgeLines(dag)).toEqual([
			'MyConditionStep -> MyStep1 condition-if',
			'MyConditionStep -> MyStep2 condition-else',
			'MyStep0 -> MyConditionStep data',
		]);
	});

	test('counts of the other fixtures match the notes', () => {
		const counts = (name: string) => {
			const {dag} = validateDefinition(readFixture(name));
			return [dag?.nodes.length, dag?.edges.length];
		};

		expect(counts('selective-execution-notebook.json')).toEqual([7, 9]);
		expect(counts('dynamic-framework-two-chains.json')).toEqual([9, 10]);
	});
});

describe('buildDag edges', () => {
	test('keeps one edge per pair: a branch edge beats DependsOn, DependsOn beats data', () => {
		const {dag} = buildDag(
			definitionOf({
				Steps: [
					{Name: 'A', Type: 'Training', Arguments: {}},
					{Name: 'B', Type: 'Training', DependsOn: ['A'], Arguments: {X: {Get: 'Steps.A.TrainingJobName'}}},
					{
						Name: 'C',
						Type: 'Condition',
						Arguments: {
							Conditions: [],
							IfSteps: [
								{Name: 'D', Type: 'Training', DependsOn: ['C'], Arguments: {X: {Get: 'Steps.C.Outcome'}}},
							],
						},
					},
				],
			}),
		);
		expect(edgeLines(dag)).toEqual(['A -> B dependsOn', 'C -> D condition-if']);
	});

	test('finds references inside Std:Join, JsonGet S3Uri forms and In values', () => {
		const {dag} = buildDag(
			definitionOf({
				Steps: [
					{Name: 'A', Type: 'Processing'},
					{Name: 'B', Type: 'Training'},
					{
						Name: 'C',
						Type: 'Training',
						Arguments: {
							Path: {
								'Std:Join': {
									On: '/',
									Values: ['s3://b', {Get: "Steps.A.ProcessingOutputConfig.Outputs['x'].S3Output.S3Uri"}],
								},
							},
							Value: {'Std:JsonGet': {S3Uri: {Get: 'Steps.B.ModelArtifacts.S3ModelArtifacts'}, Path: 'a.b'}},
						},
					},
				],
			}),
		);
		expect(edgeLines(dag)).toEqual(['A -> C data', 'B -> C data']);
	});
});

describe('buildDag problems', () => {
	test('duplicate names, including a nested step that repeats a top-level one', () => {
		expect(
			problemsOf({
				Steps: [
					{Name: 'A', Type: 'Training'},
					{
						Name: 'C',
						Type: 'Condition',
						Arguments: {Conditions: [], IfSteps: [{Name: 'A', Type: 'Training'}]},
					},
				],
			}),
		).toEqual([
			"Steps[1].Arguments.IfSteps[0].Name (A): Step name 'A' is used twice (also at Steps[0]); step names must be unique, nested steps included",
		]);
	});

	test('DependsOn or a Get naming a missing step, a Fail step, or the step itself', () => {
		expect(
			problemsOf({
				Steps: [
					{Name: 'A', Type: 'Training', DependsOn: ['Missing', 'A']},
					{Name: 'B', Type: 'Training', Arguments: {X: {Get: 'Steps.Gone.TrainingJobName'}}},
					{Name: 'F', Type: 'Fail', Arguments: {ErrorMessage: 'no'}},
					{Name: 'G', Type: 'Training', DependsOn: ['F'], Arguments: {X: {Get: 'Steps.F.ErrorMessage'}}},
				],
			}),
		).toEqual([
			"Steps[0].DependsOn[0] (A): Step 'A' depends on 'Missing', which is not a step of this pipeline",
			"Steps[0].DependsOn[1] (A): Step 'A' depends on itself: the steps form a cycle: A -> A",
			"Steps[1].Arguments.X.Get (B): Step 'B' reads 'Gone', which is not a step of this pipeline",
			"Steps[3].DependsOn[0] (G): Step 'G' depends on Fail step 'F'; a Fail step ends the execution, so nothing can come after it",
			"Steps[3].Arguments.X.Get (G): Step 'G' reads Fail step 'F'; a Fail step ends the execution, so nothing can come after it",
		]);
	});

	test('names each cycle once, in the order its steps follow each other', () => {
		expect(
			problemsOf({
				Steps: [
					{Name: 'A', Type: 'Training', DependsOn: ['C']},
					{Name: 'B', Type: 'Training', DependsOn: ['A']},
					{Name: 'C', Type: 'Training', Arguments: {X: {Get: 'Steps.B.TrainingJobName'}}},
					{Name: 'D', Type: 'Training', DependsOn: ['E']},
					{Name: 'E', Type: 'Training', DependsOn: ['D']},
				],
			}),
		).toEqual([
			'Steps[0] (A): The steps form a cycle: A -> B -> C -> A',
			'Steps[3] (D): The steps form a cycle: D -> E -> D',
		]);
	});

	test('parameters referenced but not declared, in steps and in the experiment config', () => {
		expect(
			problemsOf({
				Parameters: [{Name: 'Known', Type: 'String'}],
				PipelineExperimentConfig: {ExperimentName: {Get: 'Parameters.Experiment'}},
				Steps: [
					{
						Name: 'A',
						Type: 'Training',
						Arguments: {X: {Get: 'Parameters.Known'}, Y: {Get: 'Parameters.Epochs'}},
					},
				],
			}),
		).toEqual([
			"PipelineExperimentConfig.ExperimentName.Get (-): Parameter 'Experiment' is referenced but not declared in Parameters",
			"Steps[0].Arguments.Y.Get (A): Parameter 'Epochs' is referenced by step 'A' but not declared in Parameters",
		]);
	});

	test('a property file that its step does not declare', () => {
		expect(
			problemsOf({
				Steps: [
					{
						Name: 'Eval',
						Type: 'Processing',
						PropertyFiles: [
							{PropertyFileName: 'Report', OutputName: 'evaluation', FilePath: 'evaluation.json'},
						],
					},
					{
						Name: 'Check',
						Type: 'Condition',
						Arguments: {
							Conditions: [
								{
									Type: 'LessThan',
									LeftValue: {
										'Std:JsonGet': {PropertyFile: {Get: 'Steps.Eval.PropertyFiles.Metrics'}, Path: 'mse'},
									},
									RightValue: 3,
								},
							],
						},
					},
				],
			}),
		).toEqual([
			"Steps[1].Arguments.Conditions[0].LeftValue[\"Std:JsonGet\"].PropertyFile.Get (Check): Step 'Check' reads property file 'Metrics' of step 'Eval', which declares only Report",
		]);
	});

	test('malformed expressions and conditions', () => {
		expect(
			problemsOf({
				Steps: [
					{Name: 'A', Type: 'Training', Arguments: {X: {Get: 'Pipeline.Name'}, Y: {'Std:Join': {On: ','}}}},
					{
						Name: 'C',
						Type: 'Condition',
						Arguments: {
							Conditions: [
								{Type: 'Equals', LeftValue: 1},
								{Type: 'Not', Expression: {Type: 'Equals', LeftValue: 1, RightValue: 1}},
								{Type: 'Between'},
							],
						},
					},
				],
			}),
		).toEqual([
			'Steps[0].Arguments.X.Get (A): "Pipeline.Name" is not a reference the service knows (Parameters.*, Execution.*, Steps.*, PipelineExperimentConfig.*)',
			'Steps[0].Arguments.Y["Std:Join"] (A): Std:Join needs {"On": text, "Values": [...]}',
			'Steps[1].Arguments.Conditions[0].RightValue (C): A Equals condition needs a RightValue',
			'Steps[1].Arguments.Conditions[1].Condition (C): A Not condition needs a Condition (the service rejects the old "Expression" member)',
			'Steps[1].Arguments.Conditions[2].Type (C): Condition type "Between" is not one of Equals, NotEquals, GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo, In, NotIn, Not, Or',
		]);
	});

	test('a 2,000-step chain builds, orders and finds its cycle without overflowing', () => {
		const steps = Array.from({length: 2000}, (_, index) => ({
			Name: `S${index}`,
			Type: 'Training',
			DependsOn: [`S${(index + 1999) % 2000}`],
		}));
		const {dag, problems} = validateDefinition({Steps: steps});
		expect(dag?.edges).toHaveLength(2000);
		expect(problems).toHaveLength(1);
		expect(problems[0]?.message).toMatch(/^The steps form a cycle: S0 -> S1 -> S2 -> .* -> S1999 -> S0$/);
		expect(topologicalOrder(dag as Dag)).toHaveLength(2000);
	});
});

describe('topologicalOrder and indexDag', () => {
	test('parents come first; definition order breaks ties', () => {
		const dag: Dag = {
			nodes: [
				{name: 'Report', type: 'Processing'},
				{name: 'Train', type: 'Training'},
				{name: 'Prepare', type: 'Processing'},
				{name: 'Other', type: 'Processing'},
			],
			edges: [
				{from: 'Prepare', to: 'Train', kind: 'data'},
				{from: 'Train', to: 'Report', kind: 'dependsOn'},
			],
		};
		expect(topologicalOrder(dag)).toEqual(['Prepare', 'Train', 'Report', 'Other']);
	});

	test('steps caught in a cycle come last, in definition order', () => {
		const dag: Dag = {
			nodes: [
				{name: 'A', type: 'T'},
				{name: 'B', type: 'T'},
				{name: 'C', type: 'T'},
			],
			edges: [
				{from: 'A', to: 'B', kind: 'data'},
				{from: 'B', to: 'A', kind: 'data'},
			],
		};
		expect(topologicalOrder(dag)).toEqual(['C', 'A', 'B']);
	});

	test('indexes parents and children of every node', () => {
		const {dag} = validateDefinition(readFixture('sdk-unit-callback-outputs.json'));
		const {parents, children} = indexDag(dag as Dag);
		expect(parents.get('MyCallbackStep2')?.map((edge) => `${edge.from}:${edge.kind}`)).toEqual([
			'MyCallbackStep1:data',
			'TestStep:dependsOn',
		]);
		expect(children.get('TestStep')?.map((edge) => edge.to)).toEqual(['MyCallbackStep1', 'MyCallbackStep2']);
		expect(parents.get('TestStep')).toEqual([]);
	});
});
