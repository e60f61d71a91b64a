import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		pool: 'forks',
		testTimeout: 30_000,
		// CI runs the suite three times (Node 20, 22, 24) on a shared 2-core runner, where the real-terminal tests
		// (tmux, pty, signals) depend on process scheduling: one retry there keeps CI's verdict about behaviour, not
		// about the scheduler. Locally every failure shows at once.
		retry: process.env.CI === 'true' ? 1 : 0,
		hookTimeout: 30_000,
		reporters: ['default', './test/helpers/summary-reporter.ts', './test/helpers/matrix-reporter.ts'],
		env: {CI: 'false', FORCE_COLOR: '0', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
	},
});
