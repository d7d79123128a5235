import { addressBucket } from "../core/address.ts";
import type { ThrottleEntry } from "../limits/attempts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";

/**
 * What a wrong password counts against: the account (or, when no account has
 * the name typed, that name) and the address.
 */
export function passwordLimits(
	deps: FlowDeps,
	subject: { accountId: string } | { name: string },
	client: ClientInfo,
): ThrottleEntry[] {
	const { limits } = deps.config;
	const key = "accountId" in subject ? `id:${subject.accountId}` : `name:${subject.name}`;
	return [
		{ key: deps.attempts.key("password:account", key), limit: limits.passwordPerAccount },
		{ key: deps.attempts.key("password:address", addressBucket(client.ip)), limit: limits.passwordPerAddress },
	];
}

/** What a wrong second-factor code counts against: the account, across every challenge, and the address. */
export function codeLimits(deps: FlowDeps, accountId: string, client: ClientInfo): ThrottleEntry[] {
	const { limits } = deps.config;
	return [
		{ key: deps.attempts.key("code:account", accountId), limit: limits.codePerAccount },
		{ key: deps.attempts.key("code:address", addressBucket(client.ip)), limit: limits.codePerAddress },
	];
}

/** Every sign-up attempt counts against its address: names cannot be probed, nor accounts made, in bulk. */
export function signUpLimits(deps: FlowDeps, client: ClientInfo): ThrottleEntry[] {
	return [{ key: deps.attempts.key("signup:address", addressBucket(client.ip)), limit: deps.config.limits.signUpPerAddress }];
}
