/**
 * The same five scenarios spoken to each side in its own API:
 *
 * | scenario | Tessera | better-auth |
 * |---|---|---|
 * | sign-up | POST /api/v1/accounts {username, password} → 201, session token | POST /api/auth/sign-up/email {email, password, name} → 200, session cookie |
 * | password sign-in | POST /api/v1/sessions {username, password} → 201 | POST /api/auth/sign-in/email {email, password} → 200 |
 * | TOTP step | POST /api/v1/sessions/second-factor {challenge, method: "totp", code} → 201 | POST /api/auth/two-factor/verify-totp {code} + two_factor cookie → 200 |
 * | backup-code step | … {challenge, method: "backup_code", code} → 201 | POST /api/auth/two-factor/verify-backup-code {code} + two_factor cookie → 200 |
 * | session check | GET /api/v1/sessions/current, Authorization: Bearer → 200 | GET /api/auth/get-session, session cookie → 200 with a session |
 *
 * better-auth requests carry Origin (its CSRF check wants one wherever a cookie is sent), as
 * a browser's would.
 */
import type http from "node:http";
import { Secret, TOTP } from "otpauth";
import { PASSWORD } from "./ceilings.ts";
import { type Answer, type RequestSpec, send } from "./load.ts";
import type { Server } from "./servers.ts";

/** An account a scenario made, and the headers that prove its session. */
export interface Account {
	name: string;
	session: Record<string, string>;
}

/** An account with an authenticator app and backup codes. */
export interface TwoFactorAccount {
	name: string;
	totp: TOTP;
	codes: string[];
}

/** The state between the password step and the second step: a challenge token, or a cookie. */
export interface Challenge {
	account: TwoFactorAccount;
	value: string;
}

export interface Side {
	label: "Tessera" | "better-auth";
	server: Server;
	signUp(name: string): RequestSpec;
	signUpStatus: number;
	/** The account a sign-up answer made. */
	accountFrom(name: string, answer: Answer): Account | undefined;
	signIn(account: { name: string }): RequestSpec;
	signInStatus: number;
	/** A sign-in answer that opened a session (not one asking for a second factor). */
	signedIn(answer: Answer): boolean;
	whoAmI(account: Account): RequestSpec;
	/** An answer to whoAmI that names a session. */
	knowsSession(answer: Answer): boolean;
	enrol(agent: http.Agent, account: Account): Promise<TwoFactorAccount>;
	/** The password step of a sign-in with a second factor. */
	challenge(agent: http.Agent, account: TwoFactorAccount): Promise<Challenge>;
	totpStep(challenge: Challenge, code: string): RequestSpec;
	backupStep(challenge: Challenge, code: string): RequestSpec;
	stepStatus: number;
}

/**
 * The code an authenticator shows 30 s from now: accepted by both sides (each allows one
 * step of drift) and always newer than the code that confirmed enrolment, which Tessera
 * requires (a TOTP code is accepted once per account; better-auth does not keep track).
 */
export function nextTotpCode(totp: TOTP): string {
	return totp.generate({ timestamp: Date.now() + 30_000 });
}

function totpFor(base32: string): TOTP {
	return new TOTP({ secret: Secret.fromBase32(base32), algorithm: "SHA1", digits: 6, period: 30 });
}

function json(method: string, path: string, body: unknown, headers: Record<string, string> = {}): RequestSpec {
	return { method, path, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

async function call(agent: http.Agent, server: Server, spec: RequestSpec, status: number): Promise<Answer> {
	const answer = await send(agent, server.port, spec);
	if (answer.status !== status) {
		throw new Error(`${server.name}: ${spec.method} ${spec.path} answered ${answer.status}, not ${status}: ${answer.body.slice(0, 300)}`);
	}
	return answer;
}

function parse(answer: Answer): Record<string, unknown> {
	try {
		return JSON.parse(answer.body) as Record<string, unknown>;
	} catch {
		return {};
	}
}

/** The cookies a browser would keep from an answer, as one Cookie header. */
export function cookiesOf(answer: Answer): string {
	return (answer.headers["set-cookie"] ?? [])
		.filter((c) => !/;\s*max-age=0\b/i.test(c))
		.map((c) => c.split(";")[0]!)
		.filter((pair) => pair.indexOf("=") < pair.length - 1)
		.join("; ");
}

export function tesseraSide(server: Server): Side {
	const api = "/api/v1";
	return {
		label: "Tessera",
		server,
		signUp: (name) => json("POST", `${api}/accounts`, { username: name, password: PASSWORD }),
		signUpStatus: 201,
		accountFrom(name, answer) {
			const token = (parse(answer)["session"] as { token?: string } | undefined)?.token;
			return token ? { name, session: { authorization: `Bearer ${token}` } } : undefined;
		},
		signIn: (account) => json("POST", `${api}/sessions`, { username: account.name, password: PASSWORD }),
		signInStatus: 201,
		signedIn: (answer) => answer.status === 201,
		// The session check an app makes on every request: who is this, is the session alive.
		whoAmI: (account) => ({ method: "GET", path: `${api}/sessions/current`, headers: account.session }),
		knowsSession: (answer) => answer.status === 200,
		async enrol(agent, account) {
			const begun = parse(await call(agent, server, json("POST", `${api}/account/totp`, { password: PASSWORD }, account.session), 201));
			const totp = totpFor(begun["secret"] as string);
			const confirmed = parse(
				await call(agent, server, json("POST", `${api}/account/totp/confirm`, { code: totp.generate() }, account.session), 200),
			);
			const codes = (confirmed["backupCodes"] as { codes: string[] }).codes;
			await call(agent, server, json("POST", `${api}/account/backup-codes/confirm`, { code: codes[0] }, account.session), 200);
			return { name: account.name, totp, codes };
		},
		async challenge(agent, account) {
			const answer = parse(await call(agent, server, this.signIn(account), 200));
			return { account, value: (answer["secondFactor"] as { challenge: string }).challenge };
		},
		totpStep: (challenge, code) => json("POST", `${api}/sessions/second-factor`, { challenge: challenge.value, method: "totp", code }),
		backupStep: (challenge, code) =>
			json("POST", `${api}/sessions/second-factor`, { challenge: challenge.value, method: "backup_code", code }),
		stepStatus: 201,
	};
}

export function betterAuthSide(server: Server): Side {
	const api = "/api/auth";
	const origin = { origin: server.origin };
	const email = (name: string) => `${name}@example.com`;
	return {
		label: "better-auth",
		server,
		signUp: (name) => json("POST", `${api}/sign-up/email`, { email: email(name), password: PASSWORD, name }, origin),
		signUpStatus: 200,
		accountFrom(name, answer) {
			const cookie = cookiesOf(answer);
			return cookie.includes("session_token=") ? { name, session: { cookie } } : undefined;
		},
		signIn: (account) => json("POST", `${api}/sign-in/email`, { email: email(account.name), password: PASSWORD }, origin),
		signInStatus: 200,
		signedIn: (answer) => answer.status === 200 && cookiesOf(answer).includes("session_token="),
		whoAmI: (account) => ({ method: "GET", path: `${api}/get-session`, headers: account.session }),
		// get-session answers 200 with `null` for a session it does not know.
		knowsSession: (answer) => answer.status === 200 && answer.body.startsWith("{"),
		async enrol(agent, account) {
			const headers = { ...origin, ...account.session };
			const enabled = parse(await call(agent, server, json("POST", `${api}/two-factor/enable`, { password: PASSWORD }, headers), 200));
			const totp = totpFor(new URL(enabled["totpURI"] as string).searchParams.get("secret")!);
			// The first code marks the authenticator verified and turns two-factor on.
			await call(agent, server, json("POST", `${api}/two-factor/verify-totp`, { code: totp.generate() }, headers), 200);
			return { name: account.name, totp, codes: enabled["backupCodes"] as string[] };
		},
		async challenge(agent, account) {
			const answer = await call(agent, server, this.signIn(account), 200);
			if (!(parse(answer)["twoFactorRedirect"] === true)) throw new Error(`better-auth: no second step asked for: ${answer.body}`);
			return { account, value: cookiesOf(answer) };
		},
		totpStep: (challenge, code) => json("POST", `${api}/two-factor/verify-totp`, { code }, { ...origin, cookie: challenge.value }),
		backupStep: (challenge, code) =>
			json("POST", `${api}/two-factor/verify-backup-code`, { code }, { ...origin, cookie: challenge.value }),
		stepStatus: 200,
	};
}
