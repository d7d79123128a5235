import type { Clock } from "../core/clock.ts";
import type { ServerKeys } from "../core/keys.ts";
import type { RandomSource } from "../core/random.ts";
import type { Config } from "../config.ts";
import type { Db } from "../store/db.ts";
import type { IssuedCode } from "./one-time-code/one-time-codes.ts";

/** A code sent for a second step: when it expires, when another may be asked for, and where it went (masked). */
export type SentCode = IssuedCode & { sentTo: string };

/** Names used in the API's `methods` list and `method` field. */
export const methodNames = ["passkey", "totp", "sms", "email", "backup_code"] as const;
export type MethodName = (typeof methodNames)[number];

export interface MethodDeps {
	db: Db;
	clock: Clock;
	random: RandomSource;
	keys: ServerKeys;
	config: Config;
}

export interface PrepareContext {
	accountId: string;
	/** The sign-in (login challenge) the code is for. */
	challengeId: string;
	/** Where the request came from: passkeys are bound to the page's origin. */
	origin?: string | undefined;
	rpId?: string | undefined;
}

/** A code checked outside the transaction (the slow part), ready to be consumed inside it. */
export interface PreparedProof {
	method: MethodName;
	accountId: string;
	/** Method-specific: the matched TOTP step, the backup code's hash, … */
	detail: unknown;
}

/** What the person learns after a successful second factor, e.g. backup codes left. */
export interface ConsumedProof {
	backupCodesRemaining?: number;
}

/**
 * A second factor. `prepare` does the expensive or secret-reading work and
 * throws a TesseraError when the code is plainly wrong; `consume` runs inside
 * the sign-in transaction and claims the code with one conditional write, so a
 * code is never accepted twice and never burned without its session.
 */
export interface SecondFactorMethod {
	readonly name: MethodName;
	/** A short label for people: "Authenticator app". */
	readonly label: string;
	/**
	 * Whether a password reset goes through this method's channel (codes by email and
	 * SMS). Such a method never confirms a reset, and after a reset that no other factor
	 * confirmed it is no second step until one does: whoever reset the password may hold it.
	 */
	readonly reachableByReset: boolean;
	/**
	 * "primary": a way to sign in day to day, offered first and remembered as the
	 * preferred one; "fallback": for when the primary ones are gone (backup codes),
	 * never the default, and never the last way in on its own.
	 */
	readonly role: "primary" | "fallback";
	/**
	 * Whether its credentials stay, unused, when two-factor is turned off (passkeys,
	 * verified addresses), or go with it (the authenticator, backup codes).
	 */
	readonly keptWhenTurnedOff: boolean;
	/** Whether the person asks for a code to be sent to answer with it ("Send me a code"): then `sendCode` sends it. */
	readonly sendsCodes: boolean;
	/** Sends a code for this second step (a sign-in's challenge), to the account's own address. */
	sendCode?(context: { accountId: string; challengeId: string; client: { ip: string } }): Promise<SentCode>;
	isEnrolled(db: Db, accountId: string): Promise<boolean>;
	/** `challengeId` is the sign-in the code is for: codes sent by SMS or email are bound to it. */
	prepare(context: PrepareContext, code: string): Promise<PreparedProof>;
	/** Where codes go, masked for display ("•••• 1234"), for methods that send them. */
	destination?(db: Db, accountId: string): Promise<string | undefined>;
	consume(tx: Db, proof: PreparedProof, now: number): Promise<ConsumedProof>;
	/**
	 * Ends every credential and outstanding answer of this method for the account, in
	 * `tx`: account recovery resets two-factor by calling it on every method, and
	 * turning two-factor off on those not `keptWhenTurnedOff`. A method whose
	 * credential is something else's (a verified address) ends only its own answers.
	 */
	removeAll(tx: Db, accountId: string, now: number): Promise<void>;
	/** Deletes what has expired (main.ts calls it every few minutes). */
	prune?(db: Db, now: number): Promise<void>;
}
