import type { FastifyReply, FastifyRequest } from "fastify";
import { linkIsLive } from "../../flows/action-tokens.ts";
import {
	changePassword,
	completePasswordReset,
	completePasswordResetSecondFactor,
	type PasswordResetOutcome,
	requestPasswordReset,
	RESET_LINK_TTL_MS,
	secureAccount,
} from "../../flows/password.ts";
import { t } from "../../i18n/translate.ts";
import {
	changePasswordPage,
	forgotPasswordPage,
	linkExpiredPage,
	newPasswordPage,
	passwordResetDonePage,
	resetSentPage,
	secureAccountDonePage,
	secureAccountPage,
} from "../../ui/pages/recovery.ts";
import { clientInfo } from "../client.ts";
import { statusOf } from "../errors.ts";
import { clearCookie, csrfTokenFor, readCookie, redirectWithNotice, setCookie } from "./cookies.ts";
import { asFormError, form, noQuery, send, tokenQuery, type Web } from "./context.ts";
import { formRoute } from "./forms.ts";
import { secondStepRoutes } from "./second-step.ts";

/** Changing the password, forgetting it (a link or a texted code, then a second step), and "Wasn't you?" links. */
export function passwordRoutes(web: Web): void {
	const { app, deps, requireSignedIn, csrfCheck, pageUser } = web;

	app.get("/settings/password", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, changePasswordPage({ user: pageUser(request, reply) })),
	);

	formRoute<{ current?: string; password?: string }>(app, "/settings/password", {
		schema: form({ current: 1024, password: 1024 }),
		preHandler: [requireSignedIn, csrfCheck],
		async run(request, reply, body) {
			const auth = request.webAuth!;
			await changePassword(deps, auth.account, { current: body.current ?? "", password: body.password ?? "" }, clientInfo(request), auth.sessionId);
			return redirectWithNotice(request, reply, "/settings", "password_changed");
		},
		render(request, reply, { error: e, form }) {
			// The current password's problem belongs to its own field.
			const fixed = e.code === "invalid_credentials" ? { ...form, fields: [{ field: "current", problem: t("recovery.change.wrongCurrent") }] } : form;
			return changePasswordPage({ user: pageUser(request, reply), error: fixed });
		},
	});

	app.get("/forgot-password", { schema: noQuery }, async (request, reply) =>
		send(reply, forgotPasswordPage({ csrf: csrfTokenFor(deps, request, reply) })),
	);

	formRoute<{ identifier?: string }>(app, "/forgot-password", {
		schema: form({ identifier: 320 }),
		preHandler: csrfCheck,
		async run(request, reply, { identifier }) {
			const { token } = await requestPasswordReset(deps, identifier ?? "", clientInfo(request));
			setCookie(request, reply, "reset", token, Math.floor(RESET_LINK_TTL_MS / 1000));
			return reply.redirect("/forgot-password/code", 303);
		},
		render: (request, reply, { form }, { identifier }) =>
			forgotPasswordPage({ csrf: csrfTokenFor(deps, request, reply), identifier: identifier ?? "", error: form }),
	});

	app.get("/forgot-password/code", { schema: noQuery }, async (request, reply) => {
		if (!readCookie(request, "reset")) return reply.redirect("/forgot-password", 303);
		return send(reply, resetSentPage({ csrf: csrfTokenFor(deps, request, reply) }));
	});

	formRoute(app, "/forgot-password/code", {
		schema: form({ code: 64, password: 1024 }),
		preHandler: csrfCheck,
		find(request, reply, _body: { code?: string; password?: string }) {
			const token = readCookie(request, "reset");
			if (!token) {
				reply.redirect("/forgot-password", 303);
				return undefined;
			}
			return token;
		},
		async run(request, reply, body, token) {
			const outcome = await completePasswordReset(deps, { token, code: body.code ?? "", password: body.password ?? "" }, clientInfo(request));
			clearCookie(request, reply, "reset");
			return resetOutcome(request, reply, outcome);
		},
		render(request, reply, { form }, body) {
			const help = { href: "/forgot-password", text: t("recovery.resetSent.newCode") };
			return resetSentPage({ csrf: csrfTokenFor(deps, request, reply), error: { ...form, help }, typed: body.code ?? "" });
		},
	});

	/**
	 * Where a reset's link or code leads: done, or, with two-factor on, the second
	 * step that confirms the new password (its challenge in the sign-in cookie, so
	 * "Can't use any of these?" leads on to recovery).
	 */
	function resetOutcome(request: FastifyRequest, reply: FastifyReply, outcome: PasswordResetOutcome) {
		if (outcome.status === "password_changed") return send(reply, passwordResetDonePage());
		const { challenge, expiresAt } = outcome.secondFactor;
		setCookie(request, reply, "signin", challenge, Math.ceil((expiresAt - deps.clock()) / 1000));
		return reply.redirect("/reset-password/verify", 303);
	}

	// Words are looked up per request, in the person's language.
	const resetLinkExpired = () => ({
		title: t("recovery.reset.expiredTitle"),
		message: t("recovery.reset.expiredMessage"),
		again: { href: "/forgot-password", text: t("recovery.reset.newLink") },
	});
	const resetCopy = () => ({ title: t("recovery.reset.title"), intro: t("recovery.reset.intro"), submit: t("recovery.reset.submit") });

	// A page reached from a link in a message: the token comes in the address and goes on in the form.
	app.get("/reset-password", { schema: tokenQuery }, async (request, reply) => {
		const { token } = request.query as { token?: string };
		if (!(await linkIsLive(deps, token, "password_reset"))) return send(reply, linkExpiredPage(resetLinkExpired()), 410);
		return send(reply, newPasswordPage({ csrf: csrfTokenFor(deps, request, reply), action: "/reset-password", token: token!, ...resetCopy() }));
	});
	formRoute<{ token?: string; password?: string }>(app, "/reset-password", {
		schema: form({ token: 128, password: 1024 }),
		preHandler: csrfCheck,
		async run(request, reply, body) {
			const outcome = await completePasswordReset(deps, { token: body.token ?? "", password: body.password ?? "" }, clientInfo(request));
			return resetOutcome(request, reply, outcome);
		},
		render(request, reply, { error: e, form }, body) {
			if (e.code === "invalid_link") return linkExpiredPage(resetLinkExpired());
			return newPasswordPage({ csrf: csrfTokenFor(deps, request, reply), action: "/reset-password", token: body.token ?? "", ...resetCopy(), error: form });
		},
	});

	secondStepRoutes(web, {
		base: "/reset-password/verify",
		cookie: "signin",
		purpose: "password_reset",
		noMethods: "/sign-in/recover",
		// Read when a page is drawn, so in the language of that request.
		pageText: {
			get heading() {
				return t("recovery.reset.confirmHeading");
			},
			get intro() {
				return t("recovery.reset.confirmIntro");
			},
			recoverable: true,
			cancel: "/sign-in",
		},
		expired: (_request, reply, message) =>
			send(
				reply,
				linkExpiredPage({ ...resetLinkExpired(), title: t("recovery.reset.tooLongTitle"), message: t("recovery.reset.tooLongMessage", { reason: message }) }),
				410,
			),
		async complete(request, reply, input) {
			await completePasswordResetSecondFactor(deps, input, clientInfo(request));
			clearCookie(request, reply, "signin");
			return send(reply, passwordResetDonePage());
		},
	});

	const secureExpired = () => ({
		title: t("recovery.reset.expiredTitle"),
		message: t("recovery.secure.expiredMessage"),
		again: { href: "/forgot-password", text: t("recovery.secure.resetPassword") },
	});

	// One button, no password: a mail scanner that follows the link changes nothing, and the link sets nothing.
	app.get("/secure-account", { schema: tokenQuery }, async (request, reply) => {
		const { token } = request.query as { token?: string };
		if (!(await linkIsLive(deps, token, "secure_account"))) return send(reply, linkExpiredPage(secureExpired()), 410);
		return send(reply, secureAccountPage({ csrf: csrfTokenFor(deps, request, reply), token: token! }));
	});
	// Not a form that comes back: a dead link shows its page, any other refusal the error page.
	app.post("/secure-account", { schema: form({ token: 128 }), preHandler: csrfCheck }, async (request, reply) => {
		const body = request.body as { token?: string };
		try {
			await secureAccount(deps, { token: body.token ?? "" }, clientInfo(request));
		} catch (error) {
			const { error: e } = asFormError(error, reply);
			if (e.code === "invalid_link") return send(reply, linkExpiredPage(secureExpired()), statusOf(e.code));
			throw error;
		}
		return send(reply, secureAccountDonePage());
	});
}
