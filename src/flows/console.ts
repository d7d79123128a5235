import type { AuthenticationFactor } from "../core/authentication-strength.ts";
import { canonicalEmail, canonicalPhone, formatPhone, maskEmail } from "../core/contact.ts";
import { canonicalUsername } from "../core/username.ts";
import { findPeopleByContact, findPeopleByUsernamePrefix, type PersonRow } from "../store/people.ts";
import type { ContactKind } from "../store/schema.ts";
import type { FlowDeps } from "./deps.ts";
import { recordEvent } from "./events.ts";
import { lockUser, type OperatorRef, resetUserTwoFactor, signOutEverywhere, unlockUser } from "./operator.ts";

/**
 * The operator console's rules: who is an operator, and how recently an
 * operator must have proved their own second factor before a sensitive action.
 */

/** The roles an account may hold; "admin" and "support" open the console. */
export const accountRoles = ["user", "support", "admin"] as const;
export type AccountRole = (typeof accountRoles)[number];
export type OperatorRole = Exclude<AccountRole, "user">;

export function isAccountRole(role: string): role is AccountRole {
	return (accountRoles as readonly string[]).includes(role);
}

export function isOperatorRole(role: string): role is OperatorRole {
	return role === "admin" || role === "support";
}

/** How long a proved second factor counts as fresh for a sensitive console action. */
export const REPROVE_WINDOW_MS = 5 * 60_000;

/**
 * Whether a session proved a second factor (one that adds a level: not the
 * password, not an email code) within the last five minutes.
 */
export function secondFactorFresh(factors: readonly AuthenticationFactor[], now: number): boolean {
	return factors.some((f) => f.method !== "password" && f.level !== "none" && f.at <= now && now - f.at <= REPROVE_WINDOW_MS);
}

// ── Finding people ───────────────────────────────────────────────────────────

/** Results per page of the console's search. */
export const SEARCH_PAGE_SIZE = 20;

/** A line of the search's results. */
export interface PersonMatch {
	id: string;
	username: string;
	role: string;
	locked: boolean;
	twoFactor: "on" | "off" | "must be set up again";
	/** How it matched: its username, or an address or number it has (`verified` or not). */
	matched: { by: "username" } | { by: "email" | "phone"; value: string; verified: boolean };
}

export interface SearchResults {
	/** What the search looked for, once normalised. */
	looked: { username: string; email?: string; phone?: string };
	people: PersonMatch[];
	/** The `after` of the next page, when there is one. */
	next?: string;
}

function matchOf(row: PersonRow, matched: PersonMatch["matched"]): PersonMatch {
	return {
		id: row.id,
		username: row.username,
		role: row.role,
		locked: row.locked_at !== null,
		twoFactor: row.two_factor_enabled ? "on" : row.two_factor_required ? "must be set up again" : "off",
		matched,
	};
}

/** Whether a query could be a phone number: digits, with a plus, spaces, dots, dashes or brackets. */
function looksLikePhone(query: string): boolean {
	return /^\+?[\d\s().-]{6,}$/.test(query) && /\d{6,}/.test(query.replace(/\D/g, ""));
}

/**
 * Finds people by what an operator knows: an email address or a phone number
 * (exact, normalised as contacts are: lower-case email, E.164 number), or a
 * username (exact, then every username it begins). Username matches come a page
 * at a time, after `after` (the last username of the page before); address and
 * number matches come first, on the first page only. Each lookup reads an index:
 * a username's beginning reads only the range of names that begin with it.
 */
export async function findPeople(deps: FlowDeps, query: string, after?: string): Promise<SearchResults> {
	const q = query.trim();
	const username = canonicalUsername(q);
	const looked: SearchResults["looked"] = { username };
	const people: PersonMatch[] = [];
	if (after === undefined) {
		const email = q.includes("@") ? canonicalEmail(q) : undefined;
		if (email) {
			looked.email = email;
			for (const row of await findPeopleByContact(deps.db, "email", email, SEARCH_PAGE_SIZE)) {
				people.push(matchOf(row, { by: "email", value: email, verified: row.verified_at !== null }));
			}
		}
		const phone = looksLikePhone(q) ? canonicalPhone(q).value : undefined;
		if (phone) {
			looked.phone = phone;
			for (const row of await findPeopleByContact(deps.db, "phone", phone, SEARCH_PAGE_SIZE)) {
				people.push(matchOf(row, { by: "phone", value: phone, verified: row.verified_at !== null }));
			}
		}
	}
	if (username === "" || !/^[a-z0-9._]+$/.test(username)) return { looked, people };
	// One more than a page: whether there is a next one.
	const rows = await findPeopleByUsernamePrefix(deps.db, deps.databaseKind, username, after, SEARCH_PAGE_SIZE + 1);
	const page = rows.slice(0, SEARCH_PAGE_SIZE);
	// In username order, the exact username (if any) comes first: no name beginning with it sorts before it.
	for (const row of page) if (!people.some((p) => p.id === row.id)) people.push(matchOf(row, { by: "username" }));
	const last = rows.length > SEARCH_PAGE_SIZE ? page.at(-1) : undefined;
	return { looked, people, ...(last ? { next: last.username } : {}) };
}

// ── Masking ──────────────────────────────────────────────────────────────────

/**
 * A contact value as support sees it: the first letter and the domain of an
 * address (j•••@example.com), the country code and the last two digits of a
 * number (+33 • •• •• •• 78); a number that cannot be written out, only its
 * last two digits (+••••••••••78). Enough to confirm what a caller says, too
 * little to reach them.
 */
export function maskContact(kind: ContactKind, value: string): string {
	if (kind === "email") return maskEmail(value);
	const written = formatPhone(value);
	// The country code only when the number could be written out (a space after it); a number that could not be keeps only its last two digits.
	const code = /^\+\d{1,3}(?= )/.exec(written)?.[0] ?? "";
	const rest = written.slice(code.length);
	const digits = rest.replace(/\D/g, "").length;
	let seen = 0;
	return code + rest.replace(/\d/g, (d) => (++seen > digits - 2 ? d : "•"));
}

/** Whether this role sees contact values in full (after re-proving) or only masked. */
export function seesContactsInFull(role: OperatorRole): boolean {
	return role === "admin";
}

/**
 * An admin sees a person's addresses and numbers in full: recorded as a security
 * event with the operator and their reason (audited; the person is not alerted,
 * no webhook or signal is about it). The face has checked the role and the
 * operator's fresh second factor.
 */
export async function recordContactsRevealed(deps: FlowDeps, operator: OperatorRef, accountId: string, reason: string): Promise<void> {
	if (!seesContactsInFull(operator.role)) throw new OperatorRefused("admin_account");
	await recordEvent(deps, deps.db, {
		accountId,
		kind: "contacts_revealed",
		actor: operatorActor(operator),
		detail: { reason: reason.slice(0, REASON_MAX), operator: { id: operator.id, username: operator.username, role: operator.role } },
	});
}

// ── Acting on an account ─────────────────────────────────────────────────────

export const consoleActions = ["lock", "unlock", "sign_out", "reset_two_factor"] as const;
export type ConsoleAction = (typeof consoleActions)[number];

export function isConsoleAction(value: string): value is ConsoleAction {
	return (consoleActions as readonly string[]).includes(value);
}

/** The longest reason an operator may give. */
export const REASON_MAX = 500;

/**
 * Why an operator may not act on an account, or undefined when they may: not on
 * their own (another operator must), and support not on an admin's.
 */
export function refusalFor(operator: OperatorRef, target: { id: string; role: string }): "own_account" | "admin_account" | undefined {
	if (operator.id === target.id) return "own_account";
	if (operator.role !== "admin" && target.role === "admin") return "admin_account";
	return undefined;
}

/** How an operator is named in the audit log: their role and username ("support:jo"). */
export function operatorActor(operator: OperatorRef): string {
	return `${operator.role}:${operator.username}`;
}

/** An operator's action refused where it is done (inside its transaction, on the account as it is now). */
export class OperatorRefused extends Error {
	override name = "OperatorRefused";
	readonly refusal: "own_account" | "admin_account";
	constructor(refusal: "own_account" | "admin_account") {
		super(refusal === "own_account" ? "An operator may not act on their own account." : "Only an admin may act on an admin's account.");
		this.refusal = refusal;
	}
}

export type ActionOutcome = "done" | "already";

/**
 * An operator's action on an account from the console, with its reason. The
 * face has checked the refusals (`refusalFor`) and the operator's fresh second
 * factor; this checks the refusals again, and records who, what and why.
 */
export async function actOnAccount(
	deps: FlowDeps,
	operator: OperatorRef,
	target: { id: string; username: string; role: string },
	action: ConsoleAction,
	reason: string,
): Promise<ActionOutcome> {
	const refusal = refusalFor(operator, target);
	if (refusal) throw new OperatorRefused(refusal);
	const actor = operatorActor(operator);
	switch (action) {
		case "lock":
			return (await lockUser(deps, target.username, actor, reason, operator)) ? "done" : "already";
		case "unlock":
			return (await unlockUser(deps, target.username, actor, reason, operator)) ? "done" : "already";
		case "sign_out":
			await signOutEverywhere(deps, target.username, actor, reason, operator);
			return "done";
		case "reset_two_factor":
			await resetUserTwoFactor(deps, target.username, actor, reason, operator);
			return "done";
	}
}
