import type { FastifyReply, FastifyRequest } from "fastify";
import { linkIsLive } from "../../flows/action-tokens.ts";
import {
	changePassword,
	completePasswordReset,
	completePasswordResetSecondFactor,
	type PasswordResetOutcome,
	requestPasswordReset,
	RESET_LINK_TTL_MS,
	resetRequestedMessage,
	secureAccount,
} from "../../flows/password.ts";
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
			const fixed = e.code === "invalid_credentials" ? { ...form, fields: [{ field: "current", problem: "Not the right password." }] } : form;
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
		return send(reply, resetSentPage({ csrf: csrfTokenFor(deps, request, reply), message: resetRequestedMessage }));
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
			const help = { href: "/forgot-password", text: "Ask for a new code" };
			return resetSentPage({ csrf: csrfTokenFor(deps, request, reply), message: resetRequestedMessage, error: { ...form, help }, typed: body.code ?? "" });
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

	const resetLinkExpired = {
		title: "This link has expired",
		message: "Password reset links work once, for 30 minutes. Ask for a new one.",
		again: { href: "/forgot-password", text: "Ask for a new link" },
	};
	const resetCopy = {
		title: "Choose a new password",
		intro: "Every session signs out and trusted devices are forgotten. If two-factor authentication is on, you confirm the new password with your authenticator app, a passkey or a backup code next.",
		submit: "Continue",
	};

	// A page reached from a link in a message: the token comes in the address and goes on in the form.
	app.get("/reset-password", { schema: tokenQuery }, async (request, reply) => {
		const { token } = request.query as { token?: string };
		if (!(await linkIsLive(deps, token, "password_reset"))) return send(reply, linkExpiredPage(resetLinkExpired), 410);
		return send(reply, newPasswordPage({ csrf: csrfTokenFor(deps, request, reply), action: "/reset-password", token: token!, ...resetCopy }));
	});
	formRoute<{ token?: string; password?: string }>(app, "/reset-password", {
		schema: form({ token: 128, password: 1024 }),
		preHandler: csrfCheck,
		async run(request, reply, body) {
			const outcome = await completePasswordReset(deps, { token: body.token ?? "", password: body.password ?? "" }, clientInfo(request));
			return resetOutcome(request, reply, outcome);
		},
		render(request, reply, { error: e, form }, body) {
			if (e.code === "invalid_link") return linkExpiredPage(resetLinkExpired);
			return newPasswordPage({ csrf: csrfTokenFor(deps, request, reply), action: "/reset-password", token: body.token ?? "", ...resetCopy, error: form });
		},
	});

	secondStepRoutes(web, {
		base: "/reset-password/verify",
		cookie: "signin",
		purpose: "password_reset",
		noMethods: "/sign-in/recover",
		pageText: {
			heading: "Confirm your new password",
			intro: "Your new password takes effect once you confirm it is you. A code by email or text message cannot confirm a reset: use your authenticator app, a passkey or a backup code.",
			recoverable: true,
			cancel: "/sign-in",
		},
		expired: (_request, reply, message) =>
			send(reply, linkExpiredPage({ ...resetLinkExpired, title: "That took too long", message: `${message} Your password was not changed.` }), 410),
		async complete(request, reply, input) {
			await completePasswordResetSecondFactor(deps, input, clientInfo(request));
			clearCookie(request, reply, "signin");
			return send(reply, passwordResetDonePage());
		},
	});

	const secureExpired = {
		title: "This link has expired",
		message: "“Wasn't you?” links work once, for 7 days, and only while the address they were sent to is on the account. If you are worried about your account, reset your password now.",
		again: { href: "/forgot-password", text: "Reset your password" },
	};

	// One button, no password: a mail scanner that follows the link changes nothing, and the link sets nothing.
	app.get("/secure-account", { schema: tokenQuery }, async (request, reply) => {
		const { token } = request.query as { token?: string };
		if (!(await linkIsLive(deps, token, "secure_account"))) return send(reply, linkExpiredPage(secureExpired), 410);
		return send(reply, secureAccountPage({ csrf: csrfTokenFor(deps, request, reply), token: token! }));
	});
	// Not a form that comes back: a dead link shows its page, any other refusal the error page.
	app.post("/secure-account", { schema: form({ token: 128 }), preHandler: csrfCheck }, async (request, reply) => {
		const body = request.body as { token?: string };
		try {
			await secureAccount(deps, { token: body.token ?? "" }, clientInfo(request));
		} catch (error) {
			const { error: e } = asFormError(error, reply);
			if (e.code === "invalid_link") return send(reply, linkExpiredPage(secureExpired), statusOf(e.code));
			throw error;
		}
		return send(reply, secureAccountDonePage());
	});
}
