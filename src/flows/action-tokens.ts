import { looksLikeToken, newId, newToken, tokenHash } from "../core/tokens.ts";
import type { MethodDeps } from "../methods/types.ts";
import type { Db } from "../store/db.ts";
import type { ActionTokenPurpose } from "../store/schema.ts";
import type { FlowDeps } from "./deps.ts";

/**
 * Single-use tokens behind the links and requests in messages: password reset,
 * "Wasn't you?", cancelling a recovery. Only their SHA-256 is stored; each is
 * claimed once, by a conditional write, in the transaction of what it unlocks.
 * Each is bound to the address it went to, and dies with it. None of them ever
 * grants a session.
 */
export async function issueActionToken(
	deps: Pick<MethodDeps, "clock" | "random">,
	db: Db,
	input: {
		accountId: string;
		purpose: ActionTokenPurpose;
		ttlMs: number;
		/** The row's id, when something else (a code's HMAC) must name it first. */
		id?: string;
		/** The token, when the caller already gave it out (a reset request's). */
		token?: string;
		codeHash?: string;
		recoveryId?: string;
		/** The account's address the link is sent to: removing or replacing it ends the link. */
		contactId: string;
	},
): Promise<string> {
	const token = input.token ?? newToken(deps.random);
	const now = deps.clock();
	await db
		.insertInto("action_tokens")
		.values({
			id: input.id ?? newId(deps.random),
			account_id: input.accountId,
			purpose: input.purpose,
			token_hash: tokenHash(token),
			code_hash: input.codeHash ?? null,
			recovery_id: input.recoveryId ?? null,
			contact_id: input.contactId,
			created_at: now,
			expires_at: now + input.ttlMs,
			used_at: null,
		})
		.execute();
	return token;
}

/** Claims the token row `id` if it is still unused and unexpired; false when it is not. */
export async function claimActionToken(tx: Db, id: string, now: number): Promise<boolean> {
	const used = await tx
		.updateTable("action_tokens")
		.set({ used_at: now })
		.where("id", "=", id)
		.where("used_at", "is", null)
		.where("expires_at", ">", now)
		.executeTakeFirst();
	return used.numUpdatedRows === 1n;
}

/**
 * The address a link was sent to is no longer the account's (removed, or
 * replaced by a newly confirmed one): every link sent to it stops working, in
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

/** Whether a link is still good: the page it opens offers its action only then. */
export async function linkIsLive(deps: Pick<FlowDeps, "db" | "clock">, token: string | undefined, purpose: "password_reset" | "secure_account"): Promise<boolean> {
	if (!token || !looksLikeToken(token)) return false;
	const row = await deps.db
		.selectFrom("action_tokens")
		.select("id")
		.where("token_hash", "=", tokenHash(token))
		.where("purpose", "=", purpose)
		.where("used_at", "is", null)
		.where("expires_at", ">", deps.clock())
		.executeTakeFirst();
	return row !== undefined;
}
