import type { AuthenticationFactor } from "../core/authentication-strength.ts";

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
