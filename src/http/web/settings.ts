import type { TwoFactorState } from "../../flows/accounts.ts";
import { listContacts } from "../../flows/contacts.ts";
import { describeEvents, listActivity } from "../../flows/events.ts";
import { listCredentials } from "../../flows/enrolment.ts";
import { AUTHENTICATOR, PASSKEY } from "../method-names.ts";
import { primaryMethodsSetUp, strongestMethod } from "../../flows/two-factor.ts";
import { t } from "../../i18n/translate.ts";
import { listTrustedDevices, revokeAllTrustedDevices, revokeTrustedDevice } from "../../flows/trusted-devices.ts";
import { activityPage } from "../../ui/pages/activity.ts";
import { settingsPage } from "../../ui/pages/settings.ts";
import { afterSignIn, pendingApp } from "./apps.ts";
import { readCookie, redirectWithNotice, takeNotice } from "./cookies.ts";
import { form, noQuery, requiredStepPage, send, type Web } from "./context.ts";
import { isOperatorRole } from "../../flows/console.ts";

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
			const admin = isOperatorRole(request.webAuth!.account.role);
			const primary = state.methods.filter((m) => deps.methods.get(m).role === "primary");
			const authenticator = { setUp: state.methods.includes(AUTHENTICATOR), onlyWay: state.enabled && primary.length === 1 && primary[0] === AUTHENTICATOR };
			// Strongest first, by the one rule (strongestFirst): the summary, the ways to turn it on and the page that asks to set it up again agree.
			const readyToTurnOnWith = state.enabled ? [] : (await primaryMethodsSetUp(deps, request.webAuth!.account.id)).map((m) => deps.methods.get(m).copy.confirmWith);
			const strongest = state.enabled ? strongestMethod(deps, state.methods) : null;
			return send(
				reply,
				settingsPage({
					user: pageUser(request, reply),
					twoFactor: state,
					notice,
					contacts,
					devices,
					passkeys,
					authenticator,
					readyToTurnOnWith,
					strongest: strongest ? deps.methods.get(strongest).copy.confirmWith : undefined,
					admin,
				}),
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
	two_factor_off: () => t("settings.notice.twoFactorOff"),
	two_factor_on: () => t("settings.notice.twoFactorOn"),
	codes_replaced: () => t("settings.notice.codesReplaced"),
	passkey_added: () => t("settings.notice.passkeyAdded"),
	device_revoked: () => t("settings.notice.deviceRevoked"),
	password_changed: () => t("settings.notice.passwordChanged"),
	email_verified: () => t("settings.notice.emailVerified"),
	phone_verified: () => t("settings.notice.phoneVerified"),
	no_codes_waiting: () => t("settings.notice.noCodesWaiting"),
	backup_code_used: (state: TwoFactorState) =>
		state.backupCodes
			? t("settings.notice.backupCodeUsed", { remaining: state.backupCodes.remaining, total: state.backupCodes.total })
			: t("settings.notice.backupCodeUsedPlain"),
} as const;
