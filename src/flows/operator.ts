import { canonicalUsername } from "../core/username.ts";
import { lockAccount, markLocked, markUnlocked, readAccountByUsername, setAccountRole } from "../store/accounts.ts";
import { listContactsByKind } from "../store/contacts.ts";
import { readLastSignInAt } from "../store/events.ts";
import { hasOpenRequest } from "../store/recoveries.ts";
import type { Account } from "../store/schema.ts";
import { countLiveSessions } from "../store/sessions.ts";
import { countTrustedDevices } from "../store/trusted-devices.ts";
import { endSignIns } from "./access.ts";
import { enrolledMethods } from "./accounts.ts";
import type { FlowDeps } from "./deps.ts";
import { recordEvent } from "./events.ts";
import { endRecoveryAttempts, resetTwoFactor, waitingRecovery } from "./recovery.ts";

/**
 * What operators do from the command line (`tessera users …`). Every change is
 * recorded as a security event with the operator's name, and the person is
 * alerted where the change affects how they sign in.
 */

export class UnknownAccount extends Error {
	override name = "UnknownAccount";
	constructor(username: string) {
		super(`No account is called "${username}".`);
	}
}

export async function findAccount(deps: FlowDeps, username: string): Promise<Account> {
	const account = await readAccountByUsername(deps.db, canonicalUsername(username));
	if (!account) throw new UnknownAccount(username);
	return account;
}

export interface AccountReport {
	id: string;
	username: string;
	createdAt: string;
	role: string;
	state: "active" | "locked";
	lockedAt: string | null;
	twoFactor: "on" | "off" | "must be set up again";
	methods: string[];
	backupCodes: { remaining: number; total: number; createdAt: string } | null;
	contacts: { kind: string; value: string; verified: boolean }[];
	sessions: number;
	trustedDevices: number;
	lastSignIn: string | null;
	recovery: { status: "waiting"; via: string; readyAt: string } | null;
	identityCheck: "open" | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Everything an operator needs to help someone, and never a secret: no code, no hash. */
export async function describeAccount(deps: FlowDeps, username: string): Promise<AccountReport> {
	const account = await findAccount(deps, username);
	const now = deps.clock();
	const codes = account.two_factor_enabled ? await deps.methods.fallback.status(deps.db, account.id) : undefined;
	const contacts = await listContactsByKind(deps.db, account.id);
	// A session also ends when idle too long.
	const sessions = await countLiveSessions(deps.db, account.id, now, now - deps.config.session.idleMs);
	const devices = await countTrustedDevices(deps.db, account.id, now);
	const lastSignIn = await readLastSignInAt(deps.db, account.id);
	const recovery = await waitingRecovery(deps.db, account.id, now);
	const open = await hasOpenRequest(deps.db, account.id);
	return {
		id: account.id,
		username: account.username,
		createdAt: iso(Number(account.created_at)),
		role: account.role,
		state: account.locked_at === null ? "active" : "locked",
		lockedAt: account.locked_at === null ? null : iso(Number(account.locked_at)),
		twoFactor: account.two_factor_enabled ? "on" : account.two_factor_required ? "must be set up again" : "off",
		methods: await enrolledMethods(deps, account),
		backupCodes: codes ? { remaining: codes.remaining, total: codes.total, createdAt: iso(codes.createdAt) } : null,
		contacts: contacts.map((c) => ({ kind: c.kind, value: c.value, verified: c.verified_at !== null })),
		sessions,
		trustedDevices: devices,
		lastSignIn: lastSignIn === undefined ? null : iso(lastSignIn),
		recovery: recovery ? { status: "waiting", via: recovery.via, readyAt: iso(recovery.readyAt) } : null,
		identityCheck: open ? "open" : null,
	};
}

/**
 * Locks an account: every session and sign-in in progress ends, and the
 * password stops working (it answers like a wrong one). Returns false when it
 * was already locked.
 */
export async function lockUser(deps: FlowDeps, username: string, actor: string, reason: string): Promise<boolean> {
	const account = await findAccount(deps, username);
	return deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		if (!(await markLocked(tx, account.id, now))) return false;
		await endSignIns(tx, account.id, now);
		await endRecoveryAttempts(deps, tx, account.id, actor, undefined, now);
		await recordEvent(deps, tx, { accountId: account.id, kind: "account_locked", actor, detail: reason ? { reason } : {} }, now);
		return true;
	});
}

export async function unlockUser(deps: FlowDeps, username: string, actor: string, reason: string): Promise<boolean> {
	const account = await findAccount(deps, username);
	return deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		if (!(await markUnlocked(tx, account.id))) return false;
		await recordEvent(deps, tx, { accountId: account.id, kind: "account_unlocked", actor, detail: reason ? { reason } : {} }, now);
		return true;
	});
}

/**
 * Resets two-factor at once, after an operator has checked the person's
 * identity some other way. Every session ends; the next sign-in must set
 * two-factor up again first; every address of the account is alerted.
 */
export async function resetUserTwoFactor(deps: FlowDeps, username: string, actor: string, reason: string): Promise<void> {
	const account = await findAccount(deps, username);
	const events = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		const cancelled = await endRecoveryAttempts(deps, tx, account.id, actor, undefined, now);
		await resetTwoFactor(deps, tx, account.id, now);
		return [...cancelled, await recordEvent(deps, tx, { accountId: account.id, kind: "two_factor_reset", actor, detail: { reason } }, now)];
	});
	deps.alerts.announce(...events);
}

export async function setRole(deps: FlowDeps, username: string, role: "admin" | "user", actor: string): Promise<boolean> {
	const account = await findAccount(deps, username);
	if (account.role === role) return false;
	await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await setAccountRole(tx, account.id, role);
		await recordEvent(deps, tx, { accountId: account.id, kind: "role_changed", actor, detail: { from: account.role, to: role } }, now);
	});
	return true;
}
