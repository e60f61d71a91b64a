// The pipeline and execution operations as the service answers them: validation messages, not-found errors,
// idempotency tokens, paging, versions, parameters and deletes.
import {randomUUID} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {readFixture} from '../helpers/fixtures.js';
import {type Json, localService, roleArn} from './local-service.js';

const tutorial = () => JSON.parse(readFixture('abalone-tutorial.json')) as Json;

describe('input validation', () => {
	it('rejects members that break the model constraints with Coral-style messages', () => {
		const service = localService();
		expect(service.failure('ListPipelines', {MaxResults: 1000})).toEqual({
			code: 'ValidationException',
			message:
				"1 validation error detected: Value '1000' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
		});
		const several = service.failure('ListPipelines', {MaxResults: 0, SortOrder: 'Sideways'});
		expect(several.message).toMatch(/^2 validation errors detected: /);
		expect(several.message).toContain('Member must satisfy enum value set: [Ascending, Descending]');
		expect(
			service.failure('CreatePipeline', {
				PipelineName: 'my_pipeline',
				RoleArn: roleArn,
				ClientRequestToken: randomUUID(),
			}).message,
		).toContain(
			"Value 'my_pipeline' at 'pipelineName' failed to satisfy constraint: Member must satisfy regular expression pattern",
		);
		expect(service.failure('DescribePipelineExecution', {}).message).toBe(
			"1 validation error detected: Value null at 'pipelineExecutionArn' failed to satisfy constraint: Member must not be null",
		);
	});

	it('rejects members of the wrong JSON type as a SerializationException', () => {
		const service = localService();
		expect(service.failure('ListPipelines', {MaxResults: 'ten'}).code).toBe('SerializationException');
	});

	it('answers an unknown operation with UnknownOperationException', () => {
		expect(localService().failure('CreateTrainingJob', {}).code).toBe('UnknownOperationException');
	});
});

describe('pipelines', () => {
	it('creates, describes, updates with a new version and deletes a pipeline', () => {
		const service = localService();
		const arn = service.createPipeline('AbalonePipeline', tutorial(), {PipelineDescription: 'first'});
		expect(arn).toBe('arn:aws:sagemaker:us-east-1:000000000000:pipeline/AbalonePipeline');
		const described = service.call('DescribePipeline', {PipelineName: 'AbalonePipeline'});
		expect(described).toMatchObject({
			PipelineArn: arn,
			PipelineName: 'AbalonePipeline',
			PipelineDisplayName: 'AbalonePipeline',
			PipelineDescription: 'first',
			RoleArn: roleArn,
			PipelineStatus: 'Active',
		});
		expect(JSON.parse(described.PipelineDefinition)).toEqual(tutorial());
		expect(service.call('DescribePipeline', {PipelineName: arn}).PipelineName).toBe('AbalonePipeline');

		const changed = tutorial();
		changed.Parameters[0].DefaultValue = 'ml.m5.2xlarge';
		const update = service.call('UpdatePipeline', {
			PipelineName: 'AbalonePipeline',
			PipelineDefinition: JSON.stringify(changed),
		});
		expect(update).toEqual({PipelineArn: arn, PipelineVersionId: 2});
		expect(
			JSON.parse(service.call('DescribePipeline', {PipelineName: 'AbalonePipeline'}).PipelineDefinition),
		).toEqual(changed);
		expect(
			JSON.parse(
				service.call('DescribePipeline', {PipelineName: 'AbalonePipeline', PipelineVersionId: 1})
					.PipelineDefinition,
			),
		).toEqual(tutorial());
		expect(
			service
				.call('ListPipelineVersions', {PipelineName: 'AbalonePipeline'})
				.PipelineVersionSummaries.map((version: Json) => version.PipelineVersionId),
		).toEqual([2, 1]);

		expect(
			service.call('DeletePipeline', {PipelineName: 'AbalonePipeline', ClientRequestToken: randomUUID()}),
		).toEqual({PipelineArn: arn});
		expect(service.failure('DescribePipeline', {PipelineName: 'AbalonePipeline'})).toEqual({
			code: 'ResourceNotFound',
			message: "Pipeline 'arn:aws:sagemaker:us-east-1:000000000000:pipeline/abalonepipeline' does not exist.",
		});
	});

	it('refuses a second pipeline with the same name in the words the SDK upsert looks for', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const failure = service.failure('CreatePipeline', {
			PipelineName: 'AbalonePipeline',
			PipelineDefinition: JSON.stringify(tutorial()),
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		expect(failure.code).toBe('ValidationException');
		expect(failure.message).toContain('already exists');
	});

	it('refuses unknown step types at CreatePipeline and UpdatePipeline, nested ones too', () => {
		const service = localService();
		const misspelt = tutorial();
		misspelt.Steps[0].Type = 'Proccessing';
		const create = service.failure('CreatePipeline', {
			PipelineName: 'Misspelt',
			PipelineDefinition: JSON.stringify(misspelt),
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		expect(create.code).toBe('ValidationException');
		expect(create.message).toContain("Step 'AbaloneProcess' has an unknown step type 'Proccessing'");
		expect(service.failure('DescribePipeline', {PipelineName: 'Misspelt'}).code).toBe('ResourceNotFound');
		service.createPipeline('Fine', tutorial());
		const nested = tutorial();
		const condition = nested.Steps.find((step: Json) => step.Type === 'Condition');
		condition.Arguments.IfSteps[0].Type = 'Banana';
		const update = service.failure('UpdatePipeline', {
			PipelineName: 'Fine',
			PipelineDefinition: JSON.stringify(nested),
		});
		expect(update.code).toBe('ValidationException');
		expect(update.message).toContain("unknown step type 'Banana'");
		expect(
			service.call('ListPipelineVersions', {PipelineName: 'Fine'}).PipelineVersionSummaries,
		).toHaveLength(1);
	});

	it('rejects definitions the service would not accept, saying what is wrong', () => {
		const service = localService();
		const create = (definition: string) =>
			service.failure('CreatePipeline', {
				PipelineName: 'Broken',
				PipelineDefinition: definition,
				RoleArn: roleArn,
				ClientRequestToken: randomUUID(),
			});
		expect(create('{"Steps": [').message).toMatch(
			/^Unable to parse pipeline definition\. The definition is not valid JSON/,
		);
		const cyclic = tutorial();
		cyclic.Steps[0].DependsOn = ['AbaloneEval'];
		expect(create(JSON.stringify(cyclic)).message).toContain('cycle');
		const badTuning = {
			...tutorial(),
			Metadata: {'sagemon.emulator': {steps: {AbaloneTrain: {durationSeconds: -1}, Nope: {}}}},
		};
		const tuningFailure = create(JSON.stringify(badTuning)).message;
		expect(tuningFailure).toContain('durationSeconds must be a number of seconds above 0');
		expect(tuningFailure).toContain("names 'Nope', which is not a step of this pipeline");
		const badCache = tutorial();
		badCache.Steps[0].CacheConfig = {Enabled: true, ExpireAfter: 'thirty days'};
		expect(create(JSON.stringify(badCache)).message).toContain(
			"CacheConfig.ExpireAfter of step 'AbaloneProcess' is 'thirty days', which is not a duration",
		);
		expect(
			service.failure('CreatePipeline', {
				PipelineName: 'Empty',
				RoleArn: roleArn,
				ClientRequestToken: randomUUID(),
			}).message,
		).toBe('Either PipelineDefinition or PipelineDefinitionS3Location should be provided.');
	});

	it('reads a definition from the emulator S3 through PipelineDefinitionS3Location', () => {
		const service = localService();
		service.state.storage.createBucket('definitions');
		service.state.storage.put('definitions', 'abalone.json', readFixture('abalone-tutorial.json'));
		service.call('CreatePipeline', {
			PipelineName: 'FromS3',
			PipelineDefinitionS3Location: {Bucket: 'definitions', ObjectKey: 'abalone.json'},
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		expect(service.call('DescribePipeline', {PipelineName: 'FromS3'}).PipelineDefinition).toBe(
			readFixture('abalone-tutorial.json'),
		);
	});

	it('pages ListPipelines newest first by default and by name on request', () => {
		const service = localService();
		for (const name of ['Bravo', 'Alpha', 'Charlie']) {
			service.createPipeline(name, tutorial());
			service.clock.advance(1000);
		}

		const first = service.call('ListPipelines', {MaxResults: 2});
		expect(first.PipelineSummaries.map((summary: Json) => summary.PipelineName)).toEqual([
			'Charlie',
			'Alpha',
		]);
		const second = service.call('ListPipelines', {MaxResults: 2, NextToken: first.NextToken});
		expect(second.PipelineSummaries.map((summary: Json) => summary.PipelineName)).toEqual(['Bravo']);
		expect(second.NextToken).toBeUndefined();
		const byName = service.call('ListPipelines', {SortBy: 'Name', SortOrder: 'Ascending'});
		expect(byName.PipelineSummaries.map((summary: Json) => summary.PipelineName)).toEqual([
			'Alpha',
			'Bravo',
			'Charlie',
		]);
		expect(service.call('ListPipelines', {PipelineNamePrefix: 'ch'}).PipelineSummaries).toHaveLength(1);
		expect(service.failure('ListPipelines', {NextToken: 'garbage'}).code).toBe('ValidationException');
	});

	it('refuses to delete a pipeline while an execution runs', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		expect(
			service.failure('DeletePipeline', {PipelineName: 'AbalonePipeline', ClientRequestToken: randomUUID()})
				.code,
		).toBe('ConflictException');
		service.runToEnd(arn);
		service.call('DeletePipeline', {PipelineName: 'AbalonePipeline', ClientRequestToken: randomUUID()});
		expect(service.failure('DescribePipelineExecution', {PipelineExecutionArn: arn}).code).toBe(
			'ResourceNotFound',
		);
	});
});

describe('executions', () => {
	it('validates parameter overrides like the service', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const start = (parameters: Record<string, string>) =>
			service.failure('StartPipelineExecution', {
				PipelineName: 'AbalonePipeline',
				PipelineParameters: Object.entries(parameters).map(([Name, Value]) => ({Name, Value})),
				ClientRequestToken: randomUUID(),
			});
		expect(start({ModelApprovalStatu: 'Approved'})).toEqual({
			code: 'ValidationException',
			message: expect.stringContaining("Unknown parameter 'ModelApprovalStatu'"),
		});
		expect(start({ProcessingInstanceCount: 'two'}).message).toContain(
			"ProcessingInstanceCount must be a whole number, got 'two'",
		);
		expect(start({ModelApprovalStatus: ''}).message).toContain('ModelApprovalStatus must not be empty');
	});

	it('asks for parameters that have no default', () => {
		const service = localService();
		service.createPipeline('Conditions', readFixture('sdk-unit-all-condition-types.json'));
		const failure = service.failure('StartPipelineExecution', {
			PipelineName: 'Conditions',
			ClientRequestToken: randomUUID(),
		});
		expect(failure.code).toBe('ValidationException');
		expect(failure.message).toContain('has no default value');
	});

	it('lists the effective value of every declared parameter', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline', {
			ModelApprovalStatus: 'Approved',
			ProcessingInstanceCount: '2',
		});
		expect(
			service.call('ListPipelineParametersForExecution', {PipelineExecutionArn: arn}).PipelineParameters,
		).toEqual([
			{Name: 'ProcessingInstanceType', Value: 'ml.m5.xlarge'},
			{Name: 'ProcessingInstanceCount', Value: '2'},
			{Name: 'TrainingInstanceType', Value: 'ml.m5.xlarge'},
			{Name: 'ModelApprovalStatus', Value: 'Approved'},
			{Name: 'InputData', Value: 's3://sagemaker-us-east-2-111122223333/abalone/abalone-dataset.csv'},
			{Name: 'BatchData', Value: 's3://sagemaker-us-east-2-111122223333/abalone/abalone-dataset-batch'},
		]);
		service.runToEnd(arn);
		const job: string = service.step(arn, 'AbaloneProcess')!.Metadata.ProcessingJob.Arn;
		const described = service.call('DescribeProcessingJob', {ProcessingJobName: job.split('/').pop()});
		expect(described.ProcessingResources.ClusterConfig).toEqual({
			InstanceCount: 2,
			InstanceType: 'ml.m5.xlarge',
			VolumeSizeInGB: 30,
		});
		expect(described.ProcessingInputs[0].S3Input.S3Uri).toBe(
			's3://sagemaker-us-east-2-111122223333/abalone/abalone-dataset.csv',
		);
	});

	it('pins the definition an execution started from', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		const changed = tutorial();
		changed.Steps.pop();
		service.call('UpdatePipeline', {
			PipelineName: 'AbalonePipeline',
			PipelineDefinition: JSON.stringify(changed),
		});
		const pinned = service.call('DescribePipelineDefinitionForExecution', {PipelineExecutionArn: arn});
		expect(JSON.parse(pinned.PipelineDefinition)).toEqual(tutorial());
		expect(service.describe(arn).PipelineVersionId).toBe(1);
		expect(service.describe(service.start('AbalonePipeline')).PipelineVersionId).toBe(2);
	});

	it('describes a new execution with its default display name and who started it', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const arn = service.start('AbalonePipeline');
		expect(arn).toMatch(
			/^arn:aws:sagemaker:us-east-1:000000000000:pipeline\/AbalonePipeline\/execution\/[a-z0-9]{12}$/,
		);
		const described = service.describe(arn);
		expect(described.PipelineExecutionDisplayName).toBe(`execution-${service.clock.now()}`);
		expect(described.CreatedBy.IamIdentity.Arn).toContain(':user/');
		expect(described.CreationTime).toBe(service.clock.now() / 1000);
		expect(
			service.call('ListPipelineExecutions', {PipelineName: 'AbalonePipeline'}).PipelineExecutionSummaries,
		).toEqual([
			{
				PipelineExecutionArn: arn,
				StartTime: service.clock.now() / 1000,
				PipelineExecutionStatus: 'Executing',
				PipelineExecutionDisplayName: described.PipelineExecutionDisplayName,
			},
		]);
	});

	it('answers ResourceNotFound for executions and pipelines that do not exist', () => {
		const service = localService();
		const arn = 'arn:aws:sagemaker:us-east-1:000000000000:pipeline/Nope/execution/abcdefabcdef';
		for (const operation of [
			'DescribePipelineExecution',
			'ListPipelineExecutionSteps',
			'ListPipelineParametersForExecution',
			'DescribePipelineDefinitionForExecution',
		]) {
			expect(service.failure(operation, {PipelineExecutionArn: arn}).code).toBe('ResourceNotFound');
		}

		expect(service.failure('ListPipelineExecutions', {PipelineName: 'Nope'}).code).toBe('ResourceNotFound');
		expect(
			service.failure('StartPipelineExecution', {PipelineName: 'Nope', ClientRequestToken: randomUUID()})
				.code,
		).toBe('ResourceNotFound');
	});

	it('replays the first answer for a repeated ClientRequestToken and refuses it for a different request', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		const token = randomUUID();
		const first = service.call('StartPipelineExecution', {
			PipelineName: 'AbalonePipeline',
			ClientRequestToken: token,
		});
		const again = service.call('StartPipelineExecution', {
			PipelineName: 'AbalonePipeline',
			ClientRequestToken: token,
		});
		expect(again).toEqual(first);
		expect(
			service.call('ListPipelineExecutions', {PipelineName: 'AbalonePipeline'}).PipelineExecutionSummaries,
		).toHaveLength(1);
		const different = service.failure('StartPipelineExecution', {
			PipelineName: 'AbalonePipeline',
			PipelineExecutionDisplayName: 'other',
			ClientRequestToken: token,
		});
		expect(different.code).toBe('ConflictException');
		const stopToken = randomUUID();
		service.call('StopPipelineExecution', {
			PipelineExecutionArn: first.PipelineExecutionArn,
			ClientRequestToken: stopToken,
		});
		expect(
			service.call('StopPipelineExecution', {
				PipelineExecutionArn: first.PipelineExecutionArn,
				ClientRequestToken: stopToken,
			}),
		).toEqual({
			PipelineExecutionArn: first.PipelineExecutionArn,
		});
	});

	it('caps concurrent executions at the account quota', () => {
		const service = localService();
		service.createPipeline('AbalonePipeline', tutorial());
		for (let index = 0; index < 20; index++) service.start('AbalonePipeline');
		const failure = service.failure('StartPipelineExecution', {
			PipelineName: 'AbalonePipeline',
			ClientRequestToken: randomUUID(),
		});
		expect(failure.code).toBe('ResourceLimitExceeded');
		expect(failure.message).toContain('Maximum number of concurrent pipeline executions');
	});

	it('pages the steps of a large execution without repeating or skipping while it runs', () => {
		const service = localService();
		const steps = Array.from({length: 300}, (_, index) => ({
			Name: `Check${index}`,
			Type: 'Condition',
			Arguments: {Conditions: [], IfSteps: [], ElseSteps: []},
		}));
		service.createPipeline('Wide', {Version: '2020-12-01', Parameters: [], Steps: steps});
		const arn = service.start('Wide');
		service.clock.advance(100);
		const first = service.call('ListPipelineExecutionSteps', {PipelineExecutionArn: arn, MaxResults: 100});
		expect(first.PipelineExecutionSteps).toHaveLength(100);
		service.runToEnd(arn);
		const names = [...first.PipelineExecutionSteps];
		let token = first.NextToken;
		while (token) {
			const next = service.call('ListPipelineExecutionSteps', {
				PipelineExecutionArn: arn,
				MaxResults: 100,
				NextToken: token,
			});
			names.push(...next.PipelineExecutionSteps);
			token = next.NextToken;
		}

		expect(new Set(names.map((step: Json) => step.StepName)).size).toBe(300);
		expect(service.steps(arn)).toHaveLength(300);
	});
});
