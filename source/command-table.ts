// Every command sagemon has, by name, in the order `sagemon --help` lists them. Each is one file in commands/
// exporting its descriptor; it is loaded only when it runs (or for the help), so starting one command never
// loads the others. A new command is its file plus one line here.
import type {CommandDescriptor} from './commands/command.js';

export const commandTable: Record<string, () => Promise<{default: CommandDescriptor}>> = {
	validate: () => import('./commands/validate.js'),
	dag: () => import('./commands/dag.js'),
	upsert: () => import('./commands/upsert.js'),
	start: () => import('./commands/start.js'),
	describe: () => import('./commands/describe.js'),
	wait: () => import('./commands/wait.js'),
	watch: () => import('./commands/watch.js'),
	steps: () => import('./commands/steps.js'),
	report: () => import('./commands/report.js'),
	logs: () => import('./commands/logs.js'),
	diff: () => import('./commands/diff.js'),
	why: () => import('./commands/why.js'),
	stop: () => import('./commands/stop.js'),
	retry: () => import('./commands/retry.js'),
	delete: () => import('./commands/delete.js'),
	models: () => import('./commands/models.js'),
	approve: () => import('./commands/approve.js'),
	reject: () => import('./commands/reject.js'),
	callback: () => import('./commands/callback.js'),
	emulator: () => import('./commands/emulator.js'),
};
