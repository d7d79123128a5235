import { maskEmail, maskPhone } from "../core/contact.ts";
import { TesseraError } from "../core/errors.ts";
import { looksLikeToken, newId, tokenHash } from "../core/tokens.ts";
import { deviceLabel } from "../core/user-agent.ts";
import { codeMessage } from "../methods/one-time-code/messages.ts";
import type { IssuedCode } from "../methods/one-time-code/one-time-codes.ts";
import type { Db } from "../store/db.ts";
import { isUniqueViolation, lockAccount } from "../store/errors.ts";
import type { ContactKind, RecoveryRequestStatus } from "../store/schema.ts";
import { codesPaused } from "./accounts.ts";
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
async function passwordProven(deps: FlowDeps, token: string | undefined): Promise<{ id: string; accountId: string }> {
	const row = await readOpenChallenge(deps, token, ["sign_in", "password_reset"]);
	return { id: row.id, accountId: row.accountId };
}

async function verifiedContacts(db: Db, accountId: string) {
	return db
		.selectFrom("contacts")
		.select(["id", "kind", "value"])
		.where("account_id", "=", accountId)
		.where("verified_at", "is not", null)
		.orderBy("kind")
		.execute();
}

export async function waitingRecovery(db: Db, accountId: string, now: number): Promise<WaitingRecovery | undefined> {
	const row = await db
		.selectFrom("account_recoveries")
		.select(["id", "via", "started_at", "ready_at"])
		.where("account_id", "=", accountId)
		.where("status", "=", "waiting")
		.where("ready_at", ">", now - RECOVERY_LAPSES_AFTER_MS)
		.executeTakeFirst();
	return row ? { id: row.id, via: row.via, startedAt: Number(row.started_at), readyAt: Number(row.ready_at) } : undefined;
}

export interface RecoveryOptions {
	contacts: RecoveryContact[];
	recovery: WaitingRecovery | undefined;
	requestOpen: boolean;
}

/** What a person in this sign-in can recover with: the account's verified addresses, masked. */
export async function recoveryOptions(deps: FlowDeps, challengeToken: string | undefined): Promise<RecoveryOptions> {
	const { accountId } = await passwordProven(deps, challengeToken);
	const contacts = await verifiedContacts(deps.db, accountId);
	const open = await deps.db
		.selectFrom("recovery_requests")
		.select("id")
		.where("account_id", "=", accountId)
		.where("status", "=", "open")
		.executeTakeFirst();
	return {
		contacts: contacts.map((c) => ({ kind: c.kind, masked: c.kind === "phone" ? maskPhone(c.value) : maskEmail(c.value) })),
		recovery: await waitingRecovery(deps.db, accountId, deps.clock()),
		requestOpen: open !== undefined,
	};
}

function channelOf(kind: ContactKind): "email" | "sms" {
	return kind === "email" ? "email" : "sms";
}

async function recoveryContact(deps: FlowDeps, accountId: string, kind: ContactKind) {
	const contact = (await verifiedContacts(deps.db, accountId)).find((c) => c.kind === kind);
	if (!contact) {
		throw new TesseraError("no_contact", {
			message: `This account has no confirmed ${kind === "phone" ? "phone number" : "email address"}. Use another one, or ask for an identity check.`,
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
		(code) => codeMessage(channel, contact.value, code, "recovery", deps.config.issuer),
	);
	return { ...issued, sentTo: input.kind === "phone" ? maskPhone(contact.value) : maskEmail(contact.value) };
}

/**
 * After a password reset that no strong factor confirmed, the channel it went
 * through proves nothing more: an email or text cannot also start a recovery
 * until a strong factor has signed in. Identity checks still can.
 */
async function assertCodesNotPaused(deps: FlowDeps, accountId: string): Promise<void> {
	const account = await deps.db.selectFrom("accounts").select("codes_paused_at").where("id", "=", accountId).executeTakeFirstOrThrow();
	if (codesPaused(account)) throw new TesseraError("recovery_paused");
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
	await tx
		.updateTable("account_recoveries")
		.set({ status: "cancelled", ended_at: now, ended_by: "lapsed" })
		.where("account_id", "=", input.accountId)
		.where("status", "=", "waiting")
		.where("ready_at", "<=", now - RECOVERY_LAPSES_AFTER_MS)
		.execute();
	try {
		await tx
			.insertInto("account_recoveries")
			.values({ id, account_id: input.accountId, via: input.via, status: "waiting", started_at: now, ready_at: readyAt, ended_at: null, ended_by: null })
			.execute();
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
	await tx.deleteFrom("trusted_devices").where("account_id", "=", accountId).execute();
	await tx.deleteFrom("sessions").where("account_id", "=", accountId).execute();
	await tx
		.updateTable("login_challenges")
		.set({ consumed_at: now })
		.where("account_id", "=", accountId)
		.where("consumed_at", "is", null)
		.execute();
	await tx
		.updateTable("accounts")
		.set({ two_factor_enabled: 0, two_factor_required: 1, preferred_method: null, updated_at: now })
		.where("id", "=", accountId)
		.execute();
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
	const done = await tx
		.updateTable("account_recoveries")
		.set({ status: "completed", ended_at: now, ended_by: "completed" })
		.where("account_id", "=", accountId)
		.where("status", "=", "waiting")
		.where("ready_at", "<=", now)
		.where("ready_at", ">", now - RECOVERY_LAPSES_AFTER_MS)
		.returning(["id", "via"])
		.executeTakeFirst();
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
	await tx
		.updateTable("recovery_requests")
		.set({ status: "withdrawn", decided_at: now, decided_by: by, decision_note: "Withdrawn: the account was used or secured before a decision." })
		.where("account_id", "=", accountId)
		.where("status", "=", "open")
		.execute();
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
	let update = tx
		.updateTable("account_recoveries")
		.set({ status: "cancelled", ended_at: now, ended_by: by })
		.where("account_id", "=", accountId)
		.where("status", "=", "waiting");
	if (recoveryId) update = update.where("id", "=", recoveryId);
	const cancelled = await update.returning("id").executeTakeFirst();
	if (!cancelled) return [];
	const actor = by.startsWith("operator:") || by.startsWith("admin:") ? by : "person";
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
		const used = await tx
			.updateTable("action_tokens")
			.set({ used_at: now })
			.where("token_hash", "=", tokenHash(token))
			.where("purpose", "=", "cancel_recovery")
			.where("used_at", "is", null)
			.where("expires_at", ">", now)
			.returning(["account_id", "recovery_id"])
			.executeTakeFirst();
		if (!used?.recovery_id) return undefined;
		const cancelled = await cancelWaitingRecovery(deps, tx, used.account_id, "link", client, now, used.recovery_id);
		return cancelled.length ? cancelled : undefined;
	});
	if (!events) return false;
	deps.alerts.announce(...events);
	return true;
}

// ── Identity checks ─────────────────────────────────────────────────────────

export interface RecoveryRequestInput {
	challenge: string;
	message: string;
	contactsUsed: string;
	lastSignIn: string;
}

export interface RecoveryRequestView {
	id: string;
	accountId: string;
	username: string;
	status: RecoveryRequestStatus;
	message: string;
	contactsUsed: string;
	lastSignIn: string;
	ip: string | null;
	device: string | null;
	createdAt: number;
	decidedAt: number | null;
	decidedBy: string | null;
	decisionNote: string | null;
}

/**
 * With no working address, the person tells an operator what they know.
 * One open request per account; the answer says only that it was received.
 */
export async function fileRecoveryRequest(
	deps: FlowDeps,
	input: RecoveryRequestInput,
	client: ClientInfo,
): Promise<{ id: string; createdAt: number }> {
	const message = input.message.trim();
	if (message.length < 10) {
		throw new TesseraError("invalid_request", {
			fields: [{ field: "message", problem: "Tell us a little more: at least a sentence about the account and what happened." }],
		});
	}
	const challenge = await passwordProven(deps, input.challenge);
	if (await waitingRecovery(deps.db, challenge.accountId, deps.clock())) throw new TesseraError("recovery_in_progress");
	const id = newId(deps.random);
	const now = deps.clock();
	try {
		const event = await deps.db.transaction().execute(async (tx) => {
			await tx
				.insertInto("recovery_requests")
				.values({
					id,
					account_id: challenge.accountId,
					status: "open",
					message: message.slice(0, 2000),
					contacts_used: input.contactsUsed.trim().slice(0, 500),
					last_sign_in: input.lastSignIn.trim().slice(0, 100),
					ip: client.ip,
					device: deviceLabel(client.userAgent),
					created_at: now,
					decided_at: null,
					decided_by: null,
					decision_note: null,
				})
				.execute();
			return recordEvent(deps, tx, { accountId: challenge.accountId, kind: "recovery_requested", client, detail: { requestId: id } }, now);
		});
		deps.alerts.announce(event);
	} catch (error) {
		if (isUniqueViolation(error)) throw new TesseraError("recovery_request_open");
		throw error;
	}
	return { id, createdAt: now };
}

function requestView(row: {
	id: string;
	account_id: string;
	username: string;
	status: RecoveryRequestStatus;
	message: string;
	contacts_used: string;
	last_sign_in: string;
	ip: string | null;
	device: string | null;
	created_at: number;
	decided_at: number | null;
	decided_by: string | null;
	decision_note: string | null;
}): RecoveryRequestView {
	return {
		id: row.id,
		accountId: row.account_id,
		username: row.username,
		status: row.status,
		message: row.message,
		contactsUsed: row.contacts_used,
		lastSignIn: row.last_sign_in,
		ip: row.ip,
		device: row.device,
		createdAt: Number(row.created_at),
		decidedAt: row.decided_at === null ? null : Number(row.decided_at),
		decidedBy: row.decided_by,
		decisionNote: row.decision_note,
	};
}

function requestsQuery(db: Db) {
	return db
		.selectFrom("recovery_requests as r")
		.innerJoin("accounts as a", "a.id", "r.account_id")
		.select([
			"r.id",
			"r.account_id",
			"a.username",
			"r.status",
			"r.message",
			"r.contacts_used",
			"r.last_sign_in",
			"r.ip",
			"r.device",
			"r.created_at",
			"r.decided_at",
			"r.decided_by",
			"r.decision_note",
		]);
}

export async function listRecoveryRequests(db: Db, status?: RecoveryRequestStatus): Promise<RecoveryRequestView[]> {
	let query = requestsQuery(db);
	if (status) query = query.where("r.status", "=", status);
	return (await query.orderBy("r.created_at").execute()).map(requestView);
}

export async function findRecoveryRequest(db: Db, id: string): Promise<RecoveryRequestView | undefined> {
	const row = await requestsQuery(db).where("r.id", "=", id).executeTakeFirst();
	return row ? requestView(row) : undefined;
}

export class RequestNotOpen extends Error {
	override name = "RequestNotOpen";
}

/**
 * An operator's decision on an open request, audited. Approval starts the
 * same waiting period, with the same alerts, as proving an address.
 */
export async function decideRecoveryRequest(
	deps: FlowDeps,
	input: { id: string; decision: "approve" | "deny"; actor: string; note: string; actorAccountId?: string },
): Promise<{ request: RecoveryRequestView; recovery?: WaitingRecovery }> {
	// Every decision says why, for the audit log.
	if (input.note.trim() === "") {
		throw new TesseraError("invalid_request", {
			message: "Write a note for the audit log: why this request is approved or denied.",
			fields: [{ field: "note", problem: "A note is required." }],
		});
	}
	const outcome = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		const status = input.decision === "approve" ? "approved" : "denied";
		const decided = await tx
			.updateTable("recovery_requests")
			.set({ status, decided_at: now, decided_by: input.actor, decision_note: input.note.slice(0, 1000) })
			.where("id", "=", input.id)
			.where("status", "=", "open")
			.returning("account_id")
			.executeTakeFirst();
		if (!decided) throw new RequestNotOpen(`Request ${input.id} is not open: it does not exist or was already decided.`);
		// Rolled back with the transaction: the request stays open for another operator.
		if (input.actorAccountId === decided.account_id) throw new TesseraError("own_identity_check");
		const events = [
			await recordEvent(
				deps,
				tx,
				{
					accountId: decided.account_id,
					kind: input.decision === "approve" ? "recovery_approved" : "recovery_denied",
					actor: input.actor,
					detail: { requestId: input.id, note: input.note.slice(0, 1000) },
				},
				now,
			),
		];
		if (input.decision === "deny") return { events, recovery: undefined };
		await lockAccount(tx, decided.account_id);
		const started = await beginRecovery(deps, tx, { accountId: decided.account_id, via: "operator", actor: input.actor }, now);
		return { events: [...events, ...started.events], recovery: started.recovery };
	});
	deps.alerts.announce(...outcome.events);
	const request = (await findRecoveryRequest(deps.db, input.id))!;
	return outcome.recovery ? { request, recovery: outcome.recovery } : { request };
}
