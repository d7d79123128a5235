import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Moving the authenticator to a new phone: the new key waits beside the one in
 * use, sealed like it, until a code from the new app is confirmed; then it takes
 * the old one's place in the same write. Until then the old key keeps working.
 */
export const authenticatorReplacement: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable("totp_credentials").addColumn("replacement_sealed", "text").execute();
		await db.schema.alterTable("totp_credentials").addColumn("replacement_created_at", "bigint").execute();
	},
};
