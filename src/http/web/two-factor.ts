import type { FastifyReply, FastifyRequest } from "fastify";
import {
	codeSetsVersion,
	confirmBackupCodes,
	confirmDisableTwoFactor,
	type NewBackupCodes,
	pendingBackupCodes,
	primaryMethodsSetUp,
	repeatsAnsweredRequest,
	requestNewBackupCodes,
	startDisableTwoFactor,
} from "../../flows/two-factor.ts";
import { t } from "../../i18n/translate.ts";
import { RUNNING_LOW_AT } from "../../core/backup-code-format.ts";
import type { Html } from "../../ui/html.ts";
import type { FormError } from "../../ui/pages/layout.ts";
import { messagePage } from "../../ui/pages/auth.ts";
import { setUpAgainPage } from "../../ui/pages/recovery.ts";
import { backupCodesPage, confirmCodesPage, passwordConfirmPage, runningLowPage } from "../../ui/pages/settings.ts";
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
		// Read when each page is written, in its language.
		pageText: {
			get heading() {
				return t("settings.twoFactor.turnOff");
			},
			get intro() {
				return t("settings.off.intro");
			},
		},
		expired: (_request, reply, message) =>
			send(
				reply,
				messagePage({ title: t("settings.off.tooLong"), message, link: { href: "/settings/two-factor/off", text: t("settings.off.startAgain") } }),
				410,
			),
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
			// Read when the page is written, in its language.
			get title() {
				return t("settings.twoFactor.turnOff");
			},
			get explanation() {
				return t("settings.off.explanation");
			},
			get submit() {
				return t("settings.continue");
			},
			danger: true,
		},
		async (request, reply, password) => {
			const challenge = await startDisableTwoFactor(deps, request.webAuth!.account, password, clientInfo(request));
			setCookie(request, reply, "stepup", challenge.challenge, Math.ceil((challenge.expiresAt - deps.clock()) / 1000));
			return reply.redirect("/settings/two-factor/off/verify", 303);
		},
	);

	// ── Backup codes ─────────────────────────────────────────────────────────

	// "Get new codes": the password, then the new set, shown once at an address of its own
	// (/settings/backup-codes/save). Opened again by that address (a reload, the back
	// button), or its form sent again after its set was made, it asks for a code of the
	// set waiting to be typed back: a set is never shown twice, nor made twice unasked.
	const NEW_SET = "/settings/backup-codes/save";
	function newSetForm(request: FastifyRequest, reply: FastifyReply, sets: string, error?: FormError) {
		return passwordConfirmPage({
			user: pageUser(request, reply),
			title: t("settings.newCodes.title"),
			explanation: t("settings.newCodes.explanation", { count: deps.config.backupCodes.count }),
			submit: t("settings.codes.getNew"),
			action: NEW_SET,
			hidden: { sets },
			error,
		});
	}

	app.get("/settings/backup-codes/new", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, newSetForm(request, reply, await codeSetsVersion(deps, request.webAuth!.account))),
	);

	// The form's address before the set had its own; a form already open still posts here.
	for (const path of [NEW_SET, "/settings/backup-codes/new"]) {
		formRoute<{ password?: string; sets?: string }>(app, path, {
			schema: form({ password: 1024, sets: 64 }),
			preHandler: [requireSignedIn, csrfCheck],
			async run(request, reply, { password, sets }) {
				const account = request.webAuth!.account;
				if (await repeatsAnsweredRequest(deps, account, sets)) return reply.redirect("/settings/backup-codes/confirm", 303);
				const set = await requestNewBackupCodes(deps, account, password ?? "", clientInfo(request));
				return send(reply, newCodesPage(web, request, reply, set, !account.two_factor_enabled));
			},
			render: (request, reply, { form }, { sets }) => newSetForm(request, reply, sets ?? "", form),
		});
	}

	/** Typing a code of the waiting set back; with none waiting, settings say so. */
	async function confirmOrSettings(request: FastifyRequest, reply: FastifyReply) {
		const pending = request.twoFactor!.pendingBackupCodes;
		if (!pending) return redirectWithNotice(request, reply, "/settings", "no_codes_waiting");
		const firstSet = !request.webAuth!.account.two_factor_enabled;
		return send(reply, confirmCodesPage({ user: pageUser(request, reply), expiresAt: pending.expiresAt, firstSet }));
	}

	app.get("/settings/backup-codes/confirm", { schema: noQuery, preHandler: requireSignedIn }, confirmOrSettings);
	// The page that showed a later set, opened again by its address.
	app.get(NEW_SET, { schema: noQuery, preHandler: requireSignedIn }, confirmOrSettings);

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
					title: t("settings.newCodes.expired"),
					message: e.message,
					link: { href: "/settings/backup-codes/new", text: t("settings.newCodes.getNewSet") },
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

/** The page that shows a new set of backup codes, once: the first (with the authenticator, or turning two-factor on) or a later one. */
export function newCodesPage(web: Web, request: FastifyRequest, reply: FastifyReply, set: NewBackupCodes, firstSet: boolean): Html {
	return backupCodesPage({
		user: web.pageUser(request, reply),
		site: `${web.deps.config.issuer} (${request.host})`,
		username: request.webAuth!.account.username,
		codes: set.codes,
		createdAt: web.deps.clock(),
		expiresAt: set.expiresAt,
		firstSet,
	});
}
