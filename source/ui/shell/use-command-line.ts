// The `:` command line: open, typed into, and run on enter (`:pipeline NAME`, `:region R`, `:profile P`, `:q`).
import {useState} from 'react';
import type {AwsAccess} from '../../aws/types.js';
import type {MessageKind} from '../app-context.js';
import {useTextEditing} from '../hooks/use-text-editing.js';
import {parseCommand} from './command-line.js';
import type {Route} from './routes.js';

export type CommandLineHost = {
	/** Runs `go` once any unsaved edits may be dropped (asks when there are some). */
	leave(question: string, go: () => void): void;
	reset(routes: Route[]): void;
	exit(): void;
	notify(text: string, kind?: MessageKind): void;
	reconnect: ((changes: {region?: string; profile?: string}) => Promise<AwsAccess>) | undefined;
};

export type CommandLine = {open: boolean; text: string; cursor: number; start(): void};

export function useCommandLine(host: CommandLineHost): CommandLine {
	const [open, setOpen] = useState(false);
	const [text, setText] = useState('');

	const run = (command: string) => {
		const parsed = parseCommand(command);
		switch (parsed.kind) {
			case 'empty':
				return;
			case 'quit':
				host.leave('Quit anyway?', host.exit);
				return;
			case 'pipelines':
				host.leave('Leave it?', () => host.reset([{kind: 'pipelines'}]));
				return;
			case 'pipeline':
				host.leave('Leave it?', () =>
					host.reset([
						{kind: 'pipelines', selected: parsed.name},
						{kind: 'executions', pipelineName: parsed.name},
					]),
				);
				return;
			case 'models':
				host.leave('Leave it?', () =>
					host.reset([
						{kind: 'pipelines'},
						...(parsed.group === undefined ? [] : [{kind: 'models' as const}]),
						{kind: 'models', ...(parsed.group === undefined ? {} : {group: parsed.group})},
					]),
				);
				return;
			case 'region':
			case 'profile': {
				if (!host.reconnect) {
					host.notify(`:${parsed.kind} is not available here.`, 'error');
					return;
				}

				host.reset([{kind: 'pipelines'}]);
				host.reconnect(parsed.kind === 'region' ? {region: parsed.value} : {profile: parsed.value}).then(
					(aws) =>
						host.notify(
							`Now using ${[aws.settings.region, aws.settings.label].filter(Boolean).join(' · ')}.`,
							'success',
						),
					// The failure is shown in place of the screen.
					() => undefined,
				);
				return;
			}

			case 'unknown':
				host.notify(parsed.message, 'error');
		}
	};

	const {cursor} = useTextEditing({
		active: open,
		showKeymap: false,
		value: text,
		onChange: setText,
		onIntent: (intent) => {
			if (intent === 'commit') {
				setOpen(false);
				run(text);
			} else if (intent === 'leave') setOpen(false);
		},
	});

	return {
		open,
		text,
		cursor,
		start: () => {
			setText('');
			setOpen(true);
		},
	};
}
