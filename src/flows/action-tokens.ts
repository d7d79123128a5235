import { looksLikeToken, newId, newToken, tokenHash } from "../core/tokens.ts";
import type { MethodDeps } from "../methods/types.ts";
import { insertActionToken, linkIsUnused } from "../store/action-tokens.ts";
import type { Db } from "../store/db.ts";
import type { ActionTokenPurpose } from "../store/schema.ts";
import type { FlowDeps } from "./deps.ts";

/**
 * Single-use tokens behind the links and requests in messages: password reset,
 * "Wasn't you?", cancelling a recovery. Only their SHA-256 is stored; each is
 * claimed once, by a conditional write (store/action-tokens.ts), in the
 * transaction of what it unlocks.
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
	await insertActionToken(
		db,
		{
			id: input.id ?? newId(deps.random),
			accountId: input.accountId,
			purpose: input.purpose,
			tokenHash: tokenHash(token),
			codeHash: input.codeHash ?? null,
			recoveryId: input.recoveryId ?? null,
			contactId: input.contactId,
			expiresAt: now + input.ttlMs,
		},
		now,
	);
	return token;
}

/** Whether a link is still good: the page it opens offers its action only then. */
export async function linkIsLive(deps: Pick<FlowDeps, "db" | "clock">, token: string | undefined, purpose: "password_reset" | "secure_account"): Promise<boolean> {
	if (!token || !looksLikeToken(token)) return false;
	return linkIsUnused(deps.db, tokenHash(token), purpose, deps.clock());
}
