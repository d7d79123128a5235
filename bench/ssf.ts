/**
 * node bench/ssf.ts — Shared Signals: how soon and how many Security Event Tokens
 * reach a push receiver on loopback, and what recording them costs a change.
 *
 *  1. One instance, in this process, on SQLite then PostgreSQL: an operator locks
 *     an account (one SET on a stream that asks for account-disabled), one change
 *     at a time: time from the change's commit to the receiver (p50, p99). Then
 *     16 accounts locked and unlocked side by side: SETs accepted per second.
 *  2. The cost of recording, in the change's transaction: recordEvent for a
 *     sign-in (no SET) and for a new password (two SETs), with no stream and with
 *     one, interleaved, medians and ratios measured in the same run.
 *  3. PostgreSQL, one then three instances (`node src/main.ts` each): a backlog of
 *     SETs held on a paused stream, then sent by the instances once it is enabled
 *     (as they send what a dead instance left): SETs per second; and password
 *     changes through the instances in turn: from the answer to the receiver.
 *
 * BENCH_SSF_SAMPLES (200) changes one at a time, BENCH_SSF_BACKLOG (3000) SETs,
 * BENCH_POSTGRES_URL as for the other benches.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwt } from "jose";
import pg from "pg";
import { loadConfig } from "../src/config.ts";
import { systemClock } from "../src/core/clock.ts";
import type { FlowDeps } from "../src/flows/deps.ts";
import { recordEvent } from "../src/flows/events.ts";
import { lockUser, unlockUser } from "../src/flows/operator.ts";
import { addStream, changeStreamStatus, eventTypes } from "../src/flows/signals.ts";
import { createLogger } from "../src/logger.ts";
import { createFlowDeps, createTessera } from "../src/server.ts";
import { openPostgres, openSqlite, type Store } from "../src/store/db.ts";
import { freePort } from "./servers.ts";

const SAMPLES = Number(process.env["BENCH_SSF_SAMPLES"] ?? 200);
const BACKLOG = Number(process.env["BENCH_SSF_BACKLOG"] ?? 3000);
const POSTGRES = process.env["BENCH_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const PASSWORD = "bench mark horse staple 42";
const ROOT = new URL("..", import.meta.url).pathname;
const SECRET = randomBytes(32);

const quantile = (values: number[], q: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** A push receiver that answers 202 and notes when each SET arrived, by jti. */
async function startReceiver() {
	const arrivals = new Map<string, number>();
	const waiting = new Set<() => void>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on("data", (c: Buffer) => chunks.push(c));
		req.on("end", () => {
			const at = performance.now();
			const jti = String(decodeJwt(Buffer.concat(chunks).toString("utf8")).jti);
			if (!arrivals.has(jti)) arrivals.set(jti, at);
			res.writeHead(202).end();
			for (const wake of waiting) wake();
		});
	});
	server.keepAliveTimeout = 60_000;
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
		arrivals,
		/** Resolves with the arrival time once `count` SETs have arrived. */
		async count(count: number, timeoutMs = 60_000): Promise<number> {
			const deadline = Date.now() + timeoutMs;
			while (arrivals.size < count) {
				if (Date.now() > deadline) throw new Error(`${arrivals.size} of ${count} SETs arrived`);
				await new Promise<void>((resolve) => {
					const wake = () => {
						waiting.delete(wake);
						resolve();
					};
					waiting.add(wake);
					setTimeout(wake, 50);
				});
			}
			return Math.max(...arrivals.values());
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

async function newDatabase(kind: "sqlite" | "postgres"): Promise<{ store: Store; url?: string; dataDir: string; drop(): Promise<void> }> {
	const dataDir = mkdtempSync(join(tmpdir(), "tessera-bench-ssf-"));
	if (kind === "sqlite") {
		const store = openSqlite(join(dataDir, "tessera.db"));
		return { store, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
	}
	const name = `tessera_bench_ssf_${randomBytes(5).toString("hex")}`;
	const admin = new pg.Client({ connectionString: POSTGRES });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(POSTGRES);
	url.pathname = `/${name}`;
	const store = openPostgres(url.toString());
	return {
		store,
		url: url.toString(),
		dataDir,
		async drop() {
			const a = new pg.Client({ connectionString: POSTGRES });
			await a.connect();
			await a.query(`drop database if exists ${name} with (force)`);
			await a.end();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

async function accounts(deps: FlowDeps, app: { inject: (o: object) => Promise<{ statusCode: number; body: string }> }, count: number, prefix: string) {
	const names: string[] = [];
	for (let i = 0; i < count; i++) {
		const username = `${prefix}_${i}`;
		const r = await app.inject({ method: "POST", url: "/api/v1/accounts", headers: { "content-type": "application/json" }, payload: JSON.stringify({ username, password: PASSWORD }), remoteAddress: `198.51.100.${i % 250}` });
		if (r.statusCode !== 201) throw new Error(`sign-up: ${r.body}`);
		names.push(username);
	}
	void deps;
	return names;
}

async function inProcess(kind: "sqlite" | "postgres"): Promise<void> {
	const database = await newDatabase(kind);
	const receiver = await startReceiver();
	const config = loadConfig({ TESSERA_DATA_DIR: database.dataDir, TESSERA_LOG_LEVEL: "warn", TESSERA_DELIVERY: "outbox", TESSERA_LIMIT_SIGNUP_ADDRESS: "1000000/1h", ...(database.url ? { DATABASE_URL: database.url } : {}) });
	const tessera = await createTessera({ config, store: database.store, secret: SECRET, logger: createLogger("warn", process.stderr), clock: systemClock });
	const deps = tessera.deps;
	try {
		const users = await accounts(deps, tessera.app, 16, `ssf_${kind}`);
		console.log(`\n### One instance, in process (${kind})\n`);

		// Recording cost: rounds that take turns, with no stream and with one poll stream (nothing is pushed meanwhile).
		const account = (await deps.db.selectFrom("accounts").select("id").where("username", "=", users[0]!).executeTakeFirstOrThrow()).id;
		const times = { none: { signed_in: [] as number[], password_changed: [] as number[] }, one: { signed_in: [] as number[], password_changed: [] as number[] } };
		for (let round = 0; round < 16; round++) {
			for (const side of round % 2 === 0 ? (["none", "one"] as const) : (["one", "none"] as const)) {
				const polled = side === "one" ? await addStream(deps, { audience: ["https://cost.example"] }) : undefined;
				for (let i = 0; i < 50; i++) {
					for (const kindOf of ["signed_in", "password_changed"] as const) {
						const started = performance.now();
						await deps.db.transaction().execute((tx) => recordEvent(deps, tx, { accountId: account, kind: kindOf, method: "password" }));
						times[side][kindOf].push(performance.now() - started);
					}
				}
				if (polled) {
					await deps.db.deleteFrom("ssf_sets").where("stream_id", "=", polled.streamId).execute();
					await deps.db.deleteFrom("ssf_streams").where("id", "=", polled.streamId).execute();
				}
			}
		}
		const median = (side: "none" | "one", kindOf: "signed_in" | "password_changed") => quantile(times[side][kindOf], 0.5);
		console.log("| recording, in its transaction (median of 800, rounds taking turns) | no stream | one stream | ratio |\n|---|---|---|---|");
		for (const [label, kindOf] of [["a sign-in's event (no SET)", "signed_in"], ["a new password's event (two SETs)", "password_changed"]] as const) {
			console.log(`| ${label} | ${ms(median("none", kindOf))} | ${ms(median("one", kindOf))} | ${(median("one", kindOf) / median("none", kindOf)).toFixed(2)} |`);
		}

		await addStream(deps, { audience: ["https://bench.example"], push: { url: receiver.url }, events: [eventTypes["account-disabled"]] });
		// One change at a time: from its commit to the receiver.
		const latencies: number[] = [];
		for (let i = 0; i < SAMPLES; i++) {
			const user = users[i % users.length]!;
			const before = receiver.arrivals.size;
			await lockUser(deps, user, "operator:bench", "");
			const committed = performance.now();
			const arrived = await receiver.count(before + 1);
			latencies.push(arrived - committed);
			await unlockUser(deps, user, "operator:bench", "");
		}
		console.log(`\nchange committed → receiver, one at a time (${SAMPLES}): p50 ${ms(quantile(latencies, 0.5))}, p99 ${ms(quantile(latencies, 0.99))}`);

		// Side by side: every account locked and unlocked in a loop for a few seconds.
		const start = receiver.arrivals.size;
		const began = performance.now();
		let made = 0;
		await Promise.all(
			users.map(async (user) => {
				while (performance.now() - began < 5000) {
					await lockUser(deps, user, "operator:bench", "");
					made++;
					await unlockUser(deps, user, "operator:bench", "");
					// node:sqlite answers at once: without a turn of the event loop, pushes (and the receiver) would wait.
					await new Promise((resolve) => setImmediate(resolve));
				}
			}),
		);
		const last = await receiver.count(start + made);
		console.log(`16 accounts side by side: ${made} SETs in ${((last - began) / 1000).toFixed(1)} s, ${(made / ((last - began) / 1000)).toFixed(0)} SETs/s accepted`);
	} finally {
		await tessera.close();
		await receiver.close();
		await database.drop();
	}
}

function startInstance(env: Record<string, string>, port: number): Promise<{ base: string; stop(): Promise<void> }> {
	const child = spawn(process.execPath, ["src/main.ts"], { cwd: ROOT, env: { ...process.env, ...env, HOST: "127.0.0.1", PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
	const exited = new Promise((r) => child.once("exit", r));
	const base = `http://127.0.0.1:${port}`;
	return (async () => {
		for (let i = 0; i < 300; i++) {
			try {
				if ((await fetch(`${base}/readyz`)).status === 200) break;
			} catch {}
			await new Promise((r) => setTimeout(r, 100));
		}
		return {
			base,
			async stop() {
				child.kill("SIGTERM");
				await exited;
			},
		};
	})();
}

async function instances(count: number): Promise<void> {
	const database = await newDatabase("postgres");
	const receiver = await startReceiver();
	const env = { DATABASE_URL: database.url!, TESSERA_SECRET: SECRET.toString("hex"), TESSERA_PUBLIC_URL: "https://id.bench.example", TESSERA_DELIVERY: "outbox", TESSERA_LOG_LEVEL: "warn", TESSERA_LIMIT_SIGNUP_ADDRESS: "1000000/1h", TESSERA_DATA_DIR: database.dataDir };
	// This process only records: it sends nothing (its transmitter is not started), like an instance that died.
	const deps = await createFlowDeps({ config: loadConfig(env), store: database.store, secret: SECRET, logger: createLogger("warn", process.stderr) });
	const running: { base: string; stop(): Promise<void> }[] = [];
	try {
		for (let i = 0; i < count; i++) running.push(await startInstance(env, await freePort()));
		// The backlog waits on a paused stream; enabled, every instance's sweep takes a share.
		const stream = await addStream(deps, { audience: ["https://bench.example"], push: { url: receiver.url }, events: [eventTypes["account-disabled"], eventTypes["credential-change"]] });
		await changeStreamStatus(deps, stream.streamId, { status: "paused", by: "receiver" });
		const account = "00000000000000000000000000000000";
		for (let i = 0; i < BACKLOG; i += 100) {
			await deps.db.transaction().execute(async (tx) => {
				for (let j = i; j < Math.min(BACKLOG, i + 100); j++) await recordEvent(deps, tx, { accountId: account, kind: "account_locked", actor: "operator:bench" });
			});
		}
		const enabled = performance.now();
		await changeStreamStatus(deps, stream.streamId, { status: "enabled", by: "receiver" });
		const last = await receiver.count(BACKLOG, 120_000);
		console.log(`\n### ${count} instance${count > 1 ? "s" : ""} on PostgreSQL\n`);
		console.log(`backlog of ${BACKLOG} SETs on a stream enabled again: all accepted in ${((last - enabled) / 1000).toFixed(1)} s, ${(BACKLOG / ((last - enabled) / 1000)).toFixed(0)} SETs/s (the instances look every second)`);

		// Password changes through the instances in turn: from the answer to the receiver.
		const users: { base: string; token: string }[] = [];
		for (let i = 0; i < 20; i++) {
			const base = running[i % running.length]!.base;
			const r = await fetch(`${base}/api/v1/accounts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: `ssf_i${count}_${i}`, password: PASSWORD }) });
			const body = (await r.json()) as { session: { token: string } };
			users.push({ base, token: body.session.token });
		}
		const latencies: number[] = [];
		const samples = Math.min(SAMPLES, 100);
		let password = PASSWORD;
		for (let i = 0; i < samples; i++) {
			const user = users[i % users.length]!;
			const current = i < users.length ? PASSWORD : `${PASSWORD} ${Math.floor(i / users.length) - 1}`;
			password = `${PASSWORD} ${Math.floor(i / users.length)}`;
			const before = receiver.arrivals.size;
			const r = await fetch(`${user.base}/api/v1/account/password`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${user.token}` }, body: JSON.stringify({ currentPassword: current, newPassword: password }) });
			const answered = performance.now();
			if (r.status !== 200) throw new Error(`password change: ${r.status} ${await r.text()}`);
			const arrived = await receiver.count(before + 1);
			latencies.push(arrived - answered);
		}
		console.log(`password change answered → receiver, one at a time through the instances in turn (${samples}): p50 ${ms(quantile(latencies, 0.5))}, p99 ${ms(quantile(latencies, 0.99))}`);
	} finally {
		for (const instance of running) await instance.stop();
		deps.delivery.close();
		await receiver.close();
		await database.drop();
	}
}

await inProcess("sqlite");
await inProcess("postgres");
await instances(1);
await instances(3);
