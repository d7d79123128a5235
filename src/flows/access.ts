import type { Db } from "../store/db.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import type { SecurityEvent } from "./events.ts";
import { endRecoveryAttempts } from "./recovery.ts";

/**
 * Ends everything that lets anyone into the account without signing in again,
 * in `tx` (the caller holds the account lock): sessions (but `keepSessionId`),
 * trusted devices, sign-ins and resets in progress, password-reset and "Wasn't
 * you?" links, a recovery under way and an identity check not yet decided.
 * Returns the events of what it ended.
 */
export async function endAllAccess(
	deps: FlowDeps,
	tx: Db,
	input: { accountId: string; now: number; by: string; client: ClientInfo | undefined; keepSessionId?: string | undefined },
): Promise<SecurityEvent[]> {
	const { accountId, now } = input;
	let sessions = tx.deleteFrom("sessions").where("account_id", "=", accountId);
	if (input.keepSessionId) sessions = sessions.where("id", "!=", input.keepSessionId);
	await sessions.execute();
	await tx.deleteFrom("trusted_devices").where("account_id", "=", accountId).execute();
	await tx.updateTable("login_challenges").set({ consumed_at: now }).where("account_id", "=", accountId).where("consumed_at", "is", null).execute();
	await tx
		.updateTable("action_tokens")
		.set({ used_at: now })
		.where("account_id", "=", accountId)
		.where("purpose", "in", ["password_reset", "password_reset_sms", "secure_account"])
		.where("used_at", "is", null)
		.execute();
	return endRecoveryAttempts(deps, tx, accountId, input.by, input.client, now);
}
