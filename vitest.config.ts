import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 30_000,
		reporters: ['default', './test/helpers/summary-reporter.ts', './test/helpers/matrix-reporter.ts'],
		env: {CI: 'false', FORCE_COLOR: '0', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
	},
});
