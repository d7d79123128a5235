import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * What the console's lists read without walking whole tables:
 * - the audit log filtered by kind, newest first: (kind, created_at);
 * - the reports of accounts with two-factor off and of locked accounts, in
 *   username order: partial indexes holding only those accounts, so a page and
 *   a count read only what they list.
 */
export const consoleLists: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.createIndex("security_events_kind").on("security_events").columns(["kind", "created_at"]).execute();
		await db.schema
			.createIndex("accounts_two_factor_off")
			.on("accounts")
			.column("username")
			.where(sql.ref("two_factor_enabled"), "=", sql.lit(0))
			.execute();
		await db.schema.createIndex("accounts_locked").on("accounts").column("username").where(sql.ref("locked_at"), "is not", null).execute();
	},
};
