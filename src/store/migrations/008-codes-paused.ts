import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * After a password reset, codes sent by email or SMS stop counting as a second
 * step (and as proof for recovery) until this time: whoever reset the password
 * controls one of those channels.
 */
export const codesPaused: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable("accounts").addColumn("codes_paused_until", "bigint").execute();
	},
};
