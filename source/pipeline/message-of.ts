// The sentence of anything thrown: an Error's message, or the value as text (a rejected promise may hold anything).
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
