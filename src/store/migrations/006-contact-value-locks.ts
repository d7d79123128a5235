import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * One row per address ever verified, locked while an account proves it, so
 * two accounts proving the same phone number at once are judged one after the
 * other against TESSERA_PHONE_ACCOUNTS_MAX.
 */
export const contactValueLocks: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable("contact_value_locks")
			.addColumn("kind", "text", (c) => c.notNull())
			.addColumn("value", "text", (c) => c.notNull())
			.addPrimaryKeyConstraint("contact_value_locks_pk", ["kind", "value"])
			.execute();
	},
};
