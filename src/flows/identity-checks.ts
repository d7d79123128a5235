import { fieldProblem, TesseraError, words } from "../core/errors.ts";
import { newId } from "../core/tokens.ts";
import { deviceLabel } from "../core/user-agent.ts";
import { lockAccount, readAccountById } from "../store/accounts.ts";
import type { Db } from "../store/db.ts";
import { findAccountById } from "../store/people.ts";
import { isUniqueViolation } from "../store/errors.ts";
import {
	decideOpenRequest,
	insertRecoveryRequest,
	listRequestsWithUsernames,
	type RecoveryRequestRow,
	readRecoveryRequest,
} from "../store/recoveries.ts";
import type { RecoveryRequestStatus } from "../store/schema.ts";
import { type OperatorRole, OperatorRefused, refusalFor } from "./console.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import type { OperatorRef } from "./operator.ts";
import { recordEvent } from "./events.ts";
import { beginRecovery, passwordProven, type WaitingRecovery, waitingRecovery } from "./recovery.ts";

/**
 * Identity checks: with no working address, the person tells an operator what
 * they know, and an operator's decision (approve, with the same wait and alerts
 * as proving an address, or deny) is audited with its note.
 */

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
			fields: [fieldProblem("message", "too_short", undefined, "errors.field.identityCheck.tooShort")],
		});
	}
	const challenge = await passwordProven(deps, input.challenge);
	if (await waitingRecovery(deps.db, challenge.accountId, deps.clock())) throw new TesseraError("recovery_in_progress");
	const id = newId(deps.random);
	const now = deps.clock();
	try {
		const event = await deps.db.transaction().execute(async (tx) => {
			await insertRecoveryRequest(
				tx,
				{
					id,
					accountId: challenge.accountId,
					message: message.slice(0, 2000),
					contactsUsed: input.contactsUsed.trim().slice(0, 500),
					lastSignIn: input.lastSignIn.trim().slice(0, 100),
					ip: client.ip,
					device: deviceLabel(client.userAgent),
				},
				now,
			);
			return recordEvent(deps, tx, { accountId: challenge.accountId, kind: "recovery_requested", client, detail: { requestId: id } }, now);
		});
		deps.alerts.announce(event);
	} catch (error) {
		if (isUniqueViolation(error)) throw new TesseraError("recovery_request_open");
		throw error;
	}
	return { id, createdAt: now };
}

function requestView(row: RecoveryRequestRow): RecoveryRequestView {
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

export async function listRecoveryRequests(db: Db, status?: RecoveryRequestStatus): Promise<RecoveryRequestView[]> {
	return (await listRequestsWithUsernames(db, status)).map(requestView);
}

export async function findRecoveryRequest(db: Db, id: string): Promise<RecoveryRequestView | undefined> {
	const row = await readRecoveryRequest(db, id);
	return row ? requestView(row) : undefined;
}

/**
 * Why this operator may not decide this request, or undefined when they may:
 * support does not decide an admin's identity check (as it does not act on an
 * admin's account). The account's own operator is refused when deciding.
 */
export async function identityCheckRefusal(db: Db, operator: { id: string; role: OperatorRole }, request: RecoveryRequestView): Promise<"admin_account" | undefined> {
	const account = await findAccountById(db, request.accountId);
	if (!account) return undefined;
	return refusalFor({ ...operator, username: "" }, { id: "", role: account.role }) === "admin_account" ? "admin_account" : undefined;
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
	input: { id: string; decision: "approve" | "deny"; actor: string; note: string; actorAccountId?: string; operator?: OperatorRef },
): Promise<{ request: RecoveryRequestView; recovery?: WaitingRecovery }> {
	// Every decision says why, for the audit log.
	if (input.note.trim() === "") {
		throw new TesseraError("invalid_request", {
			message: words("errors.identityCheck.noteRequired"),
			fields: [fieldProblem("note", "required", undefined, "errors.field.note.required")],
		});
	}
	const outcome = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		const status = input.decision === "approve" ? "approved" : "denied";
		const decided = await decideOpenRequest(tx, input.id, { status, by: input.actor, note: input.note.slice(0, 1000) }, now);
		if (!decided) throw new RequestNotOpen(`Request ${input.id} is not open: it does not exist or was already decided.`);
		// Rolled back with the transaction: the request stays open for another operator.
		if ((input.operator?.id ?? input.actorAccountId) === decided.account_id) throw new TesseraError("own_identity_check");
		// The account's role as it is now, its row held: support may not decide an admin's request, even one made admin meanwhile.
		if (input.operator) {
			await lockAccount(tx, decided.account_id);
			const account = await readAccountById(tx, decided.account_id);
			if (refusalFor(input.operator, { id: "", role: account.role }) === "admin_account") {
				throw new OperatorRefused("admin_account");
			}
		}
		const events = [
			await recordEvent(
				deps,
				tx,
				{
					accountId: decided.account_id,
					kind: input.decision === "approve" ? "recovery_approved" : "recovery_denied",
					actor: input.actor,
					detail: {
						requestId: input.id,
						note: input.note.slice(0, 1000),
						// From the console, the operator's account, as the console's actions record it.
						...(input.operator ? { operator: { id: input.operator.id, username: input.operator.username, role: input.operator.role } } : {}),
					},
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
