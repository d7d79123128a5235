import { TesseraError, words } from "../core/errors.ts";
import type { EnrolmentContext, MethodAnswer, MethodName, MethodStatus } from "../methods/types.ts";
import { lockAccount, readAccountById, readCodesPausedAt, readTwoFactorEnabled, setTwoFactor, turnTwoFactorOff } from "../store/accounts.ts";
import { endOpenChallenges } from "../store/challenges.ts";
import type { Account } from "../store/schema.ts";
import { codesPaused, enrolledMethods, methodStrength, requirePassword, type TwoFactorState, twoFactorState } from "./accounts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { codeSetBudget, signedInCodeLimits } from "./limits.ts";
import { electiveHashing } from "../hashing.ts";
import { createChallenge, type SecondFactorChallenge } from "./challenge.ts";
import { proveSecondFactor } from "./sign-in.ts";
import { recordEvent } from "./events.ts";
import { endRecoveryAttempts } from "./recovery.ts";
import { revokeAllTrustedDevices } from "./trusted-devices.ts";

/**
 * Turning two-factor on and off, and managing backup codes (the registry's
 * fallback: a set of single-use codes).
 *
 * Two-factor is on with a primary method (the authenticator, a passkey, a
 * verified phone or email) and a confirmed set of backup codes: one code typed
 * back from the first set proves it was saved. Setting up the authenticator
 * while two-factor is off comes with that first set; with a passkey or a
 * verified address already there, asking for codes is the way to turn it on.
 * Every later set is confirmed the same way before it replaces the old one.
 */

export interface NewBackupCodes {
	codes: string[];
	status: "pending";
	expiresAt: number;
}

/** A new set of backup codes, hashed in the elective lane, within the account's budget of sets. */
export async function prepareCodeSet(deps: FlowDeps, account: Pick<Account, "id" | "username">, client: ClientInfo) {
	await deps.attempts.count(codeSetBudget(deps, account.id));
	const context: EnrolmentContext = { accountId: account.id, username: account.username, client };
	const prepared = await electiveHashing(() => deps.methods.fallback.enrolment.prepareBegin!(context));
	return { context, prepared };
}

/** Methods strongest first (`methodStrength`, the rule sign-in opens on too); equals in the registry's order. */
export function strongestFirst(deps: Pick<FlowDeps, "methods">, names: readonly MethodName[]): MethodName[] {
	const order = (name: MethodName) => deps.methods.all.findIndex((m) => m.name === name);
	return [...names].sort((a, b) => methodStrength(deps, b) - methodStrength(deps, a) || order(a) - order(b));
}

/** The strongest primary method among `names` ("your strongest second step"), or null with none. */
export function strongestMethod(deps: Pick<FlowDeps, "methods">, names: readonly MethodName[]): MethodName | null {
	return strongestFirst(deps, names).find((name) => deps.methods.get(name).role === "primary") ?? null;
}

/**
 * The primary methods this account has set up, whether or not two-factor is on yet,
 * that can turn it on, strongest first. While codes by email and SMS are paused after
 * a reset, those are left out: sign-in would not offer them.
 */
export async function primaryMethodsSetUp(deps: FlowDeps, accountId: string, db = deps.db): Promise<MethodName[]> {
	const paused = codesPaused(await readCodesPausedAt(db, accountId));
	const names: MethodName[] = [];
	for (const method of deps.methods.all) {
		if (method.role !== "primary" || (paused && method.reachableByReset)) continue;
		if (await method.isEnrolled(db, accountId)) names.push(method.name);
	}
	return strongestFirst(deps, names);
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
	input: { challenge: string; method: MethodName; answer: MethodAnswer },
	client: ClientInfo,
): Promise<TwoFactorState> {
	const { accountId, event, ended } = await proveSecondFactor(deps, "disable_two_factor", input, client, async (tx, { accountId, now }) => {
		// The challenge must belong to the account whose session asks.
		if (accountId !== signedInAccountId) throw new TesseraError("challenge_expired");
		await revokeAllTrustedDevices(tx, accountId);
		for (const method of deps.methods.all) if (!method.keptWhenTurnedOff) await method.removeAll(tx, accountId, now);
		await turnTwoFactorOff(tx, accountId, now);
		await endOpenChallenges(tx, accountId, now);
		const ended = await endRecoveryAttempts(deps, tx, accountId, "sign_in", client, now);
		const event = await recordEvent(deps, tx, { accountId, kind: "two_factor_disabled", method: input.method, client }, now);
		return { accountId, event, ended };
	});
	deps.alerts.announce(event, ...ended);
	return twoFactorState(deps, await readAccountById(deps.db, accountId));
}

/**
 * "Get new codes": a new set, pending until one of its codes is typed back; the
 * working set keeps working meanwhile. With two-factor off and a primary method
 * set up, this is how two-factor is turned on (or a set-up whose first set was
 * never confirmed gets another one).
 */
export async function requestNewBackupCodes(
	deps: FlowDeps,
	account: Account,
	password: string,
	client: ClientInfo,
): Promise<NewBackupCodes> {
	await requirePassword(deps, account, password, client);
	if (!account.two_factor_enabled && (await primaryMethodsSetUp(deps, account.id)).length === 0) {
		throw new TesseraError("two_factor_not_enabled", {
			message: words("errors.twoFactor.setUpFirst"),
		});
	}
	const { context, prepared } = await prepareCodeSet(deps, account, client);
	const started = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		return deps.methods.fallback.enrolment.begin(tx, context, prepared, now);
	});
	if (started.kind !== "code_set") throw new Error("The fallback's set-up must be a set of codes");
	return { codes: started.codes, status: "pending", expiresAt: started.expiresAt };
}

/** The new set waiting to be typed back, if any. */
export async function pendingBackupCodes(deps: FlowDeps, account: Account, client: ClientInfo): Promise<{ expiresAt: number } | undefined> {
	const pending = await deps.methods.fallback.enrolment.pending(deps.db, { accountId: account.id, username: account.username, client });
	return pending?.kind === "code_set" ? { expiresAt: pending.expiresAt } : undefined;
}

export interface ConfirmedBackupCodes {
	backupCodes: MethodStatus;
	twoFactor: TwoFactorState;
	/** True when this confirmation turned two-factor on. */
	turnedOn: boolean;
}

/**
 * One code typed back from the pending set proves it was saved: the set becomes
 * the working one (the old one stops working) and the code stays usable. For
 * the first set, with a primary method set up, this is what turns two-factor on;
 * the method that came with it (the authenticator), else the strongest primary
 * method, becomes the one offered first.
 */
export async function confirmBackupCodes(
	deps: FlowDeps,
	account: Account,
	code: string,
	client: ClientInfo,
): Promise<ConfirmedBackupCodes> {
	const fallback = deps.methods.fallback;
	const context: EnrolmentContext = { accountId: account.id, username: account.username, client };
	const checked = await deps.attempts.attempt(signedInCodeLimits(deps, account.id), () => fallback.enrolment.check(context, { code }));
	const { backupCodes, turnedOn, event } = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		await revokeAllTrustedDevices(tx, account.id);
		await fallback.enrolment.confirm(tx, context, checked, now);
		const status = (await fallback.status(tx, account.id))!;
		const current = await readTwoFactorEnabled(tx, account.id);
		const on = { accountId: account.id, client, detail: { codes: status.total } };
		if (current.two_factor_enabled) {
			return { backupCodes: status, turnedOn: false, event: await recordEvent(deps, tx, { ...on, kind: "backup_codes_replaced" }, now) };
		}
		// The method set up to turn it on (the authenticator, which goes when it is turned off) is offered first, else the strongest.
		const ready = await primaryMethodsSetUp(deps, account.id, tx);
		const primary = ready.find((name) => !deps.methods.get(name).keptWhenTurnedOff) ?? ready[0];
		if (!primary) throw new TesseraError("two_factor_not_enabled");
		await setTwoFactor(tx, account.id, { enabled: 1, required: 0, preferredMethod: primary }, now);
		return { backupCodes: status, turnedOn: true, event: await recordEvent(deps, tx, { ...on, kind: "two_factor_enabled", method: primary }, now) };
	});
	deps.alerts.announce(event);
	return { backupCodes, twoFactor: await twoFactorState(deps, await readAccountById(deps.db, account.id)), turnedOn };
}

/**
 * The account's sets of codes as they are now (the waiting set and the working one),
 * as a form asking for a new set carries it. Sent again after it was answered (a
 * reload, the back button), the form no longer matches (`repeatsAnsweredRequest`): the
 * set it made waits to be typed back, and no second set is made without a word. Sets
 * are told apart by their times (a waiting set's expiry, the working set's creation).
 */
export async function codeSetsVersion(deps: FlowDeps, account: Pick<Account, "id" | "username">): Promise<string> {
	const { fallback } = deps.methods;
	const pending = await fallback.enrolment.pending(deps.db, { accountId: account.id, username: account.username, client: { ip: "" } });
	const working = await fallback.status(deps.db, account.id);
	return `${pending?.kind === "code_set" ? pending.expiresAt : 0}.${working?.createdAt ?? 0}`;
}

/** Whether a request for a new set comes from a form shown before a set was made or confirmed since. */
export async function repeatsAnsweredRequest(deps: FlowDeps, account: Pick<Account, "id" | "username">, shownWith: string | undefined): Promise<boolean> {
	return shownWith !== undefined && shownWith !== (await codeSetsVersion(deps, account));
}
