import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * Links in messages are bound to the address they were sent to, so removing or
 * replacing an address ends them; a password reset on an account with
 * two-factor waits, in its challenge, for the second step; and the pause on
 * codes by email and SMS after a reset no longer runs out by itself.
 *
 * - action_tokens.contact_id: the confirmed address a link went to.
 * - login_challenges.action_token_id, new_password_hash: a reset waiting for its
 *   second step (the new password as argon2id, never in plain text).
 * - accounts.codes_paused_at: paused since; only a factor no reset can reach
 *   lifts it. `codes_paused_until` is no longer read.
 *
 * Links already sent recorded no address: they stop working, and a pause that
 * was ever set stays until a strong factor signs in.
 */
export const linksBoundToAddresses: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable("action_tokens").addColumn("contact_id", "text").execute();
		await db.schema.alterTable("login_challenges").addColumn("action_token_id", "text").execute();
		await db.schema.alterTable("login_challenges").addColumn("new_password_hash", "text").execute();
		await db.schema.alterTable("accounts").addColumn("codes_paused_at", "bigint").execute();
		await sql`update accounts set codes_paused_at = codes_paused_until where codes_paused_until is not null`.execute(db);
		await sql`update action_tokens set used_at = created_at
			where used_at is null and purpose in ('password_reset', 'password_reset_sms', 'secure_account')`.execute(db);
	},
};
