// The same client calls against sagemon's emulator and against moto_server (getmoto/moto, on this machine) for
// the operations moto implements: both must agree on status codes, error codes and response shapes. Where moto
// departs from the real service, the test names the case and checks both sides of the difference.
import {type ChildProcess, spawn} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {startTestEmulator, testCredentials} from '../helpers/emulator.js';
import {freePort} from '../helpers/emulator-process.js';
import {readFixture} from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as plain JSON.
type Body = Record<string, any>;
type Answer = {status: number; body: Body};
type Server = (operation: string, input?: Body) => Promise<Answer>;

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerExecutionRole';
const definition = readFixture('abalone-tutorial.json');

let emulator: RunningEmulator;
let moto: ChildProcess | undefined;
let sagemon: Server;
let motoServer: Server;

/** A JSON 1.1 caller; the Authorization header carries the region as the SDKs sign it (neither server checks it). */
function serverAt(url: string): Server {
	return async (operation, input = {}) => {
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amz-target': `SageMaker.${operation}`,
				authorization: `AWS4-HMAC-SHA256 Credential=${testCredentials.accessKeyId}/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=0`,
			},
			body: JSON.stringify(input),
		});
		const text = await response.text();
		let body: Body;
		try {
			body = JSON.parse(text) as Body;
		} catch {
			body = {text};
		}

		return {status: response.status, body};
	};
}

async function waitForMoto(url: string): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (moto?.exitCode !== null) throw new Error(`moto_server exited with code ${moto?.exitCode}`);
		try {
			const response = await fetch(`${url}/moto-api/`);
			if (response.ok) return;
		} catch {}

		await new Promise((resolve) => setTimeout(resolve, 100));
	}

	throw new Error('moto_server did not start within 60 s');
}

beforeAll(async () => {
	emulator = await startTestEmulator({demo: false});
	sagemon = serverAt(emulator.url);
	const port = await freePort();
	moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {stdio: 'ignore'});
	await waitForMoto(`http://127.0.0.1:${port}`);
	motoServer = serverAt(`http://127.0.0.1:${port}`);
}, 90_000);

afterAll(async () => {
	await emulator?.close();
	if (moto && moto.exitCode === null) {
		const exited = new Promise((resolve) => moto!.once('exit', resolve));
		moto.kill('SIGTERM');
		await exited;
	}
});

/** Calls both servers with the same input. */
async function both(operation: string, input: Body = {}): Promise<{ours: Answer; moto: Answer}> {
	const [ours, theirs] = await Promise.all([sagemon(operation, input), motoServer(operation, input)]);
	return {ours, moto: theirs};
}

const keys = (body: Body) => Object.keys(body).sort();
const errorCode = (answer: Answer) => answer.body.__type;
const pipelineArn = /^arn:aws:sagemaker:us-east-1:\d{12}:pipeline\/AbalonePipeline$/;
const executionArn =
	/^arn:aws:sagemaker:us-east-1:\d{12}:pipeline\/AbalonePipeline\/execution\/[a-z0-9]{12}$/;

/** Both answered 200 with the same members, apart from `except` (each named with the reason). */
function expectSameShape(answers: {ours: Answer; moto: Answer}, except: string[] = []): void {
	expect(answers.ours.status).toBe(200);
	expect(answers.moto.status).toBe(200);
	const drop = (list: string[]) => list.filter((key) => !except.includes(key));
	expect(drop(keys(answers.ours.body))).toEqual(drop(keys(answers.moto.body)));
	for (const key of drop(keys(answers.ours.body))) {
		expect(typeof answers.ours.body[key], key).toBe(typeof answers.moto.body[key]);
	}
}

describe('sagemon agrees with moto_server', () => {
	const executions: {ours?: string; moto?: string} = {};

	it('on CreatePipeline', async () => {
		const answers = await both('CreatePipeline', {
			PipelineName: 'AbalonePipeline',
			PipelineDefinition: definition,
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		expectSameShape(answers);
		expect(answers.ours.body.PipelineArn).toMatch(pipelineArn);
		expect(answers.moto.body.PipelineArn).toMatch(pipelineArn);
	});

	it('on a duplicate CreatePipeline (moto departs: it doubles the "An error occurred" prefix in its message)', async () => {
		const {ours, moto: theirs} = await both('CreatePipeline', {
			PipelineName: 'AbalonePipeline',
			PipelineDefinition: definition,
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
		});
		expect([ours.status, errorCode(ours)]).toEqual([400, 'ValidationException']);
		expect([theirs.status, errorCode(theirs)]).toEqual([400, 'ValidationException']);
		expect(keys(ours.body)).toEqual(keys(theirs.body));
		for (const answer of [ours, theirs])
			expect(answer.body.Message).toContain('Pipeline with name (AbalonePipeline) already exists.');
		expect(theirs.body.Message).toMatch(
			/^An error occurred \(ValidationException\) when calling the CreatePipeline operation/,
		);
		expect(ours.body.Message).toMatch(/^Pipeline names must be unique/);
	});

	it('on DescribePipeline (moto departs: CreatedBy is a fake Studio user profile)', async () => {
		const answers = await both('DescribePipeline', {PipelineName: 'AbalonePipeline'});
		expectSameShape(answers);
		for (const answer of [answers.ours, answers.moto]) {
			expect(JSON.parse(answer.body.PipelineDefinition)).toEqual(JSON.parse(definition));
			expect(answer.body.PipelineStatus).toBe('Active');
			expect(answer.body.CreationTime).toBeGreaterThan(1_600_000_000);
			expect(answer.body.CreationTime).toBeLessThan(4_000_000_000);
		}

		expect(Object.keys(answers.moto.body.CreatedBy)).toEqual([
			'UserProfileArn',
			'UserProfileName',
			'DomainId',
		]);
		expect(Object.keys(answers.ours.body.CreatedBy)).toEqual(['IamIdentity']);
	});

	it('on ListPipelines', async () => {
		const answers = await both('ListPipelines', {});
		expectSameShape(answers);
		expect(keys(answers.ours.body.PipelineSummaries[0])).toEqual(
			keys(answers.moto.body.PipelineSummaries[0]),
		);
	});

	it('on ListPipelines members out of range (moto departs: "1 validation errors", and no lower bound on MaxResults)', async () => {
		const tooMany = await both('ListPipelines', {MaxResults: 1000});
		for (const answer of [tooMany.ours, tooMany.moto]) {
			expect([answer.status, errorCode(answer)]).toEqual([400, 'ValidationException']);
			expect(answer.body.Message).toContain(
				"Value '1000' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
			);
		}

		expect(tooMany.ours.body.Message).toMatch(/^1 validation error detected/);
		expect(tooMany.moto.body.Message).toMatch(/^1 validation errors detected/);
		const sideways = await both('ListPipelines', {SortOrder: 'Sideways'});
		expect([errorCode(sideways.ours), errorCode(sideways.moto)]).toEqual([
			'ValidationException',
			'ValidationException',
		]);
		const zero = await both('ListPipelines', {MaxResults: 0});
		expect(zero.ours.status).toBe(400);
		expect(zero.moto.status).toBe(200);
	});

	it('on an unknown pipeline (moto departs: ValidationException where the service answers ResourceNotFound)', async () => {
		for (const [operation, input] of [
			['DescribePipeline', {PipelineName: 'NoSuchPipeline'}],
			['ListPipelineExecutions', {PipelineName: 'NoSuchPipeline'}],
		] as const) {
			const {ours, moto: theirs} = await both(operation, input);
			expect([ours.status, theirs.status]).toEqual([400, 400]);
			expect(errorCode(ours)).toBe('ResourceNotFound');
			expect(errorCode(theirs)).toBe('ValidationException');
			expect(keys(ours.body)).toEqual(keys(theirs.body));
		}
	});

	it('on StartPipelineExecution', async () => {
		const answers = await both('StartPipelineExecution', {
			PipelineName: 'AbalonePipeline',
			PipelineParameters: [{Name: 'ModelApprovalStatus', Value: 'Approved'}],
			PipelineExecutionDisplayName: 'approved-run',
			ClientRequestToken: randomUUID(),
		});
		expectSameShape(answers);
		expect(answers.ours.body.PipelineExecutionArn).toMatch(executionArn);
		expect(answers.moto.body.PipelineExecutionArn).toMatch(executionArn);
		executions.ours = answers.ours.body.PipelineExecutionArn;
		executions.moto = answers.moto.body.PipelineExecutionArn;
	});

	it('on DescribePipelineExecution (moto departs: instantly Succeeded, empty FailureReason and experiment config)', async () => {
		const [ours, theirs] = await Promise.all([
			sagemon('DescribePipelineExecution', {PipelineExecutionArn: executions.ours}),
			motoServer('DescribePipelineExecution', {PipelineExecutionArn: executions.moto}),
		]);
		// The service leaves FailureReason out unless the execution failed, resolves the experiment config,
		// and reports the version an execution started from.
		expectSameShape({ours, moto: theirs}, ['FailureReason', 'PipelineVersionId']);
		expect(ours.body.PipelineExecutionStatus).toBe('Executing');
		expect(theirs.body.PipelineExecutionStatus).toBe('Succeeded');
		expect(theirs.body.FailureReason).toBe('');
		expect(ours.body.FailureReason).toBeUndefined();
		expect(theirs.body.PipelineExperimentConfig).toEqual({});
		expect(ours.body.PipelineExperimentConfig).toEqual({
			ExperimentName: 'abalonepipeline',
			TrialName: executions.ours!.split('/').pop(),
		});
		expect(ours.body.PipelineExecutionDisplayName).toBe('approved-run');
	});

	it('on ListPipelineExecutions (moto departs: PipelineExecutionFailureReason is the text "None")', async () => {
		const answers = await both('ListPipelineExecutions', {PipelineName: 'AbalonePipeline'});
		expectSameShape(answers);
		const [ours] = answers.ours.body.PipelineExecutionSummaries;
		const [theirs] = answers.moto.body.PipelineExecutionSummaries;
		expect(keys(ours).concat('PipelineExecutionFailureReason').sort()).toEqual(keys(theirs));
		expect(theirs.PipelineExecutionFailureReason).toBe('None');
	});

	it('on ListPipelineParametersForExecution (moto departs: it lists only the overrides, not every parameter)', async () => {
		const [ours, theirs] = await Promise.all([
			sagemon('ListPipelineParametersForExecution', {PipelineExecutionArn: executions.ours}),
			motoServer('ListPipelineParametersForExecution', {PipelineExecutionArn: executions.moto}),
		]);
		expectSameShape({ours, moto: theirs});
		expect(theirs.body.PipelineParameters).toEqual([{Name: 'ModelApprovalStatus', Value: 'Approved'}]);
		expect(ours.body.PipelineParameters).toContainEqual({Name: 'ModelApprovalStatus', Value: 'Approved'});
		expect(ours.body.PipelineParameters).toHaveLength(6);
	});

	it('on DescribePipelineDefinitionForExecution', async () => {
		const [ours, theirs] = await Promise.all([
			sagemon('DescribePipelineDefinitionForExecution', {PipelineExecutionArn: executions.ours}),
			motoServer('DescribePipelineDefinitionForExecution', {PipelineExecutionArn: executions.moto}),
		]);
		expectSameShape({ours, moto: theirs});
		expect(JSON.parse(ours.body.PipelineDefinition)).toEqual(JSON.parse(theirs.body.PipelineDefinition));
	});

	it('on UpdatePipeline (moto departs: no pipeline versions, so no PipelineVersionId)', async () => {
		const answers = await both('UpdatePipeline', {
			PipelineName: 'AbalonePipeline',
			PipelineDescription: 'updated',
		});
		expectSameShape(answers, ['PipelineVersionId']);
		expect(answers.ours.body.PipelineVersionId).toBe(2);
		expect(answers.moto.body.PipelineVersionId).toBeUndefined();
	});

	it('on an unknown execution (moto departs: ValidationException where the service answers ResourceNotFound)', async () => {
		const arn = (server: string) => `${server.replace(/\/execution\/.*$/, '')}/execution/zzzzzzzzzzzz`;
		const [ours, theirs] = await Promise.all([
			sagemon('DescribePipelineExecution', {PipelineExecutionArn: arn(executions.ours!)}),
			motoServer('DescribePipelineExecution', {PipelineExecutionArn: arn(executions.moto!)}),
		]);
		expect([ours.status, errorCode(ours)]).toEqual([400, 'ResourceNotFound']);
		expect([theirs.status, errorCode(theirs)]).toEqual([400, 'ValidationException']);
	});

	it('on jobs that do not exist', async () => {
		for (const [operation, input] of [
			['DescribeProcessingJob', {ProcessingJobName: 'no-such-job'}],
			['DescribeTrainingJob', {TrainingJobName: 'no-such-job'}],
		] as const) {
			const {ours, moto: theirs} = await both(operation, input);
			expect([ours.status, errorCode(ours)]).toEqual([400, 'ValidationException']);
			expect([theirs.status, errorCode(theirs)]).toEqual([400, 'ValidationException']);
			expect(keys(ours.body)).toEqual(keys(theirs.body));
		}
	});

	it('on operations moto does not implement (moto departs: HTTP 500 for steps, stop and unknown operations)', async () => {
		const steps = await Promise.all([
			sagemon('ListPipelineExecutionSteps', {PipelineExecutionArn: executions.ours}),
			motoServer('ListPipelineExecutionSteps', {PipelineExecutionArn: executions.moto}),
		]);
		expect(steps.map((answer) => answer.status)).toEqual([200, 500]);
		const unknown = await both('LaunchRocket', {});
		expect([unknown.ours.status, errorCode(unknown.ours)]).toEqual([400, 'UnknownOperationException']);
		expect(unknown.moto.status).toBe(500);
	});

	it('on DeletePipeline, and deleting it again (moto departs: ValidationException, not ResourceNotFound)', async () => {
		const stopped = await sagemon('StopPipelineExecution', {
			PipelineExecutionArn: executions.ours,
			ClientRequestToken: randomUUID(),
		});
		expect(stopped.status).toBe(200);
		for (let attempt = 0; attempt < 500; attempt++) {
			const {body} = await sagemon('DescribePipelineExecution', {PipelineExecutionArn: executions.ours});
			if (body.PipelineExecutionStatus === 'Stopped') break;
			await new Promise((resolve) => setTimeout(resolve, 10));
		}

		const deleted = await both('DeletePipeline', {
			PipelineName: 'AbalonePipeline',
			ClientRequestToken: randomUUID(),
		});
		expectSameShape(deleted);
		expect(deleted.ours.body.PipelineArn).toMatch(pipelineArn);
		const again = await both('DeletePipeline', {
			PipelineName: 'AbalonePipeline',
			ClientRequestToken: randomUUID(),
		});
		expect([again.ours.status, errorCode(again.ours)]).toEqual([400, 'ResourceNotFound']);
		expect([again.moto.status, errorCode(again.moto)]).toEqual([400, 'ValidationException']);
	});
});
