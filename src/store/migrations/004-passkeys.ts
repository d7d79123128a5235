import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/** Passkeys, and the single-use WebAuthn challenges that register and use them. */
export const passkeys: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable("passkeys")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("credential_id", "text", (c) => c.notNull().unique())
			.addColumn("public_key", "text", (c) => c.notNull())
			.addColumn("counter", "bigint", (c) => c.notNull())
			.addColumn("transports", "text", (c) => c.notNull())
			.addColumn("name", "text", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("last_used_at", "bigint")
			.execute();
		await db.schema.createIndex("passkeys_account").on("passkeys").column("account_id").execute();
		await db.schema
			.createTable("webauthn_challenges")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("purpose", "text", (c) => c.notNull())
			.addColumn("challenge", "text", (c) => c.notNull())
			.addColumn("login_challenge_id", "text", (c) => c.references("login_challenges.id").onDelete("cascade"))
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("expires_at", "bigint", (c) => c.notNull())
			.addColumn("used_at", "bigint")
			.execute();
		await db.schema.createIndex("webauthn_challenges_account").on("webauthn_challenges").columns(["account_id", "purpose"]).execute();
	},
};
