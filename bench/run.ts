/**
 * npm run bench — Tessera measured against the physical limit in the same run.
 *
 *  1. argon2id alone: hashes per second on every core (the ceiling for any sign-in).
 *  2. Password sign-ins per second through HTTP, as a share of that ceiling.
 *  3. GET /api/v1/account (a session check) at 50 connections: requests/s, p50, p99.
 *
 * The server runs in its own process; the load comes from this one. Figures are
 * ratios measured in one run, since shared machines are noisy.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { hashPassword } from "../src/methods/password/hashing.ts";
import { benchBackupCodeCheck, benchBackupCodeStep } from "./backup-code-check.ts";
import { benchDelivery } from "./delivery.ts";
import { type LoadResult, runLoad, send } from "./load.ts";

const SECONDS = Number(process.env["BENCH_SECONDS"] ?? 10);
const PASSWORD = "bench mark horse staple 42";
const POSTGRES = process.env["BENCH_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = net.createServer().listen(0, "127.0.0.1", () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** The best of several degrees of parallelism: the most hashes per second this machine gives. */
async function argon2Ceiling(seconds: number): Promise<number> {
	let best = 0;
	for (const parallel of [availableParallelism(), availableParallelism() * 2, 8]) {
		best = Math.max(best, await argon2Rate(parallel, seconds / 3));
	}
	return best;
}

async function argon2Rate(parallel: number, seconds: number): Promise<number> {
	let done = 0;
	const deadline = performance.now() + seconds * 1000;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (performance.now() < deadline) {
				await hashPassword(PASSWORD);
				done++;
			}
		}),
	);
	return done / ((performance.now() - started) / 1000);
}

async function startServer(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
	const port = await freePort();
	const child = spawn(process.execPath, ["src/main.ts"], {
		env: {
			...process.env,
			...env,
			PORT: String(port),
			HOST: "127.0.0.1",
			TESSERA_LOG_LEVEL: "warn",
			// The default throttling limits stay on: right answers must not be slowed by them.
			// Only sign-ups are let through in bulk: making the accounts is set-up, not measured.
			TESSERA_LIMIT_SIGNUP_ADDRESS: "100000/1h",
		},
		stdio: ["ignore", "inherit", "inherit"],
	});
	const agent = new http.Agent();
	for (let i = 0; i < 100; i++) {
		try {
			await send(agent, port, { method: "GET", path: "/sign-in" });
			return { port, child };
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	child.kill();
	throw new Error("the server did not start");
}

async function benchDatabase(label: string, env: Record<string, string>, ceiling: number) {
	const { port, child } = await startServer(env);
	const agent = new http.Agent({ keepAlive: true });
	try {
		const users = Array.from({ length: 16 }, (_, i) => `bench_${i}_${randomBytes(3).toString("hex")}`);
		const tokens: string[] = [];
		for (const username of users) {
			const response = await send(agent, port, {
				method: "POST",
				path: "/api/v1/accounts",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({ username, password: PASSWORD }),
			});
			tokens.push(JSON.parse(response.body).session.token);
		}
		const signIn = await runLoad({
			port,
			connections: users.length,
			seconds: SECONDS,
			expectStatus: 201,
			next: (client) => ({
				method: "POST",
				path: "/api/v1/sessions",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({ username: users[client], password: PASSWORD }),
			}),
		});
		const check = await runLoad({
			port,
			connections: 50,
			seconds: SECONDS,
			expectStatus: 200,
			next: (client) => ({
				method: "GET",
				path: "/api/v1/account",
				headers: { authorization: `Bearer ${tokens[client % tokens.length]}` },
			}),
		});
		report(label, signIn, check, ceiling);
		await benchBackupCodeStep(port);
	} finally {
		agent.destroy();
		child.kill("SIGTERM");
		await new Promise((r) => child.once("exit", r));
	}
}

function fmt(n: number, digits = 1): string {
	return n.toFixed(digits);
}

function report(label: string, signIn: LoadResult, check: LoadResult, ceiling: number) {
	console.log(`\n## ${label}`);
	console.log("| scenario | req/s | p50 ms | p99 ms | errors | vs argon2id ceiling |");
	console.log("|---|---:|---:|---:|---:|---:|");
	console.log(
		`| password sign-in (16 connections) | ${fmt(signIn.perSecond)} | ${fmt(signIn.p50)} | ${fmt(signIn.p99)} | ${signIn.errors} | ${fmt((100 * signIn.perSecond) / ceiling)}% |`,
	);
	console.log(
		`| GET /api/v1/account (50 connections) | ${fmt(check.perSecond)} | ${fmt(check.p50, 2)} | ${fmt(check.p99, 2)} | ${check.errors} | ${fmt(check.perSecond / ceiling)}× |`,
	);
}

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
	const admin = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 2000 });
	try {
		await admin.connect();
	} catch {
		return undefined;
	}
	const name = `tessera_bench_${randomBytes(4).toString("hex")}`;
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(POSTGRES);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			const c = new pg.Client({ connectionString: POSTGRES });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		},
	};
}

await benchDelivery();
await benchBackupCodeCheck();
const ceiling = await argon2Ceiling(Math.min(SECONDS, 5));
console.log(`# Tessera benchmark — ${new Date().toISOString()}, ${availableParallelism()} cores, Node ${process.version}`);
console.log(`argon2id (m=19 MiB, t=2, p=1) ceiling: ${fmt(ceiling)} hashes/s on all cores`);

const dir = mkdtempSync(join(tmpdir(), "tessera-bench-"));
try {
	await benchDatabase("SQLite (embedded)", { TESSERA_DATA_DIR: dir }, ceiling);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
const postgres = await postgresDatabase();
if (postgres) {
	const pgDir = mkdtempSync(join(tmpdir(), "tessera-bench-"));
	try {
		await benchDatabase("PostgreSQL", { DATABASE_URL: postgres.url, TESSERA_DATA_DIR: pgDir }, ceiling);
	} finally {
		await postgres.drop();
		rmSync(pgDir, { recursive: true, force: true });
	}
} else {
	console.log("\nPostgreSQL not reachable: its figures are not measured in this run.");
}
