import { TesseraError } from "../core/errors.ts";
import type { BackupCodeStatus, PendingSet } from "../methods/backup-code/backup-codes.ts";
import type { TotpEnrollment } from "../methods/totp/totp.ts";
import { lockAccount } from "../store/errors.ts";
import { type Account, accountColumns } from "../store/schema.ts";
import { enrolledMethods, requirePassword, type TwoFactorState, twoFactorState } from "./accounts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { codeLimits, codeSetBudget } from "./limits.ts";
import { electiveHashing } from "../methods/password/hashing.ts";
import { assertSecondFactorRemains } from "./passkeys.ts";
import { createChallenge, type SecondFactorChallenge } from "./challenge.ts";
import { proveSecondFactor } from "./sign-in.ts";
import type { MethodName } from "../methods/types.ts";
import { recordEvent, type SecurityEvent } from "./events.ts";
import { endRecoveryAttempts } from "./recovery.ts";
import { revokeAllTrustedDevices } from "./trusted-devices.ts";

/**
 * Turning two-factor on and off, and managing backup codes.
 *
 * Turning on takes three steps: the password, a first code from the
 * authenticator app, then one code typed back from the first set of backup
 * codes, which proves they were saved. Only then does two-factor count as on.
 * Every later set is confirmed the same way before it replaces the old one.
 */

/** A new set of backup codes, hashed in the elective lane, within the account's budget of sets. */
async function prepareCodeSet(deps: FlowDeps, accountId: string) {
	await deps.attempts.count(codeSetBudget(deps, accountId));
	return electiveHashing(() => deps.methods.backupCode.prepareSet(accountId));
}

async function reload(deps: FlowDeps, accountId: string): Promise<Account> {
	return deps.db.selectFrom("accounts").select(accountColumns).where("id", "=", accountId).executeTakeFirstOrThrow();
}

export async function beginTotpEnrollment(
	deps: FlowDeps,
	account: Account,
	password: string,
	client: ClientInfo,
): Promise<TotpEnrollment> {
	await requirePassword(deps, account, password, client);
	if (await deps.methods.totp.isEnrolled(deps.db, account.id)) throw new TesseraError("two_factor_already_enabled");
	return deps.methods.totp.beginEnrollment(account.id, account.username);
}

export interface NewBackupCodes {
	codes: string[];
	status: "pending";
	expiresAt: number;
}

export interface TotpConfirmation {
	twoFactor: TwoFactorState;
	backupCodes?: NewBackupCodes;
}

/**
 * The first valid code completes the authenticator's set-up. If two-factor is
 * not on yet, the first set of backup codes is made in the same transaction,
 * pending until one of its codes is typed back.
 */
export async function confirmTotpEnrollment(
	deps: FlowDeps,
	account: Account,
	code: string,
	client: ClientInfo,
): Promise<TotpConfirmation> {
	const checked = await deps.attempts.attempt(codeLimits(deps, account.id, client), () =>
		deps.methods.totp.checkPendingCode(account.id, code),
	);
	const set = account.two_factor_enabled ? undefined : await prepareCodeSet(deps, account.id);
	let added: SecurityEvent | undefined;
	const pending = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		await revokeAllTrustedDevices(tx, account.id);
		await deps.methods.totp.confirm(tx, account.id, checked, now);
		// While two-factor is off, the app is only half of turning it on: the event comes with the codes.
		if (account.two_factor_enabled) {
			added = await recordEvent(deps, tx, { accountId: account.id, kind: "second_factor_added", method: "totp", client }, now);
		}
		return set ? deps.methods.backupCode.savePending(tx, account.id, set, now) : undefined;
	});
	if (added) deps.alerts.announce(added);
	const result: TotpConfirmation = { twoFactor: await twoFactorState(deps, await reload(deps, account.id)) };
	if (set && pending) result.backupCodes = { codes: set.codes, status: "pending", expiresAt: pending.expiresAt };
	return result;
}

/**
 * Removes the authenticator app. While two-factor is on, another way to
 * confirm it is you must remain (a passkey, a verified phone or email): the
 * last one cannot be removed, turn two-factor off instead. A set-up that was
 * never finished (two-factor not on yet) simply starts over.
 */
export async function disableTotp(
	deps: FlowDeps,
	account: Account,
	password: string,
	client: ClientInfo,
): Promise<TwoFactorState> {
	await requirePassword(deps, account, password, client);
	const totpOn = await deps.methods.totp.isEnrolled(deps.db, account.id);
	if (!totpOn) throw new TesseraError("two_factor_not_enabled");
	const event = await deps.db.transaction().execute(async (tx) => {
		await lockAccount(tx, account.id);
		await revokeAllTrustedDevices(tx, account.id);
		await deps.methods.totp.remove(tx, account.id);
		await assertSecondFactorRemains(deps, tx, account.id);
		if (!account.two_factor_enabled) {
			await deps.methods.backupCode.retireAll(tx, account.id, deps.clock());
			return undefined;
		}
		return recordEvent(deps, tx, { accountId: account.id, kind: "second_factor_removed", method: "totp", client });
	});
	if (event) deps.alerts.announce(event);
	return twoFactorState(deps, await reload(deps, account.id));
}

/**
 * Turning two-factor off needs the password and then a second factor, like a
 * sign-in: the answer is a challenge to complete with confirmDisableTwoFactor.
 */
export async function startDisableTwoFactor(
	deps: FlowDeps,
	account: Account,
	password: string,
	client: ClientInfo,
): Promise<SecondFactorChallenge> {
	await requirePassword(deps, account, password, client);
	if (!account.two_factor_enabled) throw new TesseraError("two_factor_not_enabled");
	const methods = await enrolledMethods(deps, account);
	if (methods.length === 0) throw new TesseraError("second_factor_unavailable");
	return createChallenge(deps, account, "disable_two_factor", methods, client);
}

/**
 * A valid second factor turns two-factor off, in the transaction that claims
 * it: the authenticator is removed, the backup codes stop working, trusted
 * devices and waiting sign-ins end. Passkeys and verified addresses stay, unused
 * until two-factor is on again.
 */
export async function confirmDisableTwoFactor(
	deps: FlowDeps,
	signedInAccountId: string,
	input: { challenge: string; method: MethodName; code: string },
	client: ClientInfo,
): Promise<TwoFactorState> {
	const { accountId, event, ended } = await proveSecondFactor(deps, "disable_two_factor", input, client, async (tx, { accountId, now }) => {
		// The challenge must belong to the account whose session asks.
		if (accountId !== signedInAccountId) throw new TesseraError("challenge_expired");
		await revokeAllTrustedDevices(tx, accountId);
		for (const method of deps.methods.all) if (!method.keptWhenTurnedOff) await method.removeAll(tx, accountId, now);
		await tx
			.updateTable("accounts")
			.set({ two_factor_enabled: 0, preferred_method: null, updated_at: now })
			.where("id", "=", accountId)
			.execute();
		await tx
			.updateTable("login_challenges")
			.set({ consumed_at: now })
			.where("account_id", "=", accountId)
			.where("consumed_at", "is", null)
			.execute();
		const ended = await endRecoveryAttempts(deps, tx, accountId, "sign_in", client, now);
		const event = await recordEvent(deps, tx, { accountId, kind: "two_factor_disabled", method: input.method, client }, now);
		return { accountId, event, ended };
	});
	deps.alerts.announce(event, ...ended);
	return twoFactorState(deps, await reload(deps, accountId));
}

/**
 * "Get new codes": a new set, pending until one of its codes is typed back; the
 * working set keeps working meanwhile. Also how a set-up whose first set was
 * never confirmed gets another one.
 */
export async function requestNewBackupCodes(
	deps: FlowDeps,
	account: Account,
	password: string,
	client: ClientInfo,
): Promise<NewBackupCodes> {
	await requirePassword(deps, account, password, client);
	if (!account.two_factor_enabled && !(await deps.methods.totp.isEnrolled(deps.db, account.id))) {
		throw new TesseraError("two_factor_not_enabled");
	}
	const set = await prepareCodeSet(deps, account.id);
	const pending: PendingSet = await deps.db.transaction().execute(async (tx) => {
		await lockAccount(tx, account.id);
		return deps.methods.backupCode.savePending(tx, account.id, set, deps.clock());
	});
	return { codes: set.codes, status: "pending", expiresAt: pending.expiresAt };
}

export interface ConfirmedBackupCodes {
	backupCodes: BackupCodeStatus;
	twoFactor: TwoFactorState;
	/** True when this confirmation turned two-factor on. */
	turnedOn: boolean;
}

/**
 * One code typed back from the pending set proves it was saved: the set becomes
 * the working one (the old one stops working) and the code stays usable. For
 * the first set, this is what turns two-factor on.
 */
export async function confirmBackupCodes(
	deps: FlowDeps,
	account: Account,
	code: string,
	client: ClientInfo,
): Promise<ConfirmedBackupCodes> {
	const checked = await deps.attempts.attempt(codeLimits(deps, account.id, client), () =>
		deps.methods.backupCode.checkPendingCode(account.id, code),
	);
	const { backupCodes, turnedOn, event } = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		await revokeAllTrustedDevices(tx, account.id);
		const status = await deps.methods.backupCode.confirmPending(tx, account.id, checked, now);
		const current = await tx
			.selectFrom("accounts")
			.select("two_factor_enabled")
			.where("id", "=", account.id)
			.executeTakeFirstOrThrow();
		const on = { accountId: account.id, client, detail: { codes: status.total } };
		if (current.two_factor_enabled) {
			return { backupCodes: status, turnedOn: false, event: await recordEvent(deps, tx, { ...on, kind: "backup_codes_replaced" }, now) };
		}
		if (!(await deps.methods.totp.isEnrolled(tx, account.id))) throw new TesseraError("two_factor_not_enabled");
		await tx
			.updateTable("accounts")
			.set({ two_factor_enabled: 1, two_factor_required: 0, preferred_method: "totp", updated_at: now })
			.where("id", "=", account.id)
			.execute();
		return { backupCodes: status, turnedOn: true, event: await recordEvent(deps, tx, { ...on, kind: "two_factor_enabled", method: "totp" }, now) };
	});
	deps.alerts.announce(event);
	return { backupCodes, twoFactor: await twoFactorState(deps, await reload(deps, account.id)), turnedOn };
}
