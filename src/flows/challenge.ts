import { TesseraError } from "../core/errors.ts";
import { looksLikeToken, tokenHash } from "../core/tokens.ts";
import type { Db } from "../store/db.ts";
import type { ChallengePurpose } from "./sign-in.ts";
import type { FlowDeps } from "./deps.ts";

/**
 * The second step as a persisted object: a challenge row (`login_challenges`)
 * with a purpose, an expiry and a single use. This module is its one reader and
 * its one closer; `proveSecondFactor` (sign-in.ts) is its one prove transaction.
 */

/** An open challenge, with what the second step needs to know of its account. */
export interface ChallengeRow {
	id: string;
	purpose: ChallengePurpose;
	accountId: string;
	expiresAt: number;
	twoFactorEnabled: number;
	preferredMethod: string | null;
	codesPausedAt: number | null;
}

/**
 * The challenge behind `token` if it is open (unconsumed, unexpired) and its
 * purpose is one of `purposes`; `challenge_expired` otherwise, whatever the
 * reason, so a token tells nothing. One lookup.
 */
export async function readOpenChallenge(
	deps: FlowDeps,
	token: string | undefined,
	purposes: readonly ChallengePurpose[] | "any",
): Promise<ChallengeRow> {
	if (!token || !looksLikeToken(token)) throw new TesseraError("challenge_expired");
	const row = await deps.db
		.selectFrom("login_challenges as c")
		.innerJoin("accounts as a", "a.id", "c.account_id")
		.select(["c.id", "c.purpose", "c.account_id", "c.expires_at", "c.consumed_at", "a.two_factor_enabled", "a.preferred_method", "a.codes_paused_at"])
		.where("c.token_hash", "=", tokenHash(token))
		.executeTakeFirst();
	if (!row || row.consumed_at !== null || Number(row.expires_at) <= deps.clock()) throw new TesseraError("challenge_expired");
	if (purposes !== "any" && !purposes.includes(row.purpose)) throw new TesseraError("challenge_expired");
	return {
		id: row.id,
		purpose: row.purpose,
		accountId: row.account_id,
		expiresAt: Number(row.expires_at),
		twoFactorEnabled: row.two_factor_enabled,
		preferredMethod: row.preferred_method,
		codesPausedAt: row.codes_paused_at === null ? null : Number(row.codes_paused_at),
	};
}

/** Closes an open challenge, once: `challenge_expired` when it closed meanwhile or ran out. */
export async function closeChallenge(tx: Db, id: string, now: number): Promise<void> {
	const closed = await tx
		.updateTable("login_challenges")
		.set({ consumed_at: now })
		.where("id", "=", id)
		.where("consumed_at", "is", null)
		.where("expires_at", ">", now)
		.executeTakeFirst();
	if (closed.numUpdatedRows !== 1n) throw new TesseraError("challenge_expired");
}
