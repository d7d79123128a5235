import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * The account's language and time zone: its emails, texts and alerts are written
 * in them, and its pages use them when the browser has not said otherwise.
 * Null until known (English and UTC until then).
 */
export const accountLanguage: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable("accounts").addColumn("language", "text").execute();
		await db.schema.alterTable("accounts").addColumn("time_zone", "text").execute();
	},
};
