import {defineConfig} from 'vitest/config';

// Tests that drive a terminal (tmux, a pty, signals) or an Ink app with real timers depend on process scheduling:
// they run one file at a time, after the rest. The rest (the pure core, the adapters, the emulator, the built CLI
// against an emulator, boto3 and the AWS CLI as peers) share no terminal, fixed port or file, and run two at a time.
const terminalTests = ['test/ui/**', 'test/e2e/**', 'test/reliability/**'];

export default defineConfig({
	test: {
		pool: 'forks',
		testTimeout: 30_000,
		// CI runs the suite three times (Node 20, 22, 24) on a shared 2-core runner, where the real-terminal tests
		// (tmux, pty, signals) depend on process scheduling: one retry there keeps CI's verdict about behaviour, not
		// about the scheduler. Locally every failure shows at once.
		retry: process.env.CI === 'true' ? 1 : 0,
		hookTimeout: 30_000,
		reporters: ['default', './test/helpers/summary-reporter.ts', './test/helpers/matrix-reporter.ts'],
		env: {CI: 'false', FORCE_COLOR: '0', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
		projects: [
			{
				extends: true,
				test: {
					name: 'processes',
					include: ['test/**/*.test.{ts,tsx}'],
					exclude: terminalTests,
					maxWorkers: 2,
					sequence: {groupOrder: 0},
				},
			},
			{
				extends: true,
				test: {
					name: 'terminal',
					include: terminalTests.map((folder) => `${folder}/*.test.{ts,tsx}`),
					maxWorkers: 1,
					sequence: {groupOrder: 1},
				},
			},
		],
	},
});
