import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import * as client from "openid-client";
import { loadConfig } from "../../src/config.ts";
import { systemClock } from "../../src/core/clock.ts";
import { addClient, type NewClient } from "../../src/flows/clients.ts";
import { createTessera, type Tessera } from "../../src/server.ts";
import { openPostgres, openSqlite } from "../../src/store/db.ts";
import { type DatabaseKind, throwawayDatabase, type ThrowawayDatabase } from "./databases.ts";
import { capturedLogger, PASSWORD } from "./harness.ts";

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
	base: string;
	logs: string[];
	addClient(input: Partial<NewClient> & { redirectUris: string[] }): Promise<{ clientId: string; clientSecret?: string }>;
	close(): Promise<void>;
}

/** A Tessera on `kind` listening on loopback with the system clock; `database` shares one with another instance. */
export async function startOidcServer(
	kind: DatabaseKind,
	options: { env?: Record<string, string>; database?: ThrowawayDatabase; secret?: Buffer } = {},
): Promise<OidcServer> {
	const database = options.database ?? (await throwawayDatabase(kind));
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const config = loadConfig({
		TESSERA_DATA_DIR: database.dataDir,
		TESSERA_LOG_LEVEL: "warn",
		TESSERA_PUBLIC_URL: base,
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
		const response = await fetch(url, { method: init.method ?? (init.form ? "POST" : "GET"), headers, body, redirect: "manual" });
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
