import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { signUp, twoFactorState } from "../../flows/accounts.ts";
import type { FlowDeps } from "../../flows/deps.ts";
import { listTrustedDevices, revokeAllTrustedDevices, revokeTrustedDevice } from "../../flows/trusted-devices.ts";
import { TesseraError } from "../../core/errors.ts";
import { authenticate, type Authenticated, endSession, type IssuedSession } from "../../flows/sessions.ts";
import { addContact, type ContactView, listContacts, removeContact, resendContactCode, verifyContact } from "../../flows/contacts.ts";
import { beginPasskeyRegistration, finishPasskeyRegistration, listPasskeys, removePasskey } from "../../flows/passkeys.ts";
import {
	completeSecondFactor,
	passkeySignInOptions,
	type SecondFactorResult,
	sendSignInCode,
	signInWithPassword,
} from "../../flows/sign-in.ts";
import type { PasskeyView } from "../../methods/passkey/passkeys.ts";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import type { IssuedCode } from "../../methods/one-time-code/one-time-codes.ts";
import type { ContactKind } from "../../store/schema.ts";
import {
	beginTotpEnrollment,
	confirmBackupCodes,
	confirmDisableTwoFactor,
	confirmTotpEnrollment,
	disableTotp,
	startDisableTwoFactor,
	type NewBackupCodes,
	requestNewBackupCodes,
} from "../../flows/two-factor.ts";
import type { TwoFactorState } from "../../flows/accounts.ts";
import { RUNNING_LOW_AT } from "../../methods/backup-code/backup-codes.ts";
import type { methodNames } from "../../methods/types.ts";
import { registerJsonParser } from "../body-parsers.ts";
import {
	changePassword,
	completePasswordReset,
	completePasswordResetSecondFactor,
	requestPasswordReset,
	secureAccount,
} from "../../flows/password.ts";
import type { SecondFactorChallenge } from "../../flows/sign-in.ts";
import {
	cancelRecoveryByLink,
	fileRecoveryRequest,
	recoveryOptions,
	sendRecoveryCode,
	startRecovery,
	type WaitingRecovery,
} from "../../flows/recovery.ts";
import { describeEvent, listActivity } from "../../flows/events.ts";
import { clientInfo } from "../client.ts";
import { apiSchemas as s } from "./schemas.ts";
import { assertMayDo } from "../../flows/account-state.ts";
import { actionOf, requireDeclaredActions, type RouteActions } from "../gate.ts";

declare module "fastify" {
	interface FastifyRequest {
		auth?: Authenticated;
	}
}

function challengeBody(challenge: SecondFactorChallenge) {
	const { methods, preferred, expiresAt, destinations } = challenge;
	return { challenge: challenge.challenge, methods, preferred, expiresAt: iso(expiresAt), destinations };
}

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

function sessionBody(session: IssuedSession) {
	return { token: session.token, expiresAt: iso(session.expiresAt) };
}

function backupCodesBody(status: NonNullable<TwoFactorState["backupCodes"]>) {
	return { remaining: status.remaining, total: status.total, createdAt: iso(status.createdAt) };
}

function twoFactorBody(state: TwoFactorState) {
	return {
		enabled: state.enabled,
		methods: state.methods,
		preferred: state.preferred,
		backupCodes: state.backupCodes ? backupCodesBody(state.backupCodes) : null,
		pendingBackupCodes: state.pendingBackupCodes ? { expiresAt: iso(state.pendingBackupCodes.expiresAt) } : null,
		requiredActions: state.requiredActions,
	};
}

function secondFactorBody(result: SecondFactorResult) {
	const remaining = result.backupCodes?.remaining;
	return {
		session: sessionBody(result.session),
		...(result.device ? { device: { token: result.device.token, expiresAt: iso(result.device.expiresAt) } } : {}),
		...(remaining === undefined ? {} : { backupCodes: { remaining, runningLow: remaining <= RUNNING_LOW_AT } }),
		requiredActions: result.requiredActions,
	};
}

function codeSentBody(sent: IssuedCode & { sentTo: string }) {
	return {
		...(sent.sentTo ? { sentTo: sent.sentTo } : {}),
		status: sent.delivery,
		expiresAt: iso(sent.expiresAt),
		resendAfter: iso(sent.resendAfter),
	};
}

function passkeyBody(p: PasskeyView) {
	return { id: p.id, name: p.name, createdAt: iso(p.createdAt), lastUsedAt: p.lastUsedAt === null ? null : iso(p.lastUsedAt) };
}

function contactBody(contact: ContactView) {
	return {
		kind: contact.kind,
		value: contact.value,
		masked: contact.masked,
		verified: contact.verified,
		createdAt: iso(contact.createdAt),
	};
}

function newCodesBody(set: NewBackupCodes) {
	return { codes: set.codes, status: set.status, expiresAt: iso(set.expiresAt) };
}

function recoveryBody(recovery: WaitingRecovery) {
	return { status: "waiting", via: recovery.via, startedAt: iso(recovery.startedAt), readyAt: iso(recovery.readyAt) };
}

/** The same words whether or not an account matched. */
export const resetRequestedMessage =
	"If an account matches, we sent a link to its confirmed email address, or a code by text message to its confirmed phone. The link works for 30 minutes, the code for 10.";

/** What each signed-in route does, in the gate's words: the gate decides whether it may. */
const routeActions: RouteActions = {
	"GET /api/v1/account": "read_account",
	"GET /api/v1/sessions/current": "read_account",
	"GET /api/v1/account/activity": "read_activity",
	"DELETE /api/v1/sessions/current": "sign_out",
	"POST /api/v1/account/password": "change_password",
	"POST /api/v1/account/totp": "set_up_authenticator",
	"POST /api/v1/account/totp/confirm": "set_up_authenticator",
	"POST /api/v1/account/totp/disable": "remove_authenticator",
	"POST /api/v1/account/two-factor/disable": "turn_off_two_factor",
	"POST /api/v1/account/two-factor/disable/confirm": "turn_off_two_factor",
	"POST /api/v1/account/backup-codes": "new_backup_codes",
	"POST /api/v1/account/backup-codes/confirm": "confirm_backup_codes",
	"GET /api/v1/account/contacts": "manage_contacts",
	"POST /api/v1/account/contacts": "manage_contacts",
	"POST /api/v1/account/contacts/verify": "manage_contacts",
	"POST /api/v1/account/contacts/resend": "manage_contacts",
	"POST /api/v1/account/contacts/remove": "manage_contacts",
	"GET /api/v1/account/passkeys": "manage_passkeys",
	"POST /api/v1/account/passkeys/options": "manage_passkeys",
	"POST /api/v1/account/passkeys": "manage_passkeys",
	"POST /api/v1/account/passkeys/remove": "manage_passkeys",
	"GET /api/v1/account/devices": "manage_trusted_devices",
	"POST /api/v1/account/devices/revoke": "manage_trusted_devices",
	"POST /api/v1/account/devices/revoke-all": "manage_trusted_devices",
};

function bearerToken(request: FastifyRequest): string | undefined {
	const header = request.headers.authorization;
	if (typeof header !== "string") return undefined;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match?.[1];
}

/** The JSON API (docs/api.md). Handlers only translate: every rule lives in flows/. */
export async function apiRoutes(app: FastifyInstance, options: { deps: FlowDeps }): Promise<void> {
	const { deps } = options;
	registerJsonParser(app);

	// A session, then the gate: what the account must do first may keep this route's action from going ahead.
	const requireSession = async (request: FastifyRequest) => {
		request.auth = await authenticate(deps, bearerToken(request));
		await assertMayDo(deps, request.auth.account, actionOf(routeActions, request));
	};
	requireDeclaredActions(app, routeActions, requireSession, "/api/v1");
	const account = (request: FastifyRequest) => request.auth!.account;

	// ── Passwords ─────────────────────────────────────────────────────────────
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
		const body = request.body as { challenge: string; method: (typeof methodNames)[number]; code?: string; response?: unknown };
		// A passkey answers with its assertion (options from /sessions/second-factor/passkey/options); the others with a code.
		const code = body.method === "passkey" ? JSON.stringify(body.response ?? null) : body.code;
		if (code === undefined) throw new TesseraError("invalid_request", { fields: [{ field: "code", problem: "Required for this method." }] });
		return completePasswordResetSecondFactor(deps, { challenge: body.challenge, method: body.method, code }, clientInfo(request));
	});

	// "Wasn't you?": signs out everywhere. It sets no password: that is "Forgot password", with its second step.
	app.post("/secure-account", { schema: s.secureAccount }, async (request) => {
		const body = request.body as { token: string };
		await secureAccount(deps, { token: body.token }, clientInfo(request));
		return { status: "signed_out_everywhere" };
	});

	// ── Account recovery ─────────────────────────────────────────────────────
	app.post("/recovery/options", { schema: s.recoveryOptions }, async (request) => {
		const { challenge } = request.body as { challenge: string };
		const options = await recoveryOptions(deps, challenge);
		return {
			contacts: options.contacts,
			recovery: options.recovery ? recoveryBody(options.recovery) : null,
			identityCheckOpen: options.requestOpen,
		};
	});

	app.post("/recovery/send", { schema: s.recoverySend }, async (request, reply) => {
		const body = request.body as { challenge: string; kind: ContactKind };
		const sent = await sendRecoveryCode(deps, body, clientInfo(request));
		reply.code(202);
		return codeSentBody(sent);
	});

	app.post("/recovery/start", { schema: s.recoveryStart }, async (request, reply) => {
		const body = request.body as { challenge: string; kind: ContactKind; code: string };
		const recovery = await startRecovery(deps, body, clientInfo(request));
		reply.code(201);
		return { recovery: recoveryBody(recovery) };
	});

	app.post("/recovery/requests", { schema: s.recoveryRequest }, async (request, reply) => {
		const body = request.body as { challenge: string; message: string; contactsUsed?: string; lastSignIn?: string };
		const filed = await fileRecoveryRequest(
			deps,
			{ challenge: body.challenge, message: body.message, contactsUsed: body.contactsUsed ?? "", lastSignIn: body.lastSignIn ?? "" },
			clientInfo(request),
		);
		reply.code(201);
		return { request: { id: filed.id, status: "open", createdAt: iso(filed.createdAt) } };
	});

	app.post("/recovery/cancel", { schema: s.recoveryCancel }, async (request) => {
		const { token } = request.body as { token: string };
		if (!(await cancelRecoveryByLink(deps, token, clientInfo(request)))) throw new TesseraError("invalid_link");
		return { status: "recovery_cancelled" };
	});

	app.get("/account/activity", { schema: s.activity, preHandler: requireSession }, async (request) => ({
		events: (await listActivity(deps, account(request).id)).map((e) => ({
			id: e.id,
			at: iso(e.createdAt),
			kind: e.kind,
			description: describeEvent(e),
			method: e.method,
			device: e.device,
			ip: e.ip,
			by: e.actor === "person" ? "you" : e.actor.startsWith("operator:") || e.actor.startsWith("admin:") ? "operator" : "system",
		})),
	}));

	app.post("/accounts", { schema: s.signUp }, async (request, reply) => {
		const body = request.body as { username: string; password: string; email?: string };
		const result = await signUp(deps, body, clientInfo(request));
		reply.code(201);
		return { account: result.account, session: sessionBody(result.session) };
	});

	app.post("/sessions", { schema: s.signIn }, async (request, reply: FastifyReply) => {
		const body = request.body as { username: string; password: string; deviceToken?: string };
		const result = await signInWithPassword(deps, body, clientInfo(request));
		if (result.kind === "session") {
			reply.code(201);
			return { session: sessionBody(result.session) };
		}
		reply.code(200);
		const { challenge, methods, preferred, expiresAt, destinations } = result.secondFactor;
		return { secondFactor: { challenge, methods, preferred, expiresAt: iso(expiresAt), destinations } };
	});

	app.post("/sessions/second-factor", { schema: s.secondFactor }, async (request, reply) => {
		const body = request.body as {
			challenge: string;
			method: (typeof methodNames)[number];
			code: string;
			trustDevice?: boolean;
		};
		const result = await completeSecondFactor(deps, body, clientInfo(request));
		reply.code(201);
		return secondFactorBody(result);
	});

	app.post("/sessions/second-factor/passkey/options", { schema: s.passkeySignInOptions }, async (request) => {
		const { challenge } = request.body as { challenge: string };
		return { options: await passkeySignInOptions(deps, challenge, clientInfo(request)) };
	});

	app.post("/sessions/second-factor/passkey/verify", { schema: s.passkeySignInVerify }, async (request, reply) => {
		const body = request.body as { challenge: string; response: unknown; trustDevice?: boolean };
		const result = await completeSecondFactor(
			deps,
			{ challenge: body.challenge, method: "passkey", code: JSON.stringify(body.response), trustDevice: body.trustDevice },
			clientInfo(request),
		);
		reply.code(201);
		return secondFactorBody(result);
	});

	app.post("/sessions/second-factor/send", { schema: s.sendCode }, async (request, reply) => {
		const body = request.body as { challenge: string; method: (typeof methodNames)[number] };
		const sent = await sendSignInCode(deps, body, clientInfo(request));
		reply.code(202);
		return codeSentBody(sent);
	});

	// "Who is this?" for an app checking its session on every request: one lookup, nothing else.
	app.get("/sessions/current", { schema: s.currentSession, preHandler: requireSession }, async (request) => {
		const { account: a, expiresAt } = request.auth!;
		return { session: { expiresAt: iso(expiresAt) }, account: { id: a.id, username: a.username } };
	});

	app.delete("/sessions/current", { schema: s.noBody, preHandler: requireSession }, async (request, reply) => {
		await endSession(deps, bearerToken(request));
		reply.code(204);
	});

	app.get("/account", { schema: s.getAccount, preHandler: requireSession }, async (request) => {
		const a = account(request);
		return {
			account: { id: a.id, username: a.username, email: a.email, createdAt: iso(a.created_at) },
			twoFactor: twoFactorBody(await twoFactorState(deps, a)),
		};
	});

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

	app.post("/account/two-factor/disable", { schema: s.disableTwoFactor, preHandler: requireSession }, async (request) => {
		const { password } = request.body as { password: string };
		const challenge = await startDisableTwoFactor(deps, account(request), password, clientInfo(request));
		const { methods, preferred, expiresAt, destinations } = challenge;
		return { secondFactor: { challenge: challenge.challenge, methods, preferred, expiresAt: iso(expiresAt), destinations } };
	});

	app.post(
		"/account/two-factor/disable/confirm",
		{ schema: s.confirmDisableTwoFactor, preHandler: requireSession },
		async (request) => {
			const body = request.body as { challenge: string; method: (typeof methodNames)[number]; code: string };
			return { twoFactor: twoFactorBody(await confirmDisableTwoFactor(deps, account(request).id, body, clientInfo(request))) };
		},
	);

	app.post("/account/backup-codes", { schema: s.newBackupCodes, preHandler: requireSession }, async (request, reply) => {
		const { password } = request.body as { password: string };
		const set = await requestNewBackupCodes(deps, account(request), password, clientInfo(request));
		reply.code(201);
		return newCodesBody(set);
	});

	app.get("/account/contacts", { schema: s.listContacts, preHandler: requireSession }, async (request) => ({
		contacts: (await listContacts(deps, account(request).id)).map(contactBody),
	}));

	app.post("/account/contacts", { schema: s.addContact, preHandler: requireSession }, async (request, reply) => {
		const body = request.body as { kind: ContactKind; value: string; password: string };
		const { contact, code } = await addContact(deps, account(request), body, clientInfo(request));
		reply.code(201);
		return { contact: contactBody(contact), code: codeSentBody({ ...code, sentTo: contact.masked }) };
	});

	app.post("/account/contacts/verify", { schema: s.verifyContact, preHandler: requireSession }, async (request) => {
		const body = request.body as { kind: ContactKind; code: string };
		return { contact: contactBody(await verifyContact(deps, account(request), body, clientInfo(request))) };
	});

	app.post("/account/contacts/resend", { schema: s.resendContact, preHandler: requireSession }, async (request, reply) => {
		const { kind } = request.body as { kind: ContactKind };
		const code = await resendContactCode(deps, account(request), kind, clientInfo(request));
		reply.code(202);
		return codeSentBody({ ...code, sentTo: "" });
	});

	app.post("/account/contacts/remove", { schema: s.removeContact, preHandler: requireSession }, async (request) => {
		const body = request.body as { kind: ContactKind; password: string };
		await removeContact(deps, account(request), body, clientInfo(request));
		return { contacts: (await listContacts(deps, account(request).id)).map(contactBody) };
	});

	app.get("/account/passkeys", { schema: s.listPasskeys, preHandler: requireSession }, async (request) => ({
		passkeys: (await listPasskeys(deps, account(request).id)).map(passkeyBody),
	}));

	app.post("/account/passkeys/options", { schema: s.passkeyOptions, preHandler: requireSession }, async (request) => {
		const { password } = request.body as { password: string };
		return { options: await beginPasskeyRegistration(deps, account(request), password, clientInfo(request)) };
	});

	app.post("/account/passkeys", { schema: s.addPasskey, preHandler: requireSession }, async (request, reply) => {
		const body = request.body as { name: string; response: RegistrationResponseJSON };
		const passkey = await finishPasskeyRegistration(deps, account(request), body, clientInfo(request));
		reply.code(201);
		return { passkey: passkeyBody(passkey) };
	});

	app.post("/account/passkeys/remove", { schema: s.removePasskey, preHandler: requireSession }, async (request) => {
		const body = request.body as { id: string; password: string };
		await removePasskey(deps, account(request), body, clientInfo(request));
		return { passkeys: (await listPasskeys(deps, account(request).id)).map(passkeyBody) };
	});

	app.get("/account/devices", { schema: s.listDevices, preHandler: requireSession }, async (request) => ({
		devices: (await listTrustedDevices(deps, account(request).id)).map((d) => ({
			id: d.id,
			label: d.label,
			createdAt: iso(d.createdAt),
			lastUsedAt: iso(d.lastUsedAt),
			expiresAt: iso(d.expiresAt),
		})),
	}));

	app.post("/account/devices/revoke", { schema: s.revokeDevice, preHandler: requireSession }, async (request, reply) => {
		const { id } = request.body as { id: string };
		if (!(await revokeTrustedDevice(deps, account(request).id, id))) throw new TesseraError("not_found");
		reply.code(204);
	});

	app.post("/account/devices/revoke-all", { schema: s.noBody, preHandler: requireSession }, async (request, reply) => {
		await revokeAllTrustedDevices(deps.db, account(request).id);
		reply.code(204);
	});

	app.post("/account/backup-codes/confirm", { schema: s.confirmBackupCodes, preHandler: requireSession }, async (request) => {
		const { code } = request.body as { code: string };
		const { backupCodes, twoFactor } = await confirmBackupCodes(deps, account(request), code, clientInfo(request));
		return { backupCodes: backupCodesBody(backupCodes), twoFactor: twoFactorBody(twoFactor) };
	});
}
