/**
 * npm run bench:webhooks — signed webhooks, measured in one run:
 *
 *  1. Events delivered per second: a backlog of messages owed to one endpoint
 *     (written by the statement a change uses) drained by one Tessera process on
 *     SQLite and on PostgreSQL, and by three on PostgreSQL, to a receiver on
 *     loopback. Rate from the first arrival to the last.
 *  2. Change → receiver: sign-ins from new devices (each records
 *     `signin.new_device` in its transaction) through the API of one process,
 *     then of three behind the bench's own round robin; the time from the event's
 *     timestamp (taken in the change's transaction) to its arrival, p50 and p99.
 *  3. What a sign-in pays: the same sign-ins with one endpoint registered and
 *     with none, taking turns in rounds, one process on PostgreSQL (requests/s and
 *     p50); and the recording alone, in this process (the event and its messages
 *     in one transaction), with and without an endpoint, on both databases.
 *
 * Everything runs on this machine: the processes, the database, the receiver and
 * the load. Ratios from one run are what to read; absolute numbers move with the
 * machine.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { loadConfig } from "../src/config.ts";
import { recordEvent } from "../src/flows/events.ts";
import { Webhooks } from "../src/flows/webhook-sender.ts";
import { addEndpoint, removeEndpoint, webhookBody } from "../src/flows/webhooks.ts";
import type { FlowDeps } from "../src/flows/deps.ts";
import { createLogger } from "../src/logger.ts";
import { createFlowDeps } from "../src/server.ts";
import { openPostgres, openSqlite, type Store } from "../src/store/db.ts";
import { insertDeliveries } from "../src/store/webhooks.ts";
import { Instance } from "../test/helpers/cluster.ts";

const POSTGRES = process.env["BENCH_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const BACKLOG = Number(process.env["BENCH_WEBHOOK_BACKLOG"] ?? 3000);
const SIGN_INS = Number(process.env["BENCH_WEBHOOK_SIGN_INS"] ?? 300);
const ROUND_SECONDS = Number(process.env["BENCH_WEBHOOK_ROUND_SECONDS"] ?? 3);
const ROUNDS = Number(process.env["BENCH_WEBHOOK_ROUNDS"] ?? 8);
const RECORDINGS = Number(process.env["BENCH_WEBHOOK_RECORDINGS"] ?? 1000);
const PASSWORD = "correct horse battery staple 7";
const quiet = createLogger("silent", new Writable({ write: (_c, _e, done) => done() }));

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/** A receiver that checks every signature and notes when each message arrived, and how late. */
async function startReceiver() {
	const arrivals: { id: string; at: number; lateMs: number }[] = [];
	let verifier: Webhook | undefined;
	let badSignatures = 0;
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on("data", (c: Buffer) => chunks.push(c));
		request.on("end", () => {
			const at = Date.now();
			const body = Buffer.concat(chunks).toString("utf8");
			const headers = { "webhook-id": String(request.headers["webhook-id"]), "webhook-timestamp": String(request.headers["webhook-timestamp"]), "webhook-signature": String(request.headers["webhook-signature"]) };
			try {
				verifier?.verify(body, headers);
			} catch {
				badSignatures++;
			}
			const { timestamp } = JSON.parse(body) as { timestamp: string };
			arrivals.push({ id: headers["webhook-id"], at, lateMs: at - Date.parse(timestamp) });
			response.writeHead(204).end();
		});
	});
	server.keepAliveTimeout = 30_000;
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
		arrivals,
		verifyWith(secret: string) {
			verifier = new Webhook(secret);
		},
		get badSignatures() {
			return badSignatures;
		},
		async waitFor(count: number, timeoutMs: number) {
			const deadline = Date.now() + timeoutMs;
			while (arrivals.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
			if (arrivals.length < count) throw new Error(`only ${arrivals.length} of ${count} webhooks arrived`);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

interface Setup {
	kind: "sqlite" | "postgres";
	env: Record<string, string>;
	store: Store;
	deps: FlowDeps;
	drop(): Promise<void>;
}

/** A fresh database, migrated, with the flows of this process on it (to add endpoints and write backlogs). */
async function setUp(kind: "sqlite" | "postgres"): Promise<Setup> {
	const secret = randomBytes(32);
	const dataDir = mkdtempSync(join(tmpdir(), "tessera-bench-webhooks-"));
	const env: Record<string, string> = {
		TESSERA_SECRET: secret.toString("hex"),
		TESSERA_DATA_DIR: dataDir,
		TESSERA_DELIVERY: "outbox",
		TESSERA_LOG_LEVEL: "info",
		TESSERA_TRUST_PROXY: "1",
		TESSERA_LIMIT_SIGNUP_ADDRESS: "1000000/1h",
		TESSERA_LIMIT_PASSWORD_ACCOUNT: "1000000/15m",
		TESSERA_LIMIT_PASSWORD_ADDRESS: "1000000/15m",
	};
	let store: Store;
	let dropDatabase = async () => {};
	if (kind === "postgres") {
		const name = `tessera_bench_webhooks_${randomBytes(4).toString("hex")}`;
		const admin = new pg.Client({ connectionString: POSTGRES });
		await admin.connect();
		await admin.query(`create database ${name}`);
		await admin.end();
		const url = new URL(POSTGRES);
		url.pathname = `/${name}`;
		env["DATABASE_URL"] = url.toString();
		store = openPostgres(url.toString());
		dropDatabase = async () => {
			const c = new pg.Client({ connectionString: POSTGRES });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		};
	} else {
		store = openSqlite(join(dataDir, "tessera.db"));
	}
	const config = loadConfig(env);
	const deps = await createFlowDeps({ config, store, secret, logger: quiet });
	return {
		kind,
		env,
		store,
		deps,
		async drop() {
			await deps.webhooks.close();
			await deps.attempts.close();
			await store.close();
			await dropDatabase();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

async function startInstances(setup: Setup, count: number): Promise<Instance[]> {
	const instances = Array.from({ length: count }, (_, i) => new Instance(`bench-webhooks-${i}`, setup.env));
	await Promise.all(instances.map((i) => i.ready()));
	return instances;
}

async function stopAll(instances: Instance[]): Promise<void> {
	await Promise.all(instances.map((i) => i.stop()));
}

/** 1. A backlog written in one transaction, drained by `count` processes: messages per second, first arrival to last. */
async function drainRate(setup: Setup, receiver: Receiver, count: number): Promise<{ perSecond: number; duplicates: number }> {
	const instances = await startInstances(setup, count);
	try {
		receiver.arrivals.length = 0;
		const now = Date.now();
		await setup.store.db.transaction().execute(async (tx) => {
			for (let i = 0; i < BACKLOG; i++) {
				const id = `bench${now.toString(36)}${i.toString(36).padStart(5, "0")}${count}`;
				const event = { id, accountId: "bench", kind: "account_locked" as const, method: null, actor: "operator:bench", ip: null, device: null, detail: {}, createdAt: now };
				await insertDeliveries(tx, { id: `msg_${id}`, type: "account.locked", payload: webhookBody(event, { type: "account.locked", data: {} }), now, expiresAt: now + 86_400_000 });
			}
		});
		await receiver.waitFor(BACKLOG, 300_000);
		await new Promise((r) => setTimeout(r, 1_500));
		const times = receiver.arrivals.map((a) => a.at);
		const span = (Math.max(...times) - Math.min(...times)) / 1000;
		const ids = new Set(receiver.arrivals.map((a) => a.id));
		return { perSecond: (BACKLOG - 1) / span, duplicates: receiver.arrivals.length - ids.size };
	} finally {
		await stopAll(instances);
	}
}

let ipCounter = 0;
/** An address never seen before: the sign-in is from a new device. */
function freshAddress(): string {
	ipCounter++;
	return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

async function request(base: string, path: string, body: unknown, ip: string): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${base}/api/v1${path}`, {
		method: "POST",
		headers: { "content-type": "application/json", "x-forwarded-for": ip, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" },
		body: JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function makeAccounts(base: string, count: number): Promise<string[]> {
	const names: string[] = [];
	for (let i = 0; i < count; i++) {
		const username = `wh_${process.pid}_${randomBytes(3).toString("hex")}_${i}`;
		const made = await request(base, "/accounts", { username, password: PASSWORD }, freshAddress());
		if (made.status !== 201) throw new Error(`sign-up: ${made.status} ${JSON.stringify(made.json)}`);
		names.push(username);
	}
	return names;
}

/** Sign-ins from new devices, `width` at a time, spread over `bases`; each one's time. */
async function signIns(bases: string[], accounts: string[], until: { count?: number; ms?: number }, width = 4): Promise<number[]> {
	const times: number[] = [];
	const deadline = until.ms ? performance.now() + until.ms : Number.POSITIVE_INFINITY;
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while ((until.count === undefined || next < until.count) && performance.now() < deadline) {
				const i = next++;
				const t0 = performance.now();
				const done = await request(bases[i % bases.length]!, "/sessions", { username: accounts[i % accounts.length], password: PASSWORD }, freshAddress());
				if (done.status !== 201) throw new Error(`sign-in: ${done.status} ${JSON.stringify(done.json)}`);
				times.push(performance.now() - t0);
			}
		}),
	);
	return times;
}

/** 2. Change → receiver, sign-ins from new devices through `count` processes. */
async function changeToReceiver(setup: Setup, receiver: Receiver, count: number) {
	const instances = await startInstances(setup, count);
	try {
		const bases = instances.map((i) => i.url);
		const accounts = await makeAccounts(bases[0]!, 16);
		receiver.arrivals.length = 0;
		const started = performance.now();
		await signIns(bases, accounts, { count: SIGN_INS });
		await receiver.waitFor(SIGN_INS, 60_000);
		const seconds = (performance.now() - started) / 1000;
		const late = receiver.arrivals.map((a) => a.lateMs);
		return { p50: percentile(late, 50), p99: percentile(late, 99), perSecond: SIGN_INS / seconds, duplicates: receiver.arrivals.length - new Set(receiver.arrivals.map((a) => a.id)).size };
	} finally {
		await stopAll(instances);
	}
}

/** CPU seconds (user + system, every thread) a process has used so far; undefined off Linux. */
function cpuSeconds(pid: number | undefined): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return undefined;
	}
}

/** 3a. The same sign-ins with one endpoint and with none, taking turns: rate, p50 and the server's CPU per sign-in. */
async function signInCost(setup: Setup, receiver: Receiver) {
	const [instance] = await startInstances(setup, 1);
	try {
		const accounts = await makeAccounts(instance!.url, 16);
		const sides = { none: { times: [] as number[], ms: 0, cpu: 0 }, endpoint: { times: [] as number[], ms: 0, cpu: 0 } };
		for (let round = 0; round < ROUNDS; round++) {
			for (const side of (round % 2 ? ["endpoint", "none"] : ["none", "endpoint"]) as ("none" | "endpoint")[]) {
				const endpoint = side === "endpoint" ? await addEndpoint(setup.deps, { url: receiver.url }) : undefined;
				if (endpoint) receiver.verifyWith(endpoint.secret);
				const t0 = performance.now();
				const cpu0 = cpuSeconds(instance!.child.pid);
				sides[side].times.push(...(await signIns([instance!.url], accounts, { ms: ROUND_SECONDS * 1000 })));
				// The round's messages are sent (and their CPU counted) before it ends.
				if (endpoint) await new Promise((r) => setTimeout(r, 300));
				sides[side].cpu += (cpuSeconds(instance!.child.pid) ?? Number.NaN) - (cpu0 ?? Number.NaN);
				sides[side].ms += performance.now() - t0;
				if (endpoint) await removeEndpoint(setup.deps, endpoint.id);
			}
		}
		const rate = (s: { times: number[]; ms: number }) => s.times.length / (s.ms / 1000);
		const cpuMs = (s: { times: number[]; cpu: number }) => (1000 * s.cpu) / s.times.length;
		const view = (s: typeof sides.none) => ({ rate: rate(s), p50: percentile(s.times, 50), cpuMs: cpuMs(s) });
		return { none: view(sides.none), endpoint: view(sides.endpoint) };
	} finally {
		await stopAll([instance!]);
	}
}

/**
 * 3b. The recording: a new-device sign-in's event and its messages in one
 * transaction, in this process, whose sender runs as an instance's does (on
 * PostgreSQL, listening for commits); then with its sender stopped, the
 * recording alone.
 */
async function recordingCost(setup: Setup, receiver: Receiver) {
	const client = { ip: "10.9.9.9", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" };
	const sender = new Webhooks(setup.deps, quiet, setup.store.url);
	sender.start();
	// Listening (PostgreSQL) takes a moment to connect.
	await new Promise((r) => setTimeout(r, 500));
	const deps: FlowDeps = { ...setup.deps, webhooks: sender };
	const once = async () => {
		const t0 = performance.now();
		await deps.db.transaction().execute((tx) => recordEvent(deps, tx, { accountId: "bench", kind: "signed_in", method: "password", client, detail: { newDevice: true } }));
		return performance.now() - t0;
	};
	const measure = async () => {
		const sides = { none: [] as number[], endpoint: [] as number[] };
		for (let i = 0; i < 50; i++) await once(); // warm up
		for (let round = 0; round < ROUNDS; round++) {
			for (const side of (round % 2 ? ["endpoint", "none"] : ["none", "endpoint"]) as ("none" | "endpoint")[]) {
				const endpoint = side === "endpoint" ? await addEndpoint(setup.deps, { url: receiver.url }) : undefined;
				if (endpoint) receiver.verifyWith(endpoint.secret);
				for (let i = 0; i < RECORDINGS / ROUNDS; i++) sides[side].push(await once());
				await sender.drain();
				if (endpoint) await removeEndpoint(setup.deps, endpoint.id);
			}
		}
		return { none: percentile(sides.none, 50), endpoint: percentile(sides.endpoint, 50), none99: percentile(sides.none, 99), endpoint99: percentile(sides.endpoint, 99) };
	};
	// This process sends what it records, as an instance does.
	const sending = await measure();
	// Its sender stopped: the recording alone (the messages wait for other instances).
	await sender.close();
	const alone = await measure();
	return { sending, alone };
}

export async function benchWebhooks(): Promise<void> {
	const receiver = await startReceiver();
	const rows: string[] = [];
	const latency: string[] = [];
	const costs: string[] = [];
	const recording: string[] = [];
	let postgresReachable = true;
	try {
		const c = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 2000 });
		await c.connect();
		await c.end();
	} catch {
		postgresReachable = false;
	}
	const plans: { kind: "sqlite" | "postgres"; instances: number }[] = [{ kind: "sqlite", instances: 1 }];
	if (postgresReachable) plans.push({ kind: "postgres", instances: 1 }, { kind: "postgres", instances: 3 });

	for (const plan of plans) {
		const setup = await setUp(plan.kind);
		try {
			const endpoint = await addEndpoint(setup.deps, { url: receiver.url });
			receiver.verifyWith(endpoint.secret);
			const drained = await drainRate(setup, receiver, plan.instances);
			const changed = await changeToReceiver(setup, receiver, plan.instances);
			const label = `${plan.kind}, ${plan.instances} process${plan.instances > 1 ? "es" : ""}`;
			rows.push(`| ${label} | ${f(drained.perSecond, 0)} | ${drained.duplicates} |`);
			latency.push(`| ${label} | ${f(changed.perSecond, 1)} | ${f(changed.p50)} | ${f(changed.p99)} | ${changed.duplicates} |`);
			await removeEndpoint(setup.deps, endpoint.id);
			if (plan.instances === 1) {
				const { sending, alone } = await recordingCost(setup, receiver);
				for (const [what, rec] of [
					["recording alone", alone],
					["recording, and sending in the same process", sending],
				] as const) {
					recording.push(`| ${plan.kind}: ${what} | ${f(rec.none, 3)} | ${f(rec.endpoint, 3)} | ${f(rec.endpoint / rec.none, 2)} | ${f(rec.none99, 3)} | ${f(rec.endpoint99, 3)} |`);
				}
			}
			if (plan.kind === "postgres" && plan.instances === 1) {
				const cost = await signInCost(setup, receiver);
				costs.push(
					`| ${plan.kind}, 1 process | ${f(cost.none.rate)} | ${f(cost.endpoint.rate)} | ${f(cost.endpoint.rate / cost.none.rate, 3)} | ${f(cost.none.p50)} | ${f(cost.endpoint.p50)} | ${f(cost.endpoint.p50 / cost.none.p50, 3)} | ${f(cost.none.cpuMs, 2)} | ${f(cost.endpoint.cpuMs, 2)} | ${f(cost.endpoint.cpuMs / cost.none.cpuMs, 3)} |`,
				);
			}
		} finally {
			await setup.drop();
		}
	}
	const bad = receiver.badSignatures;
	await receiver.close();

	console.log(`\n## Webhooks (npm run bench:webhooks)`);
	console.log(`\nEvents delivered per second: a backlog of ${BACKLOG} messages to one endpoint, first arrival to last.`);
	console.log("| set-up | messages/s | received twice |");
	console.log("|---|---:|---:|");
	for (const row of rows) console.log(row);
	console.log(`\nChange → receiver: ${SIGN_INS} sign-ins from new devices, 4 at a time; from the event's timestamp (in the change's transaction) to arrival.`);
	console.log("| set-up | sign-ins/s | p50 ms | p99 ms | received twice |");
	console.log("|---|---:|---:|---:|---:|");
	for (const row of latency) console.log(row);
	if (costs.length) {
		console.log(`\nWhat a sign-in pays: new-device sign-ins, 4 at a time, ${ROUNDS} rounds of ${ROUND_SECONDS} s each side, taking turns.`);
		console.log("| set-up | sign-ins/s, no endpoint | sign-ins/s, one endpoint | ratio | p50 ms, none | p50 ms, one | ratio | server CPU ms a sign-in, none | one | ratio |");
		console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (const row of costs) console.log(row);
	}
	console.log(`\nThe recording: a new-device sign-in's event and its webhook messages in one transaction, ${RECORDINGS} each side, in this process.`);
	console.log("| database | p50 ms, no endpoint | p50 ms, one endpoint | ratio | p99 ms, none | p99 ms, one |");
	console.log("|---|---:|---:|---:|---:|---:|");
	for (const row of recording) console.log(row);
	console.log(`\nSignatures that did not verify (standardwebhooks): ${bad}.`);
	if (bad > 0) process.exitCode = 1;
}

if (import.meta.main) await benchWebhooks();
