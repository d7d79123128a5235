import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/** A second-factor challenge is for signing in, or for confirming a change such as turning two-factor off. */
export const challengePurpose: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.alterTable("login_challenges")
			.addColumn("purpose", "text", (c) => c.notNull().defaultTo("sign_in"))
			.execute();
	},
};
