import {renderToString} from 'ink';
import {describe, expect, test} from 'vitest';
import {Header} from '../../../source/ui/components/header.js';
import {describeRefresh} from '../../../source/ui/components/refresh-status.js';
import {createRefreshStore} from '../../../source/ui/refresh-store.js';

const now = 1_800_000_000_000;

describe('the header', () => {
	test('shows the breadcrumb, the region and profile, the refresh state and the read-only badge', () => {
		const refresh = createRefreshStore();
		refresh.set({phase: 'live', updatedAt: now - 3000});
		const text = renderToString(
			<Header
				crumbs={['Pipelines', 'AbalonePipeline']}
				region="eu-west-1"
				label="prod"
				readOnly
				refresh={refresh}
				now={() => now}
				width={120}
			/>,
			{columns: 120},
		);
		expect(text).toContain('sagemon Pipelines › AbalonePipeline');
		expect(text).toContain('updated just now · eu-west-1 · prod');
		expect(text).toContain('READ-ONLY');
	});

	test('drops the first crumbs before the end of the path when narrow', () => {
		const text = renderToString(
			<Header
				crumbs={['Pipelines', 'AbalonePipeline', 'execution-1700000000000']}
				label="local"
				readOnly={false}
				refresh={createRefreshStore()}
				now={() => now}
				width={50}
			/>,
			{columns: 50},
		);
		expect(text).toContain('… execution-1700000000000');
		expect(text).toContain('local');
	});

	test('words the refresh state: age, paused, offline with a countdown', () => {
		expect(describeRefresh({phase: 'live', updatedAt: now - 42_000}, now).text).toBe('updated 40s ago');
		expect(
			describeRefresh({phase: 'live', updatedAt: now - 90_000, polledAt: () => now - 1000}, now).text,
		).toBe('updated just now');
		expect(describeRefresh({phase: 'paused', updatedAt: now}, now).text).toBe('paused (p resumes)');
		expect(describeRefresh({phase: 'retrying', nextRetryAt: now + 7200}, now)).toEqual({
			text: 'offline, retrying in 8s',
			tone: 'danger',
		});
	});
});
