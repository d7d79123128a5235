/**
 * An app that signs people in with Tessera (OpenID Connect: the authorization
 * code flow with PKCE), asks for a second factor before a sensitive action
 * (step-up with acr_values), and signs out at Tessera too (RP-initiated logout).
 * Its own "Create an account" form signs people up through Tessera's JSON API,
 * with the typed client (clients/typescript).
 *
 *   CLIENT_ID=… CLIENT_SECRET=… node examples/oidc-app/server.ts
 */
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import * as oidc from "openid-client";
import { createTesseraClient } from "../../clients/typescript/src/index.ts";

// Tessera's levels (acr), weakest first. The sensitive action needs two-factor or better.
const LEVELS = ["urn:tessera:acr:password", "urn:tessera:acr:two-factor", "urn:tessera:acr:phishing-resistant"];
const TWO_FACTOR = LEVELS[1]!;
const strongEnough = (claims: oidc.IDToken) => LEVELS.indexOf(String(claims.acr)) >= 1;
// How the person proved it's them (RFC 8176): "pwd" password, "otp" one-time code, "hwk" passkey, "mfa"…
const methods = (claims: oidc.IDToken) => (Array.isArray(claims.amr) ? claims.amr.join(", ") : "");

interface Session {
	/** A sign-in under way: what the callback checks, and what it is for. */
	pending?: { verifier: string; state: string; nonce: string; purpose: "sign-in" | "sensitive" };
	idToken?: string;
	claims?: oidc.IDToken;
	username?: string;
	/** Shown once, on the next page. */
	notice?: string;
	/** The sign-up form's anti-forgery token: a POST without it did not come from a form this session was shown. */
	csrf?: string;
}

/** The session's anti-forgery token, made the first time a form needs it. */
function csrfToken(session: Session): string {
	session.csrf ??= oidc.randomState();
	return session.csrf;
}

/** Whether a form carried its session's token, compared in constant time. */
function csrfMatches(session: Session, sent: string | null): boolean {
	if (!session.csrf || !sent) return false;
	const [a, b] = [Buffer.from(session.csrf), Buffer.from(sent)];
	return a.length === b.length && timingSafeEqual(a, b);
}

export async function start(o: { tesseraUrl: string; clientId: string; clientSecret: string; port: number }): Promise<Server> {
	const appUrl = `http://localhost:${o.port}`;
	// Tessera's endpoints and keys, from its discovery document (plain http only for a Tessera on this machine).
	const execute = new URL(o.tesseraUrl).protocol === "http:" ? [oidc.allowInsecureRequests] : [];
	const config = await oidc.discovery(new URL(o.tesseraUrl), o.clientId, o.clientSecret, undefined, { execute });

	// Sessions are kept in memory, found by a random id in an httpOnly cookie.
	const sessions = new Map<string, Session>();
	function sessionOf(req: IncomingMessage, res: ServerResponse): [string, Session] {
		const id = /(?:^|;\s*)example_session=([\w-]+)/.exec(req.headers.cookie ?? "")?.[1] ?? "";
		if (sessions.has(id)) return [id, sessions.get(id)!];
		const fresh = oidc.randomState();
		sessions.set(fresh, {});
		res.setHeader("Set-Cookie", `example_session=${fresh}; Path=/; HttpOnly; SameSite=Lax`);
		return [fresh, sessions.get(fresh)!];
	}
	const redirect = (res: ServerResponse, to: string) => res.writeHead(303, { Location: to }).end();
	// Tessera's JSON API, typed from its OpenAPI document.
	const tessera = createTesseraClient({ baseUrl: o.tesseraUrl });

	/**
	 * "Create an account": Tessera makes it (its rules for names and passwords, its words
	 * for what is wrong, in the person's language); the person then signs in with Tessera.
	 */
	async function signUp(req: IncomingMessage, res: ServerResponse, session: Session) {
		const form = new URLSearchParams(await bodyOf(req));
		// Another site's page posting to this form (cross-site request forgery): the browser sends no session
		// cookie (SameSite=Lax) or no token of the session, so nothing is sent to Tessera.
		if (!csrfMatches(session, form.get("csrf"))) {
			return html(res, `<p role="alert">This form was not sent from this app's page, or that page is too old. <a href="/sign-up">Create an account</a></p>`, 403);
		}
		const email = form.get("email")?.trim();
		const body = { username: form.get("username") ?? "", password: form.get("password") ?? "", ...(email ? { email } : {}) };
		const language = req.headers["accept-language"];
		const { data, error } = await tessera.POST("/api/v1/accounts", { body, headers: language ? { "accept-language": language } : {} });
		if (error) return html(res, signUpForm(csrfToken(session), body.username, email ?? "", error.error.message, error.error.fields ?? []), 400);
		// Tessera answers with a session of its own; this app signs people in with OpenID Connect, so it ends it.
		await tessera.DELETE("/api/v1/sessions/current", { headers: { authorization: `Bearer ${data.session.token}` } });
		session.notice = `Account ${data.account.username} created. Sign in with Tessera to continue.`;
		return redirect(res, "/");
	}

	/** Sends the browser to Tessera; `extra` adds parameters such as acr_values. */
	async function signIn(res: ServerResponse, session: Session, purpose: "sign-in" | "sensitive", extra: Record<string, string> = {}) {
		const [verifier, state, nonce] = [oidc.randomPKCECodeVerifier(), oidc.randomState(), oidc.randomNonce()];
		session.pending = { verifier, state, nonce, purpose };
		const code_challenge = await oidc.calculatePKCECodeChallenge(verifier);
		const params = { redirect_uri: `${appUrl}/callback`, scope: "openid profile", code_challenge, code_challenge_method: "S256", state, nonce };
		redirect(res, oidc.buildAuthorizationUrl(config, { ...params, ...extra }).href);
	}

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? "/", appUrl);
		const [id, session] = sessionOf(req, res);
		switch (`${req.method} ${url.pathname}`) {
			case "GET /":
				return html(res, home(session));
			case "GET /login":
				return signIn(res, session, "sign-in");
			case "GET /sign-up":
				return html(res, signUpForm(csrfToken(session), "", "", undefined, []));
			case "POST /sign-up":
				return signUp(req, res, session);
			case "GET /callback": {
				const { pending, claims: before } = session;
				delete session.pending;
				if (!pending) return redirect(res, "/");
				try {
					// Checks state, PKCE and nonce, and the ID token's signature, issuer and audience.
					const checks = { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true };
					const tokens = await oidc.authorizationCodeGrant(config, url, checks);
					const claims = tokens.claims()!;
					// The ID token says who signed in and how; the profile comes from the userinfo endpoint.
					const profile = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
					Object.assign(session, { idToken: tokens.id_token, claims, username: profile.preferred_username });
				} catch (error) {
					// The person cancelled at Tessera, or could not sign in as strongly as asked: still as before.
					session.notice = `Signing in did not finish: ${(error as Error).message}`;
					return redirect(res, "/");
				}
				// A step-up counts for the same person only, and sensitive() checks the level Tessera confirmed.
				if (pending.purpose === "sensitive" && before?.sub === session.claims!.sub) session.notice = sensitive(session.claims!);
				return redirect(res, "/");
			}
			case "POST /sensitive":
				if (!session.claims) return redirect(res, "/");
				// Below two-factor: Tessera asks the person for the missing factor, then sends them back here.
				if (!strongEnough(session.claims)) return signIn(res, session, "sensitive", { acr_values: TWO_FACTOR });
				session.notice = sensitive(session.claims);
				return redirect(res, "/");
			case "POST /logout": {
				// Forget the session here, then end the one at Tessera, which sends the browser back to "/".
				sessions.delete(id);
				if (!session.idToken) return redirect(res, "/");
				const end = oidc.buildEndSessionUrl(config, { id_token_hint: session.idToken, post_logout_redirect_uri: `${appUrl}/` });
				return redirect(res, end.href);
			}
			default:
				return html(res, `<p>Not found. <a href="/">Back to the start</a></p>`, 404);
		}
	}

	const server = createServer((req, res) =>
		handle(req, res).catch((error: unknown) => {
			console.error(error);
			html(res, `<p>Something went wrong. <a href="/">Back to the start</a></p>`, 500);
		}),
	);
	await new Promise<void>((resolve) => server.listen(o.port, "localhost", resolve));
	return server;
}

/** The sensitive action itself: done only at two-factor or above. */
function sensitive(claims: oidc.IDToken): string {
	return strongEnough(claims) ? `Done: confirmed with ${methods(claims)}` : "Not done: it needs a second factor.";
}

const esc = (value: unknown) => String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function home(session: Session): string {
	const notice = session.notice ? `<p role="status"><strong>${esc(session.notice)}</strong></p>` : "";
	delete session.notice;
	const c = session.claims;
	if (!c) {
		return `${notice}<p>You are not signed in.</p><p><a href="/login">Sign in with Tessera</a></p>
<p>New here? <a href="/sign-up">Create an account</a></p>`;
	}
	const rows = {
		"Account (sub)": c.sub,
		"Username (preferred_username)": session.username,
		"Signed in at (auth_time)": c.auth_time ? new Date(c.auth_time * 1000).toUTCString() : "",
		"Methods used (amr)": methods(c),
		"Level (acr)": c.acr,
	};
	const list = Object.entries(rows).map(([name, value]) => `<dt>${esc(name)}</dt><dd>${esc(value)}</dd>`);
	return `${notice}<h2>You are signed in</h2><dl>${list.join("")}</dl>
<form method="post" action="/sensitive"><button>Do something sensitive</button></form>
<form method="post" action="/logout"><button>Sign out</button></form>`;
}

/** The form, again with what Tessera said was wrong (its words, for each field at fault). */
function signUpForm(csrf: string, username: string, email: string, message: string | undefined, fields: { field: string; problem: string }[]): string {
	// Each field at fault with Tessera's words for it; the message alone when no field is named.
	const labels: Record<string, string> = { username: "Username", password: "Password", email: "Email" };
	const problems = fields.map((f) => `<li><strong>${esc(labels[f.field] ?? f.field)}:</strong> ${esc(f.problem)}</li>`).join("");
	const alert = message ? `<div role="alert">${problems ? `<ul>${problems}</ul>` : `<p><strong>${esc(message)}</strong></p>`}</div>` : "";
	return `<h2>Create an account</h2>${alert}
<form method="post" action="/sign-up">
<input type="hidden" name="csrf" value="${esc(csrf)}">
<p><label for="username">Username</label><br><input id="username" name="username" autocomplete="username" value="${esc(username)}" required></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="new-password" required></p>
<p><label for="email">Email (optional)</label><br><input id="email" name="email" type="email" autocomplete="email" value="${esc(email)}"></p>
<p><button>Create the account</button></p>
</form>
<p><a href="/">Back to the start</a></p>`;
}

/** A form's body (at most 16 KiB, as Tessera takes). */
async function bodyOf(req: IncomingMessage): Promise<string> {
	let text = "";
	for await (const chunk of req) {
		text += chunk;
		if (text.length > 16 * 1024) throw new Error("form too large");
	}
	return text;
}

function html(res: ServerResponse, body: string, status = 200) {
	res.statusCode = status;
	res.setHeader("Content-Type", "text/html; charset=utf-8");
	res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Example app</title><style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem}
dt{font-weight:bold}dd{margin:0 0 .75rem;overflow-wrap:anywhere}button{font:inherit;padding:.5rem 1rem}</style>
</head><body><main><h1>Example app</h1>${body}</main></body></html>`);
}

if (import.meta.main) {
	const { TESSERA_URL = "http://localhost:3000", CLIENT_ID, CLIENT_SECRET, PORT = "4000" } = process.env;
	if (!CLIENT_ID || !CLIENT_SECRET) {
		console.error("Set CLIENT_ID and CLIENT_SECRET to what `tessera clients add` printed (see examples/oidc-app/README.md).");
		process.exit(64);
	}
	await start({ tesseraUrl: TESSERA_URL, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, port: Number(PORT) });
	console.log(`Example app on http://localhost:${PORT}, signing in with ${TESSERA_URL}`);
}
