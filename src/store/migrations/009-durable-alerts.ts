import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * An alert is owed from the moment its event is recorded, in the same
 * transaction as the change: a crash before it is sent loses nothing, and any
 * instance can send it. "pending" until sent; "failed" after the last try.
 */
export const durableAlerts: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable("security_events").addColumn("alert_state", "text").execute();
		await db.schema
			.alterTable("security_events")
			.addColumn("alert_attempts", "integer", (c) => c.notNull().defaultTo(0))
			.execute();
		await db.schema.alterTable("security_events").addColumn("alert_due_at", "bigint").execute();
		// Addresses the account no longer has that must hear of it too (the one just removed).
		await db.schema.alterTable("security_events").addColumn("alert_also_to", "text").execute();
		await db.schema.createIndex("security_events_alerts_due").on("security_events").columns(["alert_state", "alert_due_at"]).execute();
	},
};
