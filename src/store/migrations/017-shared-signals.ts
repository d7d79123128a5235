import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Shared Signals (SSF 1.0): Tessera transmits security events to receivers.
 * - ssf_streams: one stream per receiver, added by the operator's command. The
 *   receiver's bearer token is kept as its SHA-256 only; `status_by` says who
 *   set the status last (a stream the operator disabled stays so), `endpoint_by`
 *   who set the push endpoint (one the receiver set is never sent to an address
 *   of this machine or a private network, whatever its name resolves to); the Authorization value
 *   Tessera sends to a push endpoint is sealed with the server key.
 * - ssf_sets: the Security Event Tokens owed on each stream, written in the
 *   transaction of the change they describe. A push SET is due at `due_at`,
 *   claimed with a lease, and settled (delivered or failed); a poll SET stays
 *   pending until the receiver acknowledges it. They are signed when sent.
 */
export const sharedSignals: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable("ssf_streams")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("audience", "text", (c) => c.notNull())
			.addColumn("description", "text")
			.addColumn("delivery_method", "text", (c) => c.notNull())
			.addColumn("endpoint_url", "text")
			.addColumn("endpoint_by", "text", (c) => c.notNull().defaultTo("operator"))
			.addColumn("authorization_sealed", "text")
			.addColumn("events_requested", "text", (c) => c.notNull())
			.addColumn("events_delivered", "text", (c) => c.notNull())
			.addColumn("status", "text", (c) => c.notNull())
			.addColumn("status_reason", "text")
			.addColumn("status_by", "text", (c) => c.notNull().defaultTo("operator"))
			.addColumn("token_hash", "text", (c) => c.notNull().unique())
			.addColumn("verified_at", "bigint")
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("updated_at", "bigint", (c) => c.notNull())
			.execute();

		await db.schema
			.createTable("ssf_sets")
			.addColumn("jti", "text", (c) => c.primaryKey())
			.addColumn("stream_id", "text", (c) => c.notNull())
			.addColumn("txn", "text")
			.addColumn("account_id", "text")
			.addColumn("event_type", "text", (c) => c.notNull())
			.addColumn("subject", "text", (c) => c.notNull())
			.addColumn("event", "text", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("state", "text", (c) => c.notNull())
			.addColumn("due_at", "bigint")
			.addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
			.addColumn("last_error", "text")
			.addColumn("settled_at", "bigint")
			.execute();
		await db.schema.createIndex("ssf_sets_due").on("ssf_sets").columns(["state", "due_at"]).execute();
		await db.schema.createIndex("ssf_sets_stream").on("ssf_sets").columns(["stream_id", "state", "created_at"]).execute();
	},
};
