/**
 * The peer: better-auth (a devDependency, pinned) with its twoFactor plugin, served by Node's
 * own http server through toNodeHandler, in a process of its own so the bench can read its
 * peak memory. Started by bench/servers.ts; not part of Tessera.
 *
 *   PORT=4000 BENCH_DATABASE=sqlite:/tmp/x/better-auth.db node bench/peer/better-auth-server.ts
 *   PORT=4000 BENCH_DATABASE=postgres://postgres@127.0.0.1:5432/some_db node bench/peer/better-auth-server.ts
 *
 * Its defaults are kept (scrypt N=16384 r=16 p=1 for passwords, sessions in the database with
 * no cookie cache, 10 backup codes stored encrypted, the origin check on), with three
 * exceptions, each said in bench/README.md: its rate limiter is off (it would answer most
 * of a load test with 429), telemetry is off, and SQLite gets the same pragmas as Tessera's
 * (WAL, synchronous=NORMAL, busy_timeout) and PostgreSQL the same pool size (10).
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import { DatabaseSync } from "node:sqlite";
import { type BetterAuthOptions, betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { toNodeHandler } from "better-auth/node";
import { twoFactor } from "better-auth/plugins";
import pg from "pg";

const port = Number(process.env["PORT"]);
const target = process.env["BENCH_DATABASE"] ?? "";
if (!Number.isInteger(port) || port <= 0 || !/^(sqlite:|postgres(ql)?:\/\/)/.test(target)) {
	console.error("better-auth-server: set PORT and BENCH_DATABASE (sqlite:/path/file.db or postgres://…)");
	process.exit(2);
}

function openDatabase(): { database: DatabaseSync | pg.Pool; close: () => Promise<void> } {
	if (target.startsWith("postgres")) {
		const pool = new pg.Pool({ connectionString: target, max: 10 });
		pool.on("error", () => {});
		return { database: pool, close: () => pool.end() };
	}
	const database = new DatabaseSync(target.slice("sqlite:".length));
	database.exec("PRAGMA journal_mode = WAL");
	database.exec("PRAGMA synchronous = NORMAL");
	database.exec("PRAGMA foreign_keys = ON");
	database.exec("PRAGMA busy_timeout = 5000");
	return { database, close: async () => database.close() };
}

const { database, close } = openDatabase();
const options = {
	appName: "bench",
	baseURL: `http://127.0.0.1:${port}`,
	secret: process.env["BENCH_BETTER_AUTH_SECRET"] || randomBytes(32).toString("hex"),
	database,
	emailAndPassword: { enabled: true },
	plugins: [twoFactor({ issuer: "bench" })],
	rateLimit: { enabled: false },
	telemetry: { enabled: false },
	logger: { level: "error" },
} satisfies BetterAuthOptions;

// Its own migration API: the tables its options (and the twoFactor plugin) need.
const { runMigrations } = await getMigrations(options);
await runMigrations();

const auth = betterAuth(options);
const server = http.createServer(toNodeHandler(auth));
server.keepAliveTimeout = 72_000; // Fastify's default, so both servers keep idle connections alike
server.listen(port, "127.0.0.1");

let stopping = false;
const stop = () => {
	if (stopping) return;
	stopping = true;
	server.closeAllConnections();
	server.close(() => {
		close().finally(() => process.exit(0));
	});
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
