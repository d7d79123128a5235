import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openPostgres, openSqlite, type Store } from "../../src/store/db.ts";

export type DatabaseKind = "sqlite" | "postgres";

/** The server every PostgreSQL suite uses: CI's service by default. */
export const POSTGRES_ADMIN_URL = process.env["TESSERA_TEST_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

let postgresReachable: Promise<boolean> | undefined;

/**
 * Whether the server answers. Under CI=true, where an unreachable server fails the suite, it
 * is asked three times with a generous timeout: a test file that starts many processes at once
 * can keep this one from connecting within a few seconds on a small machine.
 */
async function canReachPostgres(): Promise<boolean> {
	const tries = process.env["CI"] === "true" ? 3 : 1;
	for (let attempt = 1; attempt <= tries; attempt++) {
		const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 10_000 });
		try {
			await client.connect();
			await client.query("select 1");
			return true;
		} catch {
			if (attempt === tries) return false;
		} finally {
			await client.end().catch(() => {});
		}
	}
	return false;
}

/**
 * The databases a suite runs on. PostgreSQL is mandatory under CI=true: if it
 * cannot be reached there, the suite fails loudly. Elsewhere a machine without
 * PostgreSQL runs the SQLite half and says so.
 */
export async function databaseKinds(): Promise<DatabaseKind[]> {
	postgresReachable ??= canReachPostgres();
	if (await postgresReachable) return ["sqlite", "postgres"];
	if (process.env["CI"] === "true") {
		throw new Error(`PostgreSQL is required under CI=true but ${POSTGRES_ADMIN_URL} cannot be reached.`);
	}
	console.warn(`\n*** PostgreSQL at ${POSTGRES_ADMIN_URL} is not reachable: its suites are NOT run on this machine. ***\n`);
	return ["sqlite"];
}

/** The Redis every Redis suite uses: CI's service by default. */
export const REDIS_URL = process.env["TESSERA_TEST_REDIS_URL"] ?? "redis://127.0.0.1:6379";

let redisReachable: Promise<boolean> | undefined;

async function canReachRedis(): Promise<boolean> {
	const { Redis } = await import("ioredis");
	const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 10_000, retryStrategy: () => null });
	client.on("error", () => {});
	try {
		await client.connect();
		return (await client.ping()) === "PONG";
	} catch {
		return false;
	} finally {
		client.disconnect();
	}
}

/**
 * How a suite can count attempts: in the database, and, where Redis can be
 * reached, in Redis on PostgreSQL (the several-instance set-up). Redis is
 * mandatory under CI=true, like PostgreSQL.
 */
export async function counterSetups(): Promise<{ kind: DatabaseKind; env: Record<string, string>; label: string }[]> {
	const setups: { kind: DatabaseKind; env: Record<string, string>; label: string }[] = (await databaseKinds()).map((kind) => ({
		kind,
		env: {},
		label: kind,
	}));
	redisReachable ??= canReachRedis();
	if (await redisReachable) {
		if (setups.some((s) => s.kind === "postgres")) setups.push({ kind: "postgres", env: { REDIS_URL }, label: "postgres + redis" });
		return setups;
	}
	if (process.env["CI"] === "true") throw new Error(`Redis is required under CI=true but ${REDIS_URL} cannot be reached.`);
	console.warn(`\n*** Redis at ${REDIS_URL} is not reachable: its suites are NOT run on this machine. ***\n`);
	return setups;
}

export interface ThrowawayDatabase {
	store: Store;
	/** Where the data lives: the SQLite file, or the PostgreSQL database name. */
	location: string;
	/** A connection string for another process (PostgreSQL), or the SQLite data folder. */
	url: string;
	/** A fresh data folder (the outbox, the key file), whatever the database. */
	dataDir: string;
	drop(): Promise<void>;
}

/** A fresh, empty database of the given kind, removed again by `drop()`. */
export async function throwawayDatabase(kind: DatabaseKind): Promise<ThrowawayDatabase> {
	if (kind === "sqlite") {
		const dir = mkdtempSync(join(tmpdir(), "tessera-test-"));
		const path = join(dir, "tessera.db");
		const store = openSqlite(path);
		return {
			store,
			location: path,
			url: dir,
			dataDir: dir,
			async drop() {
				await store.close().catch(() => {});
				rmSync(dir, { recursive: true, force: true });
			},
		};
	}
	const name = `tessera_test_${randomBytes(6).toString("hex")}`;
	const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(POSTGRES_ADMIN_URL);
	url.pathname = `/${name}`;
	const store = openPostgres(url.toString(), 20);
	const dataDir = mkdtempSync(join(tmpdir(), "tessera-test-"));
	return {
		store,
		location: name,
		url: url.toString(),
		dataDir,
		async drop() {
			await store.close().catch(() => {});
			rmSync(dataDir, { recursive: true, force: true });
			const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
			await client.connect();
			await client.query(`drop database if exists ${name} with (force)`);
			await client.end();
		},
	};
}
