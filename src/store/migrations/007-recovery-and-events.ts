import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Security events (the activity page, alerts and the audit log), single-use
 * links (password reset, "Wasn't you?", cancelling a recovery), account
 * recoveries and identity-check requests, and the account flags they need.
 */
export const recoveryAndEvents: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable("accounts").addColumn("locked_at", "bigint").execute();
		await db.schema.alterTable("accounts").addColumn("role", "text", (c) => c.notNull().defaultTo("user")).execute();
		// Set when recovery or an operator reset two-factor: the next sign-in must set it up again first.
		await db.schema
			.alterTable("accounts")
			.addColumn("two_factor_required", "integer", (c) => c.notNull().defaultTo(0))
			.execute();

		await db.schema
			.createTable("security_events")
			.addColumn("id", "text", (c) => c.primaryKey())
			// No foreign key: the audit log outlives what it describes.
			.addColumn("account_id", "text")
			.addColumn("kind", "text", (c) => c.notNull())
			.addColumn("method", "text")
			.addColumn("actor", "text", (c) => c.notNull())
			.addColumn("ip", "text")
			.addColumn("network", "text")
			.addColumn("device", "text")
			.addColumn("detail", "text")
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.execute();
		await db.schema.createIndex("security_events_account").on("security_events").columns(["account_id", "created_at"]).execute();
		await db.schema.createIndex("security_events_time").on("security_events").column("created_at").execute();

		await db.schema
			.createTable("account_recoveries")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("via", "text", (c) => c.notNull())
			.addColumn("status", "text", (c) => c.notNull())
			.addColumn("started_at", "bigint", (c) => c.notNull())
			.addColumn("ready_at", "bigint", (c) => c.notNull())
			.addColumn("ended_at", "bigint")
			.addColumn("ended_by", "text")
			.execute();
		// One recovery waits per account at a time.
		await db.schema
			.createIndex("account_recoveries_one_waiting")
			.on("account_recoveries")
			.column("account_id")
			.unique()
			.where(sql<boolean>`status = 'waiting'`)
			.execute();

		await db.schema
			.createTable("recovery_requests")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("status", "text", (c) => c.notNull())
			.addColumn("message", "text", (c) => c.notNull())
			.addColumn("contacts_used", "text", (c) => c.notNull())
			.addColumn("last_sign_in", "text", (c) => c.notNull())
			.addColumn("ip", "text")
			.addColumn("device", "text")
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("decided_at", "bigint")
			.addColumn("decided_by", "text")
			.addColumn("decision_note", "text")
			.execute();
		await db.schema
			.createIndex("recovery_requests_one_open")
			.on("recovery_requests")
			.column("account_id")
			.unique()
			.where(sql<boolean>`status = 'open'`)
			.execute();

		await db.schema
			.createTable("action_tokens")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("purpose", "text", (c) => c.notNull())
			.addColumn("token_hash", "text", (c) => c.notNull().unique())
			// A reset by SMS: HMAC of the code sent, which must come with the token.
			.addColumn("code_hash", "text")
			.addColumn("recovery_id", "text", (c) => c.references("account_recoveries.id").onDelete("cascade"))
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("expires_at", "bigint", (c) => c.notNull())
			.addColumn("used_at", "bigint")
			.execute();
		await db.schema.createIndex("action_tokens_account").on("action_tokens").columns(["account_id", "purpose"]).execute();
	},
};
