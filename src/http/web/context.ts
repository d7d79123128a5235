import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isTesseraError, TesseraError } from "../../core/errors.ts";
import { blockingAction } from "../../flows/account-state.ts";
import { type RequiredAction, rememberLanguage, type TwoFactorState, twoFactorState } from "../../flows/accounts.ts";
import { asLocale, asTimeZone } from "../../i18n/locales.ts";
import type { FlowDeps } from "../../flows/deps.ts";
import { authenticate, type Authenticated, endSession, type IssuedSession } from "../../flows/sessions.ts";
import type { Account, ContactKind } from "../../store/schema.ts";
import type { Html } from "../../ui/html.ts";
import type { FormError, PageUser } from "../../ui/pages/layout.ts";
import { applyErrorHeaders } from "../errors.ts";
import { actionOf, requireDeclaredActions, type RouteActions } from "../gate.ts";
import { clearCookie, csrfTokenFor, readCookie, rotateCsrf, setCookie, verifyCsrf } from "./cookies.ts";

declare module "fastify" {
	interface FastifyRequest {
		webAuth?: Authenticated;
		twoFactor?: TwoFactorState;
	}
}

/** Form bodies: strings only, bounded, no unknown fields. Friendly checks happen in the flows. */
export function form(fields: Record<string, number>) {
	const properties: Record<string, unknown> = { _csrf: { type: "string", maxLength: 128 } };
	for (const [name, maxLength] of Object.entries(fields)) properties[name] = { type: "string", maxLength };
	return { body: { type: "object", additionalProperties: false, properties } };
}

export const noQuery = { querystring: { type: "object", additionalProperties: false, properties: {} } };

export const idQuery = {
	querystring: { type: "object", additionalProperties: false, required: ["id"], properties: { id: { type: "string", maxLength: 64 } } },
};

export const tokenQuery = {
	querystring: {
		type: "object",
		additionalProperties: false,
		properties: { token: { type: "string", maxLength: 128 } },
	},
};

export const asKind = (value: string | undefined): ContactKind => (value === "phone" ? "phone" : "email");

export function send(reply: FastifyReply, page: Html, status = 200): FastifyReply {
	return reply.code(status).type("text/html; charset=utf-8").send(page.value);
}

function formError(error: TesseraError): FormError {
	return { message: error.message, fields: error.fields, code: error.code };
}

/** Errors a form can show next to its fields; anything else goes to the error page. */
export function asFormError(error: unknown, reply: FastifyReply): { error: TesseraError; form: FormError } {
	if (!isTesseraError(error) || error.code === "internal_error" || error.code === "csrf_failed") throw error;
	applyErrorHeaders(reply, error);
	return { error, form: formError(error) };
}

function sessionSeconds(session: IssuedSession, now: number): number {
	return Math.max(1, Math.floor((session.expiresAt - now) / 1000));
}

export type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** What every journey's pages share: the app, the flows, the session checks and the browser session. */
export interface Web {
	app: FastifyInstance;
	deps: FlowDeps;
	currentSession(request: FastifyRequest): Promise<Authenticated | undefined>;
	/** Settings pages: a signed-in browser, through the gate. */
	requireSignedIn: PreHandler;
	/** Admin pages: signed in, and an admin. */
	requireAdmin: PreHandler;
	csrfCheck: PreHandler;
	pageUser(request: FastifyRequest, reply: FastifyReply): PageUser;
	/** Starts a signed-in browser session, ending whatever session the browser had before. */
	startBrowserSession(request: FastifyRequest, reply: FastifyReply, session: IssuedSession): Promise<void>;
}

/**
 * The shared pieces, bound to `app` and `deps`. The session checks are made
 * here with their guards: `requireDeclaredActions` hooks every route added
 * from now on, so this runs before any journey registers one. `routeActions`
 * is the face's one table of what each signed-in page does.
 */
export function webContext(app: FastifyInstance, deps: FlowDeps, routeActions: RouteActions): Web {
	async function currentSession(request: FastifyRequest): Promise<Authenticated | undefined> {
		try {
			return await authenticate(deps, readCookie(request, "session"));
		} catch {
			return undefined;
		}
	}

	/**
	 * Settings pages need a signed-in browser. When every backup code is used,
	 * getting a new set comes before anything else.
	 */
	const requireSignedIn = async (request: FastifyRequest, reply: FastifyReply) => {
		const auth = await currentSession(request);
		if (!auth) {
			if (readCookie(request, "session")) clearCookie(request, reply, "session");
			return reply.redirect("/sign-in", 303);
		}
		request.webAuth = auth;
		await adoptAccountPresentation(deps, request, auth.account);
		request.twoFactor = await twoFactorState(deps, auth.account);
		// The gate: what the account must do first may keep this page's action from going ahead.
		const blocking = blockingAction(request.twoFactor.requiredActions, actionOf(routeActions, request));
		if (blocking) return reply.redirect(requiredStepPage(blocking), 303);
	};
	requireDeclaredActions(app, routeActions, requireSignedIn);

	const requireAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
		await requireSignedIn(request, reply);
		if (reply.sent) return;
		// Not an admin: the page does not exist for them.
		if (request.webAuth?.account.role !== "admin") throw new TesseraError("not_found");
	};
	requireDeclaredActions(app, routeActions, requireAdmin);

	const csrfCheck = async (request: FastifyRequest) => verifyCsrf(deps, request);

	function pageUser(request: FastifyRequest, reply: FastifyReply): PageUser {
		return { username: request.webAuth!.account.username, csrf: csrfTokenFor(deps, request, reply) };
	}

	async function startBrowserSession(request: FastifyRequest, reply: FastifyReply, session: IssuedSession) {
		await endSession(deps, readCookie(request, "session"));
		setCookie(request, reply, "session", session.token, sessionSeconds(session, deps.clock()));
		clearCookie(request, reply, "signin");
		rotateCsrf(deps, request, reply);
	}

	return { app, deps, currentSession, requireSignedIn, requireAdmin, csrfCheck, pageUser, startBrowserSession };
}

/**
 * A signed-in page speaks the account's language and time, unless this browser
 * says otherwise: a language chosen with the switcher, or the zone the browser is
 * in, which the account then keeps for its emails and texts. An account that has
 * none yet takes this browser's.
 */
async function adoptAccountPresentation(deps: FlowDeps, request: FastifyRequest, account: Account): Promise<void> {
	const p = request.presentation;
	const remember: { language?: string; timeZone?: string } = {};
	if (p.locale !== "en-XA" && (p.chosen || account.language === null) && account.language !== p.locale) remember.language = p.locale;
	else if (!p.chosen) p.locale = asLocale(account.language) ?? p.locale;
	if (p.timeZone !== undefined && p.timeZone !== account.time_zone) remember.timeZone = p.timeZone;
	else if (p.timeZone === undefined) p.timeZone = asTimeZone(account.time_zone);
	if (remember.language !== undefined || remember.timeZone !== undefined) await rememberLanguage(deps, account.id, remember);
}

/** The page that leads with what the account must do first. */
export function requiredStepPage(required: RequiredAction): string {
	return required === "new_backup_codes" ? "/settings/backup-codes/running-low" : "/settings/two-factor/required";
}
