import type { FastifyReply, FastifyRequest } from "fastify";
import { looksLikeToken } from "../../core/tokens.ts";
import { fileRecoveryRequest } from "../../flows/identity-checks.ts";
import { cancelRecoveryByLink, recoveryOptions, sendRecoveryCode, startRecovery } from "../../flows/recovery.ts";
import { signInPage } from "../../ui/pages/auth.ts";
import type { FormError } from "../../ui/pages/layout.ts";
import {
	cancelRecoveryPage,
	identityCheckPage,
	identityCheckSentPage,
	linkExpiredPage,
	recoverCodePage,
	recoverStartPage,
	recoveryCancelledPage,
	recoveryStartedPage,
} from "../../ui/pages/recovery.ts";
import { clientInfo } from "../client.ts";
import { statusOf } from "../errors.ts";
import { clearCookie, csrfTokenFor, readCookie } from "./cookies.ts";
import { asFormError, asKind, form, noQuery, send, tokenQuery, type Web } from "./context.ts";
import { formRoute } from "./forms.ts";

/** Account recovery from a sign-in that cannot finish: a code to a contact, an identity check, and the cancel link. */
export function recoveryRoutes(web: Web): void {
	const { app, deps, csrfCheck } = web;

	async function recoveryPageFor(request: FastifyRequest, reply: FastifyReply, error?: FormError, status = 200) {
		try {
			const options = await recoveryOptions(deps, readCookie(request, "signin"));
			const page = recoverStartPage({ csrf: csrfTokenFor(deps, request, reply), options, waitHours: Math.round(deps.config.recoveryWaitMs / 3_600_000), ...(error ? { error } : {}) });
			return send(reply, page, status);
		} catch (failure) {
			const { error: e } = asFormError(failure, reply);
			if (e.code !== "challenge_expired") throw failure;
			clearCookie(request, reply, "signin");
			const notice = "To recover your account, first sign in with your username and password.";
			return send(reply, signInPage({ csrf: csrfTokenFor(deps, request, reply), notice }), 410);
		}
	}

	app.get("/sign-in/recover", { schema: noQuery }, async (request, reply) => recoveryPageFor(request, reply));

	formRoute<{ kind?: string }>(app, "/sign-in/recover/send", {
		schema: form({ kind: 8 }),
		preHandler: csrfCheck,
		async run(request, reply, body) {
			const kind = asKind(body.kind);
			const sent = await sendRecoveryCode(deps, { challenge: readCookie(request, "signin") ?? "", kind }, clientInfo(request));
			const csrf = csrfTokenFor(deps, request, reply);
			return send(reply, recoverCodePage({ csrf, kind, sentTo: sent.sentTo, delivered: sent.delivery === "sent" }));
		},
		render: (request, reply, { error: e, form }) => recoveryPageFor(request, reply, form, statusOf(e.code)),
	});

	formRoute<{ kind?: string; code?: string }>(app, "/sign-in/recover/code", {
		schema: form({ kind: 8, code: 64 }),
		preHandler: csrfCheck,
		async run(request, reply, body) {
			const kind = asKind(body.kind);
			const recovery = await startRecovery(deps, { challenge: readCookie(request, "signin") ?? "", kind, code: body.code ?? "" }, clientInfo(request));
			clearCookie(request, reply, "signin");
			return send(reply, recoveryStartedPage({ readyAt: recovery.readyAt }), 201);
		},
		async render(request, reply, { error: e, form }, body) {
			if (e.code === "challenge_expired" || e.code === "recovery_in_progress" || e.code === "no_contact") return recoveryPageFor(request, reply, form, statusOf(e.code));
			const kind = asKind(body.kind);
			const options = await recoveryOptions(deps, readCookie(request, "signin")).catch(() => undefined);
			const sentTo = options?.contacts.find((c) => c.kind === kind)?.masked ?? "";
			const help = { href: "/help/lost-phone", text: "Lost your phone? How to get back in" };
			return recoverCodePage({ csrf: csrfTokenFor(deps, request, reply), kind, sentTo, error: { ...form, help } });
		},
	});

	app.get("/sign-in/recover/identity", { schema: noQuery }, async (request, reply) =>
		send(reply, identityCheckPage({ csrf: csrfTokenFor(deps, request, reply) })),
	);

	const identityValues = (body: { message?: string; contactsUsed?: string; lastSignIn?: string }) => ({
		message: body.message ?? "",
		contactsUsed: body.contactsUsed ?? "",
		lastSignIn: body.lastSignIn ?? "",
	});

	formRoute<{ message?: string; contactsUsed?: string; lastSignIn?: string }>(app, "/sign-in/recover/identity", {
		schema: form({ message: 2000, contactsUsed: 500, lastSignIn: 100 }),
		preHandler: csrfCheck,
		async run(request, reply, body) {
			await fileRecoveryRequest(deps, { challenge: readCookie(request, "signin") ?? "", ...identityValues(body) }, clientInfo(request));
			clearCookie(request, reply, "signin");
			return send(reply, identityCheckSentPage(), 201);
		},
		render(request, reply, { error: e, form }, body) {
			if (e.code === "challenge_expired" || e.code === "recovery_in_progress" || e.code === "recovery_request_open") {
				return recoveryPageFor(request, reply, form, statusOf(e.code));
			}
			return identityCheckPage({ csrf: csrfTokenFor(deps, request, reply), values: identityValues(body), error: form });
		},
	});

	const cancelExpired = {
		title: "This link no longer works",
		message: "The recovery has already ended (cancelled, or completed), or this link was used or has expired.",
	};

	app.get("/recovery/cancel", { schema: tokenQuery }, async (request, reply) => {
		const { token } = request.query as { token?: string };
		if (!token || !looksLikeToken(token)) return send(reply, linkExpiredPage(cancelExpired), 410);
		return send(reply, cancelRecoveryPage({ csrf: csrfTokenFor(deps, request, reply), token }));
	});

	app.post("/recovery/cancel", { schema: form({ token: 128 }), preHandler: csrfCheck }, async (request, reply) => {
		const { token } = request.body as { token?: string };
		if (!(await cancelRecoveryByLink(deps, token, clientInfo(request)))) return send(reply, linkExpiredPage(cancelExpired), 410);
		return send(reply, recoveryCancelledPage());
	});
}
