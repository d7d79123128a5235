import {
	beginTotpEnrollment,
	confirmBackupCodes,
	confirmDisableTwoFactor,
	confirmTotpEnrollment,
	disableTotp,
	requestNewBackupCodes,
	startDisableTwoFactor,
} from "../../flows/two-factor.ts";
import type { MethodName } from "../../methods/types.ts";
import { clientInfo } from "../client.ts";
import { backupCodesBody, challengeBody, newCodesBody, twoFactorBody } from "./bodies.ts";
import { account, type Api } from "./context.ts";
import { apiSchemas as s } from "./schemas.ts";

/** The authenticator, backup codes, and turning two-factor off with a second step. */
export function twoFactorRoutes({ app, deps, requireSession }: Api): void {
	// ── The authenticator ─────────────────────────────────────────────────────
	app.post("/account/totp", { schema: s.beginTotp, preHandler: requireSession }, async (request, reply) => {
		const { password } = request.body as { password: string };
		const enrollment = await beginTotpEnrollment(deps, account(request), password, clientInfo(request));
		reply.code(201);
		return enrollment;
	});

	app.post("/account/totp/confirm", { schema: s.code, preHandler: requireSession }, async (request) => {
		const { code } = request.body as { code: string };
		const result = await confirmTotpEnrollment(deps, account(request), code, clientInfo(request));
		return {
			twoFactor: twoFactorBody(result.twoFactor),
			...(result.backupCodes ? { backupCodes: newCodesBody(result.backupCodes) } : {}),
		};
	});

	app.post("/account/totp/disable", { schema: s.disableTotp, preHandler: requireSession }, async (request) => {
		const { password } = request.body as { password: string };
		return { twoFactor: twoFactorBody(await disableTotp(deps, account(request), password, clientInfo(request))) };
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
			const body = request.body as { challenge: string; method: MethodName; code: string };
			return { twoFactor: twoFactorBody(await confirmDisableTwoFactor(deps, account(request).id, body, clientInfo(request))) };
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
