// The gateway against the emulator over HTTP: describeExecution (who last changed an execution, the pipeline
// version it ran, a selective execution's source and selected steps) and listExecutionParameters over pages.
import {StartPipelineExecutionCommand} from '@aws-sdk/client-sagemaker';
import {describe, expect, it} from 'vitest';
import {sageMakerClientFor} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';
import {evidenceBackendForFile, runToEnd} from './evidence-harness.js';

const backend = evidenceBackendForFile();

describe('describeExecution', () => {
	it('gives the version an execution ran, who last changed it, and a selective run of chosen steps', async () => {
		const definition = JSON.parse(readFixture('abalone-tutorial.json'));
		const first = await runToEnd(backend.pipelines, 'AbaloneSelective', definition);
		await backend.pipelines.upsertPipeline({
			name: 'AbaloneSelective',
			definition: JSON.stringify({...definition, Metadata: {note: 'second version'}}),
			roleArn: 'arn:aws:iam::111122223333:role/SageMakerPipelineRole',
		});
		const client = sageMakerClientFor(backend.emulator);
		const started = await client.send(
			new StartPipelineExecutionCommand({
				PipelineName: 'AbaloneSelective',
				SelectiveExecutionConfig: {
					SourcePipelineExecutionArn: first,
					SelectedSteps: [{StepName: 'AbaloneEval'}],
				},
			}),
		);
		client.destroy();

		const source = await backend.pipelines.describeExecution(first);
		expect(source.pipelineVersionId).toBe(1);
		expect(source.selectiveExecution).toBeUndefined();
		expect(source.lastModifiedBy).toBeDefined();
		expect(source.lastModifiedBy).toBe(source.createdBy);

		const selective = await backend.pipelines.describeExecution(started.PipelineExecutionArn ?? '');
		expect(selective.pipelineVersionId).toBe(2);
		expect(selective.selectiveExecution).toEqual({sourceExecutionArn: first, selectedSteps: ['AbaloneEval']});
	});

	it('lists every parameter an execution ran with across pages (more than the 100 of one page)', async () => {
		const definition = JSON.parse(readFixture('abalone-tutorial.json'));
		for (let index = 1; index <= 124; index++)
			definition.Parameters.push({Name: `Extra${index}`, Type: 'String', DefaultValue: `default-${index}`});
		await backend.pipelines.upsertPipeline({
			name: 'ManyParameters',
			definition: JSON.stringify(definition),
			roleArn: 'arn:aws:iam::111122223333:role/SageMakerPipelineRole',
		});
		const arn = await backend.pipelines.startExecution({
			pipelineName: 'ManyParameters',
			parameters: [{name: 'Extra124', value: 'given'}],
		});
		const parameters = await backend.pipelines.listExecutionParameters(arn);
		expect(parameters).toHaveLength(130);
		expect(parameters[0]).toEqual({name: 'ProcessingInstanceType', value: 'ml.m5.xlarge'});
		expect(parameters.at(-1)).toEqual({name: 'Extra124', value: 'given'});
		await backend.pipelines.stopExecution(arn);
	});
});
