import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/** Browsers and apps a person chose to trust: sign-ins from them skip the second step for a while. */
export const trustedDevices: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable("trusted_devices")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("token_hash", "text", (c) => c.notNull().unique())
			.addColumn("label", "text", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("last_used_at", "bigint", (c) => c.notNull())
			.addColumn("expires_at", "bigint", (c) => c.notNull())
			.execute();
		await db.schema.createIndex("trusted_devices_account").on("trusted_devices").column("account_id").execute();
	},
};
