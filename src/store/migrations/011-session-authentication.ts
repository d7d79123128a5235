import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Sessions record how strongly they were signed in (src/core/authentication-strength.ts).
 *
 * - sessions.authentication: the factors it was signed in with, as JSON
 *   (`[{ method, at, amr, level }]`), the password first.
 * - sessions.authenticated_at: the time of its latest factor (a step-up moves it).
 * - trusted_devices.second_factor: the factor (JSON) the device was trusted with, so
 *   a sign-in from it records that factor with its own, older, time.
 *
 * Sessions and devices from before have none: a session counts as the password alone
 * at its `created_at`, and a sign-in from such a device as the password alone.
 */
export const sessionAuthentication: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable("sessions").addColumn("authentication", "text").execute();
		await db.schema.alterTable("sessions").addColumn("authenticated_at", "bigint").execute();
		await db.schema.alterTable("trusted_devices").addColumn("second_factor", "text").execute();
	},
};
