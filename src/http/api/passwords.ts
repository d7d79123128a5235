import {
	changePassword,
	completePasswordReset,
	completePasswordResetSecondFactor,
	requestPasswordReset,
	resetRequestedMessage,
	secureAccount,
} from "../../flows/password.ts";
import type { MethodName } from "../../methods/types.ts";
import { answerOf } from "../answers.ts";
import { clientInfo } from "../client.ts";
import { challengeBody } from "./bodies.ts";
import { account, type Api } from "./context.ts";
import { apiSchemas as s } from "./schemas.ts";

/** Changing the password, resetting a forgotten one with its second step, and "Wasn't you?". */
export function passwordRoutes({ app, deps, requireSession }: Api): void {
	app.post("/account/password", { schema: s.changePassword, preHandler: requireSession }, async (request) => {
		const body = request.body as { currentPassword: string; newPassword: string };
		await changePassword(deps, account(request), { current: body.currentPassword, password: body.newPassword }, clientInfo(request), request.auth!.sessionId);
		return { status: "password_changed" };
	});

	app.post("/password-reset", { schema: s.requestPasswordReset }, async (request, reply) => {
		const { identifier } = request.body as { identifier: string };
		const { token } = await requestPasswordReset(deps, identifier, clientInfo(request));
		reply.code(202);
		return { reset: token, message: resetRequestedMessage };
	});

	// With two-factor on, the new password waits for a second step that no reset can reach.
	app.post("/password-reset/complete", { schema: s.completePasswordReset }, async (request) => {
		const body = request.body as { token: string; code?: string; newPassword: string };
		const outcome = await completePasswordReset(deps, { token: body.token, code: body.code, password: body.newPassword }, clientInfo(request));
		if (outcome.status === "password_changed") return outcome;
		return { status: outcome.status, secondFactor: challengeBody(outcome.secondFactor) };
	});

	app.post("/password-reset/second-factor", { schema: s.passwordResetSecondFactor }, async (request) => {
		const body = request.body as { challenge: string; method: MethodName; code?: string; response?: unknown };
		// A passkey answers with its assertion (options from /sessions/second-factor/start); the others with a code.
		const input = { challenge: body.challenge, method: body.method, answer: answerOf(deps.methods, body.method, body) };
		return completePasswordResetSecondFactor(deps, input, clientInfo(request));
	});

	// "Wasn't you?": signs out everywhere. It sets no password: that is "Forgot password", with its second step.
	app.post("/secure-account", { schema: s.secureAccount }, async (request) => {
		const body = request.body as { token: string };
		await secureAccount(deps, { token: body.token }, clientInfo(request));
		return { status: "signed_out_everywhere" };
	});
}
