import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Signed webhooks (Standard Webhooks), added by command.
 *
 * - webhook_endpoints: where to send, which event types (null: every one), the
 *   signing secret sealed with the server secret, and during a rotation the
 *   previous secret until it expires.
 * - webhook_deliveries: one row per message and endpoint, written in the
 *   transaction of the change; its id is the message id and the endpoint's, so a
 *   message reaches an endpoint once. Claimed with a lease by any instance,
 *   retried with backoff until `expires_at`, then given up. `claimed_until`
 *   tells a try under way (a replay waits for it) from one waiting for its time.
 * - webhook_attempts: every try, its status, time, duration and error: the
 *   endpoint's log.
 */
export const webhooks: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable("webhook_endpoints")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("url", "text", (c) => c.notNull())
			.addColumn("events", "text")
			.addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
			.addColumn("secret_sealed", "text", (c) => c.notNull())
			.addColumn("previous_secret_sealed", "text")
			.addColumn("previous_secret_expires_at", "bigint")
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("updated_at", "bigint", (c) => c.notNull())
			.execute();

		await db.schema
			.createTable("webhook_deliveries")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("endpoint_id", "text", (c) => c.notNull())
			.addColumn("message_id", "text", (c) => c.notNull())
			.addColumn("type", "text", (c) => c.notNull())
			.addColumn("payload", "text", (c) => c.notNull())
			.addColumn("state", "text", (c) => c.notNull().defaultTo("pending"))
			.addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
			.addColumn("due_at", "bigint")
			.addColumn("claimed_until", "bigint")
			.addColumn("expires_at", "bigint", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("delivered_at", "bigint")
			.execute();
		await db.schema.createIndex("webhook_deliveries_due").on("webhook_deliveries").columns(["state", "due_at"]).execute();
		await db.schema.createIndex("webhook_deliveries_endpoint").on("webhook_deliveries").columns(["endpoint_id", "created_at"]).execute();

		await db.schema
			.createTable("webhook_attempts")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("delivery_id", "text", (c) => c.notNull())
			.addColumn("endpoint_id", "text", (c) => c.notNull())
			.addColumn("attempted_at", "bigint", (c) => c.notNull())
			.addColumn("duration_ms", "integer", (c) => c.notNull())
			.addColumn("status", "integer")
			.addColumn("error", "text")
			.execute();
		await db.schema.createIndex("webhook_attempts_endpoint").on("webhook_attempts").columns(["endpoint_id", "attempted_at"]).execute();
		await db.schema.createIndex("webhook_attempts_delivery").on("webhook_attempts").column("delivery_id").execute();
	},
};
