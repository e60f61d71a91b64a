// Parses what the user types after `:` (k9s style): `:pipeline NAME`, `:pipelines`, `:models [GROUP]`,
// `:region R`, `:profile P`, `:q`.

export type ParsedCommand =
	| {kind: 'empty'}
	| {kind: 'quit'}
	| {kind: 'pipelines'}
	| {kind: 'pipeline'; name: string}
	| {kind: 'models'; group?: string}
	| {kind: 'region'; value: string}
	| {kind: 'profile'; value: string}
	| {kind: 'unknown'; message: string};

const usage = 'try :pipeline NAME, :models GROUP, :region R, :profile P or :q';

export function parseCommand(text: string): ParsedCommand {
	const [word = '', ...rest] = text.trim().replace(/^:/, '').split(/\s+/).filter(Boolean);
	const argument = rest.join(' ');
	switch (word.toLowerCase()) {
		case '':
			return {kind: 'empty'};
		case 'q':
		case 'q!':
		case 'quit':
		case 'exit':
			return {kind: 'quit'};
		case 'pipeline':
		case 'pipelines':
		case 'pl':
		case 'p':
			return argument === '' ? {kind: 'pipelines'} : {kind: 'pipeline', name: argument};
		case 'models':
		case 'model':
			return argument === '' ? {kind: 'models'} : {kind: 'models', group: argument};
		case 'region':
			return argument === ''
				? {kind: 'unknown', message: ':region needs a region name, e.g. :region eu-west-1'}
				: {kind: 'region', value: argument};
		case 'profile':
			return argument === ''
				? {kind: 'unknown', message: ':profile needs a profile name, e.g. :profile prod'}
				: {kind: 'profile', value: argument};
		default:
			return {kind: 'unknown', message: `Unknown command ":${word}"; ${usage}.`};
	}
}
