import type { FastifyReply, FastifyRequest } from "fastify";
import { looksLikeToken } from "../../core/tokens.ts";
import { fileRecoveryRequest } from "../../flows/identity-checks.ts";
import { cancelRecoveryByLink, type RecoveryOptions, recoveryOptions, sendRecoveryCode, startRecovery } from "../../flows/recovery.ts";
import { t } from "../../i18n/translate.ts";
import type { Html } from "../../ui/html.ts";
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

	const waitHours = () => Math.round(deps.config.recoveryWaitMs / 3_600_000);

	/** A page of this sign-in's recovery, from what it can recover with; with no sign-in under way, the sign-in page says to start there. */
	async function withOptions(request: FastifyRequest, reply: FastifyReply, page: (options: RecoveryOptions) => Html, status = 200) {
		let options: RecoveryOptions;
		try {
			options = await recoveryOptions(deps, readCookie(request, "signin"));
		} catch (failure) {
			const { error: e } = asFormError(failure, reply);
			if (e.code !== "challenge_expired") throw failure;
			clearCookie(request, reply, "signin");
			return send(reply, signInPage({ csrf: csrfTokenFor(deps, request, reply), notice: t("recovery.signInFirst") }), 410);
		}
		return send(reply, page(options), status);
	}

	function recoveryPageFor(request: FastifyRequest, reply: FastifyReply, error?: FormError, status = 200) {
		return withOptions(
			request,
			reply,
			(options) => recoverStartPage({ csrf: csrfTokenFor(deps, request, reply), options, waitHours: waitHours(), ...(error ? { error } : {}) }),
			status,
		);
	}

	function identityPageFor(request: FastifyRequest, reply: FastifyReply, extra: { values?: ReturnType<typeof identityValues>; error?: FormError } = {}, status = 200) {
		return withOptions(
			request,
			reply,
			(options) => identityCheckPage({ csrf: csrfTokenFor(deps, request, reply), answerTo: options.alerted, waitHours: waitHours(), ...extra }),
			status,
		);
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
			const help = { href: "/help/lost-phone", text: t("recovery.code.lostPhone") };
			return recoverCodePage({ csrf: csrfTokenFor(deps, request, reply), kind, sentTo, error: { ...form, help } });
		},
	});

	app.get("/sign-in/recover/identity", { schema: noQuery }, async (request, reply) => identityPageFor(request, reply));

	const identityValues = (body: { message?: string; contactsUsed?: string; lastSignIn?: string }) => ({
		message: body.message ?? "",
		contactsUsed: body.contactsUsed ?? "",
		lastSignIn: body.lastSignIn ?? "",
	});

	formRoute<{ message?: string; contactsUsed?: string; lastSignIn?: string }>(app, "/sign-in/recover/identity", {
		schema: form({ message: 2000, contactsUsed: 500, lastSignIn: 100 }),
		preHandler: csrfCheck,
		async run(request, reply, body) {
			const challenge = readCookie(request, "signin") ?? "";
			// Where the answer will come, read while the sign-in is still open.
			const { alerted } = await recoveryOptions(deps, challenge);
			await fileRecoveryRequest(deps, { challenge, ...identityValues(body) }, clientInfo(request));
			clearCookie(request, reply, "signin");
			return send(reply, identityCheckSentPage({ answerTo: alerted, waitHours: waitHours() }), 201);
		},
		render(request, reply, { error: e, form }, body) {
			if (e.code === "challenge_expired" || e.code === "recovery_in_progress" || e.code === "recovery_request_open") {
				return recoveryPageFor(request, reply, form, statusOf(e.code));
			}
			return identityPageFor(request, reply, { values: identityValues(body), error: form }, statusOf(e.code));
		},
	});

	const cancelExpired = () => ({ title: t("recovery.cancel.expiredTitle"), message: t("recovery.cancel.expiredMessage") });

	app.get("/recovery/cancel", { schema: tokenQuery }, async (request, reply) => {
		const { token } = request.query as { token?: string };
		if (!token || !looksLikeToken(token)) return send(reply, linkExpiredPage(cancelExpired()), 410);
		return send(reply, cancelRecoveryPage({ csrf: csrfTokenFor(deps, request, reply), token }));
	});

	app.post("/recovery/cancel", { schema: form({ token: 128 }), preHandler: csrfCheck }, async (request, reply) => {
		const { token } = request.body as { token?: string };
		if (!(await cancelRecoveryByLink(deps, token, clientInfo(request)))) return send(reply, linkExpiredPage(cancelExpired()), 410);
		return send(reply, recoveryCancelledPage());
	});
}
