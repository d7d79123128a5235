import { deviceLabel } from "../core/user-agent.ts";
import { canonicalUsername } from "../core/username.ts";
import { lockAccount, markLocked, markUnlocked, readAccountById, readAccountByUsername, setAccountRole } from "../store/accounts.ts";
import { listContactsByKind } from "../store/contacts.ts";
import { readLastSignInAt } from "../store/events.ts";
import { findAccountById, listLiveSessions, readOpenRequestId } from "../store/people.ts";
import { hasOpenRequest } from "../store/recoveries.ts";
import type { Account } from "../store/schema.ts";
import { countLiveSessions } from "../store/sessions.ts";
import { countTrustedDevices, listLiveTrustedDevices } from "../store/trusted-devices.ts";
import { endSignIns } from "./access.ts";
import { enrolledMethods } from "./accounts.ts";
import { type AppWithAccess, appsWithAccess } from "./apps.ts";
import { type AccountRole, type OperatorRole, OperatorRefused, refusalFor } from "./console.ts";
import type { FlowDeps } from "./deps.ts";
import { type DescribedEvent, describeEvents, listActivity, recordEvent } from "./events.ts";
import { endRecoveryAttempts, resetTwoFactor, waitingRecovery } from "./recovery.ts";

/**
 * What operators do, from the command line (`tessera users …`) and the console
 * (/admin). Every change is recorded as a security event with the operator's
 * name (`actor`) and the reason; from the console also the operator's account
 * (`by`: id, username, role). The person is alerted on every channel when an
 * operator locks, unlocks, signs them out everywhere or resets their two-factor.
 */

/** The operator behind a change made in the console: recorded with the event. */
export interface OperatorRef {
	id: string;
	username: string;
	role: OperatorRole;
}

/** What an operator's event records besides its kind: the reason, and who, when known. */
function operatorDetail(reason: string, by: OperatorRef | undefined): Record<string, unknown> {
	return { ...(reason ? { reason } : {}), ...(by ? { operator: { id: by.id, username: by.username, role: by.role } } : {}) };
}

/**
 * Holds the account's row for the change (`lockAccount`) and, for a change from
 * the console, checks the refusals again on the account as it is now: a role
 * given meanwhile counts, whatever the page the operator submitted showed.
 */
async function holdFor(tx: Parameters<typeof lockAccount>[0], accountId: string, by: OperatorRef | undefined): Promise<void> {
	await lockAccount(tx, accountId);
	if (!by) return;
	const account = await readAccountById(tx, accountId);
	const refusal = refusalFor(by, { id: account.id, role: account.role });
	if (refusal) throw new OperatorRefused(refusal);
}

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
	return reportOf(deps, await findAccount(deps, username));
}

async function reportOf(deps: FlowDeps, account: Account): Promise<AccountReport> {
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
export async function lockUser(deps: FlowDeps, username: string, actor: string, reason: string, by?: OperatorRef): Promise<boolean> {
	const account = await findAccount(deps, username);
	const events = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await holdFor(tx, account.id, by);
		if (!(await markLocked(tx, account.id, now))) return undefined;
		await endSignIns(tx, account.id, now);
		const cancelled = await endRecoveryAttempts(deps, tx, account.id, actor, undefined, now);
		return [...cancelled, await recordEvent(deps, tx, { accountId: account.id, kind: "account_locked", actor, detail: operatorDetail(reason, by) }, now)];
	});
	if (!events) return false;
	deps.alerts.announce(...events);
	return true;
}

export async function unlockUser(deps: FlowDeps, username: string, actor: string, reason: string, by?: OperatorRef): Promise<boolean> {
	const account = await findAccount(deps, username);
	const event = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await holdFor(tx, account.id, by);
		if (!(await markUnlocked(tx, account.id))) return undefined;
		return recordEvent(deps, tx, { accountId: account.id, kind: "account_unlocked", actor, detail: operatorDetail(reason, by) }, now);
	});
	if (!event) return false;
	deps.alerts.announce(event);
	return true;
}

/**
 * Signs the person out everywhere: every session, trusted device, sign-in in
 * progress and app sign-in ends (`endSignIns`). The password and two-factor
 * stay as they are. The person is alerted on every channel.
 */
export async function signOutEverywhere(deps: FlowDeps, username: string, actor: string, reason: string, by?: OperatorRef): Promise<void> {
	const account = await findAccount(deps, username);
	const event = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await holdFor(tx, account.id, by);
		await endSignIns(tx, account.id, now);
		return recordEvent(deps, tx, { accountId: account.id, kind: "sessions_ended", actor, detail: operatorDetail(reason, by) }, now);
	});
	deps.alerts.announce(event);
}

/**
 * Resets two-factor at once, after an operator has checked the person's
 * identity some other way. Every session ends; the next sign-in must set
 * two-factor up again first; every address of the account is alerted.
 */
export async function resetUserTwoFactor(deps: FlowDeps, username: string, actor: string, reason: string, by?: OperatorRef): Promise<void> {
	const account = await findAccount(deps, username);
	const events = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await holdFor(tx, account.id, by);
		const cancelled = await endRecoveryAttempts(deps, tx, account.id, actor, undefined, now);
		await resetTwoFactor(deps, tx, account.id, now);
		return [...cancelled, await recordEvent(deps, tx, { accountId: account.id, kind: "two_factor_reset", actor, detail: operatorDetail(reason, by) }, now)];
	});
	deps.alerts.announce(...events);
}

/** Gives the account a role: "admin" (the whole console), "support" (people, without contact values in full) or "user". */
export async function setRole(deps: FlowDeps, username: string, role: AccountRole, actor: string): Promise<boolean> {
	const account = await findAccount(deps, username);
	if (account.role === role) return false;
	await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await setAccountRole(tx, account.id, role);
		await recordEvent(deps, tx, { accountId: account.id, kind: "role_changed", actor, detail: { from: account.role, to: role } }, now);
	});
	return true;
}

/** A live session, as an operator sees it: which browser, from where, since when. */
export interface SessionView {
	device: string;
	ip: string | null;
	createdAt: number;
	lastSeenAt: number;
}

export interface TrustedDeviceSummary {
	label: string;
	createdAt: number;
	lastUsedAt: number;
	expiresAt: number;
}

/** A person's page in the console: the report, and the lists behind its counts. */
export interface PersonDetails {
	report: AccountReport;
	sessions: SessionView[];
	devices: TrustedDeviceSummary[];
	apps: AppWithAccess[];
	events: DescribedEvent[];
	/** The open identity check, to link to. */
	identityCheckId: string | null;
}

/** How many of the person's recent security events the console shows. */
const PERSON_EVENTS = 30;

/** Everything the console shows about one account (by id), or undefined when there is none. Never a secret. */
export async function describePerson(deps: FlowDeps, accountId: string): Promise<PersonDetails | undefined> {
	const account = await findAccountById(deps.db, accountId);
	if (!account) return undefined;
	const now = deps.clock();
	const report = await reportOf(deps, account);
	const sessions = await listLiveSessions(deps.db, account.id, now, now - deps.config.session.idleMs);
	const devices = await listLiveTrustedDevices(deps.db, account.id, now);
	const open = await readOpenRequestId(deps.db, account.id);
	return {
		report,
		sessions: sessions.map((s) => ({
			device: deviceLabel(s.user_agent ?? undefined),
			ip: s.ip,
			createdAt: Number(s.created_at),
			lastSeenAt: Number(s.last_seen_at),
		})),
		devices: devices.map((d) => ({
			label: d.label,
			createdAt: Number(d.created_at),
			lastUsedAt: Number(d.last_used_at),
			expiresAt: Number(d.expires_at),
		})),
		apps: await appsWithAccess(deps, account.id),
		events: describeEvents(await listActivity(deps, account.id, PERSON_EVENTS), deps.methods),
		identityCheckId: open?.id ?? null,
	};
}
