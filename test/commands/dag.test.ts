import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {type AwsConnection, connectAws} from '../../source/aws/connect.js';
import {AwsError} from '../../source/aws/types.js';
import dag from '../../source/commands/dag.js';
import {UsageError} from '../../source/commands/report-error.js';
import {createFakeContext} from '../helpers/fake-command-context.js';
import {scratchDirectory} from '../helpers/scratch-directory.js';
import {fixtureNames, fixturePath, readFixture} from '../helpers/fixtures.js';
import {type MotoServer, startMotoServer} from '../helpers/moto-server.js';

const scratch = scratchDirectory('sagemon-dag-');
const write = scratch.write;

type RunOptions = {
	json?: boolean;
	columns?: number;
	isTTY?: boolean;
	env?: NodeJS.ProcessEnv;
	aws?: () => Promise<AwsConnection>;
};

async function run(args: string[], options: RunOptions = {}) {
	const {json = false, ...rest} = options;
	const context = createFakeContext({args, flags: {json}, ...rest});
	const code = await dag.run(context);
	return {code, out: context.out(), err: context.err()};
}

describe('sagemon dag --json', () => {
	test('prints exactly steps and edges', async () => {
		const {code, out, err} = await run([fixturePath('sdk-unit-callback-outputs.json')], {json: true});
		expect({code, err}).toEqual({code: 0, err: ''});
		expect(JSON.parse(out)).toEqual({
			steps: [
				{name: 'MyCallbackStep1', type: 'Callback'},
				{name: 'MyCallbackStep2', type: 'Callback'},
				{name: 'TestStep', type: 'Training'},
			],
			edges: [
				{from: 'MyCallbackStep1', to: 'MyCallbackStep2', kind: 'data'},
				{from: 'TestStep', to: 'MyCallbackStep1', kind: 'dependsOn'},
				{from: 'TestStep', to: 'MyCallbackStep2', kind: 'dependsOn'},
			],
		});
	});

	test('is the same on every run', async () => {
		const path = fixturePath('abalone-examples-notebook.json');
		const first = await run([path], {json: true});
		const second = await run([path], {json: true});
		expect(second.out).toBe(first.out);
		expect(JSON.parse(first.out).edges).toHaveLength(11);
	});
});

describe('sagemon dag picture', () => {
	test.each(fixtureNames)('%s draws within 100 columns off a terminal', async (name) => {
		const {code, out, err} = await run([fixturePath(name)]);
		expect(err).toBe('');
		expect(code).toBe(0);
		const lines = out.trimEnd().split('\n');
		expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(100);
	});

	test('the abalone picture shows every step, the branch labels and box drawing', async () => {
		const {out} = await run([fixturePath('abalone-examples-notebook.json')]);
		for (const text of [
			'AbaloneProcess',
			'AbaloneTrain',
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneTransform',
			'AbaloneMSEFail',
		]) {
			expect(out).toContain(text);
		}

		expect(out).toMatch(/│if/);
		expect(out).toMatch(/│else/);
		expect(out).toContain('┌');
		expect(out).toContain('▼');
	});

	test('TERM=dumb draws with ASCII only', async () => {
		const {out} = await run([fixturePath('abalone-examples-notebook.json')], {env: {TERM: 'dumb'}});
		expect(out).toContain('AbaloneMSECond');
		expect(out).toMatch(/^[\x20-\x7e\n]+$/);
	});

	test('a locale that is not UTF-8 (LANG=C) draws with ASCII only', async () => {
		const {out} = await run([fixturePath('abalone-examples-notebook.json')], {env: {LANG: 'C', LC_ALL: 'C'}});
		expect(out).toContain('AbaloneMSECond');
		expect(out).toMatch(/^[\x20-\x7e\n]+$/);
	});

	test('when the picture cannot fit it lists the steps in run order with their parents, and says so', async () => {
		const {code, out, err} = await run([fixturePath('abalone-examples-notebook.json')], {
			isTTY: true,
			columns: 20,
		});
		expect(code).toBe(0);
		expect(err).toMatch(/^sagemon: .*20.* Listing the steps in run order instead\.\n$/);
		expect(out).toBe(
			[
				'1. AbaloneProcess (Processing)',
				'2. AbaloneTrain (Training) <- AbaloneProcess',
				'3. AbaloneEval (Processing) <- AbaloneProcess, AbaloneTrain',
				'4. AbaloneMSECond (Condition) <- AbaloneEval',
				'5. AbaloneRegisterModel-RegisterModel (RegisterModel) <- AbaloneTrain, AbaloneMSECond [if]',
				'6. AbaloneCreateModel-CreateModel (Model) <- AbaloneTrain, AbaloneMSECond [if]',
				'7. AbaloneTransform (Transform) <- AbaloneMSECond [if], AbaloneCreateModel-CreateModel',
				'8. AbaloneMSEFail (Fail) <- AbaloneMSECond [else]',
				'',
			].join('\n'),
		);
	});

	test('a definition with problems: the problems on stderr, the graph still drawn, exit 2', async () => {
		const path = write(
			'missing.json',
			JSON.stringify({Steps: [{Name: 'A', Type: 'Training', DependsOn: ['Nope']}]}),
		);
		const {code, out, err} = await run([path], {json: true});
		expect(code).toBe(2);
		expect(err).toBe(
			`${path}: 1 problem (the graph below may be incomplete)\n  Steps[0].DependsOn[0]: Step 'A' depends on 'Nope', which is not a step of this pipeline\n`,
		);
		expect(JSON.parse(out)).toEqual({steps: [{name: 'A', type: 'Training'}], edges: []});
	});

	test('nothing to draw: exit 2 with the reason', async () => {
		const path = write('array.json', '[]');
		expect(await run([path])).toEqual({
			code: 2,
			out: '',
			err: `${path}: 1 problem (there is no graph to draw)\n  definition: The definition must be a JSON object, got a list\n`,
		});
	});

	test('usage errors: no argument, a path that does not exist', async () => {
		await expect(run([])).rejects.toThrow(
			new UsageError(
				'dag needs a definition file or a pipeline name: sagemon dag DEF.json|PIPELINE [--json]',
			),
		);
		const missing = scratch.path('nope.json');
		await expect(run([missing])).rejects.toThrow(
			new UsageError(`Cannot read ${missing}: there is no such file.`),
		);
	});
});

describe('sagemon dag PIPELINE (read from the service, here moto_server)', () => {
	let moto: MotoServer;
	let aws: AwsConnection;
	const saved = {...process.env};

	beforeAll(async () => {
		moto = await startMotoServer();
		process.env.AWS_ACCESS_KEY_ID = 'testing';
		process.env.AWS_SECRET_ACCESS_KEY = 'testing';
		process.env.AWS_EC2_METADATA_DISABLED = 'true';
		aws = await connectAws({endpointUrl: moto.url, region: 'us-east-1'}, {});
		await aws.pipelines.upsertPipeline({
			name: 'LambdaPipeline',
			definition: readFixture('lambda-step-notebook.json'),
			roleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
		});
	});

	afterAll(async () => {
		await aws?.close();
		await moto?.close();
		for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_EC2_METADATA_DISABLED']) {
			if (saved[key] === undefined) delete process.env[key];
			else process.env[key] = saved[key];
		}
	});

	test('draws the pipeline the service holds', async () => {
		const {code, out} = await run(['LambdaPipeline'], {json: true, aws: async () => aws});
		expect(code).toBe(0);
		const graph = JSON.parse(out);
		expect(graph.steps).toHaveLength(6);
		expect(graph.edges).toHaveLength(8);
		expect(graph.edges).toContainEqual({from: 'CreateModel-CreateModel', to: 'LambdaStep', kind: 'data'});
	});

	test('an unknown pipeline is an AWS error for the caller to report', async () => {
		await expect(run(['NoSuchPipeline'], {aws: async () => aws})).rejects.toBeInstanceOf(AwsError);
	});
});
