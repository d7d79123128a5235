import { canonicalEmail, canonicalPhone, formatPhone, maskEmail, maskPhone } from "../core/contact.ts";
import { fieldProblem, TesseraError } from "../core/errors.ts";
import { newId } from "../core/tokens.ts";
import type { IssuedCode } from "../codes/one-time-codes.ts";
import { codeMessage } from "../delivery/messages/codes.ts";
import { lockAccount } from "../store/accounts.ts";
import { retireLinksSentTo } from "../store/action-tokens.ts";
import {
	dropUnverifiedExcept,
	insertContactIfAbsent,
	listAccountContacts,
	listContactsOfKind,
	listOtherHolders,
	lockContactValue,
	markContactVerified,
	readContact,
	readNewestUnverified,
	readVerifiedAt,
	removeContacts,
	removeVerifiedContacts,
} from "../store/contacts.ts";
import type { Db } from "../store/db.ts";
import { isUniqueViolation } from "../store/errors.ts";
import type { Account, ContactKind } from "../store/schema.ts";
import { revokeAllTrustedDevices } from "../store/trusted-devices.ts";
import { requirePassword } from "./accounts.ts";
import { assertSecondFactorRemains } from "./enrolment.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { signedInCodeLimits } from "./limits.ts";
import { recordEvent } from "./events.ts";

/**
 * An account's email address and phone number. Each is added with the
 * password, proved with a six-digit code sent to it, and removed with the
 * password. A verified email also works as a sign-in name; a verified phone
 * receives sign-in codes by SMS.
 */

export interface ContactView {
	kind: ContactKind;
	value: string;
	/** As people write it: a phone number in international format. */
	display: string;
	masked: string;
	verified: boolean;
	createdAt: number;
}

function channelOf(kind: ContactKind): "email" | "sms" {
	return kind === "email" ? "email" : "sms";
}

function view(row: { kind: ContactKind; value: string; verified_at: number | null; created_at: number }): ContactView {
	return {
		kind: row.kind,
		value: row.value,
		display: row.kind === "phone" ? formatPhone(row.value) : row.value,
		masked: row.kind === "phone" ? maskPhone(row.value) : maskEmail(row.value),
		verified: row.verified_at !== null,
		createdAt: Number(row.created_at),
	};
}

export async function listContacts(deps: FlowDeps, accountId: string): Promise<ContactView[]> {
	const rows = await listAccountContacts(deps.db, accountId);
	return rows.map(view);
}

function canonical(kind: ContactKind, input: string): string {
	if (kind === "email") {
		const email = canonicalEmail(input);
		if (!email) throw new TesseraError("invalid_request", { fields: [fieldProblem("value", "email_format", undefined, "errors.field.email_format.contact")] });
		return email;
	}
	const phone = canonicalPhone(input);
	if (!phone.value) throw new TesseraError("invalid_request", { fields: [phone.problem!] });
	return phone.value;
}

/**
 * Refuses an address another account already holds (email: one account; phone:
 * up to the configured number). Asked only at verification, once the code has
 * proved the person owns the address, so it tells nothing to anyone else; and
 * inside the verifying transaction, under a lock on the address.
 */
async function checkNotTaken(deps: FlowDeps, tx: Db, accountId: string, kind: ContactKind, value: string): Promise<void> {
	await lockContactValue(tx, kind, value);
	const holders = await listOtherHolders(tx, accountId, kind, value);
	const limit = kind === "email" ? 1 : deps.config.phoneAccountsMax;
	if (holders.length >= limit) throw new TesseraError(kind === "email" ? "email_in_use" : "phone_in_use");
}

export interface AddedContact {
	contact: ContactView;
	code: IssuedCode;
}

/**
 * Adds an address, unverified, and sends it a code; the password is needed.
 * An account has one address of each kind waiting for its code at a time.
 */
export async function addContact(
	deps: FlowDeps,
	account: Account,
	input: { kind: ContactKind; value: string; password: string },
	client: ClientInfo,
): Promise<AddedContact> {
	const value = canonical(input.kind, input.value);
	await requirePassword(deps, account, input.password, client);
	if (!deps.delivery.supports(channelOf(input.kind))) throw new TesseraError("channel_unavailable");
	const now = deps.clock();
	const row = await deps.db.transaction().execute(async (tx) => {
		await lockAccount(tx, account.id);
		await dropUnverifiedExcept(tx, account.id, input.kind, value);
		await insertContactIfAbsent(tx, { id: newId(deps.random), accountId: account.id, kind: input.kind, value }, now);
		return readContact(tx, account.id, input.kind, value);
	});
	if (row.verified_at !== null) return { contact: view(row), code: { expiresAt: now, resendAfter: now, delivery: "sent" } };
	const code = await sendContactCode(deps, account.id, row.id, input.kind, value, client);
	return { contact: view(row), code };
}

function sendContactCode(
	deps: FlowDeps,
	accountId: string,
	contactId: string,
	kind: ContactKind,
	value: string,
	client: ClientInfo,
) {
	const channel = channelOf(kind);
	return deps.oneTimeCodes.issue({ accountId, purpose: "contact", channel, contactId }, value, client, (code) =>
		codeMessage(channel, value, code, "contact", deps.config),
	);
}

async function unverified(deps: FlowDeps, accountId: string, kind: ContactKind) {
	const row = await readNewestUnverified(deps.db, accountId, kind);
	if (!row) throw new TesseraError("no_contact");
	return row;
}

/** "Resend": a new code for the address waiting to be proved; the old code stops working. */
export async function resendContactCode(
	deps: FlowDeps,
	account: Account,
	kind: ContactKind,
	client: ClientInfo,
): Promise<IssuedCode> {
	const row = await unverified(deps, account.id, kind);
	return sendContactCode(deps, account.id, row.id, kind, row.value, client);
}

/**
 * The code sent to the address proves it. It then replaces the account's
 * previous address of that kind, if any.
 */
export async function verifyContact(
	deps: FlowDeps,
	account: Account,
	input: { kind: ContactKind; code: string },
	client: ClientInfo,
): Promise<ContactView> {
	const row = await unverified(deps, account.id, input.kind);
	const scope = { accountId: account.id, purpose: "contact" as const, channel: channelOf(input.kind), contactId: row.id };
	return deps.attempts.attempt(signedInCodeLimits(deps, account.id), async () => {
		const checked = await deps.oneTimeCodes.prepare(scope, input.code);
		const now = deps.clock();
		try {
			const event = await deps.db.transaction().execute(async (tx) => {
				await lockAccount(tx, account.id);
				// Proved meanwhile by a parallel request (a double submit): not a wrong guess.
				const still = await readVerifiedAt(tx, row.id);
				if (!still || still.verified_at !== null) throw new TesseraError("no_contact");
				await deps.oneTimeCodes.consume(tx, checked, now);
				await checkNotTaken(deps, tx, account.id, input.kind, row.value);
				await revokeAllTrustedDevices(tx, account.id);
				// The address this one replaces holds nothing from now on: every link sent to it ends,
				// and it hears of the change without one.
				const replaced = await removeVerifiedContacts(tx, account.id, input.kind);
				await retireLinksSentTo(tx, account.id, replaced.map((r) => r.id), now);
				await markContactVerified(tx, row.id, now);
				const alsoTo = replaced.map((r) => ({ channel: channelOf(input.kind), to: r.value }));
				return recordEvent(deps, tx, { accountId: account.id, kind: "second_factor_added", method: input.kind, client, alsoTo }, now);
			});
			deps.alerts.announce(event);
		} catch (error) {
			if (isUniqueViolation(error)) throw new TesseraError(input.kind === "email" ? "email_in_use" : "phone_in_use");
			throw error;
		}
		return view({ ...row, verified_at: now });
	});
}

/**
 * Removes an address, with the password. While two-factor is on, the last way
 * to confirm it is you cannot be removed: turn two-factor off instead.
 */
export async function removeContact(
	deps: FlowDeps,
	account: Account,
	input: { kind: ContactKind; password: string },
	client: ClientInfo,
): Promise<void> {
	await requirePassword(deps, account, input.password, client);
	const rows = await listContactsOfKind(deps.db, account.id, input.kind);
	if (rows.length === 0) throw new TesseraError("no_contact");
	const event = await deps.db.transaction().execute(async (tx) => {
		await lockAccount(tx, account.id);
		await revokeAllTrustedDevices(tx, account.id);
		await removeContacts(tx, account.id, input.kind);
		await assertSecondFactorRemains(deps, tx, account.id);
		// Every link sent to this address (reset, "Wasn't you?", cancel) stops working with it.
		await retireLinksSentTo(tx, account.id, rows.map((r) => r.id), deps.clock());
		// The address that goes hears of it too, with no link: if it wasn't the owner, that is where they would notice.
		const alsoTo = rows.filter((r) => r.verified_at !== null).map((r) => ({ channel: channelOf(input.kind), to: r.value }));
		return recordEvent(deps, tx, { accountId: account.id, kind: "second_factor_removed", method: input.kind, client, alsoTo });
	});
	deps.alerts.announce(event);
}
