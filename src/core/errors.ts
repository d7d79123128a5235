import type { MessageKey, MessageValues } from "../i18n/translate.ts";
import { t } from "../i18n/translate.ts";
import { errorCatalogue, messageOf } from "./error-messages.ts";

/**
 * Errors are values: a stable code and the facts behind it (`details`). Codes
 * are part of the public contract (docs/errors.md): never rename one. The words
 * come from src/core/error-messages.ts and the errors catalog, and are written
 * when they are read, in the language of whoever reads them: an error made
 * before a request's language is known (while its body is parsed, or when a
 * module loads) still speaks the request's language in its answer. How a face
 * shows an error (the API's JSON, a page) is the face's business, not the core's.
 */

export { errorCatalogue, messageOf };

export type ErrorCode = keyof typeof errorCatalogue;

/** Every code, in catalogue order. */
export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/**
 * Why a field is at fault, as data: the same in every language (docs/errors.md
 * lists them). `invalid` is the reason of a problem given only in words.
 */
export type FieldReason =
	| "required"
	| "not_accepted"
	| "wrong_type"
	| "too_long"
	| "too_short"
	| "not_one_of"
	| "not_valid"
	| "username_length"
	| "username_characters"
	| "username_lower_case"
	| "username_taken"
	| "email_format"
	| "password_length"
	| "password_common"
	| "password_has_username"
	| "password_wrong"
	| "phone_invalid"
	| "phone_not_mobile"
	| "phone_no_country_code"
	| "sent_twice"
	| "bad_text"
	| "invalid";

/**
 * A field at fault: its name and why (`reason`, data), and what to change, in
 * words (`problem`). A problem made by `fieldProblem` writes its words each time
 * they are read, in the reader's language.
 */
export interface FieldProblem {
	field: string;
	/** Why, as a stable code; a problem given only in words has none (the API then says `invalid`). */
	reason?: FieldReason;
	readonly problem: string;
}

/**
 * A field's problem whose words come from the errors catalog (`errors.field.<reason>`
 * unless `key` names another message), written when read.
 */
export function fieldProblem(field: string, reason: FieldReason, values?: MessageValues, key?: MessageKey): FieldProblem {
	const messageKey = key ?? (`errors.field.${reason}` as MessageKey);
	return Object.freeze({
		field,
		reason,
		get problem() {
			return t(messageKey, values);
		},
	});
}

/** A message to be written when it is read: a catalog message and its values. */
export function words(key: MessageKey, values?: MessageValues): () => string {
	return () => t(key, values);
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

/**
 * The details, and optionally a message that replaces the one written from them:
 * words from the catalog (`words(key, values)`, written when read), or fixed text
 * (the operator's command line, which speaks English).
 */
export type TesseraErrorOptions = ErrorDetails & { message?: string | (() => string) | undefined };

export class TesseraError extends Error {
	readonly code: ErrorCode;
	readonly details: Readonly<ErrorDetails>;
	readonly #message: string | (() => string) | undefined;

	constructor(code: ErrorCode, options: TesseraErrorOptions = {}) {
		const details: ErrorDetails = {};
		for (const key of errorDetailKeys) {
			if (options[key] !== undefined) Object.assign(details, { [key]: options[key] });
		}
		// The code names it in a stack trace; the message is written when read.
		super(code);
		this.name = "TesseraError";
		this.code = code;
		this.details = Object.freeze(details);
		this.#message = options.message;
		Object.defineProperty(this, "message", {
			configurable: true,
			enumerable: false,
			get: () => this.#words(),
		});
	}

	/** The message in the current presentation's language. */
	#words(): string {
		const own = this.#message;
		if (typeof own === "string") return own;
		if (own) return own();
		return messageOf(this.code, this.details);
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
