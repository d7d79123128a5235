import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";

/** Email addresses and phone numbers, and the one-time codes sent to them. */
export const contactsAndCodes: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable("contacts")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("kind", "text", (c) => c.notNull())
			.addColumn("value", "text", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("verified_at", "bigint")
			.addUniqueConstraint("contacts_account_kind_value", ["account_id", "kind", "value"])
			.execute();
		await db.schema.createIndex("contacts_kind_value").on("contacts").columns(["kind", "value"]).execute();
		// One verified address of each kind per account; a verified email signs in, so it belongs to one account.
		await db.schema
			.createIndex("contacts_one_verified_per_kind")
			.on("contacts")
			.columns(["account_id", "kind"])
			.unique()
			.where(sql.ref("verified_at"), "is not", null)
			.execute();
		await db.schema
			.createIndex("contacts_verified_email_unique")
			.on("contacts")
			.column("value")
			.unique()
			.where(sql<boolean>`verified_at is not null and kind = 'email'`)
			.execute();

		await db.schema
			.createTable("one_time_codes")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("purpose", "text", (c) => c.notNull())
			.addColumn("channel", "text", (c) => c.notNull())
			.addColumn("contact_id", "text", (c) => c.references("contacts.id").onDelete("cascade"))
			.addColumn("challenge_id", "text", (c) => c.references("login_challenges.id").onDelete("cascade"))
			.addColumn("code_hash", "text", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("expires_at", "bigint", (c) => c.notNull())
			.addColumn("used_at", "bigint")
			.addColumn("superseded_at", "bigint")
			.execute();
		await db.schema.createIndex("one_time_codes_account").on("one_time_codes").columns(["account_id", "purpose"]).execute();
	},
};
