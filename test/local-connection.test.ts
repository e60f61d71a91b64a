import {expect, test} from 'vitest';
import {connectLocal, connectToEmulator} from '../source/local-connection.js';

test('--local: an embedded emulator with the demo pipelines, reconnected in another region, gone once closed', async () => {
	const local = await connectLocal({timeScale: 1000});
	let endpointUrl: string | undefined;
	try {
		expect(local.settings).toMatchObject({label: 'local', region: 'us-east-1'});
		endpointUrl = local.settings.endpointUrl;
		expect(endpointUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const {items} = await local.pipelines.listPipelines({});
		expect(items.map((pipeline) => pipeline.name)).toContain('AbalonePipeline');

		// :region on --local points a new connection at the same emulator, with the emulator's credentials.
		const elsewhere = await connectToEmulator(endpointUrl!, {region: 'eu-west-1'});
		try {
			expect(elsewhere.settings).toMatchObject({label: 'local', region: 'eu-west-1', endpointUrl});
			await expect(elsewhere.pipelines.listPipelines({})).resolves.toHaveProperty('items');
		} finally {
			await elsewhere.close();
		}
	} finally {
		await local.close();
	}

	const closed = await connectToEmulator(endpointUrl!, {});
	try {
		await expect(closed.pipelines.listPipelines({})).rejects.toMatchObject({kind: 'Network'});
	} finally {
		await closed.close();
	}
});
