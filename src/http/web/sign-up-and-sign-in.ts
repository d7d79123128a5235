import { signUp } from "../../flows/accounts.ts";
import { endBrowserAppSession } from "../../flows/apps.ts";
import { PROVIDER_SESSION_COOKIE } from "../../oidc/request.ts";
import { afterSignIn, pendingApp } from "./apps.ts";
import { endSession } from "../../flows/sessions.ts";
import { completeSecondFactor, signInWithPassword } from "../../flows/sign-in.ts";
import { RUNNING_LOW_AT } from "../../core/backup-code-format.ts";
import { t } from "../../i18n/translate.ts";
import { signInPage, signUpPage } from "../../ui/pages/auth.ts";
import { clientInfo } from "../client.ts";
import { clearCookie, csrfTokenFor, readCookie, redirectWithNotice, setCookie } from "./cookies.ts";
import { form, noQuery, send, type Web } from "./context.ts";
import { formRoute } from "./forms.ts";
import { secondStepRoutes } from "./second-step.ts";

/** The front door, signing up, signing in with its second step, and signing out. */
export function signUpAndSignInRoutes(web: Web): void {
	const { app, deps, csrfCheck, currentSession, startBrowserSession } = web;

	app.get("/", { schema: noQuery }, async (request, reply) =>
		reply.redirect((await currentSession(request)) ? "/settings" : "/sign-in", 303),
	);

	// ── Sign up ──────────────────────────────────────────────────────────────
	app.get("/sign-up", { schema: noQuery }, async (request, reply) =>
		send(reply, signUpPage({ csrf: csrfTokenFor(deps, request, reply) })),
	);

	formRoute<{ username?: string; password?: string; email?: string }>(app, "/sign-up", {
		schema: form({ username: 64, password: 1024, email: 320 }),
		preHandler: csrfCheck,
		async run(request, reply, body) {
			const { session } = await signUp(
				deps,
				{
					username: body.username ?? "",
					password: body.password ?? "",
					email: body.email,
					...(request.presentation.locale !== "en-XA" ? { language: request.presentation.locale } : {}),
					timeZone: request.presentation.timeZone,
				},
				clientInfo(request),
			);
			await startBrowserSession(request, reply, session);
			return reply.redirect("/settings", 303);
		},
		render(request, reply, { form }, body) {
			const csrf = csrfTokenFor(deps, request, reply);
			// The password comes back only when nothing was said against it (the username was
			// taken or refused, say), so it need not be typed again; the page is never stored.
			const passwordRefused = form.fields === undefined || form.fields.some((f) => f.field === "password");
			const password = passwordRefused ? undefined : body.password;
			return signUpPage({ csrf, username: body.username ?? "", email: body.email ?? "", password, error: form });
		},
	});

	// ── Sign in ──────────────────────────────────────────────────────────────
	app.get("/sign-in", { schema: noQuery }, async (request, reply) => {
		const app = pendingApp(request);
		const signedIn = await currentSession(request);
		// An app that asked for a fresh sign-in (prompt=login, max_age) gets one, even from a signed-in browser.
		if (signedIn && app?.freshSince === undefined) return reply.redirect(afterSignIn(request), 303);
		const notice = app?.freshSince !== undefined ? t("auth.signIn.appAsksAgain") : undefined;
		return send(reply, signInPage({ csrf: csrfTokenFor(deps, request, reply), notice, username: signedIn?.account.username }));
	});

	formRoute<{ username?: string; password?: string }>(app, "/sign-in", {
		schema: form({ username: 320, password: 1024 }),
		preHandler: csrfCheck,
		async run(request, reply, body) {
			const result = await signInWithPassword(
				deps,
				{ username: body.username ?? "", password: body.password ?? "", deviceToken: readCookie(request, "device") },
				clientInfo(request),
			);
			if (result.kind === "session") {
				await startBrowserSession(request, reply, result.session);
				return reply.redirect(afterSignIn(request), 303);
			}
			const ttl = Math.ceil((result.secondFactor.expiresAt - deps.clock()) / 1000);
			setCookie(request, reply, "signin", result.secondFactor.challenge, ttl);
			return reply.redirect("/sign-in/verify", 303);
		},
		render(request, reply, { error: e, form }, body) {
			const csrf = csrfTokenFor(deps, request, reply);
			// Too many attempts: the page says when to try again, from the refusal's wait.
			const seconds = e.details.retryAfterSeconds;
			const retry = typeof seconds === "number" ? { retry: { seconds, now: deps.clock() } } : {};
			return signInPage({ csrf, username: body.username ?? "", error: form, ...retry });
		},
	});

	secondStepRoutes(web, {
		base: "/sign-in/verify",
		cookie: "signin",
		purpose: "sign_in",
		noMethods: "/sign-in/recover",
		// Whatever ended it, the way on is the password again.
		expired: (request, reply) => send(reply, signInPage({ csrf: csrfTokenFor(deps, request, reply), notice: t("auth.signIn.expired") }), 410),
		async complete(request, reply, input) {
			const result = await completeSecondFactor(
				deps,
				{ challenge: input.challenge, method: input.method, answer: input.answer, trustDevice: input.trust },
				clientInfo(request),
			);
			await startBrowserSession(request, reply, result.session);
			if (result.device) {
				setCookie(request, reply, "device", result.device.token, Math.floor((result.device.expiresAt - deps.clock()) / 1000));
			}
			const remaining = result.backupCodes?.remaining;
			if (remaining === undefined) return reply.redirect(afterSignIn(request), 303);
			// Few codes left: the sign-in ends on the offer of a new set.
			if (remaining <= RUNNING_LOW_AT) return reply.redirect("/settings/backup-codes/running-low", 303);
			return redirectWithNotice(request, reply, "/settings", "backup_code_used");
		},
	});

	app.post("/sign-out", { schema: form({}), preHandler: csrfCheck }, async (request, reply) => {
		// The apps this browser signed in to are signed out too.
		const signedIn = await currentSession(request);
		if (signedIn) await endBrowserAppSession(deps, signedIn.account.id, request.cookies[PROVIDER_SESSION_COOKIE]);
		await endSession(deps, readCookie(request, "session"));
		clearCookie(request, reply, "app");
		clearCookie(request, reply, "more");
		clearCookie(request, reply, "session");
		clearCookie(request, reply, "signin");
		clearCookie(request, reply, "stepup");
		return reply.redirect("/sign-in", 303);
	});
}
