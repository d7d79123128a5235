import type { FastifyReply, FastifyRequest } from "fastify";
import { beginEnrolment, beginReplacement, confirmEnrolment, pendingEnrolment, removeCredential } from "../../flows/enrolment.ts";
import { pendingBackupCodes } from "../../flows/two-factor.ts";
import { newCodesPage } from "./two-factor.ts";
import type { EnrolmentStart } from "../../methods/types.ts";
import {
	type AuthenticatorDoor,
	authenticatorPasswordPage,
	authenticatorReplacedPage,
	REPLACE_AUTHENTICATOR,
	totpEnrollPage,
} from "../../ui/pages/authenticator.ts";
import { confirmCodesPage } from "../../ui/pages/settings.ts";
import { clientInfo } from "../client.ts";
import { AUTHENTICATOR } from "../method-names.ts";
import { redirectWithNotice, takeNotice } from "./cookies.ts";
import { form, noQuery, send, type Web } from "./context.ts";
import { formRoute } from "./forms.ts";

type SharedSecret = Extract<EnrolmentStart, { kind: "shared_secret" }>;

function sharedSecret(start: EnrolmentStart | undefined): SharedSecret | undefined {
	return start?.kind === "shared_secret" ? start : undefined;
}

/**
 * The authenticator app: setting it up (its first code, and with two-factor off the
 * first set of backup codes), moving it to a new phone, and removing it. Each starts
 * with the password.
 */
export function authenticatorRoutes(web: Web): void {
	const { app, deps, requireSignedIn, csrfCheck, pageUser } = web;

	/** The app is in use (two-factor on): it can be moved to a new phone. */
	const replaceable = (request: FastifyRequest) => request.twoFactor!.methods.includes(AUTHENTICATOR);

	/** A door behind the password: GET shows it, POST runs `onConfirmed`, or shows it again with the flow's refusal. */
	function passwordDoor(
		path: string,
		door: AuthenticatorDoor,
		onConfirmed: (request: FastifyRequest, reply: FastifyReply, password: string) => Promise<FastifyReply>,
	): void {
		const page = (request: FastifyRequest, reply: FastifyReply) => ({ user: pageUser(request, reply), door, action: path, replaceable: replaceable(request) });
		app.get(path, { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) => send(reply, authenticatorPasswordPage(page(request, reply))));
		formRoute<{ password?: string }>(app, path, {
			schema: form({ password: 1024 }),
			preHandler: [requireSignedIn, csrfCheck],
			run: (request, reply, { password }) => onConfirmed(request, reply, password ?? ""),
			render: (request, reply, { form }) => authenticatorPasswordPage({ ...page(request, reply), error: form }),
		});
	}


	// ── Setting it up ────────────────────────────────────────────────────────
	passwordDoor("/settings/authenticator", "set_up", async (request, reply, password) => {
		const start = sharedSecret(await beginEnrolment(deps, request.webAuth!.account, AUTHENTICATOR, password, clientInfo(request)));
		if (!start) throw new Error("the authenticator's set-up is a shared secret");
		return send(reply, totpEnrollPage({ user: pageUser(request, reply), enrollment: start }));
	});

	formRoute<{ code?: string }>(app, "/settings/authenticator/confirm", {
		schema: form({ code: 128 }),
		preHandler: [requireSignedIn, csrfCheck],
		async run(request, reply, { code }) {
			const result = await confirmEnrolment(deps, request.webAuth!.account, AUTHENTICATOR, { code: code ?? "" }, clientInfo(request));
			if (!result.backupCodes) return reply.redirect("/settings", 303);
			return send(reply, newCodesPage(web, request, reply, result.backupCodes, true));
		},
		async render(request, reply, { form }) {
			const account = request.webAuth!.account;
			const enrollment = sharedSecret(await pendingEnrolment(deps, account, AUTHENTICATOR, clientInfo(request)));
			if (!enrollment) {
				// Sent again (a reload) after the app was set up: its codes wait to be typed back.
				const codes = await pendingBackupCodes(deps, account, clientInfo(request));
				return reply.redirect(codes ? "/settings/backup-codes/confirm" : "/settings/authenticator", 303);
			}
			return totpEnrollPage({ user: pageUser(request, reply), enrollment, error: form });
		},
	});

	// Opened by its address: a key still waiting for its first code is shown again; once the app is
	// set up, the page that showed the first codes asks for one back (the codes are never shown twice).
	app.get("/settings/authenticator/confirm", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const account = request.webAuth!.account;
		const state = request.twoFactor!;
		const waiting = state.methods.includes(AUTHENTICATOR) ? undefined : sharedSecret(await pendingEnrolment(deps, account, AUTHENTICATOR, clientInfo(request)));
		if (waiting) return send(reply, totpEnrollPage({ user: pageUser(request, reply), enrollment: waiting }));
		const pending = state.pendingBackupCodes;
		if (!pending) return redirectWithNotice(request, reply, "/settings", "no_codes_waiting");
		return send(reply, confirmCodesPage({ user: pageUser(request, reply), expiresAt: pending.expiresAt, firstSet: !account.two_factor_enabled }));
	});

	// ── Moving it to a new phone ─────────────────────────────────────────────
	passwordDoor(REPLACE_AUTHENTICATOR, "replace", async (request, reply, password) => {
		const start = sharedSecret(await beginReplacement(deps, request.webAuth!.account, AUTHENTICATOR, password, clientInfo(request)));
		if (!start) throw new Error("the authenticator's set-up is a shared secret");
		return send(reply, totpEnrollPage({ user: pageUser(request, reply), enrollment: start, replacing: true }));
	});

	/** The new phone's key, while it waits for its first code (the app in use is set up). */
	async function waitingReplacement(request: FastifyRequest): Promise<SharedSecret | undefined> {
		if (!replaceable(request)) return undefined;
		return sharedSecret(await pendingEnrolment(deps, request.webAuth!.account, AUTHENTICATOR, clientInfo(request)));
	}

	formRoute<{ code?: string }>(app, `${REPLACE_AUTHENTICATOR}/confirm`, {
		schema: form({ code: 128 }),
		preHandler: [requireSignedIn, csrfCheck],
		async run(request, reply, { code }) {
			await confirmEnrolment(deps, request.webAuth!.account, AUTHENTICATOR, { code: code ?? "" }, clientInfo(request));
			return redirectWithNotice(request, reply, "/settings/authenticator/replaced", "authenticator_replaced");
		},
		async render(request, reply, { form }) {
			const user = pageUser(request, reply);
			const enrollment = await waitingReplacement(request);
			// Nothing waits any more (replaced meanwhile, or the app removed): start again from the password.
			if (!enrollment) return authenticatorPasswordPage({ user, door: "replace", action: REPLACE_AUTHENTICATOR, replaceable: replaceable(request), error: form });
			return totpEnrollPage({ user, enrollment, replacing: true, error: form });
		},
	});

	app.get(`${REPLACE_AUTHENTICATOR}/confirm`, { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const enrollment = await waitingReplacement(request);
		if (!enrollment) return reply.redirect(REPLACE_AUTHENTICATOR, 303);
		return send(reply, totpEnrollPage({ user: pageUser(request, reply), enrollment, replacing: true }));
	});

	app.get(
		"/settings/authenticator/replaced",
		{
			schema: {
				querystring: { type: "object", additionalProperties: false, properties: { notice: { type: "string", enum: ["authenticator_replaced"] } } },
			},
			preHandler: requireSignedIn,
		},
		async (request, reply) => {
			// Said once, right after the switch; opened again, it is settings.
			const said = takeNotice(request, reply, (request.query as { notice?: "authenticator_replaced" }).notice);
			if (!said) return reply.redirect("/settings", 303);
			return send(reply, authenticatorReplacedPage({ user: pageUser(request, reply) }));
		},
	);

	// ── Removing it ──────────────────────────────────────────────────────────
	passwordDoor("/settings/authenticator/disable", "remove", async (request, reply, password) => {
		await removeCredential(deps, request.webAuth!.account, { method: AUTHENTICATOR, password }, clientInfo(request));
		return reply.redirect("/settings", 303);
	});
}
