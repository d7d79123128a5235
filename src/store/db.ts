import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import pg from "pg";
import { initial } from "./migrations/001-initial.ts";
import { contactsAndCodes } from "./migrations/002-contacts-and-codes.ts";
import { trustedDevices } from "./migrations/003-trusted-devices.ts";
import { passkeys } from "./migrations/004-passkeys.ts";
import { challengePurpose } from "./migrations/005-challenge-purpose.ts";
import { contactValueLocks } from "./migrations/006-contact-value-locks.ts";
import { recoveryAndEvents } from "./migrations/007-recovery-and-events.ts";
import { codesPaused } from "./migrations/008-codes-paused.ts";
import { durableAlerts } from "./migrations/009-durable-alerts.ts";
import { linksBoundToAddresses } from "./migrations/010-links-bound-to-addresses.ts";
import { sessionAuthentication } from "./migrations/011-session-authentication.ts";
import { openIdConnect } from "./migrations/012-openid-connect.ts";
import { stepUpSession } from "./migrations/013-step-up-session.ts";
import { accountLanguage } from "./migrations/014-account-language.ts";
import { authenticatorReplacement } from "./migrations/015-authenticator-replacement.ts";
import { webhooks } from "./migrations/016-webhooks.ts";
import { sharedSignals } from "./migrations/017-shared-signals.ts";
import { consoleLists } from "./migrations/018-console-lists.ts";
import { usernamePrefix } from "./migrations/019-username-prefix.ts";
import { NodeSqliteDatabase } from "./node-sqlite.ts";
import type { Schema } from "./schema.ts";

export type Db = Kysely<Schema>;

export interface Store {
	db: Db;
	kind: "sqlite" | "postgres";
	/** Where the data lives, for messages: a file path or the PostgreSQL database name. */
	location: string;
	/**
	 * For writes that may be lost if the database server itself crashes, in
	 * exchange for not waiting on its disk: attempt counters. On PostgreSQL its
	 * connections commit without waiting for the write-ahead log to be flushed
	 * (synchronous_commit off); everything else keeps full durability. On SQLite
	 * it is `db`.
	 */
	relaxedDb: Db;
	/** PostgreSQL: the connection string, for a connection of its own (webhooks LISTEN on one). */
	url?: string;
	close(): Promise<void>;
}

export const migrations: Record<string, Migration> = {
	"001-initial": initial,
	"002-contacts-and-codes": contactsAndCodes,
	"003-trusted-devices": trustedDevices,
	"004-passkeys": passkeys,
	"005-challenge-purpose": challengePurpose,
	"006-contact-value-locks": contactValueLocks,
	"007-recovery-and-events": recoveryAndEvents,
	"008-codes-paused": codesPaused,
	"009-durable-alerts": durableAlerts,
	"010-links-bound-to-addresses": linksBoundToAddresses,
	"011-session-authentication": sessionAuthentication,
	"012-openid-connect": openIdConnect,
	"013-step-up-session": stepUpSession,
	"014-account-language": accountLanguage,
	"015-authenticator-replacement": authenticatorReplacement,
	"016-webhooks": webhooks,
	"017-shared-signals": sharedSignals,
	"018-console-lists": consoleLists,
	"019-username-prefix": usernamePrefix,
};


export async function openStore(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Store> {
	if (options.databaseUrl) return openPostgres(options.databaseUrl);
	mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
	return openSqlite(join(options.dataDir, "tessera.db"));
}

export function openSqlite(path: string): Store {
	const database = new NodeSqliteDatabase(path);
	const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
	return {
		db,
		relaxedDb: db,
		kind: "sqlite",
		location: path,
		close: () => db.destroy(),
	};
}

/**
 * A pg client that names every query Kysely sends with parameters, after its
 * text: PostgreSQL then parses and plans each distinct statement once per
 * connection instead of at every call. Kysely's queries are a small, fixed
 * set, so the named statements stay few.
 */
class PreparingClient extends pg.Client {
	/** Each statement's name, by its text, so a query costs a lookup and not a hash (shared by every connection). */
	static readonly names = new Map<string, string>();

	override query(...args: unknown[]): never {
		const [text, values] = args;
		if (typeof text === "string" && Array.isArray(values) && /^\s*(select|insert|update|delete|with)\b/i.test(text)) {
			let name = PreparingClient.names.get(text);
			if (name === undefined) {
				name = `k${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
				// Kysely's queries are a small, fixed set; a bound keeps any surprise from growing it forever.
				if (PreparingClient.names.size >= 2000) PreparingClient.names.clear();
				PreparingClient.names.set(text, name);
			}
			return (super.query as (...a: unknown[]) => never)({ name, text, values }, ...args.slice(2));
		}
		return (super.query as (...a: unknown[]) => never)(...args);
	}
}

export function openPostgres(url: string, poolSize = 10): Store {
	const types = {
		getTypeParser: (oid: number, format?: "text" | "binary") =>
			// int8 (20) holds our millisecond timestamps: well inside 2^53, so a number.
			oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as "text"),
	};
	const pool = new pg.Pool({ connectionString: url, max: poolSize, types, Client: PreparingClient });
	const relaxedPool = new pg.Pool({
		connectionString: url,
		max: Math.max(2, Math.ceil(poolSize / 2)),
		types,
		options: "-c synchronous_commit=off",
		Client: PreparingClient,
	});
	for (const p of [pool, relaxedPool]) {
		p.on("error", () => {
			// An idle client lost its connection; the pool replaces it. Queries in flight get their own error.
		});
	}
	const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
	const relaxedDb = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: relaxedPool }) });
	return {
		db,
		relaxedDb,
		kind: "postgres",
		url,
		location: new URL(url).pathname.slice(1) || "postgres",
		close: async () => {
			await relaxedDb.destroy();
			await db.destroy();
		},
	};
}

/**
 * Brings the schema up to date: the project's migrations, then those of registered methods
 * (`methodMigrations`, named after their method). Safe to run from several instances at once:
 * Kysely's migrator takes a lock. A method's migrations may sort before a later one of the
 * project's, so their order is by name within each, not across.
 */
export async function migrate(store: Store, methodMigrations: Record<string, Migration> = {}): Promise<string[]> {
	for (const name of Object.keys(methodMigrations)) {
		if (name in migrations) throw new Error(`A method's migration is named like one of the project's: ${name}`);
	}
	const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations, ...methodMigrations }) };
	const migrator = new Migrator({ db: store.db, provider, allowUnorderedMigrations: Object.keys(methodMigrations).length > 0 });
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
	return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
