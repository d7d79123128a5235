import { type Kysely, PostgresAdapter, sql } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * The console's username search reads a range of usernames in byte order
 * (`username >= prefix and username < successor`). SQLite's unique index on
 * username already compares bytes. On PostgreSQL the unique index follows the
 * database's collation, which may order by language rules (where "a_b" need not
 * fall between "a_" and "a`"): an index in the "C" collation (byte order) holds
 * the range, whatever the database's collation.
 */
export const usernamePrefix: Migration = {
	async up(db: Kysely<unknown>) {
		if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
		await sql`create index accounts_username_bytes on accounts (username collate "C")`.execute(db);
	},
};
