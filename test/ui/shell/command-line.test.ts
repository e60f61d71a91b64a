import {expect, test} from 'vitest';
import {parseCommand} from '../../../source/ui/shell/command-line.js';

test('the command line understands :pipeline, :region, :profile and :q', () => {
	expect(parseCommand('pipeline AbalonePipeline')).toEqual({kind: 'pipeline', name: 'AbalonePipeline'});
	expect(parseCommand(':pipelines')).toEqual({kind: 'pipelines'});
	expect(parseCommand('region eu-west-1')).toEqual({kind: 'region', value: 'eu-west-1'});
	expect(parseCommand('profile prod')).toEqual({kind: 'profile', value: 'prod'});
	expect(parseCommand('q')).toEqual({kind: 'quit'});
	expect(parseCommand(':models')).toEqual({kind: 'models'});
	expect(parseCommand('models AbaloneModelPackageGroupName')).toEqual({
		kind: 'models',
		group: 'AbaloneModelPackageGroupName',
	});
	expect(parseCommand('  ')).toEqual({kind: 'empty'});
});

test('a mistyped command says what would work', () => {
	expect(parseCommand('regoin eu-west-1')).toEqual({
		kind: 'unknown',
		message: 'Unknown command ":regoin"; try :pipeline NAME, :models GROUP, :region R, :profile P or :q.',
	});
	expect(parseCommand('region')).toEqual({
		kind: 'unknown',
		message: ':region needs a region name, e.g. :region eu-west-1',
	});
});
