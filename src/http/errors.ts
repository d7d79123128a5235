import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import {
	type ErrorCode,
	type ErrorMethod,
	type FieldProblem,
	type FieldReason,
	fieldProblem,
	isTesseraError,
	TesseraError,
	words,
} from "../core/errors.ts";

/** The HTTP status of each error code: the core knows codes, only this face knows statuses. */
export const errorStatus = {
	invalid_request: 400,
	invalid_json: 400,
	invalid_encoding: 400,
	payload_too_large: 413,
	unsupported_media_type: 415,
	weak_password: 400,
	username_taken: 409,
	invalid_credentials: 401,
	unauthenticated: 401,
	invalid_code: 401,
	code_already_used: 401,
	code_typo: 400,
	code_replaced: 401,
	no_pending_codes: 409,
	challenge_expired: 410,
	app_sign_in_expired: 410,
	too_many_attempts: 429,
	method_not_available: 400,
	second_factor_unavailable: 403,
	two_factor_already_enabled: 409,
	totp_not_pending: 409,
	two_factor_not_enabled: 409,
	resend_too_soon: 429,
	delivery_failed: 502,
	phone_in_use: 409,
	email_in_use: 409,
	no_contact: 409,
	last_second_factor: 409,
	passkey_already_registered: 409,
	channel_unavailable: 503,
	recovery_in_progress: 409,
	recovery_request_open: 409,
	recovery_paused: 409,
	two_factor_setup_required: 403,
	new_backup_codes_required: 403,
	invalid_link: 410,
	own_identity_check: 403,
	server_busy: 503,
	csrf_failed: 403,
	not_found: 404,
	stream_exists: 409,
	stream_disabled_by_operator: 403,
	internal_error: 500,
} as const satisfies Record<ErrorCode, number>;

export function statusOf(code: ErrorCode): number {
	return errorStatus[code];
}


interface AjvIssue {
	instancePath?: string;
	keyword?: string;
	message?: string;
	params?: Record<string, unknown>;
}

function fieldOf(issue: AjvIssue): string {
	const params = issue.params ?? {};
	if (typeof params["missingProperty"] === "string") return params["missingProperty"];
	if (typeof params["additionalProperty"] === "string") return params["additionalProperty"];
	const path = (issue.instancePath ?? "").replace(/^\//, "").replace(/\//g, ".");
	return path || "body";
}

/** Why the schema refused a field, as a reason (data) whose words are written when read. */
function problemOf(field: string, issue: AjvIssue): FieldProblem {
	const params = issue.params ?? {};
	switch (issue.keyword) {
		case "required":
			return fieldProblem(field, "required");
		case "additionalProperties":
			return fieldProblem(field, "not_accepted");
		case "type":
			return fieldProblem(field, "wrong_type", { type: String(params["type"]) });
		case "maxLength":
			return fieldProblem(field, "too_long", { limit: Number(params["limit"]) });
		case "minLength":
			return fieldProblem(field, "too_short", { limit: Number(params["limit"]) });
		case "enum":
			return fieldProblem(field, "not_one_of", { values: (params["allowedValues"] as unknown[] | undefined)?.join(", ") ?? "" });
		default:
			return fieldProblem(field, "not_valid");
	}
}

/** Turns anything thrown while serving a request into a TesseraError; unknown errors become `internal_error`. */
export function toTesseraError(error: unknown): TesseraError {
	if (isTesseraError(error)) return error;
	const e = error as FastifyError & { validation?: AjvIssue[] };
	if (Array.isArray(e?.validation)) {
		const fields: FieldProblem[] = [];
		for (const issue of e.validation) {
			const field = fieldOf(issue);
			if (!fields.some((f) => f.field === field)) fields.push(problemOf(field, issue));
		}
		return new TesseraError("invalid_request", { fields });
	}
	switch (e?.code) {
		case "FST_ERR_CTP_BODY_TOO_LARGE":
			return new TesseraError("payload_too_large");
		case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
			return new TesseraError("unsupported_media_type");
		case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
			return new TesseraError("invalid_request", { message: words("errors.request.contentLength") });
		case "FST_ERR_CTP_EMPTY_JSON_BODY":
		case "FST_ERR_CTP_INVALID_JSON_BODY":
			return new TesseraError("invalid_json");
	}
	if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
		return new TesseraError("invalid_request");
	}
	return new TesseraError("internal_error");
}

/** A field at fault, as data: the same in every language. */
export interface FieldReasonBody {
	field: string;
	reason: FieldReason;
}

/** A field at fault with its words: what `error.fields` carries, in the request's language. */
export interface FieldProblemBody extends FieldReasonBody {
	problem: string;
}

/** An error's details as the API sends them: times as ISO 8601 strings; never words. */
export interface ErrorBodyDetails {
	usedAt?: string;
	replacedAt?: string;
	retryAfterSeconds?: number;
	remaining?: number;
	fields?: FieldReasonBody[];
	method?: ErrorMethod;
}

export interface ErrorBody {
	error: {
		code: ErrorCode;
		/** Words, in the request's language. */
		message: string;
		/** Data, the same in every language. */
		details: ErrorBodyDetails;
		/** The fields of `details.fields` with their problem in words, where they have always been. */
		fields?: FieldProblemBody[];
	};
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The facts of an error for the API: every detail, with times as ISO strings, and fields by reason. */
export function bodyDetails(error: TesseraError): ErrorBodyDetails {
	const d = error.details;
	const details: ErrorBodyDetails = {};
	if (d.usedAt !== undefined) details.usedAt = iso(d.usedAt);
	if (d.replacedAt !== undefined) details.replacedAt = iso(d.replacedAt);
	if (d.retryAfterSeconds !== undefined) details.retryAfterSeconds = d.retryAfterSeconds;
	if (d.remaining !== undefined) details.remaining = d.remaining;
	if (d.fields !== undefined) details.fields = d.fields.map((f) => ({ field: f.field, reason: f.reason ?? "invalid" }));
	if (d.method !== undefined) details.method = d.method;
	return details;
}

/**
 * `{ error: { code, message, details } }`. The words (the message, each field's
 * problem) are written here, when the answer is made, in the request's language
 * (the error handler runs in its presentation), whenever the error was made.
 */
export function errorBody(error: TesseraError): ErrorBody {
	const body: ErrorBody["error"] = { code: error.code, message: error.message, details: bodyDetails(error) };
	if (error.fields) body.fields = error.fields.map((f) => ({ field: f.field, reason: f.reason ?? "invalid", problem: f.problem }));
	return { error: body };
}

export function logIfUnexpected(request: FastifyRequest, original: unknown, mapped: TesseraError): void {
	if (mapped.code === "internal_error") request.log.error({ err: original }, "request failed");
}

export function applyErrorHeaders(reply: FastifyReply, error: TesseraError): void {
	if (error.retryAfterSeconds !== undefined) reply.header("Retry-After", String(error.retryAfterSeconds));
}
