import { claimOnce } from "./claims.ts";
import type { Db } from "./db.ts";
import type { ActionTokenPurpose } from "./schema.ts";

export async function insertActionToken(
	db: Db,
	token: {
		id: string;
		accountId: string;
		purpose: ActionTokenPurpose;
		tokenHash: string;
		codeHash: string | null;
		recoveryId: string | null;
		contactId: string;
		expiresAt: number;
	},
	now: number,
): Promise<void> {
	await db
		.insertInto("action_tokens")
		.values({
			id: token.id,
			account_id: token.accountId,
			purpose: token.purpose,
			token_hash: token.tokenHash,
			code_hash: token.codeHash,
			recovery_id: token.recoveryId,
			contact_id: token.contactId,
			created_at: now,
			expires_at: token.expiresAt,
			used_at: null,
		})
		.execute();
}

/** Uses the unused, unexpired token `id`, once; false when it was used, expired or never existed. */
export function claimActionToken(tx: Db, id: string, now: number): Promise<boolean> {
	return claimOnce(tx, "action_tokens", id, now);
}

/** Uses an unused, unexpired recovery-cancel link by its hash, once: whose account and which recovery it names. */
export function claimCancelRecoveryLink(tx: Db, tokenHash: string, now: number): Promise<{ account_id: string; recovery_id: string | null } | undefined> {
	return tx
		.updateTable("action_tokens")
		.set({ used_at: now })
		.where("token_hash", "=", tokenHash)
		.where("purpose", "=", "cancel_recovery")
		.where("used_at", "is", null)
		.where("expires_at", ">", now)
		.returning(["account_id", "recovery_id"])
		.executeTakeFirst();
}

/**
 * The addresses `contactIds` are no longer the account's (removed, or replaced
 * by a newly confirmed one): every unused link sent to them stops working, in
 * the transaction of that change.
 */
export async function retireLinksSentTo(tx: Db, accountId: string, contactIds: string[], now: number): Promise<void> {
	if (contactIds.length === 0) return;
	await tx
		.updateTable("action_tokens")
		.set({ used_at: now })
		.where("account_id", "=", accountId)
		.where("contact_id", "in", contactIds)
		.where("used_at", "is", null)
		.execute();
}

/** Every unused password-reset link and code and "Wasn't you?" link of the account stops working. */
export async function retireResetAndSecureLinks(tx: Db, accountId: string, now: number): Promise<void> {
	await tx
		.updateTable("action_tokens")
		.set({ used_at: now })
		.where("account_id", "=", accountId)
		.where("purpose", "in", ["password_reset", "password_reset_sms", "secure_account"])
		.where("used_at", "is", null)
		.execute();
}

export async function linkIsUnused(db: Db, tokenHash: string, purpose: ActionTokenPurpose, now: number): Promise<boolean> {
	const row = await db
		.selectFrom("action_tokens")
		.select("id")
		.where("token_hash", "=", tokenHash)
		.where("purpose", "=", purpose)
		.where("used_at", "is", null)
		.where("expires_at", ">", now)
		.executeTakeFirst();
	return row !== undefined;
}

/** A reset link or texted code by its hash, used or not, with what the reset needs of its account. */
export function readResetToken(db: Db, tokenHash: string, purpose: "password_reset" | "password_reset_sms") {
	return db
		.selectFrom("action_tokens as t")
		.innerJoin("accounts as a", "a.id", "t.account_id")
		.select([
			"t.id",
			"t.account_id",
			"t.purpose",
			"t.code_hash",
			"t.expires_at",
			"t.used_at",
			"a.username",
			"a.locked_at",
			"a.two_factor_enabled",
			"a.preferred_method",
			"a.codes_paused_at",
		])
		.where("t.token_hash", "=", tokenHash)
		.where("t.purpose", "=", purpose)
		.executeTakeFirst();
}

/** A "Wasn't you?" link by its hash, used or not: the caller claims it under the account's lock. */
export function findSecureAccountLink(tx: Db, tokenHash: string): Promise<{ id: string; account_id: string } | undefined> {
	return tx
		.selectFrom("action_tokens")
		.select(["id", "account_id"])
		.where("token_hash", "=", tokenHash)
		.where("purpose", "=", "secure_account")
		.executeTakeFirst();
}

/** Tokens that expired before `before`. */
export async function pruneActionTokens(db: Db, before: number): Promise<void> {
	await db.deleteFrom("action_tokens").where("expires_at", "<=", before).execute();
}
