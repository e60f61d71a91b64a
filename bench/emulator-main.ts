// The seeded emulator of `npm run bench` as a process: `sagemon emulator` plus a raised pipeline quota (the
// service's default of 500 would not hold the 5,000 pipelines of the memory figure). argv[2] is JSON
// EmulatorOptions; prints the same "listening on URL" line as the CLI and stops on SIGTERM/SIGINT.
import {type EmulatorOptions, startEmulator} from '../source/emulator/index.js';

const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
const emulator = await startEmulator({...options, host: '127.0.0.1', port: 0});
process.stdout.write(`sagemon emulator listening on ${emulator.url}\n`);
const stop = async () => {
	await emulator.close();
	process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
