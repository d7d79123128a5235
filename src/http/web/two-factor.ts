import type { FastifyReply, FastifyRequest } from "fastify";
import {
	confirmBackupCodes,
	confirmDisableTwoFactor,
	type NewBackupCodes,
	pendingBackupCodes,
	primaryMethodsSetUp,
	requestNewBackupCodes,
	startDisableTwoFactor,
} from "../../flows/two-factor.ts";
import { RUNNING_LOW_AT } from "../../core/backup-code-format.ts";
import type { Html } from "../../ui/html.ts";
import { messagePage } from "../../ui/pages/auth.ts";
import { setUpAgainPage } from "../../ui/pages/recovery.ts";
import { backupCodesPage, confirmCodesPage, runningLowPage } from "../../ui/pages/settings.ts";
import { clientInfo } from "../client.ts";
import { clearCookie, redirectWithNotice, setCookie } from "./cookies.ts";
import { form, noQuery, send, type Web } from "./context.ts";
import { formRoute, passwordGate } from "./forms.ts";
import { secondStepRoutes } from "./second-step.ts";

/** Backup codes, turning two-factor off, and the page that asks to set it up again. */
export function twoFactorRoutes(web: Web): void {
	const { app, deps, requireSignedIn, csrfCheck, pageUser } = web;

	// ── Turning two-factor off: the password, then a second step ─────────────
	secondStepRoutes(web, {
		base: "/settings/two-factor/off/verify",
		cookie: "stepup",
		purpose: "disable_two_factor",
		noMethods: "/settings",
		preHandler: requireSignedIn,
		pageText: {
			heading: "Turn off two-factor authentication",
			intro: "Your password was right. Anyone with your password will be able to sign in once this is off.",
		},
		expired: (_request, reply, message) =>
			send(reply, messagePage({ title: "That took too long", message, link: { href: "/settings/two-factor/off", text: "Start again" } }), 410),
		async complete(request, reply, input) {
			await confirmDisableTwoFactor(deps, request.webAuth!.account.id, input, clientInfo(request));
			clearCookie(request, reply, "stepup");
			return redirectWithNotice(request, reply, "/settings", "two_factor_off");
		},
	});

	passwordGate(
		web,
		"/settings/two-factor/off",
		{
			title: "Turn off two-factor authentication",
			explanation:
				"Without two-factor authentication, your password alone signs in. Your authenticator app and backup codes are removed. Enter your password, then confirm it is you with a second step.",
			submit: "Continue",
			danger: true,
		},
		async (request, reply, password) => {
			const challenge = await startDisableTwoFactor(deps, request.webAuth!.account, password, clientInfo(request));
			setCookie(request, reply, "stepup", challenge.challenge, Math.ceil((challenge.expiresAt - deps.clock()) / 1000));
			return reply.redirect("/settings/two-factor/off/verify", 303);
		},
	);

	// ── Backup codes ─────────────────────────────────────────────────────────
	/** The page that shows a new set, once. */
	function newCodesPage(request: FastifyRequest, reply: FastifyReply, set: NewBackupCodes, firstSet: boolean): Html {
		return backupCodesPage({
			user: pageUser(request, reply),
			site: `${deps.config.issuer} (${request.host})`,
			username: request.webAuth!.account.username,
			codes: set.codes,
			createdAt: deps.clock(),
			expiresAt: set.expiresAt,
			firstSet,
		});
	}

	passwordGate(
		web,
		"/settings/backup-codes/new",
		{
			title: "Get new backup codes",
			explanation: `You will get a new set of ${deps.config.backupCodes.count} codes. Your current codes keep working until you type one of the new ones back to show you saved them. Enter your password to continue.`,
			submit: "Get new codes",
		},
		async (request, reply, password) => {
			const account = request.webAuth!.account;
			const set = await requestNewBackupCodes(deps, account, password, clientInfo(request));
			return send(reply, newCodesPage(request, reply, set, !account.two_factor_enabled));
		},
	);

	/** Typing a code of the waiting set back; with none waiting, settings say so. */
	async function confirmOrSettings(request: FastifyRequest, reply: FastifyReply) {
		const pending = request.twoFactor!.pendingBackupCodes;
		if (!pending) return redirectWithNotice(request, reply, "/settings", "no_codes_waiting");
		const firstSet = !request.webAuth!.account.two_factor_enabled;
		return send(reply, confirmCodesPage({ user: pageUser(request, reply), expiresAt: pending.expiresAt, firstSet }));
	}

	app.get("/settings/backup-codes/confirm", { schema: noQuery, preHandler: requireSignedIn }, confirmOrSettings);

	formRoute<{ code?: string }>(app, "/settings/backup-codes/confirm", {
		schema: form({ code: 128 }),
		preHandler: [requireSignedIn, csrfCheck],
		async run(request, reply, { code }) {
			const { turnedOn } = await confirmBackupCodes(deps, request.webAuth!.account, code ?? "", clientInfo(request));
			return redirectWithNotice(request, reply, "/settings", turnedOn ? "two_factor_on" : "codes_replaced");
		},
		async render(request, reply, { error: e, form }, { code }) {
			const account = request.webAuth!.account;
			const pending = await pendingBackupCodes(deps, account, clientInfo(request));
			if (!pending) {
				return messagePage({
					title: "Those codes expired",
					message: e.message,
					link: { href: "/settings/backup-codes/new", text: "Get a new set" },
				});
			}
			const firstSet = !account.two_factor_enabled;
			return confirmCodesPage({
				user: pageUser(request, reply),
				expiresAt: pending.expiresAt,
				firstSet,
				error: form,
				typed: e.code === "code_typo" ? (code ?? "") : "",
			});
		},
	});

	app.get("/settings/backup-codes/running-low", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const codes = request.twoFactor!.backupCodes;
		if (!codes || codes.remaining > RUNNING_LOW_AT) return reply.redirect("/settings", 303);
		const pendingUntil = request.twoFactor!.pendingBackupCodes?.expiresAt;
		return send(
			reply,
			runningLowPage({ user: pageUser(request, reply), remaining: codes.remaining, total: codes.total, pendingUntil }),
		);
	});

	// ── Setting two-factor up again (after recovery or an operator's reset) ──
	app.get("/settings/two-factor/required", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const required = request.twoFactor!.requiredActions;
		// The app is set up: the codes come next. A set already shown waits to be typed back.
		if (required.includes("finish_two_factor")) {
			return reply.redirect(request.twoFactor!.pendingBackupCodes ? "/settings/backup-codes/confirm" : "/settings/backup-codes/new", 303);
		}
		if (!required.includes("set_up_two_factor")) return reply.redirect("/settings", 303);
		const readyWith = (await primaryMethodsSetUp(deps, request.webAuth!.account.id)).map((m) => deps.methods.get(m).copy.confirmWith);
		const pendingCodes = request.twoFactor!.pendingBackupCodes !== null;
		return send(reply, setUpAgainPage({ user: pageUser(request, reply), readyWith, pendingCodes }));
	});
}
