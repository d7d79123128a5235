import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { type FieldProblem, isTesseraError, TesseraError } from "../core/errors.ts";

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

function problemOf(issue: AjvIssue): string {
	const params = issue.params ?? {};
	switch (issue.keyword) {
		case "required":
			return "This field is required.";
		case "additionalProperties":
			return "This field is not accepted here.";
		case "type":
			return `Must be a ${String(params["type"])}.`;
		case "maxLength":
			return `Must be at most ${String(params["limit"])} characters.`;
		case "minLength":
			return `Must be at least ${String(params["limit"])} characters.`;
		case "enum":
			return `Must be one of: ${(params["allowedValues"] as unknown[] | undefined)?.join(", ") ?? "the listed values"}.`;
		default:
			return issue.message ? `Not valid: ${issue.message}.` : "Not valid.";
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
			if (!fields.some((f) => f.field === field)) fields.push({ field, problem: problemOf(issue) });
		}
		return new TesseraError("invalid_request", { fields });
	}
	switch (e?.code) {
		case "FST_ERR_CTP_BODY_TOO_LARGE":
			return new TesseraError("payload_too_large");
		case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
			return new TesseraError("unsupported_media_type");
		case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
			return new TesseraError("invalid_request", { message: "The request body does not match its Content-Length." });
		case "FST_ERR_CTP_EMPTY_JSON_BODY":
		case "FST_ERR_CTP_INVALID_JSON_BODY":
			return new TesseraError("invalid_json");
	}
	if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
		return new TesseraError("invalid_request");
	}
	return new TesseraError("internal_error");
}

export function errorBody(error: TesseraError): { error: { code: string; message: string; fields?: FieldProblem[] } } {
	const body: { code: string; message: string; fields?: FieldProblem[] } = { code: error.code, message: error.message };
	if (error.fields) body.fields = error.fields;
	return { error: body };
}

export function logIfUnexpected(request: FastifyRequest, original: unknown, mapped: TesseraError): void {
	if (mapped.code === "internal_error") request.log.error({ err: original }, "request failed");
}

export function applyErrorHeaders(reply: FastifyReply, error: TesseraError): void {
	if (error.retryAfterSeconds !== undefined) reply.header("Retry-After", String(error.retryAfterSeconds));
}
