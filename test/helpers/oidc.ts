import { randomBytes } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { createRemoteJWKSet, decodeJwt, type JWTPayload, jwtVerify } from "jose";
import * as client from "openid-client";
import { loadConfig } from "../../src/config.ts";
import { systemClock } from "../../src/core/clock.ts";
import { addClient, type NewClient } from "../../src/flows/clients.ts";
import { createTessera, type Tessera } from "../../src/server.ts";
import { openPostgres, openSqlite } from "../../src/store/db.ts";
import { type DatabaseKind, throwawayDatabase, type ThrowawayDatabase } from "./databases.ts";
import { api, capturedLogger, PASSWORD, signUp, totpCode, uniqueUsername } from "./harness.ts";
import { SoftwareAuthenticator } from "./software-authenticator.ts";

/**
 * What the OpenID Connect suites share: a Tessera listening on loopback (its
 * issuer is its own address), apps added as the operator would, a browser-like
 * agent that keeps cookies and fills Tessera's forms, and openid-client as the
 * independent relying party.
 */

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export interface OidcServer {
	tessera: Tessera;
	database: ThrowawayDatabase;
	/** Where this instance listens. */
	base: string;
	/** The deployment's public address, the issuer: `base`, unless another instance's address was given. */
	issuer: string;
	logs: string[];
	addClient(input: Partial<NewClient> & { redirectUris: string[] }): Promise<{ clientId: string; clientSecret?: string }>;
	close(): Promise<void>;
}

/** A Tessera on `kind` listening on loopback with the system clock; `database` shares one with another instance. */
export async function startOidcServer(
	kind: DatabaseKind,
	options: { env?: Record<string, string>; database?: ThrowawayDatabase; secret?: Buffer; host?: "127.0.0.1" | "localhost"; publicUrl?: string } = {},
): Promise<OidcServer> {
	const database = options.database ?? (await throwawayDatabase(kind));
	const port = await freePort();
	// Passkeys need a name (localhost), never an IP address; the server listens on 127.0.0.1 either way.
	const base = `http://${options.host ?? "127.0.0.1"}:${port}`;
	const issuer = options.publicUrl ?? base;
	const config = loadConfig({
		TESSERA_DATA_DIR: database.dataDir,
		TESSERA_LOG_LEVEL: "warn",
		TESSERA_PUBLIC_URL: issuer,
		TESSERA_DELIVERY: "outbox",
		TESSERA_LIMIT_SIGNUP_ADDRESS: "10000/1h",
		...options.env,
	});
	const { logger, logs } = capturedLogger(config.logLevel);
	// Another instance of the same deployment: its own connections to the same database.
	const store = options.database ? (kind === "sqlite" ? openSqlite(database.location) : openPostgres(database.url)) : database.store;
	const tessera = await createTessera({ config, store, secret: options.secret ?? SHARED_SECRET, logger, clock: systemClock });
	await tessera.app.listen({ port, host: "127.0.0.1" });
	return {
		tessera,
		database,
		base,
		issuer,
		logs,
		addClient: (input) => addClient(tessera.deps, { name: "Example app", ...input }),
		async close() {
			await tessera.close();
			if (!options.database) await database.drop();
		},
	};
}

/** Instances of one deployment share the server secret. */
const SHARED_SECRET = randomBytes(32);

/** A browser, as far as Tessera's pages need one: cookies, redirects followed by hand, forms with their CSRF field. */
export class Agent {
	readonly cookies = new Map<string, string>();
	lastBody = "";
	lastUrl = "";
	/** A load balancer's choice: requests for `from` (the public address) go to `to` (one instance). */
	readonly #via: { from: string; to: string } | undefined;

	constructor(via?: { from: string; to: string }) {
		this.#via = via;
	}

	#remember(response: Response) {
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(";");
			const eq = pair!.indexOf("=");
			const name = pair!.slice(0, eq).trim();
			const value = pair!.slice(eq + 1).trim();
			const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a)) || value === "";
			if (expired) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	#cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
	}

	/** One request, no redirect followed. */
	async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
		const headers: Record<string, string> = { cookie: this.#cookieHeader(), "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36" };
		let body: string | undefined;
		if (init.form) {
			headers["content-type"] = "application/x-www-form-urlencoded";
			body = new URLSearchParams(init.form).toString();
		}
		const target = this.#via && url.startsWith(`${this.#via.from}/`) ? this.#via.to + url.slice(this.#via.from.length) : url;
		const response = await fetch(target, { method: init.method ?? (init.form ? "POST" : "GET"), headers, body, redirect: "manual" });
		this.#remember(response);
		return response;
	}

	/**
	 * Follows redirects from `url` until a page, or an address outside `base`
	 * (the app's callback), which it returns without visiting.
	 */
	async follow(url: string, base: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ url: string; status: number; body: string }> {
		let current = url;
		let response = await this.request(current, init);
		for (let hops = 0; hops < 20; hops++) {
			const location = response.headers.get("location");
			if (response.status < 300 || response.status >= 400 || !location) break;
			current = new URL(location, current).href;
			// An instance may name itself by the address it was reached at: the same deployment.
			if (this.#via && current.startsWith(`${this.#via.to}/`)) current = this.#via.from + current.slice(this.#via.to.length);
			if (!current.startsWith(`${base}/`)) return { url: current, status: response.status, body: "" };
			response = await this.request(current);
		}
		this.lastBody = await response.text();
		this.lastUrl = current;
		return { url: current, status: response.status, body: this.lastBody };
	}

	csrf(): string {
		const match = /name="_csrf" value="([^"]+)"/.exec(this.lastBody);
		if (!match) throw new Error(`no CSRF field on ${this.lastUrl}: ${this.lastBody.slice(0, 300)}`);
		return match[1]!;
	}

	/** Submits a form on the last page (its CSRF field added) and follows where it leads. */
	async submit(base: string, path: string, fields: Record<string, string>) {
		return this.follow(`${base}${path}`, base, { form: { ...fields, _csrf: this.csrf() } });
	}
}

/** openid-client's view of Tessera: discovery over plain http on loopback. */
export async function discover(base: string, clientId: string, clientSecret?: string): Promise<client.Configuration> {
	return client.discovery(new URL(base), clientId, clientSecret, clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(), {
		execute: [client.allowInsecureRequests],
	});
}

export interface StartedAuthorization {
	url: URL;
	verifier: string;
	state: string;
	nonce: string;
}

export async function authorizationUrl(config: client.Configuration, redirectUri: string, params: Record<string, string> = {}): Promise<StartedAuthorization> {
	const verifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: "openid profile email",
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: "S256",
		state,
		nonce,
		...params,
	});
	return { url, verifier, state, nonce };
}

export async function exchange(config: client.Configuration, callback: string, started: StartedAuthorization) {
	return client.authorizationCodeGrant(config, new URL(callback), {
		pkceCodeVerifier: started.verifier,
		expectedState: started.state,
		expectedNonce: started.nonce,
		idTokenExpected: true,
	});
}

/** Signs the agent in on Tessera's page with a password (the page it lands on next is returned). */
export async function signInOnPage(agent: Agent, base: string, username: string, password = PASSWORD) {
	await agent.follow(`${base}/sign-in`, base);
	return agent.submit(base, "/sign-in", { username, password });
}

// ── Apps as the operator adds them, and their relying party ─────────────────

let appCounter = 0;

export interface TestApp {
	clientId: string;
	clientSecret?: string;
	redirect: string;
	config: client.Configuration;
}

/**
 * An app added to `server` with its own redirect address (on a closed port: the
 * agent never visits it) and openid-client configured for it. `via` sends the
 * app's back-channel requests (token, userinfo, JWKS...) to another instance.
 */
export async function anApp(
	server: OidcServer,
	input: Partial<NewClient> = {},
	options: { auth?: "basic" | "post"; via?: OidcServer } = {},
): Promise<TestApp> {
	appCounter += 1;
	const redirect = `http://127.0.0.1:9/callback/${appCounter}`;
	const added = await server.addClient({ redirectUris: [redirect], ...input });
	const config = await configFor(options.via ?? server, added.clientId, added.clientSecret, options.auth);
	return { ...added, redirect, config };
}

/** openid-client for an app that exists already; its requests go to `server` (whatever the issuer). */
export async function configFor(server: OidcServer, clientId: string, clientSecret?: string, auth: "basic" | "post" = "basic"): Promise<client.Configuration> {
	const method = clientSecret === undefined ? client.None() : auth === "post" ? client.ClientSecretPost(clientSecret) : client.ClientSecretBasic(clientSecret);
	const rewrite = (url: string) => (url.startsWith(`${server.issuer}/`) ? server.base + url.slice(server.issuer.length) : url);
	const fetchVia: client.CustomFetch = (url, options) => fetch(rewrite(url), options as RequestInit);
	const config = await client.discovery(new URL(server.issuer), clientId, clientSecret, method, {
		execute: [client.allowInsecureRequests],
		[client.customFetch]: fetchVia,
	});
	config[client.customFetch] = fetchVia;
	return config;
}

/** A sign-in on Tessera's pages, from wherever the authorization request led (the sign-in page, usually). */
export type SignInStep = (agent: Agent, landed: Landing) => Promise<Landing>;
export interface Landing {
	url: string;
	status: number;
	body: string;
}

export interface Authorized {
	started: StartedAuthorization;
	/** Where the journey ended: the app's redirect address, or a page at Tessera. */
	landing: Landing;
	/** The redirect's query, when it reached the app. */
	callback?: URLSearchParams;
}

/** Sends the agent to the authorization endpoint and, where Tessera asks for a sign-in, runs `signIn`. */
export async function authorize(agent: Agent, server: OidcServer, app: TestApp, params: Record<string, string> = {}, signIn?: SignInStep): Promise<Authorized> {
	const started = await authorizationUrl(app.config, app.redirect, params);
	// The browser goes to the public address, whichever instance the app talks to.
	const issuer = new URL(server.issuer);
	started.url.protocol = issuer.protocol;
	started.url.host = issuer.host;
	let landing = await agent.follow(started.url.href, server.issuer);
	if (signIn && !landing.url.startsWith(app.redirect)) landing = await signIn(agent, landing);
	return { started, landing, ...(landing.url.startsWith(app.redirect) ? { callback: new URL(landing.url).searchParams } : {}) };
}

/** authorize, and the app's token exchange; fails with what the agent saw when no code came back. */
export async function signInToApp(agent: Agent, server: OidcServer, app: TestApp, params: Record<string, string> = {}, signIn?: SignInStep, tokenParams: Record<string, string> = {}) {
	const done = await authorize(agent, server, app, params, signIn);
	if (!done.callback?.get("code")) throw new Error(`no code for the app: ended at ${done.landing.url} (${done.landing.status})\n${done.landing.body.slice(0, 600)}\n${server.logs.join("\n")}`);
	const tokens = await client.authorizationCodeGrant(
		app.config,
		new URL(done.landing.url),
		{ pkceCodeVerifier: done.started.verifier, expectedState: done.started.state, expectedNonce: done.started.nonce, idTokenExpected: true },
		tokenParams,
	);
	return { tokens, claims: tokens.claims()!, ...done };
}

/** The OAuth error an openid-client call was refused with (e.g. invalid_grant), or a failure. */
export async function refusedWith(call: Promise<unknown>): Promise<string> {
	try {
		await call;
	} catch (error) {
		const e = error as { error?: string; code?: string; cause?: { error?: string } | { parameters?: { error?: string } }[] };
		// A 401 answers with a WWW-Authenticate challenge that names the error.
		const challenged = Array.isArray(e.cause) ? e.cause.find((c) => c.parameters?.error)?.parameters?.error : undefined;
		return e.error ?? challenged ?? (Array.isArray(e.cause) ? undefined : e.cause?.error) ?? e.code ?? String(error);
	}
	throw new Error("expected the request to be refused, and it succeeded");
}

// ── People, their second factors, and signing in on the pages ───────────────

/** The newest message the outbox holds for `to`, after `since` (ms). */
export async function outboxMessage(server: OidcServer, to: string, since = 0): Promise<string> {
	const deadline = Date.now() + 5000;
	for (;;) {
		const found = server.tessera.deps.outbox?.list(500).find((m) => m.to === to && m.sentAt >= since && !/security alert/i.test(m.text));
		if (found) return found.text;
		if (Date.now() > deadline) throw new Error(`no message to ${to} in the outbox`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

export const codeInText = (text: string) => {
	const codes = text.match(/\b\d{6}\b/g);
	if (!codes) throw new Error(`no code in ${text}`);
	return codes.at(-1)!;
};

/** Adds an email address to the account and confirms it with the code sent. */
export async function addVerifiedEmail(server: OidcServer, token: string, email: string): Promise<void> {
	const since = Date.now() - 1;
	const added = await api(server.tessera.app, "/account/contacts", { token, body: { kind: "email", value: email, password: PASSWORD } });
	if (added.statusCode !== 201) throw new Error(`adding ${email}: ${added.body}`);
	const code = codeInText(await outboxMessage(server, email, since));
	const verified = await api(server.tessera.app, "/account/contacts/verify", { token, body: { kind: "email", code } });
	if (verified.statusCode !== 200) throw new Error(`verifying ${email}: ${verified.body}`);
}

/** A code from the authenticator app one step ahead of now: later than any the set-up used, still accepted. */
export const nextTotp = (secret: string) => totpCode(secret, Date.now() + 30_000);

/** Turns two-factor on with the authenticator app for a signed-up account (the system clock). */
export async function turnOnTwoFactor(server: OidcServer, token: string): Promise<{ secret: string; codes: string[] }> {
	const app = server.tessera.app;
	const enroll = await api(app, "/account/totp", { token, body: { password: PASSWORD } });
	if (enroll.statusCode !== 201) throw new Error(`enrol failed: ${enroll.body}`);
	const { secret } = enroll.json() as { secret: string };
	const confirm = await api(app, "/account/totp/confirm", { token, body: { code: totpCode(secret, Date.now()) } });
	if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.body}`);
	const codes = (confirm.json() as { backupCodes: { codes: string[] } }).backupCodes.codes;
	const saved = await api(app, "/account/backup-codes/confirm", { token, body: { code: codes[9] } });
	if (saved.statusCode !== 200) throw new Error(`confirming the backup codes failed: ${saved.body}`);
	return { secret, codes: codes.slice(0, 9) };
}

export async function signUpWithTwoFactorNow(server: OidcServer) {
	const user = await signUp(server.tessera.app, uniqueUsername("oidc"));
	return { ...user, ...(await turnOnTwoFactor(server, user.token)) };
}

/** Adds a passkey over the API (as a browser at http://localhost would): it answers for the RP id "localhost". */
export async function addPasskey(server: OidcServer, token: string, authenticator = new SoftwareAuthenticator()): Promise<SoftwareAuthenticator> {
	const begun = await api(server.tessera.app, "/account/passkeys/options", { token, body: { password: PASSWORD } });
	if (begun.statusCode !== 200) throw new Error(`passkey options: ${begun.body}`);
	const created = await api(server.tessera.app, "/account/passkeys", {
		token,
		body: { name: "Laptop", response: authenticator.register(begun.json().options, "http://localhost:80") },
	});
	if (created.statusCode !== 201) throw new Error(`passkey: ${created.body}`);
	return authenticator;
}

const unescapeHtml = (text: string) =>
	text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The WebAuthn options a second-step page carries for its passkey form. */
export function passkeyOptionsOn(body: string): { challenge: string; rpId: string } {
	const match = /data-passkey-authenticate="([^"]*)"/.exec(body);
	if (!match) throw new Error(`no passkey form on the page: ${body.slice(0, 400)}`);
	return JSON.parse(unescapeHtml(match[1]!)) as { challenge: string; rpId: string };
}

/** Password on the sign-in page; for an account with two-factor, the page it lands on is the second step. */
export const withPassword =
	(username: string): SignInStep =>
	(agent, landed) =>
		landed.url.endsWith("/sign-in") ? agent.submit(new URL(landed.url).origin, "/sign-in", { username, password: PASSWORD }) : signInOnPage(agent, new URL(landed.url).origin, username);

/** The answer on a second-step page (`path`: /sign-in/verify, /sign-in/more, /sign-in/stronger). */
export async function answerSecondStep(agent: Agent, base: string, path: string, answer: { method: "totp" | "backup_code"; code: string } | { method: "passkey"; authenticator: SoftwareAuthenticator } | { method: "email"; server: OidcServer; email: string }): Promise<Landing> {
	if (answer.method === "passkey") {
		const page = await agent.follow(`${base}${path}?method=passkey`, base);
		const options = passkeyOptionsOn(page.body);
		return agent.submit(base, path, { method: "passkey", code: JSON.stringify(answer.authenticator.authenticate(options, base)) });
	}
	if (answer.method === "email") {
		const since = Date.now() - 1;
		await agent.follow(`${base}${path}?method=email`, base);
		await agent.submit(base, `${path}/send`, { method: "email" });
		const code = codeInText(await outboxMessage(answer.server, answer.email, since));
		return agent.submit(base, path, { method: "email", code });
	}
	return agent.submit(base, path, { method: answer.method, code: answer.code });
}

/** The password, then a second step on /sign-in/verify. */
export const withSecondStep =
	(username: string, answer: Parameters<typeof answerSecondStep>[3]): SignInStep =>
	async (agent, landed) => {
		const base = new URL(landed.url).origin;
		const afterPassword = await withPassword(username)(agent, landed);
		if (!afterPassword.url.startsWith(`${base}/sign-in/verify`)) throw new Error(`expected the second step, got ${afterPassword.url}`);
		return answerSecondStep(agent, base, "/sign-in/verify", answer);
	};

/** Signs the agent in to Tessera itself (no app): the settings page, or wherever the sign-in leads. */
export async function signInToTessera(agent: Agent, server: OidcServer, step: SignInStep): Promise<Landing> {
	const page = await agent.follow(`${server.issuer}/sign-in`, server.issuer);
	return step(agent, page);
}

/** The person's activity over the API. */
export async function activityOf(server: OidcServer, token: string): Promise<{ kind: string; description: string }[]> {
	const response = await api(server.tessera.app, "/account/activity", { token });
	if (response.statusCode !== 200) throw new Error(`activity: ${response.body}`);
	return (response.json() as { events: { kind: string; description: string }[] }).events;
}

/** Waits for `check` to hold, up to `timeoutMs`. */
export async function eventually<T>(what: string, find: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await find();
		if (found !== undefined) return found;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

// ── Back-channel logout: an app's receiving end ─────────────────────────────

export interface LogoutReceived {
	path: string;
	token: string;
	claims: JWTPayload;
}

/**
 * An app's back-channel logout endpoint on loopback. Each app gets its own path
 * (`uri(name)`); `failing(name, n)` answers 500 to the next n deliveries there.
 */
export async function startLogoutReceiver() {
	const received: LogoutReceived[] = [];
	const failures = new Map<string, number>();
	const attempts = new Map<string, number>();
	const server = createHttpServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on("data", (c: Buffer) => chunks.push(c));
		request.on("end", () => {
			const path = request.url ?? "";
			attempts.set(path, (attempts.get(path) ?? 0) + 1);
			const failing = failures.get(path) ?? 0;
			if (failing > 0) {
				failures.set(path, failing - 1);
				response.writeHead(500).end();
				return;
			}
			const token = new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("logout_token");
			if (request.method !== "POST" || !token) {
				response.writeHead(400).end();
				return;
			}
			received.push({ path, token, claims: decodeJwt(token) });
			response.writeHead(200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as { port: number };
	let counter = 0;
	return {
		received,
		/** A new endpoint address for one app. */
		uri: () => `http://127.0.0.1:${port}/logout/${++counter}`,
		failing(uri: string, times: number) {
			failures.set(new URL(uri).pathname, times);
		},
		attemptsAt: (uri: string) => attempts.get(new URL(uri).pathname) ?? 0,
		/** The next logout token that reached `uri` for `sub`. */
		next: (uri: string, sub: string, timeoutMs = 5000) =>
			eventually(`a back-channel logout at ${uri}`, async () => received.find((r) => r.path === new URL(uri).pathname && r.claims.sub === sub), timeoutMs),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export const BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

/** A logout token as an app checks it: signed by a key of the issuer's JWKS, for this app, about this person. */
export async function verifyLogoutToken(server: OidcServer, token: string, clientId: string) {
	const jwks = createRemoteJWKSet(new URL(`${server.base}/oidc/jwks`));
	const { payload } = await jwtVerify(token, jwks, { issuer: server.issuer, audience: clientId, typ: "logout+jwt" });
	return payload;
}
