import { fieldProblem, TesseraError, words } from "../core/errors.ts";
import type { EnrolmentAnswer, MethodAnswer } from "../methods/types.ts";

interface AnswerKinds {
	find(name: string): { answer: "code" | "webauthn" } | undefined;
}

/**
 * The answer a face received, typed for the method it names: a code, or a WebAuthn
 * assertion (an object in the API; a page's form carries it as JSON text). A name
 * no method has is left to the flow, which says `method_not_available`.
 */
export function answerOf(methods: AnswerKinds, method: string, input: { code?: string | undefined; response?: unknown }): MethodAnswer {
	if (methods.find(method)?.answer !== "webauthn") {
		if (input.code === undefined) throw new TesseraError("invalid_request", { fields: [fieldProblem("code", "required", undefined, "errors.field.required.forMethod")] });
		return { code: input.code };
	}
	const assertion = input.response ?? parseJson(input.code);
	if (typeof assertion !== "object" || assertion === null || Array.isArray(assertion)) {
		throw new TesseraError("invalid_request", {
			message: words("errors.passkey.unreadable"),
			fields: [fieldProblem("response", "required", undefined, "errors.field.required.response")],
		});
	}
	return { assertion: assertion as Record<string, unknown> };
}

/** The answer that confirms a set-up: a code, or a browser's WebAuthn response with the name it is given. */
export function enrolmentAnswerOf(input: { code?: string | undefined; response?: unknown; name?: string | undefined }): EnrolmentAnswer {
	if (input.code !== undefined) return { code: input.code };
	const response = typeof input.response === "string" ? parseJson(input.response) : input.response;
	if (typeof response !== "object" || response === null || Array.isArray(response)) {
		throw new TesseraError("invalid_request", { fields: [fieldProblem("code", "required", undefined, "errors.field.required.answer")] });
	}
	return { response: response as Record<string, unknown>, name: input.name };
}

function parseJson(text: string | undefined): unknown {
	if (text === undefined) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
