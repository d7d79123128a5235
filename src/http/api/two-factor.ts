import { beginEnrolment, confirmEnrolment, removeCredential } from "../../flows/enrolment.ts";
import { confirmBackupCodes, confirmDisableTwoFactor, requestNewBackupCodes, startDisableTwoFactor } from "../../flows/two-factor.ts";
import type { MethodName } from "../../methods/types.ts";
import { answerOf } from "../answers.ts";
import { clientInfo } from "../client.ts";
import { backupCodesBody, challengeBody, newCodesBody, twoFactorBody } from "./bodies.ts";
import { account, type Api } from "./context.ts";
import { apiSchemas as s } from "./schemas.ts";
import { AUTHENTICATOR } from "../method-names.ts";

/** The authenticator's own routes (kept as they were), backup codes, and turning two-factor off with a second step. */
export function twoFactorRoutes({ app, deps, requireSession }: Api): void {
	// ── The authenticator: /account/methods/totp under the names it always had ─
	app.post("/account/totp", { schema: s.beginTotp, preHandler: requireSession }, async (request, reply) => {
		const { password } = request.body as { password: string };
		const start = await beginEnrolment(deps, account(request), AUTHENTICATOR, password, clientInfo(request));
		reply.code(201);
		if (start.kind !== "shared_secret") throw new Error("the authenticator's set-up is a shared secret");
		return { secret: start.secret, otpauthUri: start.uri, qrCodeSvg: start.qrCodeSvg };
	});

	app.post("/account/totp/confirm", { schema: s.code, preHandler: requireSession }, async (request) => {
		const { code } = request.body as { code: string };
		const result = await confirmEnrolment(deps, account(request), AUTHENTICATOR, { code }, clientInfo(request));
		return {
			twoFactor: twoFactorBody(result.twoFactor),
			...(result.backupCodes ? { backupCodes: newCodesBody(result.backupCodes) } : {}),
		};
	});

	app.post("/account/totp/disable", { schema: s.disableTotp, preHandler: requireSession }, async (request) => {
		const { password } = request.body as { password: string };
		const state = await removeCredential(deps, account(request), { method: AUTHENTICATOR, password }, clientInfo(request));
		return { twoFactor: twoFactorBody(state) };
	});

	// ── Turning two-factor off: the password, then a second step ─────────────
	app.post("/account/two-factor/disable", { schema: s.disableTwoFactor, preHandler: requireSession }, async (request) => {
		const { password } = request.body as { password: string };
		return { secondFactor: challengeBody(await startDisableTwoFactor(deps, account(request), password, clientInfo(request))) };
	});

	app.post(
		"/account/two-factor/disable/confirm",
		{ schema: s.confirmDisableTwoFactor, preHandler: requireSession },
		async (request) => {
			const body = request.body as { challenge: string; method: MethodName; code?: string; response?: unknown };
			const input = { challenge: body.challenge, method: body.method, answer: answerOf(deps.methods, body.method, body) };
			return { twoFactor: twoFactorBody(await confirmDisableTwoFactor(deps, account(request).id, input, clientInfo(request))) };
		},
	);

	// ── Backup codes: a new set, confirmed with one of its codes ─────────────
	app.post("/account/backup-codes", { schema: s.newBackupCodes, preHandler: requireSession }, async (request, reply) => {
		const { password } = request.body as { password: string };
		const set = await requestNewBackupCodes(deps, account(request), password, clientInfo(request));
		reply.code(201);
		return newCodesBody(set);
	});

	app.post("/account/backup-codes/confirm", { schema: s.confirmBackupCodes, preHandler: requireSession }, async (request) => {
		const { code } = request.body as { code: string };
		const { backupCodes, twoFactor } = await confirmBackupCodes(deps, account(request), code, clientInfo(request));
		return { backupCodes: backupCodesBody(backupCodes), twoFactor: twoFactorBody(twoFactor) };
	});
}
