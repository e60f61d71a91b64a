// One page of a listing and the token for the next, as every List* call of the service answers.
export type Page<T> = {items: T[]; nextToken?: string};
