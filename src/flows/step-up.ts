import type { AuthenticationFactor, FactorLevel } from "../core/authentication-strength.ts";
import { TesseraError } from "../core/errors.ts";
import type { MethodAnswer, MethodName } from "../methods/types.ts";
import { liftCodesPause } from "../store/accounts.ts";
import type { Account } from "../store/schema.ts";
import { type ChallengePurpose, createChallenge, methodsFor, type SecondFactorChallenge } from "./challenge.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { recordEvent } from "./events.ts";
import { methodFactor, recordStepUp } from "./sessions.ts";
import { proveSecondFactor } from "./sign-in.ts";

/**
 * A step-up: a signed-in person proves one more factor because an app asked for
 * a stronger sign-in than their session has. It is the same second step as
 * signing in (one challenge, one prove transaction), answered only by methods
 * that add the level asked for, and its effect is to add the factor to the
 * session that asked, moving its auth_time.
 */

export function stepUpPurpose(level: Exclude<FactorLevel, "none">): ChallengePurpose {
	return level === "phishing_resistant" ? "step_up_phishing_resistant" : "step_up";
}

/** A step-up for one session (`sessionId`) of the account; undefined when none of its methods adds `level`. */
export async function startStepUp(
	deps: FlowDeps,
	account: Account,
	sessionId: string,
	level: Exclude<FactorLevel, "none">,
	client: ClientInfo,
): Promise<SecondFactorChallenge | undefined> {
	// With two-factor off there is no second step to take: its methods are not in use.
	if (!account.two_factor_enabled) return undefined;
	const purpose = stepUpPurpose(level);
	const methods = await methodsFor(deps, purpose, account);
	if (methods.length === 0) return undefined;
	return createChallenge(deps, account, purpose, methods, client, deps.db, undefined, sessionId);
}

export async function completeStepUp(
	deps: FlowDeps,
	purpose: ChallengePurpose,
	input: { challenge: string; method: MethodName; answer: MethodAnswer; session: { sessionId: string; accountId: string } },
	client: ClientInfo,
): Promise<{ factors: AuthenticationFactor[]; backupCodes?: { remaining: number } }> {
	const proved = await proveSecondFactor(deps, purpose, input, client, async (tx, { accountId, challengeSessionId, now, consumed }) => {
		// The step-up strengthens the session that asked for it, and no other.
		if (accountId !== input.session.accountId || challengeSessionId !== input.session.sessionId) throw new TesseraError("challenge_expired");
		const method = deps.methods.get(input.method);
		const factors = await recordStepUp(tx, input.session, methodFactor(method, consumed, now));
		const events = [await recordEvent(deps, tx, { accountId, kind: "signed_in", method: input.method, client, detail: { stepUp: true } }, now)];
		if (consumed.remaining !== undefined) {
			events.push(await recordEvent(deps, tx, { accountId, kind: "backup_code_used", method: input.method, client, detail: { remaining: consumed.remaining } }, now));
		}
		if (!method.reachableByReset) await liftCodesPause(tx, accountId);
		return { factors, events, ...(consumed.remaining !== undefined ? { backupCodes: { remaining: consumed.remaining } } : {}) };
	});
	deps.alerts.announce(...proved.events);
	return { factors: proved.factors, ...(proved.backupCodes ? { backupCodes: proved.backupCodes } : {}) };
}
