import type { TwoFactorState } from "../../flows/accounts.ts";
import { listContacts } from "../../flows/contacts.ts";
import { describeEvents, listActivity } from "../../flows/events.ts";
import { listCredentials } from "../../flows/enrolment.ts";
import { AUTHENTICATOR, PASSKEY } from "../method-names.ts";
import { primaryMethodsSetUp } from "../../flows/two-factor.ts";
import { listTrustedDevices, revokeAllTrustedDevices, revokeTrustedDevice } from "../../flows/trusted-devices.ts";
import { activityPage } from "../../ui/pages/activity.ts";
import { settingsPage } from "../../ui/pages/settings.ts";
import { afterSignIn, pendingApp } from "./apps.ts";
import { readCookie, redirectWithNotice, takeNotice } from "./cookies.ts";
import { form, noQuery, requiredStepPage, send, type Web } from "./context.ts";

/** The settings home page, the account's activity, and trusted devices. */
export function settingsRoutes(web: Web): void {
	const { app, deps, requireSignedIn, csrfCheck, pageUser } = web;

	app.get(
		"/settings",
		{
			schema: {
				querystring: {
					type: "object",
					additionalProperties: false,
					properties: { notice: { type: "string", enum: Object.keys(settingsNotices) } },
				},
			},
			preHandler: requireSignedIn,
		},
		async (request, reply) => {
			const state = request.twoFactor!;
			// The home page leads with what must come first; a set-up under way shows here, to finish or undo.
			const first = state.requiredActions.find((r) => r !== "finish_two_factor");
			if (first) return reply.redirect(requiredStepPage(first), 303);
			// A journey that began at an app ends back there.
			if (pendingApp(request)) return reply.redirect(afterSignIn(request), 303);
			const which = takeNotice(request, reply, (request.query as { notice?: keyof typeof settingsNotices }).notice);
			const notice = which ? settingsNotices[which](state) : undefined;
			const contacts = await listContacts(deps, request.webAuth!.account.id);
			const devices = await listTrustedDevices(deps, request.webAuth!.account.id, readCookie(request, "device"));
			const passkeys = await listCredentials(deps, request.webAuth!.account.id, PASSKEY);
			const admin = request.webAuth!.account.role === "admin";
			const primary = state.methods.filter((m) => deps.methods.get(m).role === "primary");
			const authenticator = { setUp: state.methods.includes(AUTHENTICATOR), onlyWay: state.enabled && primary.length === 1 && primary[0] === AUTHENTICATOR };
			const readyToTurnOnWith = state.enabled ? [] : (await primaryMethodsSetUp(deps, request.webAuth!.account.id)).map((m) => deps.methods.get(m).copy.confirmWith);
			return send(
				reply,
				settingsPage({ user: pageUser(request, reply), twoFactor: state, notice, contacts, devices, passkeys, authenticator, readyToTurnOnWith, admin }),
			);
		},
	);

	// ── Activity ─────────────────────────────────────────────────────────────
	app.get("/settings/activity", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, activityPage({ user: pageUser(request, reply), events: describeEvents(await listActivity(deps, request.webAuth!.account.id), deps.methods) })),
	);

	// ── Trusted devices ──────────────────────────────────────────────────────
	app.post(
		"/settings/devices/revoke",
		{ schema: form({ id: 64 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			await revokeTrustedDevice(deps, request.webAuth!.account.id, (request.body as { id?: string }).id ?? "");
			return redirectWithNotice(request, reply, "/settings", "device_revoked");
		},
	);

	app.post("/settings/devices/revoke-all", { schema: form({}), preHandler: [requireSignedIn, csrfCheck] }, async (request, reply) => {
		await revokeAllTrustedDevices(deps.db, request.webAuth!.account.id);
		return redirectWithNotice(request, reply, "/settings", "device_revoked");
	});
}

/** What a settings page says after a step, by the `notice` in its address. */
const settingsNotices = {
	two_factor_off: () => "Two-factor authentication is off. Your password alone now signs in.",
	two_factor_on: () => "Two-factor authentication is on. Keep your backup codes safe.",
	codes_replaced: () => "Your new backup codes are active. Your old codes no longer work.",
	passkey_added: () => "Your passkey is ready. Next time, confirm it is you with it.",
	device_revoked: () => "Done. That device will be asked for a second step at its next sign-in.",
	password_changed: () => "Your password is changed. Every other session has been signed out.",
	email_verified: () => "Your email address is confirmed. You can now sign in with it.",
	phone_verified: () => "Your phone number is confirmed.",
	no_codes_waiting: () => "No new backup codes are waiting to be confirmed. To get a new set, choose “Get new codes”.",
	backup_code_used: (state: TwoFactorState) =>
		state.backupCodes
			? `You signed in with a backup code. ${state.backupCodes.remaining} of ${state.backupCodes.total} codes are left.`
			: "You signed in with a backup code.",
} as const;
