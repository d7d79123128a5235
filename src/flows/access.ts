import { retireResetAndSecureLinks } from "../store/action-tokens.ts";
import { endOpenChallenges } from "../store/challenges.ts";
import type { Db } from "../store/db.ts";
import { endSessions } from "../store/sessions.ts";
import { revokeAllTrustedDevices } from "../store/trusted-devices.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import type { SecurityEvent } from "./events.ts";
import { endAppAccess } from "./apps.ts";
import { endRecoveryAttempts } from "./recovery.ts";

/**
 * Ends every way into the account that was already granted, in `tx` (the
 * caller holds the account lock): sessions (but `keepSessionId`), trusted
 * devices, sign-ins, resets and confirmations in progress, and what apps hold
 * (their sign-ins and tokens; each is told by back-channel logout). The one place
 * that list is written: everything that signs the account out everywhere comes
 * through here.
 */
export async function endSignIns(tx: Db, accountId: string, now: number, keepSessionId?: string): Promise<void> {
	await endSessions(tx, accountId, { keep: keepSessionId });
	await revokeAllTrustedDevices(tx, accountId);
	await endOpenChallenges(tx, accountId, now);
	await endAppAccess(tx, accountId, now);
}

/**
 * Ends everything that lets anyone into the account without signing in again,
 * in `tx` (the caller holds the account lock): what `endSignIns` ends,
 * password-reset and "Wasn't you?" links, a recovery under way and an identity
 * check not yet decided. Returns the events of what it ended.
 */
export async function endAllAccess(
	deps: FlowDeps,
	tx: Db,
	input: { accountId: string; now: number; by: string; client: ClientInfo | undefined; keepSessionId?: string | undefined },
): Promise<SecurityEvent[]> {
	const { accountId, now } = input;
	await endSignIns(tx, accountId, now, input.keepSessionId);
	await retireResetAndSecureLinks(tx, accountId, now);
	return endRecoveryAttempts(deps, tx, accountId, input.by, input.client, now);
}
