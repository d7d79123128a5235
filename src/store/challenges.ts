import { claimOnce } from "./claims.ts";
import type { Db } from "./db.ts";
import type { Selectable } from "kysely";
import type { LoginChallengesTable } from "./schema.ts";

export async function insertChallenge(
	db: Db,
	challenge: {
		id: string;
		purpose: Selectable<LoginChallengesTable>["purpose"];
		tokenHash: string;
		accountId: string;
		expiresAt: number;
		ip: string | null;
		actionTokenId: string | null;
		newPasswordHash: string | null;
		sessionId?: string | null;
	},
	now: number,
): Promise<void> {
	await db
		.insertInto("login_challenges")
		.values({
			id: challenge.id,
			purpose: challenge.purpose,
			token_hash: challenge.tokenHash,
			account_id: challenge.accountId,
			created_at: now,
			expires_at: challenge.expiresAt,
			consumed_at: null,
			ip: challenge.ip,
			action_token_id: challenge.actionTokenId,
			new_password_hash: challenge.newPasswordHash,
			session_id: challenge.sessionId ?? null,
		})
		.execute();
}

/** The challenge behind a token's hash, open or not, with what the second step needs of its account: one statement. */
export function readChallengeByTokenHash(db: Db, tokenHash: string) {
	return db
		.selectFrom("login_challenges as c")
		.innerJoin("accounts as a", "a.id", "c.account_id")
		.select(["c.id", "c.purpose", "c.account_id", "c.created_at", "c.expires_at", "c.consumed_at", "c.session_id", "a.two_factor_enabled", "a.preferred_method", "a.codes_paused_at"])
		.where("c.token_hash", "=", tokenHash)
		.executeTakeFirst();
}

/** Closes the open, unexpired challenge `id`, once; false when it closed meanwhile or ran out. */
export function claimChallenge(tx: Db, id: string, now: number): Promise<boolean> {
	return claimOnce(tx, "login_challenges", id, now);
}

/** Every sign-in, reset and confirmation in progress of the account ends. */
export async function endOpenChallenges(tx: Db, accountId: string, now: number): Promise<void> {
	await tx.updateTable("login_challenges").set({ consumed_at: now }).where("account_id", "=", accountId).where("consumed_at", "is", null).execute();
}

/** What a password reset's challenge holds until its second step: the link and the new password's hash. */
export function readPendingReset(tx: Db, challengeId: string): Promise<{ action_token_id: string | null; new_password_hash: string | null }> {
	return tx.selectFrom("login_challenges").select(["action_token_id", "new_password_hash"]).where("id", "=", challengeId).executeTakeFirstOrThrow();
}

/** Challenges that expired before `before`. */
export async function pruneChallenges(db: Db, before: number): Promise<void> {
	await db.deleteFrom("login_challenges").where("expires_at", "<=", before).execute();
}
