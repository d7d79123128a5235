import { isOperatorActor } from "../core/actors.ts";
import { maskEmail, maskPhone } from "../core/contact.ts";
import { TesseraError, words } from "../core/errors.ts";
import { looksLikeToken, newId, tokenHash } from "../core/tokens.ts";
import { codeMessage } from "../delivery/messages/codes.ts";
import type { IssuedCode } from "../codes/one-time-codes.ts";
import { lockAccount, readCodesPausedAt, setTwoFactor } from "../store/accounts.ts";
import { claimCancelRecoveryLink } from "../store/action-tokens.ts";
import { listVerifiedContacts } from "../store/contacts.ts";
import type { Db } from "../store/db.ts";
import { isUniqueViolation } from "../store/errors.ts";
import {
	endLapsedRecovery,
	hasOpenRequest,
	insertRecovery,
	readLatestClosedRequest,
	markReadyRecoveryCompleted,
	markWaitingRecoveryCancelled,
	readWaitingRecovery,
	withdrawOpenRequest,
} from "../store/recoveries.ts";
import type { ContactKind } from "../store/schema.ts";
import { codesPaused } from "./accounts.ts";
import { endSignIns } from "./access.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { recordEvent, type SecurityEvent } from "./events.ts";
import { codeLimits } from "./limits.ts";
import { closeChallenge, readOpenChallenge } from "./challenge.ts";

/**
 * Account recovery, for a person who knows the password but can use none of
 * the account's second factors. Slow on purpose and loud on every channel:
 *
 *   password ─► prove a verified email or phone ─┐
 *            └► identity check, approved by an operator ─┴► waiting period
 *                 (alerts with a cancel link to every address)
 *                 ├─ a sign-in with a working second factor, or the link ─► cancelled
 *                 └─ the first password sign-in after the wait ─► two-factor reset;
 *                    set up a method and confirm new backup codes before anything else
 *
 * A password alone never gets past two-factor sooner, and a password reset
 * never switches two-factor off.
 */

/** A recovery not completed this long after its wait is over lapses: an old one never springs on a later sign-in. */
export const RECOVERY_LAPSES_AFTER_MS = 7 * 86_400_000;

export interface RecoveryContact {
	kind: ContactKind;
	masked: string;
}

export interface WaitingRecovery {
	id: string;
	via: string;
	startedAt: number;
	readyAt: number;
}

/**
 * The sign-in a recovery is asked from: its password step was passed, or a
 * password reset's link (or texted code) was, and the reset waits for a second
 * step the person cannot give. Unlike openChallenge, an account whose second
 * factors are all gone still qualifies.
 */
export async function passwordProven(deps: FlowDeps, token: string | undefined): Promise<{ id: string; accountId: string }> {
	const row = await readOpenChallenge(deps, token, ["sign_in", "password_reset"]);
	return { id: row.id, accountId: row.accountId };
}

export async function waitingRecovery(db: Db, accountId: string, now: number): Promise<WaitingRecovery | undefined> {
	const row = await readWaitingRecovery(db, accountId, now - RECOVERY_LAPSES_AFTER_MS);
	return row ? { id: row.id, via: row.via, startedAt: Number(row.started_at), readyAt: Number(row.ready_at) } : undefined;
}

export interface RecoveryOptions {
	contacts: RecoveryContact[];
	/** The addresses a recovery's alerts reach (those this instance can send to): where the answer to an identity check comes. */
	alerted: RecoveryContact[];
	recovery: WaitingRecovery | undefined;
	requestOpen: boolean;
	/**
	 * Since when codes by email and SMS cannot start a recovery (a password reset
	 * that no strong factor confirmed: see `assertCodesNotPaused`), or null when
	 * they can. Known before anyone tries, so the pages can say so up front.
	 */
	codesPausedAt: number | null;
	/** The latest identity check, when it was denied and none is open: the answer a person with no working address comes back for. */
	deniedRequest: { askedAt: number } | undefined;
}

/** What a person in this sign-in can recover with: the account's verified addresses, masked, and what stands in the way. */
export async function recoveryOptions(deps: FlowDeps, challengeToken: string | undefined): Promise<RecoveryOptions> {
	const { accountId } = await passwordProven(deps, challengeToken);
	const contacts = await listVerifiedContacts(deps.db, accountId);
	const requestOpen = await hasOpenRequest(deps.db, accountId);
	const closed = requestOpen ? undefined : await readLatestClosedRequest(deps.db, accountId);
	const { codes_paused_at: pausedAt } = await readCodesPausedAt(deps.db, accountId);
	const masked = contacts.map((c) => ({ kind: c.kind, masked: c.kind === "phone" ? maskPhone(c.value) : maskEmail(c.value) }));
	return {
		contacts: masked,
		alerted: masked.filter((c) => deps.delivery.supports(channelOf(c.kind))),
		recovery: await waitingRecovery(deps.db, accountId, deps.clock()),
		requestOpen,
		codesPausedAt: codesPaused({ codes_paused_at: pausedAt }) ? Number(pausedAt) : null,
		deniedRequest: closed?.status === "denied" ? { askedAt: Number(closed.created_at) } : undefined,
	};
}

function channelOf(kind: ContactKind): "email" | "sms" {
	return kind === "email" ? "email" : "sms";
}

async function recoveryContact(deps: FlowDeps, accountId: string, kind: ContactKind) {
	const contact = (await listVerifiedContacts(deps.db, accountId)).find((c) => c.kind === kind);
	if (!contact) {
		throw new TesseraError("no_contact", {
			message: words(kind === "phone" ? "errors.recovery.noConfirmedPhone" : "errors.recovery.noConfirmedEmail"),
		});
	}
	return contact;
}

/** Sends a code to a verified address of the account, to prove the person still controls it. */
export async function sendRecoveryCode(
	deps: FlowDeps,
	input: { challenge: string; kind: ContactKind },
	client: ClientInfo,
): Promise<IssuedCode & { sentTo: string }> {
	const challenge = await passwordProven(deps, input.challenge);
	if (await waitingRecovery(deps.db, challenge.accountId, deps.clock())) throw new TesseraError("recovery_in_progress");
	await assertCodesNotPaused(deps, challenge.accountId);
	const contact = await recoveryContact(deps, challenge.accountId, input.kind);
	const channel = channelOf(input.kind);
	const issued = await deps.oneTimeCodes.issue(
		{ accountId: challenge.accountId, purpose: "recovery", channel, contactId: contact.id, challengeId: challenge.id },
		contact.value,
		client,
		(code) => codeMessage(channel, contact.value, code, "recovery", deps.config),
	);
	return { ...issued, sentTo: input.kind === "phone" ? maskPhone(contact.value) : maskEmail(contact.value) };
}

/**
 * After a password reset that no strong factor confirmed, the channel it went
 * through proves nothing more: an email or text cannot also start a recovery
 * until a strong factor has signed in. Identity checks still can.
 */
async function assertCodesNotPaused(deps: FlowDeps, accountId: string): Promise<void> {
	if (codesPaused(await readCodesPausedAt(deps.db, accountId))) throw new TesseraError("recovery_paused");
}

/**
 * Starts the waiting period inside `tx`: records it and the event whose alert
 * reaches every address with a cancel link. The caller announces the events.
 */
export async function beginRecovery(
	deps: FlowDeps,
	tx: Db,
	input: { accountId: string; via: string; actor?: string; client?: ClientInfo | undefined; method?: string },
	now: number,
): Promise<{ recovery: WaitingRecovery; events: SecurityEvent[] }> {
	const id = newId(deps.random);
	const readyAt = now + deps.config.recoveryWaitMs;
	// One that lapsed long ago makes way.
	await endLapsedRecovery(tx, input.accountId, now, now - RECOVERY_LAPSES_AFTER_MS);
	try {
		await insertRecovery(tx, { id, accountId: input.accountId, via: input.via, readyAt }, now);
	} catch (error) {
		if (isUniqueViolation(error)) throw new TesseraError("recovery_in_progress");
		throw error;
	}
	const event = await recordEvent(
		deps,
		tx,
		{
			accountId: input.accountId,
			kind: "recovery_started",
			method: input.method,
			...(input.actor ? { actor: input.actor } : {}),
			client: input.client,
			detail: { recoveryId: id, via: input.via, readyAt },
		},
		now,
	);
	return { recovery: { id, via: input.via, startedAt: now, readyAt }, events: [event] };
}

/**
 * The code from the address proves it: the sign-in ends and the waiting
 * period starts. Wrong codes count against the same limits as sign-in codes.
 */
export async function startRecovery(
	deps: FlowDeps,
	input: { challenge: string; kind: ContactKind; code: string },
	client: ClientInfo,
): Promise<WaitingRecovery> {
	const challenge = await passwordProven(deps, input.challenge);
	await assertCodesNotPaused(deps, challenge.accountId);
	const contact = await recoveryContact(deps, challenge.accountId, input.kind);
	const scope = {
		accountId: challenge.accountId,
		purpose: "recovery" as const,
		channel: channelOf(input.kind),
		contactId: contact.id,
		challengeId: challenge.id,
	};
	const { recovery, events } = await deps.attempts.attempt(codeLimits(deps, challenge.accountId, client), async () => {
		const checked = await deps.oneTimeCodes.prepare(scope, input.code);
		return deps.db.transaction().execute(async (tx) => {
			const now = deps.clock();
			await lockAccount(tx, challenge.accountId);
			await closeChallenge(tx, challenge.id, now);
			await deps.oneTimeCodes.consume(tx, checked, now);
			return beginRecovery(deps, tx, { accountId: challenge.accountId, via: input.kind, client, method: input.kind }, now);
		});
	});
	deps.alerts.announce(...events);
	return recovery;
}

/**
 * Everything that proves a second step ends: the authenticator, backup codes,
 * passkeys, trusted devices, sessions and sign-ins in progress. Two-factor is
 * off and required: the next sign-in must set it up again first.
 */
export async function resetTwoFactor(deps: FlowDeps, tx: Db, accountId: string, now: number): Promise<void> {
	// Every method, whatever it is: a method added later is reset too.
	for (const method of deps.methods.all) await method.removeAll(tx, accountId, now);
	await endSignIns(tx, accountId, now);
	await setTwoFactor(tx, accountId, { enabled: 0, required: 1, preferredMethod: null }, now);
}

/**
 * At a password sign-in: a recovery whose wait is over completes, in `tx`.
 * Returns its events, or undefined when there is none ready.
 */
export async function completeReadyRecovery(
	deps: FlowDeps,
	tx: Db,
	accountId: string,
	client: ClientInfo,
	now: number,
): Promise<SecurityEvent[] | undefined> {
	const done = await markReadyRecoveryCompleted(tx, accountId, now, now - RECOVERY_LAPSES_AFTER_MS);
	if (!done) return undefined;
	await resetTwoFactor(deps, tx, accountId, now);
	return [await recordEvent(deps, tx, { accountId, kind: "recovery_completed", client, detail: { recoveryId: done.id, via: done.via } }, now)];
}

/**
 * The person is evidently not locked out (a second step worked, the password
 * was changed, the account secured or locked): a waiting recovery ends and an
 * identity check not yet decided is withdrawn, in `tx`.
 */
export async function endRecoveryAttempts(
	deps: FlowDeps,
	tx: Db,
	accountId: string,
	by: string,
	client: ClientInfo | undefined,
	now: number,
): Promise<SecurityEvent[]> {
	const events = await cancelWaitingRecovery(deps, tx, accountId, by, client, now);
	await withdrawOpenRequest(tx, accountId, by, "Withdrawn: the account was used or secured before a decision.", now);
	return events;
}

/** Ends a waiting recovery, in `tx`. `by`: "sign_in", "link", "secure_account" or "operator:<name>". */
export async function cancelWaitingRecovery(
	deps: FlowDeps,
	tx: Db,
	accountId: string,
	by: string,
	client: ClientInfo | undefined,
	now: number,
	recoveryId?: string,
): Promise<SecurityEvent[]> {
	const cancelled = await markWaitingRecoveryCancelled(tx, accountId, by, now, recoveryId);
	if (!cancelled) return [];
	const actor = isOperatorActor(by) ? by : "person";
	return [await recordEvent(deps, tx, { accountId, kind: "recovery_cancelled", actor, client, detail: { recoveryId: cancelled.id, by } }, now)];
}

/**
 * The one-click cancel from an alert: no sign-in needed, the link is enough.
 * Returns false when the link is unknown, used or expired, or the recovery
 * already ended.
 */
export async function cancelRecoveryByLink(deps: FlowDeps, token: string | undefined, client: ClientInfo): Promise<boolean> {
	if (!token || !looksLikeToken(token)) return false;
	const events = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		const used = await claimCancelRecoveryLink(tx, tokenHash(token), now);
		if (!used?.recovery_id) return undefined;
		const cancelled = await cancelWaitingRecovery(deps, tx, used.account_id, "link", client, now, used.recovery_id);
		return cancelled.length ? cancelled : undefined;
	});
	if (!events) return false;
	deps.alerts.announce(...events);
	return true;
}
