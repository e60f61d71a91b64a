// An error the emulated SageMaker service answers with: the `__type` code, the HTTP status and a message.

export type ServiceErrorCode =
	| 'ValidationException'
	| 'ResourceNotFound'
	| 'ResourceLimitExceeded'
	| 'ConflictException'
	| 'ResourceInUse'
	| 'ThrottlingException'
	| 'AccessDeniedException'
	| 'ExpiredTokenException'
	| 'UnrecognizedClientException'
	| 'UnknownOperationException'
	| 'SerializationException'
	| 'InternalFailure';

export class ServiceError extends Error {
	override name = 'ServiceError';

	constructor(
		readonly code: ServiceErrorCode,
		message: string,
		readonly status = code === 'InternalFailure' ? 500 : 400,
	) {
		super(message);
	}
}

export const validationError = (message: string) => new ServiceError('ValidationException', message);
export const notFoundError = (message: string) => new ServiceError('ResourceNotFound', message);
export const conflictError = (message: string) => new ServiceError('ConflictException', message);
