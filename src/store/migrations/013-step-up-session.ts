import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * A step-up (an app asked for a stronger sign-in) belongs to the session that
 * asked: login_challenges.session_id. Only that session is strengthened by it.
 */
export const stepUpSession: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable("login_challenges").addColumn("session_id", "text").execute();
	},
};
