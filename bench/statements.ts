/**
 * SQL statements one backup-code second step costs, through the JSON API and
 * through the pages (the POST, and the page its redirect leads to), on the
 * embedded SQLite database, in one checkout.
 *
 * Usage: node bench/statements.ts [checkout]   (default: the repository this file is in)
 *
 * It counts every statement Kysely hands to node:sqlite (BEGIN and COMMIT
 * included) while each request is served, in process, with app.inject: no
 * network, nothing timed. Give it another checkout to compare.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { TOTP } from "otpauth";

const checkout = resolve(process.argv[2] ?? join(import.meta.dirname, ".."));
const from = (path: string) => import(join(checkout, path));
const { loadConfig } = await from("src/config.ts");
const { createTessera } = await from("src/server.ts");
const { openStore } = await from("src/store/db.ts");
const { createLogger } = await from("src/logger.ts");
const { NodeSqliteDatabase } = await from("src/store/node-sqlite.ts");

let statements = 0;
const prepare = NodeSqliteDatabase.prototype.prepare;
NodeSqliteDatabase.prototype.prepare = function counted(this: unknown, sql: string) {
	statements++;
	return prepare.call(this, sql);
};

const PASSWORD = "correct horse battery staple 7";
const dataDir = mkdtempSync(join(tmpdir(), "tessera-statements-"));
const config = loadConfig({ TESSERA_DATA_DIR: dataDir, TESSERA_LOG_LEVEL: "silent", TESSERA_DELIVERY: "outbox" });
const tessera = await createTessera({ config, store: await openStore(config), secret: randomBytes(32), logger: createLogger("silent") });
const app: FastifyInstance = tessera.app;

async function api(path: string, body?: unknown, token?: string) {
	const response = await app.inject({
		method: body === undefined ? "GET" : "POST",
		url: `/api/v1${path}`,
		headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
		...(body === undefined ? {} : { payload: JSON.stringify(body) }),
	});
	if (response.statusCode >= 400) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
	return response.json() as { [key: string]: { [key: string]: unknown } };
}

/** A browser: its cookies and the CSRF field of its last page. */
class Browser {
	readonly cookies = new Map<string, string>();
	last = "";
	async request(method: "GET" | "POST", url: string, fields?: Record<string, string>): Promise<LightMyRequestResponse> {
		const body = fields ? new URLSearchParams({ ...fields, _csrf: /name="_csrf" value="([^"]+)"/.exec(this.last)?.[1] ?? "" }).toString() : undefined;
		const response = await app.inject({
			method,
			url,
			headers: {
				cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
				...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
			},
			...(body ? { payload: body } : {}),
		});
		for (const c of response.cookies as { name: string; value: string }[]) this.cookies.set(c.name, c.value);
		if (method === "GET") this.last = response.body;
		return response;
	}
}

async function accountWithCodes() {
	const username = `stmt${randomBytes(4).toString("hex")}`;
	const token = (await api("/accounts", { username, password: PASSWORD })).session!.token as string;
	const { secret } = await api("/account/totp", { password: PASSWORD }, token);
	const code = new TOTP({ secret: String(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate();
	const codes = (await api("/account/totp/confirm", { code }, token)).backupCodes!.codes as string[];
	await api("/account/backup-codes/confirm", { code: codes[9] }, token);
	return { username, codes };
}

async function counting<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
	statements = 0;
	const result = await work();
	return { result, statements };
}

// The API: the step itself.
const first = await accountWithCodes();
const challenge = (await api("/sessions", { username: first.username, password: PASSWORD })).secondFactor!.challenge;
const viaApi = await counting(() => api("/sessions/second-factor", { challenge, method: "backup_code", code: first.codes[0] }));

// The pages: the step's POST, then the page its redirect leads to.
const second = await accountWithCodes();
const browser = new Browser();
await browser.request("GET", "/sign-in");
await browser.request("POST", "/sign-in", { username: second.username, password: PASSWORD });
await browser.request("GET", "/sign-in/verify?method=backup_code");
const post = await counting(() => browser.request("POST", "/sign-in/verify", { method: "backup_code", code: second.codes[0]! }));
if (post.result.statusCode !== 303) throw new Error(`web step: ${post.result.statusCode} ${post.result.body.slice(0, 300)}`);
const next = await counting(() => browser.request("GET", String(post.result.headers.location)));

console.log(`Statements for one backup-code second step (${checkout}, SQLite)\n`);
console.log("| face | statements |\n|---|---:|");
console.log(`| API: POST /api/v1/sessions/second-factor | ${viaApi.statements} |`);
console.log(`| pages: POST /sign-in/verify | ${post.statements} |`);
console.log(`| pages: then GET ${String(post.result.headers.location).split("?")[0]} | ${next.statements} |`);

await tessera.close();
rmSync(dataDir, { recursive: true, force: true });
