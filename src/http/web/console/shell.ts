import type { FastifyReply, FastifyRequest } from "fastify";
import { TesseraError } from "../../../core/errors.ts";
import type { Authenticated } from "../../../flows/sessions.ts";
import { completeStepUp, startStepUp, stepUpPurpose } from "../../../flows/step-up.ts";
import { isOperatorRole, REPROVE_WINDOW_MS, secondFactorFresh } from "../../../flows/console.ts";
import { t } from "../../../i18n/translate.ts";
import { type Html, html } from "../../../ui/html.ts";
import { type ConsoleSection, type ConsoleUser, consoleLayout, type OperatorRole } from "../../../ui/pages/console/shell.ts";
import { clientInfo } from "../../client.ts";
import { requireDeclaredActions, type RouteActions } from "../../gate.ts";
import { clearCookie, readCookie, setCookie } from "../cookies.ts";
import type { PreHandler, Web } from "../context.ts";
import { secondStepRoutes } from "../second-step.ts";

/**
 * The operator console's shell: who may open it, the page around every console
 * page, and the rule that an operator proves their own second factor again
 * before a sensitive action.
 *
 * How a console page is made (people.ts is a complete example):
 *
 *   1. Guard every route with `requireConsole(web)` (admins and support) or
 *      `requireConsole(web, "admin")` (admins only: OIDC clients, webhooks).
 *      Anyone else signed in gets the same 404 as a page that does not exist;
 *      a signed-out visitor is sent to sign in (the schema's 400 comes first). Name each
 *      route in the gate's table in src/http/web/routes.ts with the action
 *      "operate_console" (the guard runs the signed-in check, which asks the
 *      gate); an unnamed route stops the app from starting.
 *
 *        app.get("/admin/audit", { schema, preHandler: requireConsole(web) }, async (request, reply) =>
 *          sendConsolePage(web, request, reply, { title, section: "audit", body: html`<h1>…</h1>…` }));
 *
 *   2. Render the page with `sendConsolePage` (or `consoleLayout` from
 *      src/ui/pages/console/shell.ts with `consoleUser(web, request, reply)`): the
 *      header, the navigation for the operator's role with `section` marked
 *      current, the sign-out, the footer. Forms carry `csrfField(user.csrf)` and
 *      their POST routes run `[requireConsole(web), web.csrfCheck]`.
 *
 *   3. Before anything sensitive (changing an account, revealing a value support
 *      may not see), call `reproveFirst(web, request, reply, { to, fields })`:
 *      "fresh" when the operator's own second factor was proved in the last five
 *      minutes: go ahead. "asked": it has redirected to the "Confirm it's you"
 *      step (which comes back to `to` afterwards); the route returns `reply` and
 *      does nothing else. "no_two_factor": the operator has no second factor to
 *      prove; the page says so (`t("console.refused.noTwoFactor")`). `to` is the
 *      console page to come back to (the form, by GET); `fields` is what the
 *      operator typed, which that page reads back once with
 *      `keptInput(request, reply, to)`.
 *
 *   4. Audit with the operator: `operatorOf(request)` gives the id, username and
 *      role to record (flows/console.ts `operatorActor`).
 */

export type { ConsoleSection, ConsoleUser, OperatorRole };
export { REPROVE_WINDOW_MS };

/** The operator behind a console request (after `requireConsole`). */
export interface Operator {
	id: string;
	username: string;
	role: OperatorRole;
}

const guards = new WeakMap<Web, Record<"any" | "admin", PreHandler>>();

/**
 * The console's guard: signed in (through the gate, like every settings page),
 * and an operator: any operator role, or only admins when `role` is "admin".
 * Anyone else signed in gets a 404: to them the page does not exist; the
 * signed-out are sent to sign in. The same function is
 * returned for the same `web` and `role`, so the gate's table can name its routes.
 */
export function requireConsole(web: Web, role?: "admin"): PreHandler {
	let made = guards.get(web);
	if (!made) {
		const make =
			(only: readonly OperatorRole[]): PreHandler =>
			async (request, reply) => {
				await web.requireSignedIn(request, reply);
				if (reply.sent) return;
				const held = request.webAuth?.account.role ?? "user";
				if (!isOperatorRole(held) || !only.includes(held)) throw new TesseraError("not_found");
			};
		made = { any: make(["admin", "support"]), admin: make(["admin"]) };
		guards.set(web, made);
	}
	return role === "admin" ? made.admin : made.any;
}

export function operatorOf(request: FastifyRequest): Operator {
	const account = request.webAuth!.account;
	if (!isOperatorRole(account.role)) throw new TesseraError("not_found");
	return { id: account.id, username: account.username, role: account.role };
}

export function consoleUser(web: Web, request: FastifyRequest, reply: FastifyReply): ConsoleUser {
	return { ...web.pageUser(request, reply), role: operatorOf(request).role };
}

/** Sends a console page: the body inside the console's layout, for this operator. */
export function sendConsolePage(
	web: Web,
	request: FastifyRequest,
	reply: FastifyReply,
	page: { title: string; section: ConsoleSection; body: Html | ((user: ConsoleUser) => Html) },
	status = 200,
): FastifyReply {
	const user = consoleUser(web, request, reply);
	const body = typeof page.body === "function" ? page.body(user) : page.body;
	return reply.code(status).type("text/html; charset=utf-8").send(consoleLayout({ title: page.title, user, section: page.section, body }).value);
}

// ── Re-proving the operator's own second factor ─────────────────────────────

/** Where the step lives, and the cookie that holds the form to go back to. */
const CONFIRM = "/admin/confirm";
const KEPT_SECONDS = 15 * 60;
const MAX_KEPT = 3000;

/** A console address to come back to: a path under /admin, nothing else. */
export function isConsolePath(to: unknown): to is string {
	return typeof to === "string" && to.length <= 512 && /^\/admin(?:[/?]|$)/.test(to) && !/[\\\s]|\.\.|\/\//.test(to);
}

interface Kept {
	to: string;
	fields: Record<string, string>;
}

function readKept(request: FastifyRequest): Kept | undefined {
	const value = readCookie(request, "reprove");
	if (!value) return undefined;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
		if (typeof parsed !== "object" || parsed === null) return undefined;
		const { to, fields } = parsed as { to?: unknown; fields?: unknown };
		if (!isConsolePath(to) || typeof fields !== "object" || fields === null) return undefined;
		const kept: Record<string, string> = {};
		for (const [name, field] of Object.entries(fields)) if (typeof field === "string") kept[name] = field;
		return { to, fields: kept };
	} catch {
		return undefined;
	}
}

/**
 * Whether the operator may go ahead with a sensitive action now: "fresh" when
 * their own second factor was proved in the last five minutes. Otherwise the
 * "Confirm it's you" step starts (their own methods, the sign-in's second step),
 * this redirects to it and answers "asked": the route returns `reply` and does
 * nothing more. What the operator typed (`fields`) waits in a short-lived cookie
 * and comes back on the page at `to` (`keptInput`). An operator with no second
 * factor cannot re-prove: "no_two_factor", for the page to say so.
 *
 * (Never the reply itself: a Fastify reply is a thenable, and an async function
 * returning it would wait for it to be sent and answer undefined.)
 */
export async function reproveFirst(web: Web, request: FastifyRequest, reply: FastifyReply, kept: Kept): Promise<"fresh" | "asked" | "no_two_factor"> {
	const auth = request.webAuth as Authenticated;
	const now = web.deps.clock();
	if (secondFactorFresh(auth.authentication, now)) return "fresh";
	const challenge = await startStepUp(web.deps, auth.account, auth.sessionId, "two_factor", clientInfo(request));
	if (!challenge) return "no_two_factor";
	if (!isConsolePath(kept.to)) throw new Error(`Not a console address to come back to: ${kept.to}`);
	const value = Buffer.from(JSON.stringify(kept)).toString("base64url");
	setCookie(request, reply, "reprove", value.length <= MAX_KEPT ? value : Buffer.from(JSON.stringify({ to: kept.to, fields: {} })).toString("base64url"), KEPT_SECONDS);
	setCookie(request, reply, "more", challenge.challenge, Math.ceil((challenge.expiresAt - now) / 1000));
	reply.redirect(CONFIRM, 303);
	return "asked";
}

/** What the operator typed before re-proving, for the page at `to`: read once. */
export function keptInput(request: FastifyRequest, reply: FastifyReply, to: string): Record<string, string> | undefined {
	const kept = readKept(request);
	if (!kept || kept.to !== to) return undefined;
	clearCookie(request, reply, "reprove");
	return kept.fields;
}

/** Whether this operator's second factor is fresh now (for pages that say what an action will ask). */
export function isFresh(web: Web, request: FastifyRequest): boolean {
	return secondFactorFresh((request.webAuth as Authenticated).authentication, web.deps.clock());
}

/** The routes of the shell itself: the "Confirm it's you" step. */
export function consoleShellRoutes(web: Web): void {
	const { deps } = web;
	const purpose = stepUpPurpose("two_factor");
	secondStepRoutes(web, {
		base: CONFIRM,
		cookie: "more",
		purpose,
		noMethods: "/admin",
		preHandler: requireConsole(web),
		pageText: {
			get heading() {
				return t("console.reprove.heading");
			},
			get intro() {
				return t("console.reprove.intro", { minutes: REPROVE_WINDOW_MS / 60_000 });
			},
			cancel: "/admin",
		},
		// The step's time ran out: back to the console, which says so; the form keeps what was typed.
		expired: (request, reply, message) =>
			sendConsolePage(web, request, reply, {
				title: t("console.reprove.heading"),
				section: "people",
				body: html`<h1>${t("console.reprove.heading")}</h1>
<p class="notice" role="status">${message}</p>
<p><a href="${readKept(request)?.to ?? "/admin"}">${t("console.reprove.again")}</a></p>`,
			}, 410),
		async complete(request, reply, input) {
			const auth = request.webAuth as Authenticated;
			await completeStepUp(
				deps,
				purpose,
				{ challenge: input.challenge, method: input.method, answer: input.answer, session: { sessionId: auth.sessionId, accountId: auth.account.id } },
				clientInfo(request),
			);
			clearCookie(request, reply, "more");
			return reply.redirect(readKept(request)?.to ?? "/admin", 303);
		},
	});
}

/** The gate's names for the shell's own routes (spread into the table in routes.ts). */
export const shellRouteActions: RouteActions = {
	"GET /admin/confirm": "operate_console",
	"GET /admin/confirm/methods": "operate_console",
	"POST /admin/confirm": "operate_console",
	"POST /admin/confirm/send": "operate_console",
};

/** Refuses to start the app when a console route runs a console guard and the gate's table does not name it. */
export function declareConsoleRoutes(web: Web, actions: RouteActions): void {
	requireDeclaredActions(web.app, actions, requireConsole(web));
	requireDeclaredActions(web.app, actions, requireConsole(web, "admin"));
}
