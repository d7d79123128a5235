import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";

export const initial: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable("accounts")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("username", "text", (c) => c.notNull().unique())
			.addColumn("email", "text")
			.addColumn("password_hash", "text", (c) => c.notNull())
			.addColumn("backup_code_salt", "text")
			.addColumn("two_factor_enabled", "integer", (c) => c.notNull().defaultTo(0))
			.addColumn("preferred_method", "text")
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("updated_at", "bigint", (c) => c.notNull())
			.execute();

		await db.schema
			.createTable("sessions")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("token_hash", "text", (c) => c.notNull().unique())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("last_seen_at", "bigint", (c) => c.notNull())
			.addColumn("expires_at", "bigint", (c) => c.notNull())
			.addColumn("ip", "text")
			.addColumn("user_agent", "text")
			.execute();
		await db.schema.createIndex("sessions_account").on("sessions").column("account_id").execute();

		await db.schema
			.createTable("login_challenges")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("token_hash", "text", (c) => c.notNull().unique())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("expires_at", "bigint", (c) => c.notNull())
			.addColumn("consumed_at", "bigint")
			.addColumn("ip", "text")
			.execute();
		await db.schema.createIndex("login_challenges_account").on("login_challenges").column("account_id").execute();

		await db.schema
			.createTable("totp_credentials")
			.addColumn("account_id", "text", (c) => c.primaryKey().references("accounts.id").onDelete("cascade"))
			.addColumn("secret_sealed", "text", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("confirmed_at", "bigint")
			.addColumn("last_used_step", "bigint")
			.execute();

		await db.schema
			.createTable("backup_code_sets")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("format", "text", (c) => c.notNull())
			.addColumn("salt", "text", (c) => c.notNull())
			.addColumn("status", "text", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("expires_at", "bigint")
			.addColumn("activated_at", "bigint")
			.addColumn("replaced_at", "bigint")
			.execute();
		await db.schema.createIndex("backup_code_sets_account").on("backup_code_sets").column("account_id").execute();
		// At most one working set and one set waiting for confirmation per account, whatever races.
		for (const status of ["active", "pending"] as const) {
			await db.schema
				.createIndex(`backup_code_sets_one_${status}`)
				.on("backup_code_sets")
				.column("account_id")
				.unique()
				.where(sql.ref("status"), "=", sql.lit(status))
				.execute();
		}

		await db.schema
			.createTable("backup_codes")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("set_id", "text", (c) => c.notNull().references("backup_code_sets.id").onDelete("cascade"))
			.addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
			.addColumn("code_hash", "text", (c) => c.notNull())
			.addColumn("used_at", "bigint")
			.addUniqueConstraint("backup_codes_set_hash", ["set_id", "code_hash"])
			.execute();

		await db.schema
			.createTable("throttle_counters")
			.addColumn("key", "text", (c) => c.primaryKey())
			.addColumn("window_start", "bigint", (c) => c.notNull())
			.addColumn("window_ms", "bigint", (c) => c.notNull())
			.addColumn("count", "integer", (c) => c.notNull())
			.addColumn("pending", "integer", (c) => c.notNull())
			.execute();
	},
};
