import { addressBucket } from "../core/address.ts";
import type { ThrottleEntry } from "../limits/attempts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";

/**
 * What a wrong password counts against, besides the address:
 * - each name of an account on its own (its username, its email, a settings
 *   confirmation): a throttled name says nothing of which other names belong to
 *   the same account, as one budget shared between them would;
 * - a name no account has, on its own, just the same;
 * - a trusted device of the account, on its own: a stranger's guesses never
 *   lock the owner out on a device that once passed the second step.
 */
export function passwordLimits(
	deps: FlowDeps,
	subject: { accountId: string; via: "username" | "email" | "confirmation" } | { name: string } | { deviceTokenHash: string },
	client: ClientInfo,
): ThrottleEntry[] {
	const { limits } = deps.config;
	const key =
		"accountId" in subject ? `id:${subject.accountId}:${subject.via}` : "name" in subject ? `name:${subject.name}` : `device:${subject.deviceTokenHash}`;
	return [
		{ key: deps.attempts.key("password:account", key), limit: limits.passwordPerAccount },
		{ key: deps.attempts.key("password:address", addressBucket(client.ip)), limit: limits.passwordPerAddress },
	];
}

/** What a wrong second-factor code counts against: the account, across every challenge, and the address. */
export function codeLimits(deps: FlowDeps, accountId: string, client: ClientInfo): ThrottleEntry[] {
	return [accountCodeLimit(deps, accountId), { key: deps.attempts.key("code:address", addressBucket(client.ip)), limit: deps.config.limits.codePerAddress }];
}

/**
 * What a wrong code typed by a signed-in person counts against, while setting
 * something up or confirming it (the authenticator's first code, a backup code
 * typed back, the code sent to a new address): the account only, the same
 * budget as its second steps. An attempt takes its place in every limit before
 * it is checked, so a limit full of other people's failures refuses even a right
 * answer: the address limit, there for strangers guessing at sign-in, would turn
 * down the first right code of everyone behind one office or carrier address
 * while others there mistype. This person is past the password (and the second
 * step, when it is on) and holds the key or codes they are typing back; nothing
 * is learnt about another account here, so the address has nothing to guard. Their
 * wrong codes still count against their account, and never against the address.
 */
export function signedInCodeLimits(deps: FlowDeps, accountId: string): ThrottleEntry[] {
	return [accountCodeLimit(deps, accountId)];
}

function accountCodeLimit(deps: FlowDeps, accountId: string): ThrottleEntry {
	return { key: deps.attempts.key("code:account", accountId), limit: deps.config.limits.codePerAccount };
}

/**
 * Budgets for the hashing an account can ask for once signed in, right answers
 * included: a password confirmed for a settings change costs an argon2id, a new
 * set of backup codes one per code. Generous for a person, nothing to an attacker.
 */
export const PASSWORD_CONFIRMATIONS_PER_ACCOUNT = { max: 20, windowMs: 15 * 60_000 };
export const CODE_SETS_PER_ACCOUNT = { max: 10, windowMs: 60 * 60_000 };

export function confirmationBudget(deps: FlowDeps, accountId: string): ThrottleEntry[] {
	return [{ key: deps.attempts.key("confirm:account", accountId), limit: PASSWORD_CONFIRMATIONS_PER_ACCOUNT }];
}

export function codeSetBudget(deps: FlowDeps, accountId: string): ThrottleEntry[] {
	return [{ key: deps.attempts.key("code-set:account", accountId), limit: CODE_SETS_PER_ACCOUNT }];
}

/** Every sign-up attempt counts against its address: names cannot be probed, nor accounts made, in bulk. */
export function signUpLimits(deps: FlowDeps, client: ClientInfo): ThrottleEntry[] {
	return [{ key: deps.attempts.key("signup:address", addressBucket(client.ip)), limit: deps.config.limits.signUpPerAddress }];
}
