import {expect, test} from 'vitest';
import {connectionSettings} from '../source/open-connection.js';
import {defaultFlags} from './helpers/fake-command-context.js';

test('--region wins; else the region of an ARN argument; else none (the environment decides)', () => {
	expect(connectionSettings({...defaultFlags, region: 'ap-south-1'}, 'eu-west-1')).toEqual({
		region: 'ap-south-1',
	});
	expect(connectionSettings(defaultFlags, 'eu-west-1')).toEqual({region: 'eu-west-1'});
	expect(connectionSettings({...defaultFlags, region: '  '}, 'eu-west-1')).toEqual({region: 'eu-west-1'});
	expect(connectionSettings(defaultFlags)).toEqual({});
});

test('--profile and --endpoint-url pass through as they are', () => {
	expect(
		connectionSettings({...defaultFlags, profile: 'ci', endpointUrl: 'http://127.0.0.1:4566'}, undefined),
	).toEqual({profile: 'ci', endpointUrl: 'http://127.0.0.1:4566'});
});
