import { type AuthenticationFactor, passwordFactor } from "../core/authentication-strength.ts";
import { fieldProblem, isTesseraError, TesseraError } from "../core/errors.ts";
import { tokenHash } from "../core/tokens.ts";
import { canonicalUsername } from "../core/username.ts";
import {
	liftCodesPause,
	lockAccount,
	lockAndReadCredentials,
	readAccountByUsername,
	readAccountByVerifiedEmail,
	setPreferredMethod,
} from "../store/accounts.ts";
import type { Db } from "../store/db.ts";
import { hasEventSince } from "../store/events.ts";
import { recoveryIsReady } from "../store/recoveries.ts";
import { dummyPasswordHash, verifyPassword } from "../hashing.ts";
import type { ConsumedProof, MethodAnswer, MethodName, SecondFactorMethod, StartedStep } from "../methods/types.ts";
import { type ChallengePurpose, closeChallenge, createChallenge, methodsFor, openChallenge, readOpenChallenge, type SecondFactorChallenge } from "./challenge.ts";
import { SECURE_LINK_TTL_MS } from "./alerts.ts";
import { isNewDevice, recordEvent, recordFailedTry } from "./events.ts";
import { completeReadyRecovery, endRecoveryAttempts, recoveryOptions } from "./recovery.ts";
import { codesPaused, enrolledMethods, type RequiredAction } from "./accounts.ts";
import { codeLimits, passwordLimits } from "./limits.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { createSession, type IssuedSession, methodFactor } from "./sessions.ts";
import { isKnownDevice, trustDevice, useTrustedDevice } from "./trusted-devices.ts";

/**
 * Sign-in is one state machine for the pages and the API:
 *   password ──(no second factor)──────────────────────────────► session
 *            └─(second factor on)─► challenge ──(valid code)───► session
 * A challenge is a persisted, expiring, single-use object; its token is the
 * only thing the client holds between the two steps.
 */

/** A username, or a verified email address, names an account. */
async function findAccountBySignInName(deps: FlowDeps, name: string) {
	return name.includes("@") ? readAccountByVerifiedEmail(deps.db, name) : readAccountByUsername(deps.db, name);
}

export type PasswordStepResult =
	| { kind: "session"; accountId: string; session: IssuedSession }
	| { kind: "second_factor"; accountId: string; secondFactor: SecondFactorChallenge };

export async function signInWithPassword(
	deps: FlowDeps,
	input: { username: string; password: string; deviceToken?: string | undefined },
	client: ClientInfo,
): Promise<PasswordStepResult> {
	try {
		const result = await passwordStep(deps, input, client);
		deps.metrics.signIns.inc({ step: "password", result: result.kind, method: "password" });
		return result;
	} catch (error) {
		deps.metrics.signIns.inc({ step: "password", result: isTesseraError(error) ? error.code : "internal_error", method: "password" });
		throw error;
	}
}

async function passwordStep(
	deps: FlowDeps,
	input: { username: string; password: string; deviceToken?: string | undefined },
	client: ClientInfo,
): Promise<PasswordStepResult> {
	const username = canonicalUsername(input.username);
	// Counted by the name typed, whether or not it exists: the answer must not tell.
	const found = await findAccountBySignInName(deps, username);
	// Counted per name of the account (its username and its email each have a budget), per name
	// typed when no account has it, so an unknown name is throttled just like a real one, and per
	// trusted device when the request comes from one.
	const knownDevice = found !== undefined && (await isKnownDevice(deps, found.id, input.deviceToken));
	const subject = knownDevice
		? { deviceTokenHash: tokenHash(input.deviceToken!) }
		: found
			? { accountId: found.id, via: username.includes("@") ? ("email" as const) : ("username" as const) }
			: { name: username };
	const account = await deps.attempts.attempt(passwordLimits(deps, subject, client), async () => {
		// An unknown user costs one argon2id verification too, so time does not tell either.
		const passwordOk = await verifyPassword(found?.password_hash ?? (await dummyPasswordHash()), input.password);
		// A locked account answers exactly like a wrong password.
		if (!found || !passwordOk || found.locked_at !== null) throw new TesseraError("invalid_credentials");
		return found;
	});

	// A recovery whose waiting period is over completes at this sign-in: two-factor is reset. A cheap
	// look before the transaction: almost no sign-in has a recovery to complete.
	if ((account.two_factor_enabled || account.two_factor_required) && (await recoveryIsReady(deps.db, account.id, deps.clock()))) {
		const recovered = await deps.db.transaction().execute(async (tx) => {
			const now = deps.clock();
			await passwordStillGood(deps, tx, account);
			const events = await completeReadyRecovery(deps, tx, account.id, client, now);
			if (!events) return undefined;
			// Two-factor was just reset: the password is all this session was signed in with.
			const session = await createSession(deps, tx, account.id, client, [passwordFactor(now)], now);
			events.push(await signedInEvent(deps, tx, account.id, "password", client, now));
			return { session, events };
		});
		if (recovered) {
			deps.alerts.announce(...recovered.events);
			return { kind: "session", accountId: account.id, session: recovered.session };
		}
	}

	const methods = await enrolledMethods(deps, account, deps.db, { forSignIn: true });
	const now = deps.clock();
	// No second factor, or a device the person chose to trust: the password is enough.
	const device = methods.length > 0 ? await useTrustedDevice(deps, account.id, input.deviceToken) : undefined;
	const trusted = device !== undefined;
	if (!account.two_factor_enabled || trusted) {
		// From a trusted device, the second factor it was trusted with counts too, at the time it
		// was proved: that sign-in's strength, not a new one. A device from before that was kept: the password alone.
		const factors: AuthenticationFactor[] = [passwordFactor(now)];
		if (device?.secondFactor) factors.push(device.secondFactor);
		// A password alone spends nothing single-use: a session lost in a crash of the database
		// server itself means signing in again, so that commit need not wait for the disk (and the
		// relaxed connections need no statement to say so). A trusted device's may end a recovery,
		// which must not be undone: it waits.
		const db = trusted ? deps.db : deps.relaxedDb;
		const { session, events } = await db.transaction().execute(async (tx) => {
			await passwordStillGood(deps, tx, account);
			const session = await createSession(deps, tx, account.id, client, factors, now);
			const events = [await signedInEvent(deps, tx, account.id, trusted ? "trusted_device" : "password", client, now)];
			// A device that once passed the second step is as good as one: a recovery under way ends.
			if (trusted) events.push(...(await endRecoveryAttempts(deps, tx, account.id, "sign_in", client, now)));
			return { session, events };
		});
		deps.alerts.announce(...events);
		return { kind: "session", accountId: account.id, session };
	}
	// Two-factor on: never the password alone. With no usable method left, the challenge
	// lists none, and the only way on is account recovery.
	const secondFactor = await deps.db.transaction().execute(async (tx) => {
		await passwordStillGood(deps, tx, account);
		return createChallenge(deps, account, "sign_in", methods, client, tx);
	});
	return { kind: "second_factor", accountId: account.id, secondFactor };
}

/**
 * Under the account's lock, before anything is granted: the password that was
 * checked is still the account's, and the account is not locked. A reset, a
 * "Wasn't you?" or a lock that landed while the password was being checked wins.
 */
async function passwordStillGood(deps: FlowDeps, tx: Db, account: { id: string; password_hash: string }): Promise<void> {
	const now = await lockAndReadCredentials(tx, deps.databaseKind, account.id);
	if (!now || now.password_hash !== account.password_hash || now.locked_at !== null) throw new TesseraError("invalid_credentials");
}

/** A successful sign-in, in the transaction that opens its session; "new device" when this browser and network are new. */
async function signedInEvent(deps: FlowDeps, tx: Db, accountId: string, method: string, client: ClientInfo, now: number) {
	const newDevice = await isNewDevice(tx, accountId, client, now);
	return recordEvent(deps, tx, { accountId, kind: "signed_in", method, client, detail: newDevice ? { newDevice: true } : {} }, now);
}

/**
 * Starts a second step with one method: "Send me a code" (a new six-digit code for
 * this step, by SMS or email: a resend supersedes the previous code; sends are
 * limited to one a minute and five an hour per account and per destination), or
 * WebAuthn options bound to this step.
 */
export async function startSecondStep(
	deps: FlowDeps,
	input: { challenge: string; method: MethodName },
	client: ClientInfo,
): Promise<StartedStep> {
	const challenge = await openChallenge(deps, input.challenge, "any");
	const method = deps.methods.find(input.method);
	if (!method?.start || !challenge.methods.includes(input.method)) {
		const startable = challenge.methods.filter((m) => deps.methods.get(m).start);
		throw new TesseraError("method_not_available", {
			fields: [
				startable.length
					? fieldProblem("method", "not_one_of", { methods: startable.join(", ") }, "errors.field.method.useOneOf")
					: fieldProblem("method", "not_one_of", undefined, "errors.field.method.noneStarts"),
			],
		});
	}
	const { accountId } = challenge;
	const notYouLink = async (contactId: string) =>
		deps.alerts.linkFor("/secure-account", await deps.alerts.issueToken({ accountId, contactId, purpose: "secure_account", ttlMs: SECURE_LINK_TTL_MS }));
	return method.start({ accountId, challengeId: challenge.id, origin: client.origin, rpId: client.rpId, client, notYouLink });
}

/** "Send me a code": `startSecondStep` for a method that sends codes. */
export async function sendSignInCode(
	deps: FlowDeps,
	input: { challenge: string; method: MethodName },
	client: ClientInfo,
): Promise<Extract<StartedStep, { kind: "code_sent" }>> {
	const method = deps.methods.find(input.method);
	if (!method?.sendsCodes) {
		const challenge = await openChallenge(deps, input.challenge, "any");
		const senders = challenge.methods.filter((m) => deps.methods.get(m).sendsCodes);
		throw new TesseraError("method_not_available", {
			fields: [
				senders.length
					? fieldProblem("method", "not_one_of", { methods: senders.join(", ") }, "errors.field.method.senders")
					: fieldProblem("method", "not_one_of", undefined, "errors.field.method.noSenders"),
			],
		});
	}
	const started = await startSecondStep(deps, input, client);
	if (started.kind !== "code_sent") throw new Error(`${input.method} sends codes but did not send one`);
	return started;
}

export interface SecondFactorResult {
	accountId: string;
	session: IssuedSession;
	backupCodes?: { remaining: number };
	requiredActions: RequiredAction[];
	/** When the person chose to trust this device: its token, to present at later sign-ins. */
	device?: { token: string; expiresAt: number };
}

/** What the effect of a proved second factor is given: whose, which challenge, when, and what the method said. */
export interface ProofContext {
	accountId: string;
	challengeId: string;
	/** When the challenge was made: for a sign-in, when the password was proved. */
	challengeCreatedAt: number;
	/** A step-up's session, the one it strengthens; null for every other purpose. */
	challengeSessionId: string | null;
	now: number;
	consumed: ConsumedProof;
}

/**
 * Checks a second-factor code for an open challenge and, in one transaction,
 * closes the challenge, claims the code and applies `effect` (open a session,
 * turn two-factor off). If any of them fails, none happens. Only wrong codes
 * count against the limits.
 */
export async function proveSecondFactor<T>(
	deps: FlowDeps,
	purpose: ChallengePurpose,
	input: { challenge: string; method: MethodName; answer: MethodAnswer },
	client: ClientInfo,
	effect: (tx: Db, context: ProofContext) => Promise<T>,
): Promise<T> {
	const challenge = await challengeForProof(deps, input.challenge, purpose, input.method);
	const method = deps.methods.get(input.method);
	const count = (result: string) => {
		deps.metrics.codeRedemptions.inc({ method: input.method, result });
		if (purpose === "sign_in") deps.metrics.signIns.inc({ step: "second_factor", result, method: input.method });
	};
	try {
		const result = await checkSecondFactor(deps, challenge, method, input.answer, client, effect);
		count("accepted");
		return result;
	} catch (error) {
		count(isTesseraError(error) ? error.code : "internal_error");
		recordFailedTry(deps, { accountId: challenge.accountId, method: input.method, purpose, error, client });
		if (isTesseraError(error) && error.code === "too_many_attempts") await tooManyFailedCodes(deps, challenge.accountId, client);
		throw error;
	}
}

/**
 * The challenge behind a token, for checking an answer with `method`: one
 * lookup, and whether that one method can be used (not every method's, nor
 * where their codes go: a sign-in is on its hot path here).
 */
async function challengeForProof(
	deps: FlowDeps,
	token: string,
	purpose: ChallengePurpose,
	methodName: MethodName,
): Promise<{ id: string; accountId: string; createdAt: number; sessionId: string | null }> {
	const row = await readOpenChallenge(deps, token, [purpose]);
	if (!row.twoFactorEnabled) throw new TesseraError("challenge_expired");
	const account = { id: row.accountId, two_factor_enabled: row.twoFactorEnabled, codes_paused_at: row.codesPausedAt };
	const method = deps.methods.find(methodName);
	// A reset is never confirmed through a channel a reset reaches; nor is a sign-in after one, until a strong factor.
	const barred =
		(method?.reachableByReset === true && (purpose === "password_reset" || codesPaused(account))) ||
		// A step-up is answered only by what adds the level asked for.
		(purpose === "step_up" && method?.level === "none") ||
		(purpose === "step_up_phishing_resistant" && method?.level !== "phishing_resistant");
	if (!method || barred || !(await method.isEnrolled(deps.db, row.accountId))) {
		const methods = await methodsFor(deps, purpose, account);
		throw new TesseraError("method_not_available", {
			fields: [fieldProblem("method", "not_one_of", { methods: methods.join(", ") }, "errors.field.method.useOneOf")],
		});
	}
	return { id: row.id, accountId: row.accountId, createdAt: row.createdAt, sessionId: row.sessionId };
}

/** The first refusal for too many wrong codes in an hour is recorded, and the person alerted. */
async function tooManyFailedCodes(deps: FlowDeps, accountId: string, client: ClientInfo): Promise<void> {
	const now = deps.clock();
	if (await hasEventSince(deps.db, accountId, "too_many_failed_codes", now - 3_600_000)) return;
	deps.alerts.announce(await recordEvent(deps, deps.db, { accountId, kind: "too_many_failed_codes", client }, now));
}

async function checkSecondFactor<T>(
	deps: FlowDeps,
	challenge: { id: string; accountId: string; createdAt: number; sessionId: string | null },
	method: SecondFactorMethod,
	answer: MethodAnswer,
	client: ClientInfo,
	effect: (tx: Db, context: ProofContext) => Promise<T>,
): Promise<T> {
	return deps.attempts.attempt(codeLimits(deps, challenge.accountId, client), async () => {
		const proof = await method.prepare(
			{ accountId: challenge.accountId, challengeId: challenge.id, origin: client.origin, rpId: client.rpId },
			answer,
		);
		return deps.db.transaction().execute(async (tx) => {
			const now = deps.clock();
			await lockAccount(tx, challenge.accountId);
			// The challenge first: one that closed meanwhile (finished elsewhere, or two-factor
			// turned off) is challenge_expired, not a wrong code counted against the person.
			await closeChallenge(tx, challenge.id, now);
			const consumed = await method.consume(tx, proof, now);
			return effect(tx, {
				accountId: challenge.accountId,
				challengeId: challenge.id,
				challengeCreatedAt: challenge.createdAt,
				challengeSessionId: challenge.sessionId,
				now,
				consumed,
			});
		});
	});
}

/** The second step of signing in: a valid code opens the session, in the same transaction that claims it. */
export async function completeSecondFactor(
	deps: FlowDeps,
	input: { challenge: string; method: MethodName; answer: MethodAnswer; trustDevice?: boolean | undefined },
	client: ClientInfo,
): Promise<SecondFactorResult> {
	const proved = await proveSecondFactor(deps, "sign_in", input, client, async (tx, { accountId, challengeCreatedAt, now, consumed }) => {
		// The method last used is remembered: the next sign-in opens on it when no stronger one is
		// set up (`preferredMethod`); a fallback (backup codes) is never remembered.
		if (deps.methods.get(input.method).role === "primary") {
			await setPreferredMethod(tx, accountId, input.method);
		}
		// The password was proved at the first step, when the challenge was made; the second factor now.
		const secondFactor = methodFactor(deps.methods.get(input.method), consumed, now);
		const session = await createSession(deps, tx, accountId, client, [passwordFactor(challengeCreatedAt), secondFactor], now);
		const result: SecondFactorResult = { accountId, session, requiredActions: [] };
		if (input.trustDevice) result.device = await trustDevice(deps, tx, accountId, client, secondFactor, now);
		const events = [await signedInEvent(deps, tx, accountId, input.method, client, now)];
		// A code from a counted set (backup codes): how many are left, in the answer and the activity.
		if (consumed.remaining !== undefined) {
			result.backupCodes = { remaining: consumed.remaining };
			events.push(await recordEvent(deps, tx, { accountId, kind: "backup_code_used", method: input.method, client, detail: { remaining: consumed.remaining } }, now));
		}
		// A working second factor shows the person is not locked out: a recovery under way ends.
		events.push(...(await endRecoveryAttempts(deps, tx, accountId, "sign_in", client, now)));
		// A factor no reset can reach ends the pause on codes by email and SMS.
		if (!deps.methods.get(input.method).reachableByReset) await liftCodesPause(tx, accountId);
		return { result, events };
	});
	deps.alerts.announce(...proved.events);
	const outcome = proved.result;
	// What the person must do first, whichever method signed them in: with two-factor on, only
	// a new set of backup codes, when every code is used.
	const remaining = outcome.backupCodes?.remaining ?? (await deps.methods.fallback.status(deps.db, outcome.accountId))?.remaining;
	outcome.requiredActions = remaining === 0 ? ["new_backup_codes"] : [];
	return outcome;
}

/**
 * What account recovery ("Can't use any of these?") would add to a page that already
 * offers every way the person has to answer this step (`offered`: each method's
 * masked destination, for those that send codes):
 * - `under_way`: a recovery is already waiting. Recovery has nothing to start: the page
 *   says so, with the way to its page, instead of offering recovery again;
 * - `adds`: recovery offers a way the page does not. An identity check, unless one is
 *   already asked for; or a code to a confirmed address that no method on the page
 *   already sends codes to (once the page offers codes by email to that very address,
 *   proving the address to wait days for a reset is not another way: the code signs in now;
 *   and while codes are paused after a reset, no address starts a recovery);
 * - `requested`: neither: every address is already a way on the page and the identity
 *   check is already asked for. The page says the check is under way and offers no link;
 * - `none`: the step is not one recovery can follow (settings, an app's step-up).
 */
export type RecoveryOffer = { kind: "adds" } | { kind: "under_way"; readyAt: number } | { kind: "requested" } | { kind: "none" };

export async function recoveryOnOffer(
	deps: FlowDeps,
	challengeToken: string | undefined,
	purpose: ChallengePurpose,
	offered: Partial<Record<MethodName, string>>,
): Promise<RecoveryOffer> {
	if (purpose !== "sign_in" && purpose !== "password_reset") return { kind: "none" };
	const challenge = await readOpenChallenge(deps, challengeToken, [purpose]);
	const options = await recoveryOptions(deps, challengeToken);
	if (options.recovery) return { kind: "under_way", readyAt: options.recovery.readyAt };
	// While codes by email and SMS are paused after a reset, no address can start a recovery either.
	const reachedHere = new Set(Object.values(offered));
	const newAddress =
		!codesPaused({ codes_paused_at: challenge.codesPausedAt }) && options.contacts.some((contact) => !reachedHere.has(contact.masked));
	return !options.requestOpen || newAddress ? { kind: "adds" } : { kind: "requested" };
}
