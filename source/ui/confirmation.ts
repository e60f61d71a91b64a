// What a confirmation asks and does. Stop asks y/N; delete asks for the exact name. The action runs at most once
// per confirmation, however many times the confirming key is pressed.

export type Confirmation = {
	/** "Stop execution execution-1700000000000?" */
	question: string;
	/** Set for deletes: the user must type this exactly. */
	expected?: string;
	/** Shown while the action runs ("Stopping…"). */
	busy: string;
	/** Runs the action; resolves to the message shown afterwards. */
	run(): Promise<string>;
};
