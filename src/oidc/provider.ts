import { randomBytes } from "node:crypto";
import Provider, { type Configuration, errors, interactionPolicy, type KoaContextWithOIDC } from "oidc-provider";
import { acrValues, levelIndex } from "../core/authentication-strength.ts";
import type { FlowDeps } from "../flows/deps.ts";
import { readAccountById } from "../store/accounts.ts";
import { listVerifiedContacts } from "../store/contacts.ts";
import { readConsent } from "../store/oidc.ts";
import { KyselyAdapter } from "./adapter.ts";
import { policyWith } from "../http/security-headers.ts";
import { appErrorPage, signedOutPage, signOutConfirmPage } from "../ui/pages/apps.ts";
import { loadSigningKeys } from "./keys.ts";
import { KEEP_RETIRED_KEY_MS, TOKEN_TTL } from "./lifetimes.ts";
import { isFirstParty, requiredLevel, sessionOf } from "./request.ts";

export { KEEP_RETIRED_KEY_MS, TOKEN_TTL };

/**
 * Sign in with Tessera: an OpenID Connect provider (panva's oidc-provider) whose
 * storage is the project's database and whose sign-in is Tessera's own pages.
 *
 * Tessera's session is the truth. Every authorization request asks it (one
 * check, `tessera_session`): a person signed in to Tessera is signed in to the
 * provider with exactly the strength their session records (amr, acr, auth_time);
 * a person signed out of Tessera is signed out of the provider too. Only what
 * the session cannot give (a sign-in, a stronger factor, a fresh sign-in, a
 * required step, consent) sends the browser to the interaction pages.
 */

/** Set only by Tessera's sign-out confirmation page: a sign-out there ends Tessera's session too. */
const CONFIRMED_MARKER = "tessera_confirmed";

/**
 * Makes the provider's session of this browser a copy of Tessera's: the same
 * person, signed in at the same time with the same factors; none when Tessera
 * has none. It runs before the provider loads the account and the grant, and
 * before its checks (which run side by side).
 */
async function syncSession(ctx: KoaContextWithOIDC): Promise<void> {
	const session = ctx.oidc.session;
	if (!session) return;
	const signedIn = await sessionOf(ctx.req);
	if (!signedIn) {
		if (session.accountId) {
			session.authorizations = {};
			session.resetIdentifier();
			delete (session as { accountId?: string }).accountId;
		}
		return;
	}
	if (session.accountId && session.accountId !== signedIn.accountId) {
		// Another person signs in on this browser: nothing of the previous one carries over.
		session.authorizations = {};
		session.resetIdentifier();
	}
	if (session.accountId !== signedIn.accountId || session.loginTs !== signedIn.authTime || session.acr !== signedIn.acr || String(session.amr) !== String(signedIn.amr)) {
		session.loginAccount({ accountId: signedIn.accountId, loginTs: signedIn.authTime, acr: signedIn.acr, amr: signedIn.amr });
	}
}

/**
 * OpenID Connect keeps offline_access only with prompt=consent. A first-party app
 * is never asked for consent, so what it asked for is given back here.
 */
function offlineAccessForFirstParty(ctx: KoaContextWithOIDC): void {
	const params = ctx.oidc.params;
	if (!params || !isFirstParty(ctx.oidc.client)) return;
	const asked = ctx.method === "POST" ? (ctx.oidc as { body?: Record<string, unknown> }).body?.["scope"] : ctx.query["scope"];
	if (typeof asked !== "string" || !asked.split(" ").includes("offline_access")) return;
	const scope = typeof params["scope"] === "string" ? params["scope"].split(" ") : [];
	if (!scope.includes("offline_access")) params["scope"] = [...scope, "offline_access"].join(" ");
}

/**
 * The hook that runs before the provider loads the account and grant: an extra
 * parameter's check, which the provider runs on every authorization request.
 */
const SYNC_HOOK = "tessera_session";

function policy(): interactionPolicy.DefaultPolicy {
	const { Check, base } = interactionPolicy;
	const prompts = base();
	const login = prompts.get("login")!;
	// Tessera's session first (the provider's own is a copy of it, made before the checks run: syncSession).
	// On a resumed request the provider's session is the interaction's result: it stands only for the
	// Tessera session that finished it, still alive, and for the same person.
	login.checks.add(
		new Check("tessera_session", "End-User authentication is required", "login_required", async (ctx) => {
			const signedIn = await sessionOf(ctx.req);
			if (!signedIn || ctx.oidc.session?.accountId !== signedIn.accountId) return Check.REQUEST_PROMPT;
			const bound = ctx.oidc.result?.login?.["tesseraSession"];
			if (bound !== undefined && bound !== signedIn.sessionId) return Check.REQUEST_PROMPT;
			return Check.NO_NEED_TO_PROMPT;
		}),
		0,
	);
	// An essential acr (claims parameter) is a minimum, like acr_values, checked below; the provider's own
	// checks want an exact match, which a stronger sign-in would never meet.
	login.checks.remove("essential_acr");
	login.checks.remove("essential_acrs");
	login.checks.add(
		new Check("required_action", "The account must take a step first", "interaction_required", async (ctx) => {
			const signedIn = await sessionOf(ctx.req);
			return signedIn?.requiredAction ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT;
		}),
	);
	// acr_values is a requirement, not a hint: below it, the person is asked for more.
	login.checks.add(
		new Check("acr_values", "A stronger sign-in is required", "interaction_required", async (ctx) => {
			const wanted = requiredLevel(ctx.oidc.params);
			if (wanted < 0) return Check.NO_NEED_TO_PROMPT;
			const signedIn = await sessionOf(ctx.req);
			if (!signedIn) return Check.REQUEST_PROMPT;
			return levelIndex(signedIn.acr) >= wanted ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
		}),
	);
	return prompts;
}

export interface OidcProvider {
	provider: Provider;
	version: string;
}

/** Builds the provider over the current signing keys. Rebuilt when the keys change. */
export interface ProviderHooks {
	onRefreshReuse(accountId: string, clientId: string): void;
	onBrowserSignOut(ctx: KoaContextWithOIDC): void;
}

export async function buildProvider(deps: FlowDeps, hooks: ProviderHooks): Promise<OidcProvider> {
	const signing = await loadSigningKeys(deps, KEEP_RETIRED_KEY_MS);
	const unknowable = randomBytes(32).toString("base64url");
	const presentedSecret = () => {
		const ctx = Provider.ctx;
		if (!ctx) return undefined;
		const header = ctx.headers.authorization;
		if (typeof header === "string" && /^basic /i.test(header)) {
			const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
			const colon = decoded.indexOf(":");
			if (colon >= 0) {
				try {
					return decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, "%20"));
				} catch {
					return undefined;
				}
			}
		}
		const body = (ctx.oidc as { body?: Record<string, unknown> } | undefined)?.body;
		return typeof body?.["client_secret"] === "string" ? body["client_secret"] : undefined;
	};

	const configuration: Configuration = {
		adapter: (name: string) => new KyselyAdapter(name, deps.db, Date.now, presentedSecret, unknowable),
		acrValues: [...acrValues],
		// How strongly the person signed in is in every ID token: that is what apps come for.
		claims: {
			openid: ["sub", "auth_time", "amr", "acr", "sid"],
			profile: ["preferred_username", "name", "updated_at"],
			email: ["email", "email_verified"],
		},
		scopes: ["openid", "offline_access", "profile", "email"],
		responseTypes: ["code"],
		extraParams: {
			[SYNC_HOOK]: async (ctx: KoaContextWithOIDC) => {
				offlineAccessForFirstParty(ctx);
				await syncSession(ctx);
			},
		},
		// What an app is, as the operator registered it: first-party (no consent asked) and the APIs it may call.
		extraClientMetadata: { properties: ["urn:tessera:first_party", "urn:tessera:resources"] },
		pkce: { required: () => true },
		clientAuthMethods: ["client_secret_basic", "client_secret_post", "none"],
		enabledJWA: { idTokenSigningAlgValues: ["RS256"] } as Configuration["enabledJWA"],
		allowOmittingSingleRegisteredRedirectUri: false,
		jwks: { keys: signing.keys as never },
		cookies: {
			keys: [deps.keys.key("oidc-cookies").toString("base64url")],
			long: { httpOnly: true, sameSite: "lax", signed: true },
			short: { httpOnly: true, sameSite: "lax", signed: true },
		},
		ttl: { ...TOKEN_TTL },
		rotateRefreshToken: true,
		issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed("refresh_token") && code.scopes.has("offline_access"),
		features: {
			devInteractions: { enabled: false },
			// An app may introspect only the tokens issued to it: another app learns nothing of them.
			introspection: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
			revocation: { enabled: true },
			userinfo: { enabled: true },
			rpInitiatedLogout: {
				enabled: true,
				logoutSource: async (ctx, form) => {
					ctx.type = "html";
					// "Sign out" leads, by redirect, to the app's address after sign-out: the form may go there.
					const after = ctx.oidc.params?.["post_logout_redirect_uri"];
					const target = typeof after === "string" && URL.canParse(after) ? new URL(after) : undefined;
					if (target) ctx.set("Content-Security-Policy", policyWith([/^https?:$/.test(target.protocol) ? target.origin : target.protocol]));
					ctx.body = signOutConfirmPage({ app: ctx.oidc.client?.clientName, providerForm: form, marker: CONFIRMED_MARKER }).value;
				},
				postLogoutSuccessSource: async (ctx) => {
					ctx.type = "html";
					ctx.body = signedOutPage({ app: ctx.oidc.client?.clientName }).value;
				},
			},
			backchannelLogout: { enabled: true },
			claimsParameter: { enabled: true },
			resourceIndicators: {
				enabled: true,
				defaultResource: async () => undefined as unknown as string,
				useGrantedResource: async () => true,
				getResourceServerInfo: async (_ctx, resource, client) => {
					const allowed = (client.metadata()["urn:tessera:resources"] as string[] | undefined) ?? [];
					if (!allowed.includes(resource)) throw new errors.InvalidTarget();
					return { scope: "openid profile email", audience: resource, accessTokenFormat: "jwt", accessTokenTTL: 900 };
				},
			},
		},
		interactions: {
			url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}`,
			policy: policy(),
		},
		routes: {
			authorization: "/oidc/auth",
			token: "/oidc/token",
			userinfo: "/oidc/userinfo",
			jwks: "/oidc/jwks",
			revocation: "/oidc/token/revocation",
			introspection: "/oidc/token/introspection",
			end_session: "/oidc/session/end",
		},
		extraTokenClaims: async (ctx, token) => {
			// The strength of the sign-in a token comes from, in the access token and in introspection.
			const source = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
			if (!source || token.kind !== "AccessToken") return undefined;
			return {
				...(source.authTime !== undefined ? { auth_time: source.authTime } : {}),
				...(source.acr !== undefined ? { acr: source.acr } : {}),
				...(source.amr !== undefined ? { amr: source.amr } : {}),
			};
		},
		loadExistingGrant: async (ctx) => {
			const { client, session } = ctx.oidc;
			if (!client || !session?.accountId) return undefined;
			const grantId = session.grantIdFor(client.clientId) ?? ctx.oidc.result?.consent?.grantId;
			if (grantId) {
				const grant = await ctx.oidc.provider.Grant.find(grantId);
				if (grant && grant.accountId === session.accountId && grant.clientId === client.clientId) return grant;
			}
			// First-party apps get what they ask for; others what the person allowed before (on any browser).
			const allowed = isFirstParty(client)
				? (ctx.oidc.params?.["scope"] as string | undefined)
				: (await readConsent(deps.db, session.accountId, client.clientId))?.scopes;
			if (!allowed) return undefined;
			const grant = new ctx.oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
			grant.addOIDCScope(allowed);
			const requestedClaims = ctx.oidc.requestParamClaims;
			if (requestedClaims?.size) grant.addOIDCClaims([...requestedClaims]);
			const resource = ctx.oidc.params?.["resource"];
			if (typeof resource === "string") grant.addResourceScope(resource, allowed);
			await grant.save();
			session.grantIdFor(client.clientId, grant.jti);
			return grant;
		},
		findAccount: async (_ctx, sub) => {
			const account = await readAccountById(deps.db, sub).catch(() => undefined);
			if (!account || account.locked_at !== null) return undefined;
			return {
				accountId: sub,
				async claims(_use, scope) {
					const scopes = new Set(String(scope ?? "").split(" "));
					const claims: Record<string, unknown> = { sub };
					if (scopes.has("profile")) {
						claims["preferred_username"] = account.username;
						claims["name"] = account.username;
						claims["updated_at"] = Math.floor(Number(account.created_at) / 1000);
					}
					if (scopes.has("email")) {
						const email = (await listVerifiedContacts(deps.db, sub)).find((c) => c.kind === "email");
						if (email) {
							claims["email"] = email.value;
							claims["email_verified"] = true;
						}
					}
					return claims as { sub: string };
				},
			};
		},
		// Every outgoing request goes to an address the operator registered (a back-channel logout URI):
		// loopback and private addresses are allowed, since the operator chose them.
		fetch: (url, options) => {
			const { dispatcher: _ignored, ...rest } = options as RequestInit & { dispatcher?: unknown };
			return globalThis.fetch(url, rest);
		},
		renderError: async (ctx, out) => {
			ctx.type = "html";
			const { error, error_description } = out as { error: string; error_description?: string };
			ctx.body = appErrorPage({ error, description: error_description }).value;
		},
		// Browsers may call the endpoints from an app's own web origin (a public app in the browser); never "null".
		clientBasedCORS: (_ctx, origin, client) =>
			origin !== "null" &&
			((client.metadata().redirect_uris as string[] | undefined) ?? []).some((uri) => {
				const url = URL.canParse(uri) ? new URL(uri) : undefined;
				return url !== undefined && (url.protocol === "https:" || url.protocol === "http:") && url.origin === origin;
			}),
	};
	const provider = new Provider(deps.config.publicUrl, configuration);
	if (deps.config.trustProxy !== false) provider.proxy = true;
	// Signing out at an app's request (RP-initiated logout, "Sign out") signs this browser out of Tessera too.
	// Only from Tessera's own confirmation page (its marker): the provider also posts logout=yes by itself
	// when its session has no one in it, which any site could set off.
	provider.on("end_session.success", (ctx: KoaContextWithOIDC) => {
		const body = (ctx.oidc as { body?: Record<string, unknown> } | undefined)?.body;
		if (ctx.oidc?.params?.["logout"] !== "yes" || body?.[CONFIRMED_MARKER] !== "yes") return;
		hooks.onBrowserSignOut(ctx);
	});
	provider.on("grant.revoked", (ctx: KoaContextWithOIDC) => {
		const refresh = ctx?.oidc?.entities?.RefreshToken;
		if (ctx?.oidc?.params?.["grant_type"] === "refresh_token" && refresh?.consumed && refresh.accountId && refresh.clientId) hooks.onRefreshReuse(refresh.accountId, refresh.clientId);
	});
	return { provider, version: signing.version };
}
