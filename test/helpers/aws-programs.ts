// Runs boto3 scripts and the AWS CLI as real clients of a local endpoint: fake credentials, a scratch HOME,
// nothing from this machine's AWS configuration.
import {execFile, execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {testCredentials} from './emulator.js';

/** A child environment with fake credentials and no AWS configuration from this machine. */
export function awsEnvironment(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: home,
		AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
		AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
		AWS_DEFAULT_REGION: 'us-east-1',
		AWS_CONFIG_FILE: join(home, 'config'),
		AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
		AWS_EC2_METADATA_DISABLED: 'true',
		AWS_PAGER: '',
		...extra,
	};
	for (const name of ['PYENV_ROOT', 'PYENV_VERSION'])
		if (process.env[name]) environment[name] = process.env[name];
	return environment;
}

/** Runs a program without blocking this process (which may serve the endpoint the program talks to). */
export function runProgram(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(command, args, {env, timeout: 180_000, maxBuffer: 16 * 1024 * 1024}, (error, stdout, stderr) => {
			if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
			else resolve(stdout);
		});
	});
}

let resolvedPython: string | undefined;

/**
 * The absolute path of a Python interpreter that has boto3, found once through `python3` on PATH with this
 * process's own environment. Tests run it by that path, so a scratch HOME or a PATH that puts another python3
 * first (a Node's bin directory such as /usr/bin, in CI) cannot swap in an interpreter without boto3.
 */
export function python(): string {
	if (resolvedPython) return resolvedPython;
	const candidates = [
		process.env.SAGEMON_TEST_PYTHON,
		'python3',
		`${process.env.PYENV_ROOT ?? `${process.env.HOME}/.pyenv`}/shims/python3`,
	];
	for (const candidate of candidates) {
		if (!candidate) continue;
		try {
			resolvedPython = execFileSync(candidate, ['-c', 'import sys, boto3, botocore; print(sys.executable)'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).trim();
			return resolvedPython;
		} catch {}
	}
	throw new Error(
		'These tests need a python3 with boto3 (set SAGEMON_TEST_PYTHON to one); none was found on PATH.',
	);
}
