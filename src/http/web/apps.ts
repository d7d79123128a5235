import type { FastifyReply, FastifyRequest } from "fastify";
import type { InteractionResults } from "oidc-provider";
import { acrOf, amrOf, authTimeOf, type FactorLevel, levelIndex } from "../../core/authentication-strength.ts";
import { TesseraError } from "../../core/errors.ts";
import { blockingAction, requiredActionsOf } from "../../flows/account-state.ts";
import { appsWithAccess, rememberConsent, withdrawAppAccess } from "../../flows/apps.ts";
import { recordEvent } from "../../flows/events.ts";
import type { Authenticated } from "../../flows/sessions.ts";
import { completeStepUp, startStepUp, stepUpPurpose } from "../../flows/step-up.ts";
import { t } from "../../i18n/translate.ts";
import { TOKEN_TTL } from "../../oidc/lifetimes.ts";
import { attachSession, isFirstParty, requiredLevel, type SignedIn } from "../../oidc/request.ts";
import type { OpenIdService } from "../../oidc/service.ts";
import { appsPage, cannotStepUpPage, consentPage } from "../../ui/pages/apps.ts";
import { signInPage } from "../../ui/pages/auth.ts";
import { clientInfo, isSecureContext } from "../client.ts";
import { securityHeaders } from "../security-headers.ts";
import { type CookieKind, clearCookie, cookieName, csrfTokenFor, readCookie, redirectWithNotice, setCookie, takeNotice } from "./cookies.ts";
import { form, noQuery, requiredStepPage, send, type Web } from "./context.ts";
import { secondStepRoutes } from "./second-step.ts";

/**
 * Sign in with Tessera (OpenID Connect). The provider's endpoints are handed to
 * oidc-provider as they come; its interactions are Tessera's own pages: the
 * sign-in and its second step, the steps the gate puts first, a step-up, and
 * consent for third-party apps. A journey that began at an app carries the
 * interaction in the "app" cookie and returns to it when it ends.
 */

const UID = /^[A-Za-z0-9_-]{1,64}$/;
const uidParams = {
	params: { type: "object", additionalProperties: false, required: ["uid"], properties: { uid: { type: "string", pattern: UID.source } } },
};

/** What Tessera's session says, in the provider's terms. */
async function signedInOf(web: Web, auth: Authenticated): Promise<SignedIn> {
	const required = await requiredActionsOf(web.deps, auth.account);
	return {
		accountId: auth.account.id,
		sessionId: auth.sessionId,
		acr: acrOf(auth.authentication),
		amr: amrOf(auth.authentication),
		authTime: Math.floor(authTimeOf(auth.authentication) / 1000),
		requiredAction: blockingAction(required, "sign_in_to_app") ?? null,
	};
}

/**
 * The app journey in progress: its interaction, since when a fresh sign-in was
 * asked for (ms), if one was, and where the app receives the person back (the
 * origin of its redirect address), which the pages' forms may lead to.
 */
export interface PendingApp {
	uid: string;
	freshSince?: number;
	returnsTo?: string;
}

export function pendingApp(request: FastifyRequest): PendingApp | undefined {
	const value = readCookie(request, "app");
	if (!value) return undefined;
	const [uid, fresh, origin] = value.split(".");
	if (!uid || !UID.test(uid)) return undefined;
	const since = Number(fresh);
	const returnsTo = origin ? formTarget(Buffer.from(origin, "base64url").toString("utf8")) : undefined;
	return { uid, ...(fresh && Number.isSafeInteger(since) ? { freshSince: since } : {}), ...(returnsTo ? { returnsTo } : {}) };
}

/**
 * What a Content-Security-Policy form-action may name for an app's redirect
 * address: its origin (https://app.example), or its scheme for a native app's
 * (com.example.app:). Browsers check form-action on every redirect after a form,
 * so the form that ends an app's sign-in must be allowed to lead there.
 */
function formTarget(uri: string): string | undefined {
	try {
		const url = new URL(uri);
		if (url.protocol === "https:" || url.protocol === "http:") return url.origin;
		return /^[a-z][a-z0-9+.-]*:$/.test(url.protocol) ? url.protocol : undefined;
	} catch {
		return undefined;
	}
}

function appCookie(uid: string, fresh: number | undefined, redirectUri: unknown): string {
	const target = typeof redirectUri === "string" ? formTarget(redirectUri) : undefined;
	return [uid, fresh ?? "", target ? Buffer.from(target).toString("base64url") : ""].join(".");
}

/**
 * Runs what writes a hijacked reply itself (the provider). Fastify cannot answer
 * for it any more, so a failure (the database gone, say) is logged here and
 * answered with a plain 500 rather than left hanging until the socket times out.
 */
async function answeredOnRaw(request: FastifyRequest, reply: FastifyReply, write: () => Promise<unknown>): Promise<void> {
	try {
		await write();
	} catch (error) {
		request.log.error({ err: error }, "request failed");
		if (!reply.raw.headersSent) {
			reply.raw.statusCode = 500;
			reply.raw.setHeader("Content-Type", "text/plain; charset=utf-8");
		}
		if (!reply.raw.writableEnded) reply.raw.end(reply.raw.headersSent ? undefined : t("apps.failed"));
	}
}

/** Cookies ended on a reply the provider writes (hijacked: Fastify's cookie plugin never sees it). */
function expireOnRaw(request: FastifyRequest, reply: FastifyReply, kinds: CookieKind[]): void {
	const secure = isSecureContext(request);
	const lines = kinds.map((kind) => `${cookieName(request, kind)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`);
	const existing = reply.raw.getHeader("set-cookie");
	reply.raw.setHeader("set-cookie", [...(Array.isArray(existing) ? existing : existing ? [String(existing)] : []), ...lines]);
}

/** Where a journey ends: back at the app that sent the person here, or settings. */
export function afterSignIn(request: FastifyRequest, fallback = "/settings"): string {
	const app = pendingApp(request);
	return app ? `/oidc/interaction/${app.uid}` : fallback;
}

/** The login prompt's reasons these pages can satisfy; any other is answered to the app as an error. */
const HANDLED_LOGIN_REASONS = new Set(["tessera_session", "no_session", "required_action", "acr_values", "max_age", "login_prompt"]);

/** When an interaction began, in seconds. */
function interactionStart(interaction: { iat?: number; exp?: number }): number {
	if (typeof interaction.iat === "number") return interaction.iat;
	return (interaction.exp ?? Math.floor(Date.now() / 1000)) - TOKEN_TTL.Interaction;
}

/** What a level asks of the person, in their words. */
function levelWords(level: Exclude<FactorLevel, "none">): string {
	return level === "phishing_resistant" ? t("apps.level.phishing_resistant") : t("apps.level.two_factor");
}

export function appRoutes(web: Web, oidc: OpenIdService): void {
	const { app, deps, csrfCheck, currentSession, pageUser } = web;

	// ── The provider's own endpoints ─────────────────────────────────────────
	app.register(async (scope) => {
		// The provider reads its own request bodies: nothing is parsed before it.
		scope.removeAllContentTypeParsers();
		scope.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
		const handler = async (request: FastifyRequest, reply: FastifyReply) => {
			reply.hijack();
			for (const [name, value] of Object.entries(securityHeaders(request))) reply.raw.setHeader(name, value);
			reply.raw.setHeader("Cache-Control", "no-store");
			reply.raw.setHeader("X-Request-Id", request.id);
			attachSession(request.raw, async () => {
				const auth = await currentSession(request);
				return auth ? signedInOf(web, auth) : undefined;
			});
			await answeredOnRaw(request, reply, () => oidc.handle(request.raw, reply.raw));
		};
		const all = ["GET", "POST", "OPTIONS"] as const;
		scope.route({ method: [...all], url: "/oidc/*", handler });
		scope.route({ method: ["GET", "OPTIONS"], url: "/.well-known/openid-configuration", handler });
	});

	// The pages of a journey that began at an app: their forms may lead back to it.
	app.addHook("onRequest", async (request) => {
		const returnsTo = pendingApp(request)?.returnsTo;
		if (returnsTo) request.formActions = [returnsTo];
	});

	// ── Interactions: what the provider cannot decide alone ──────────────────
	async function finish(request: FastifyRequest, reply: FastifyReply, result: InteractionResults) {
		const provider = await oidc.provider();
		// The provider answers with its redirect: the journey's cookies end with it.
		reply.hijack();
		for (const [name, value] of Object.entries(securityHeaders(request))) reply.raw.setHeader(name, value);
		expireOnRaw(request, reply, ["app", "more"]);
		await answeredOnRaw(request, reply, () => provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: true }));
	}

	async function details(request: FastifyRequest, reply: FastifyReply) {
		const provider = await oidc.provider();
		try {
			return { provider, interaction: await provider.interactionDetails(request.raw, reply.raw) };
		} catch {
			clearCookie(request, reply, "app");
			throw new TesseraError("app_sign_in_expired");
		}
	}

	app.get("/oidc/interaction/:uid", { schema: { ...uidParams, ...noQuery } }, async (request, reply) => {
		const { uid } = request.params as { uid: string };
		const { provider, interaction } = await details(request, reply);
		if (interaction.uid !== uid) throw new TesseraError("app_sign_in_expired");
		const { prompt, params } = interaction;
		// Its pages' forms (consent, "Go back to the app") lead back to the app.
		const target = formTarget(String(params["redirect_uri"] ?? ""));
		if (target) request.formActions = [target];
		const auth = await currentSession(request);
		const pending = pendingApp(request);
		const now = deps.clock();
		const remember = (fresh?: number) => setCookie(request, reply, "app", appCookie(uid, fresh, params["redirect_uri"]), 3600);
		if (!auth) {
			remember(pending?.uid === uid ? pending.freshSince : undefined);
			return reply.redirect("/sign-in", 303);
		}
		request.webAuth = auth;
		const signedIn = await signedInOf(web, auth);
		if (prompt.name === "login") {
			// The app asked for a particular person (id_token_hint, claims.sub) and another is signed in here.
			const unmet = prompt.reasons.filter((r) => !HANDLED_LOGIN_REASONS.has(r));
			if (unmet.length > 0) {
				return finish(request, reply, { error: "login_required", error_description: `The person signed in here cannot answer this request (${unmet.join(", ")}).` });
			}
			// prompt=login, or a sign-in older than max_age: the password again, whoever is signed in. What
			// satisfies it is decided here, on the server: a sign-in made since this request began.
			const began = interactionStart(interaction);
			const freshSinceBegan = signedIn.authTime >= began;
			const maxAge = params["max_age"] === undefined ? undefined : Number(params["max_age"]);
			const tooOld = maxAge !== undefined && Number.isFinite(maxAge) && now / 1000 - signedIn.authTime > maxAge;
			if ((prompt.reasons.includes("login_prompt") || tooOld) && !freshSinceBegan) {
				remember(began * 1000);
				return reply.redirect("/sign-in", 303);
			}
			const asked = pending?.uid === uid ? pending.freshSince : undefined;
			// What the account must do first (the gate), before any app gets a token.
			if (signedIn.requiredAction) {
				remember(asked);
				return reply.redirect(requiredStepPage(signedIn.requiredAction as Parameters<typeof requiredStepPage>[0]), 303);
			}
			const wanted = requiredLevel(params);
			if (wanted > levelIndex(signedIn.acr)) {
				const level: Exclude<FactorLevel, "none"> = wanted >= 2 ? "phishing_resistant" : "two_factor";
				const challenge = await startStepUp(deps, auth.account, auth.sessionId, level, clientInfo(request));
				const client = await provider.Client.find(String(params["client_id"]));
				if (!challenge) {
					return send(reply, cannotStepUpPage({ user: pageUser(request, reply), uid, app: client?.clientName ?? t("apps.stepUp.unnamedApp"), level: levelWords(level) }));
				}
				remember(asked);
				setCookie(request, reply, "more", challenge.challenge, Math.ceil((challenge.expiresAt - now) / 1000));
				return reply.redirect(level === "phishing_resistant" ? "/sign-in/stronger" : "/sign-in/more", 303);
			}
			// The sign-in is bound to this Tessera session: the provider takes it only while that session lives.
			return finish(request, reply, {
				login: { accountId: signedIn.accountId, acr: signedIn.acr, amr: signedIn.amr, ts: signedIn.authTime, tesseraSession: signedIn.sessionId },
			});
		}
		if (prompt.name === "consent") {
			const accountId = interaction.session?.accountId;
			if (accountId !== auth.account.id) {
				remember();
				return reply.redirect("/sign-in", 303);
			}
			const client = await provider.Client.find(String(params["client_id"]));
			if (!client) throw new TesseraError("app_sign_in_expired");
			const missing = (prompt.details["missingOIDCScope"] as string[] | undefined) ?? [];
			if (isFirstParty(client)) return finish(request, reply, { consent: { grantId: await grantFor(provider, interaction, accountId) } });
			remember();
			const requested = String(params["scope"] ?? "").split(" ").filter(Boolean);
			return send(
				reply,
				consentPage({
					user: pageUser(request, reply),
					uid,
					app: { name: client.clientName ?? client.clientId, address: new URL(client.redirectUris?.[0] ?? deps.config.publicUrl).origin },
					scopes: missing.length ? [...new Set([...requested, ...missing])] : requested,
				}),
			);
		}
		throw new TesseraError("app_sign_in_expired");
	});

	/** The grant the interaction asks for: what it lacks, added to what the person already gave. */
	async function grantFor(provider: Awaited<ReturnType<OpenIdService["provider"]>>, interaction: Awaited<ReturnType<typeof details>>["interaction"], accountId: string) {
		const clientId = String(interaction.params["client_id"]);
		const grant = (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
		const d = interaction.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
		if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(" "));
		if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
		for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
		return grant.save();
	}

	app.post(
		"/oidc/interaction/:uid/consent",
		{ schema: { ...uidParams, ...form({ decision: 8 }) }, preHandler: csrfCheck },
		async (request, reply) => {
			const { provider, interaction } = await details(request, reply);
			const auth = await currentSession(request);
			const accountId = interaction.session?.accountId;
			if (!auth || accountId !== auth.account.id || interaction.prompt.name !== "consent") throw new TesseraError("app_sign_in_expired");
			request.webAuth = auth;
			if ((request.body as { decision?: string }).decision !== "allow") {
				return finish(request, reply, { error: "access_denied", error_description: "The person did not allow the app to sign them in." });
			}
			const grantId = await grantFor(provider, interaction, accountId);
			const grant = await provider.Grant.find(grantId);
			const clientId = String(interaction.params["client_id"]);
			const scopes = String(grant?.getOIDCScope() ?? "").split(" ").filter(Boolean);
			await rememberConsent(deps, accountId, clientId, scopes);
			const client = await provider.Client.find(clientId);
			deps.alerts.announce(
				await recordEvent(deps, deps.db, { accountId, kind: "app_allowed", client: clientInfo(request), detail: { clientId, app: client?.clientName ?? clientId, scopes } }),
			);
			return finish(request, reply, { consent: { grantId } });
		},
	);

	app.post("/oidc/interaction/:uid/abort", { schema: { ...uidParams, ...form({}) }, preHandler: csrfCheck }, async (request, reply) => {
		await details(request, reply);
		const auth = await currentSession(request);
		if (auth) request.webAuth = auth;
		return finish(request, reply, { error: "unmet_authentication_requirements", error_description: "The person could not sign in as strongly as the app asked." });
	});

	// ── Step-up: one more factor, for an app that asked ──────────────────────
	for (const [base, level] of [
		["/sign-in/more", "two_factor"],
		["/sign-in/stronger", "phishing_resistant"],
	] as const) {
		secondStepRoutes(web, {
			base,
			cookie: "more",
			purpose: stepUpPurpose(level),
			noMethods: "/settings",
			// Read on each page, in the language of its request.
			pageText: {
				get heading() {
					return t("apps.stepUp.confirm");
				},
				get intro() {
					return t("apps.stepUp.asks", { level: levelWords(level) });
				},
			},
			expired: (request, reply, message) => send(reply, signInPage({ csrf: csrfTokenFor(deps, request, reply), notice: message }), 410),
			async complete(request, reply, input) {
				const auth = await currentSession(request);
				if (!auth) throw new TesseraError("unauthenticated");
				await completeStepUp(
					deps,
					stepUpPurpose(level),
					{ challenge: input.challenge, method: input.method, answer: input.answer, session: { sessionId: auth.sessionId, accountId: auth.account.id } },
					clientInfo(request),
				);
				clearCookie(request, reply, "more");
				return reply.redirect(afterSignIn(request), 303);
			},
		});
	}

	// ── Apps with access ─────────────────────────────────────────────────────
	app.get(
		"/settings/apps",
		{
			schema: { querystring: { type: "object", additionalProperties: false, properties: { notice: { type: "string", enum: ["withdrawn"] } } } },
			preHandler: web.requireSignedIn,
		},
		async (request, reply) => {
			const apps = await appsWithAccess(deps, request.webAuth!.account.id);
			const notice = takeNotice(request, reply, (request.query as { notice?: string }).notice) === "withdrawn" ? t("apps.list.withdrawn") : undefined;
			return send(reply, appsPage({ user: pageUser(request, reply), notice, apps }));
		},
	);

	app.post("/settings/apps/withdraw", { schema: form({ client: 128 }), preHandler: [web.requireSignedIn, csrfCheck] }, async (request, reply) => {
		const accountId = request.webAuth!.account.id;
		const clientId = (request.body as { client?: string }).client ?? "";
		const app = (await appsWithAccess(deps, accountId)).find((a) => a.clientId === clientId);
		await withdrawAppAccess(deps, accountId, clientId);
		deps.alerts.announce(
			await recordEvent(deps, deps.db, { accountId, kind: "app_access_withdrawn", client: clientInfo(request), detail: { clientId, app: app?.name ?? clientId } }),
		);
		return redirectWithNotice(request, reply, "/settings/apps", "withdrawn");
	});

	// ── Well-known addresses ─────────────────────────────────────────────────
	app.get("/.well-known/change-password", { schema: noQuery }, async (_request, reply) => reply.redirect("/settings/password", 302));
	app.get("/.well-known/passkey-endpoints", { schema: noQuery }, async (_request, reply) =>
		reply
			.header("Cache-Control", "public, max-age=86400")
			.header("Access-Control-Allow-Origin", "*")
			.send({ enroll: `${deps.config.publicUrl}/settings/passkeys/add`, manage: `${deps.config.publicUrl}/settings` }),
	);
}
