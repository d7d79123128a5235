/**
 * npm run bench:oidc — the OpenID Connect provider, measured against the JSON API
 * doing the nearest work, in the same run, on SQLite and then PostgreSQL:
 *
 *  - the authorization round trip of a signed-in person (one GET /oidc/auth that
 *    answers with a code at once), against the API's session check
 *    (GET /api/v1/sessions/current) with the same session;
 *  - the token endpoint: code exchange and refresh (each signs an ID token with
 *    RS256), against the session check and against one RS256 signature in this
 *    process (the floor of work a token answer must do);
 *  - userinfo with an access token, against GET /api/v1/account with a session token.
 *
 * Figures are requests per second, p50 and p99 (ms), and ratios to the peer measured
 * moments before: the machine is shared and noisy.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type LoadResult, runLoad, send } from "./load.ts";
import { freePort, tesseraCommand } from "./servers.ts";

const SECONDS = Number(process.env["BENCH_SECONDS"] ?? 6);
const CONNECTIONS = Number(process.env["BENCH_CONNECTIONS"] ?? 16);
const ACCOUNTS = Number(process.env["BENCH_OIDC_ACCOUNTS"] ?? 64);
const POSTGRES = process.env["BENCH_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const PASSWORD = "bench mark horse staple 42";
const REDIRECT = "http://127.0.0.1:9/callback";
const ROOT = new URL("..", import.meta.url).pathname;

interface Running {
	port: number;
	base: string;
	env: Record<string, string>;
	stop(): Promise<void>;
}

async function startTessera(env: Record<string, string>): Promise<Running> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const full = {
		...env,
		HOST: "127.0.0.1",
		PORT: String(port),
		TESSERA_PUBLIC_URL: base,
		TESSERA_LOG_LEVEL: "warn",
		TESSERA_LIMIT_SIGNUP_ADDRESS: "1000000/1h",
	};
	const launch = tesseraCommand();
	const child = spawn(launch.command, launch.args, { cwd: ROOT, env: { ...process.env, ...launch.env, ...full }, stdio: ["ignore", "inherit", "inherit"] });
	const exited = new Promise((r) => child.once("exit", r));
	const agent = new http.Agent();
	for (let i = 0; i < 300; i++) {
		try {
			if ((await send(agent, port, { method: "GET", path: "/readyz" })).status === 200) break;
		} catch {}
		await new Promise((r) => setTimeout(r, 100));
	}
	agent.destroy();
	return {
		port,
		base,
		env: full,
		async stop() {
			child.kill("SIGTERM");
			await exited;
		},
	};
}

function addClient(server: Running): { clientId: string; clientSecret: string } {
	const out = spawnSync(
		process.execPath,
		["src/cli.ts", "clients", "add", "--name", "Bench app", "--redirect-uri", REDIRECT, "--first-party"],
		{ cwd: ROOT, env: { ...process.env, ...server.env }, encoding: "utf8" },
	);
	if (out.status !== 0) throw new Error(`clients add failed: ${out.stderr}`);
	return JSON.parse(out.stdout) as { clientId: string; clientSecret: string };
}

const b64url = (b: Buffer) => b.toString("base64url");

function authPath(clientId: string): { path: string; verifier: string } {
	const verifier = b64url(randomBytes(32));
	const challenge = b64url(createHash("sha256").update(verifier).digest());
	const q = new URLSearchParams({
		client_id: clientId,
		response_type: "code",
		redirect_uri: REDIRECT,
		scope: "openid profile offline_access",
		code_challenge: challenge,
		code_challenge_method: "S256",
		state: b64url(randomBytes(8)),
	});
	return { path: `/oidc/auth?${q}`, verifier };
}

function codeOf(location: string | string[] | undefined): string | undefined {
	if (typeof location !== "string" || !location.startsWith(REDIRECT)) return undefined;
	return new URL(location).searchParams.get("code") ?? undefined;
}

function row(name: string, r: LoadResult, peer?: LoadResult): string {
	const ratio = peer ? `  ${(r.perSecond / peer.perSecond).toFixed(2)}× of the peer's rate` : "";
	return `  ${name.padEnd(46)} ${r.perSecond.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  errors ${r.errors}${ratio}`;
}

function rs256PerSecond(seconds = 1): number {
	const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
	const data = Buffer.from("x".repeat(400));
	const started = performance.now();
	let n = 0;
	while (performance.now() - started < seconds * 1000) {
		sign("sha256", data, privateKey);
		n++;
	}
	return n / ((performance.now() - started) / 1000);
}

async function benchOn(label: string, env: Record<string, string>): Promise<void> {
	const server = await startTessera(env);
	try {
		const app = addClient(server);
		const basic = `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString("base64")}`;
		const agent = new http.Agent({ keepAlive: true });
		const sessions: string[] = [];
		for (let i = 0; i < ACCOUNTS; i++) {
			const body = JSON.stringify({ username: `bench_${randomBytes(4).toString("hex")}`, password: PASSWORD });
			const answer = await send(agent, server.port, { method: "POST", path: "/api/v1/accounts", headers: { "content-type": "application/json" }, body });
			sessions.push((JSON.parse(answer.body) as { session: { token: string } }).session.token);
		}
		// Each person's browser keeps the provider's own session cookies, as a browser would.
		const providerCookies = sessions.map(() => new Map<string, string>());
		const cookie = (i: number) =>
			[`__Host-tessera_session=${sessions[i % sessions.length]}`, ...[...providerCookies[i % sessions.length]!].map(([k, v]) => `${k}=${v}`)].join("; ");
		const keepCookies = (i: number, answer: { headers: http.IncomingHttpHeaders }) => {
			for (const line of answer.headers["set-cookie"] ?? []) {
				const [pair] = line.split(";");
				const eq = pair!.indexOf("=");
				if (pair!.startsWith("_session")) providerCookies[i % sessions.length]!.set(pair!.slice(0, eq), pair!.slice(eq + 1));
			}
		};
		const bearer = (i: number) => ({ authorization: `Bearer ${sessions[i % sessions.length]}` });
		let turn = 0;

		// Warm-up: the provider's first requests build its caches.
		for (let i = 0; i < sessions.length; i++) keepCookies(i, await send(agent, server.port, { method: "GET", path: authPath(app.clientId).path, headers: { cookie: cookie(i) } }));

		const sessionCheck = await runLoad({
			port: server.port,
			connections: CONNECTIONS,
			seconds: SECONDS,
			next: () => ({ method: "GET", path: "/api/v1/sessions/current", headers: bearer(turn++) }),
			expectStatus: 200,
		});

		const codes: { code: string; verifier: string }[] = [];
		const pendingVerifiers = new Map<number, string>();
		const person = new Map<number, number>();
		const authorize = await runLoad({
			port: server.port,
			connections: CONNECTIONS,
			seconds: SECONDS,
			next: (client) => {
				const { path, verifier } = authPath(app.clientId);
				pendingVerifiers.set(client, verifier);
				const i = turn++;
				person.set(client, i);
				return { method: "GET", path, headers: { cookie: cookie(i) } };
			},
			expectStatus: 303,
			accept: (answer) => codeOf(answer.headers.location) !== undefined,
			onAnswer: (client, answer) => {
				keepCookies(person.get(client)!, answer);
				const code = codeOf(answer.headers.location);
				if (code) codes.push({ code, verifier: pendingVerifiers.get(client)! });
			},
		});

		const refreshTokens: string[] = [];
		let nextCode = 0;
		const exchange = await runLoad({
			port: server.port,
			connections: CONNECTIONS,
			seconds: SECONDS,
			next: () => {
				const code = codes[nextCode++];
				if (!code) return undefined;
				const body = new URLSearchParams({ grant_type: "authorization_code", code: code.code, code_verifier: code.verifier, redirect_uri: REDIRECT });
				return { method: "POST", path: "/oidc/token", headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" }, body: body.toString() };
			},
			expectStatus: 200,
			onAnswer: (_client, answer) => {
				if (answer.status === 200) refreshTokens.push((JSON.parse(answer.body) as { refresh_token: string }).refresh_token);
			},
		});

		// Each client refreshes its own chain: a rotated token is used once.
		const chains = refreshTokens.slice(0, CONNECTIONS);
		const accessTokens: string[] = [];
		const refresh = await runLoad({
			port: server.port,
			connections: CONNECTIONS,
			seconds: SECONDS,
			next: (client) => {
				const token = chains[client];
				if (!token) return undefined;
				const body = new URLSearchParams({ grant_type: "refresh_token", refresh_token: token });
				return { method: "POST", path: "/oidc/token", headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" }, body: body.toString() };
			},
			expectStatus: 200,
			onAnswer: (client, answer) => {
				if (answer.status !== 200) return;
				const tokens = JSON.parse(answer.body) as { refresh_token: string; access_token: string };
				chains[client] = tokens.refresh_token;
				if (accessTokens.length < 256) accessTokens.push(tokens.access_token);
			},
		});

		const account = await runLoad({
			port: server.port,
			connections: CONNECTIONS,
			seconds: SECONDS,
			next: () => ({ method: "GET", path: "/api/v1/account", headers: bearer(turn++) }),
			expectStatus: 200,
		});
		const userinfo = await runLoad({
			port: server.port,
			connections: CONNECTIONS,
			seconds: SECONDS,
			next: () => ({ method: "GET", path: "/oidc/userinfo", headers: { authorization: `Bearer ${accessTokens[turn++ % accessTokens.length]}` } }),
			expectStatus: 200,
		});
		agent.destroy();
		const signatures = rs256PerSecond();

		console.log(`\n${label}: ${CONNECTIONS} connections, ${SECONDS} s a scenario`);
		console.log(row("JSON API session check (GET /sessions/current)", sessionCheck));
		console.log(row("authorization round trip, signed in (GET /oidc/auth)", authorize, sessionCheck));
		console.log(row("token: code exchange", exchange, sessionCheck));
		console.log(row("token: refresh (rotating)", refresh, sessionCheck));
		console.log(row("JSON API account (GET /account)", account));
		console.log(row("userinfo (GET /oidc/userinfo)", userinfo, account));
		console.log(`  one RS256 signature in this process: ${signatures.toFixed(0)}/s; code exchanges reach ${((100 * exchange.perSecond) / signatures).toFixed(0)}% of that, refreshes ${((100 * refresh.perSecond) / signatures).toFixed(0)}%`);
	} finally {
		await server.stop();
	}
}

async function main(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), "tessera-bench-oidc-"));
	const secret = randomBytes(32).toString("hex");
	try {
		await benchOn("SQLite", { TESSERA_DATA_DIR: dir, TESSERA_SECRET: secret });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	const admin = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 2000 });
	try {
		await admin.connect();
	} catch {
		console.log("\nPostgreSQL: not reachable, skipped.");
		return;
	}
	const name = `bench_oidc_${randomBytes(4).toString("hex")}`;
	await admin.query(`create database ${name}`);
	const url = new URL(POSTGRES);
	url.pathname = `/${name}`;
	const pgDir = mkdtempSync(join(tmpdir(), "tessera-bench-oidc-"));
	try {
		await benchOn("PostgreSQL", { DATABASE_URL: url.toString(), TESSERA_DATA_DIR: pgDir, TESSERA_SECRET: secret });
	} finally {
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
		rmSync(pgDir, { recursive: true, force: true });
	}
}

await main();
