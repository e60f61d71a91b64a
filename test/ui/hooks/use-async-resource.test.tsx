import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {AwsError} from '../../../source/aws/types.js';
import {type Loading, useAsyncResource} from '../../../source/ui/hooks/use-async-resource.js';

/** A promise the test settles by hand. */
function deferred<T>() {
	let resolve: (value: T) => void = () => {};
	let reject: (error: unknown) => void = () => {};
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return {promise, resolve, reject};
}

function show(result: Loading<string>): string {
	if (result.state === 'ready') return `ready ${result.value}`;
	if (result.state === 'failed') return `failed ${result.kind ?? '-'} ${result.message}`;
	return 'loading';
}

function Probe({id, reads}: {id: string; reads: Map<string, Promise<string>>}) {
	const result = useAsyncResource(() => reads.get(id) ?? Promise.reject(new Error(`no ${id}`)), [id]);
	return <Text>{show(result)}</Text>;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('useAsyncResource', () => {
	test('loading, then the value', async () => {
		const read = deferred<string>();
		const app = render(<Probe id="a" reads={new Map([['a', read.promise]])} />);
		expect(app.lastFrame()).toBe('loading');
		read.resolve('A');
		await settle();
		expect(app.lastFrame()).toBe('ready A');
		app.unmount();
	});

	test('a failure keeps an AWS error’s kind, and any other thrown value becomes its message', async () => {
		const denied = deferred<string>();
		const odd = deferred<string>();
		const reads = new Map([
			['denied', denied.promise],
			['odd', odd.promise],
		]);
		const app = render(<Probe id="denied" reads={reads} />);
		denied.reject(new AwsError('AccessDenied', 'Access denied: no s3:GetObject.'));
		await settle();
		expect(app.lastFrame()).toBe('failed AccessDenied Access denied: no s3:GetObject.');
		app.rerender(<Probe id="odd" reads={reads} />);
		odd.reject('plain text');
		await settle();
		expect(app.lastFrame()).toBe('failed - plain text');
		app.unmount();
	});

	test('a read whose input changed is dropped: its late answer never shows', async () => {
		const first = deferred<string>();
		const second = deferred<string>();
		const reads = new Map([
			['first', first.promise],
			['second', second.promise],
		]);
		const app = render(<Probe id="first" reads={reads} />);
		app.rerender(<Probe id="second" reads={reads} />);
		second.resolve('two');
		await settle();
		first.resolve('one');
		await settle();
		expect(app.lastFrame()).toBe('ready two');
		app.unmount();
	});
});
