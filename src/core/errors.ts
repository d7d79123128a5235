import { errorCatalogue, messageOf } from "./error-messages.ts";

/**
 * Errors are values: a stable code and the facts behind it (`details`). Codes
 * are part of the public contract (docs/errors.md): never rename one. The words
 * come from src/core/error-messages.ts; how a face shows an error (the API's
 * JSON, a page) is the face's business, not the core's.
 */

export { errorCatalogue, messageOf };

export type ErrorCode = keyof typeof errorCatalogue;

/** Every code, in catalogue order. */
export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

export interface FieldProblem {
	field: string;
	problem: string;
}

/** What an error is about: a registered method's name, as the API names it. */
export type ErrorMethod = string;

/**
 * The facts of an error, as data: times are epoch milliseconds here; each face
 * presents them its own way (the API as ISO 8601 strings).
 */
export interface ErrorDetails {
	/** `code_already_used`: when the code was used. */
	usedAt?: number;
	/** `code_replaced`: when the list the code belongs to was replaced. */
	replacedAt?: number;
	/** `too_many_attempts`, `resend_too_soon`, `server_busy`: seconds to wait before trying again. */
	retryAfterSeconds?: number;
	/** `code_already_used` for a backup code: the unused codes left in that list. */
	remaining?: number;
	/** The fields at fault, and why (`invalid_request`, `weak_password`, `username_taken`). */
	fields?: FieldProblem[];
	/** `code_already_used`: which kind of code was used again. */
	method?: ErrorMethod;
}

/** Every property `details` can have. */
export const errorDetailKeys = ["usedAt", "replacedAt", "retryAfterSeconds", "remaining", "fields", "method"] as const satisfies readonly (keyof ErrorDetails)[];

/** The details, and optionally a message that replaces the one written from them. */
export type TesseraErrorOptions = ErrorDetails & { message?: string | undefined };

export class TesseraError extends Error {
	readonly code: ErrorCode;
	readonly details: Readonly<ErrorDetails>;

	constructor(code: ErrorCode, options: TesseraErrorOptions = {}) {
		const details: ErrorDetails = {};
		for (const key of errorDetailKeys) {
			if (options[key] !== undefined) Object.assign(details, { [key]: options[key] });
		}
		super(options.message ?? messageOf(code, details));
		this.name = "TesseraError";
		this.code = code;
		this.details = Object.freeze(details);
	}

	/** The same as `details.fields`. */
	get fields(): FieldProblem[] | undefined {
		return this.details.fields;
	}

	/** The same as `details.retryAfterSeconds`. */
	get retryAfterSeconds(): number | undefined {
		return this.details.retryAfterSeconds;
	}
}

export function isTesseraError(value: unknown): value is TesseraError {
	return value instanceof TesseraError;
}
