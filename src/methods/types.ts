import type { Migration } from "kysely/migration";
import type { FactorLevel } from "../core/authentication-strength.ts";
import type { Clock } from "../core/clock.ts";
import type { ServerKeys } from "../core/keys.ts";
import type { RandomSource } from "../core/random.ts";
import type { Config } from "../config.ts";
import type { Db } from "../store/db.ts";
import type { IssuedCode, OneTimeCodes } from "../codes/one-time-codes.ts";
import { type MessageKey, t } from "../i18n/translate.ts";

/**
 * The method interface: what every way of proving who you are at a second step
 * declares and implements. Flows, faces and pages work through it and the
 * registry (a list), and never name a method.
 */

/** A registered method's name, as the API's `methods` list and `method` field carry it ("totp", "passkey", …). */
export type MethodName = string;

/** A code sent for a second step, and where it went (masked). */
export type SentCode = IssuedCode & { sentTo: string };

export interface MethodDeps {
	db: Db;
	clock: Clock;
	random: RandomSource;
	keys: ServerKeys;
	config: Config;
}

/** Where a request came from: passkeys are bound to the page's origin. */
export interface ClientContext {
	ip: string;
	origin?: string | undefined;
	rpId?: string | undefined;
}

/**
 * What `start` is given: the step, the client, and a way to a "Wasn't you?" link
 * bound to one of the account's addresses, for a message that carries a code.
 */
export interface StartContext extends PrepareContext {
	client: ClientContext;
	notYouLink?: (contactId: string) => Promise<string>;
}

export interface PrepareContext {
	accountId: string;
	/** The second step (login challenge) the answer is for. */
	challengeId: string;
	origin?: string | undefined;
	rpId?: string | undefined;
}

/**
 * How a person answers this method: by typing a code, or with an authenticator's
 * WebAuthn assertion (the page runs the browser's ceremony instead of showing a field).
 */
export type AnswerKind = "code" | "webauthn";

/** An answer to a second step: a typed code, or a WebAuthn assertion as the browser produced it. */
export type MethodAnswer = { code: string } | { assertion: Record<string, unknown> };

/** An answer checked outside the transaction (the slow part), ready to be consumed inside it. */
export interface PreparedProof {
	method: MethodName;
	accountId: string;
	/** Method-specific: the matched TOTP step, the backup code's hash, … */
	detail: unknown;
}

/** What the person learns after a successful answer: for a set of single-use codes, how many are left. */
export interface ConsumedProof {
	remaining?: number;
	/**
	 * What this answer was, in RFC 8176 values, when it depends on the credential (a
	 * passkey on one device, "hwk", or synced, "swk"); else the method's declared `amr`.
	 */
	amr?: string[];
}

/** What starting a second step with a method gave: a code on its way, or WebAuthn options for the browser. */
export type StartedStep = ({ kind: "code_sent" } & SentCode) | { kind: "webauthn"; options: Record<string, unknown> };

/** The failures of an answer that a method gives its own advice for. */
export type AnswerError = "code_typo" | "code_already_used" | "code_replaced" | "invalid_code";

/**
 * Every word a person reads about a method, kept with the method. The words are
 * read in the current presentation's language each time a property is read (the
 * method's messages in src/i18n/messages/methods.ts, made by `translatedCopy`): a
 * page reading `method.copy.title` gets it in the page's language.
 */
export interface MethodCopy {
	/** Its name as a heading and in "Try another way": "Authenticator app". */
	readonly title: string;
	/** The answer field's label: "6-digit code". */
	readonly label: string;
	/** What to do to answer: "Open your authenticator app and enter the code it shows." */
	readonly hint: string;
	readonly inputMode: "numeric" | "text";
	readonly autocomplete: "one-time-code" | "off";
	readonly maxLength: number;
	/** The first thing to do when an answer fails, by error code. */
	readonly advice: Readonly<Partial<Record<AnswerError, string>>>;
	/**
	 * The first thing to do when an answer fails while the method is being set up,
	 * by error code: the person has no backup codes yet, so it never offers them
	 * ("set your phone's date and time to automatic"). Falls back to `advice`.
	 */
	readonly setUpAdvice?: Readonly<Partial<Record<AnswerError, string>>>;
	/** In the activity and alerts: "authenticator app" (added, removed, used). */
	readonly noun: string;
	/** "Signed in with …": "your authenticator app". */
	readonly signedInWith: string;
	/** "Now confirm it is you with …": "your authenticator app", "a text message". */
	readonly confirmWith: string;
	/**
	 * For a method that sends codes. Whole sentences, for any language: `willSend(where)`
	 * "We'll text a 6-digit code to •••• 0123." and `choice(where)` "Get a code by text
	 * message to •••• 0123." (`where` undefined: to the phone, unnamed). The older
	 * pieces (`verb` "text", `choose` "Get a code by text message to", `nowhere` "your
	 * phone") make those sentences in English only.
	 */
	readonly sending?: {
		readonly verb: string;
		readonly choose: string;
		readonly nowhere: string;
		willSend(where: string | undefined): string;
		choice(where: string | undefined): string;
	};
}

/** A method's words as message keys (src/i18n/messages/methods.ts): what `translatedCopy` reads. */
export interface CopyKeys {
	title: MessageKey;
	label: MessageKey;
	hint: MessageKey;
	advice: Partial<Record<AnswerError, MessageKey>>;
	setUpAdvice?: Partial<Record<AnswerError, MessageKey>>;
	noun: MessageKey;
	signedInWith: MessageKey;
	confirmWith: MessageKey;
	sending?: {
		verb: MessageKey;
		choose: MessageKey;
		nowhere: MessageKey;
		willSend: MessageKey;
		willSendNowhere: MessageKey;
		choice: MessageKey;
		choiceNowhere: MessageKey;
	};
}

/** Defines on `target` one property per key, whose value is that message, written in the current language each time it is read. */
function defineWords<T extends object>(target: T, keys: Record<string, MessageKey | undefined>): T {
	for (const [name, key] of Object.entries(keys)) {
		if (key !== undefined) Object.defineProperty(target, name, { enumerable: true, get: () => t(key) });
	}
	return target;
}

/** A method's copy from its message keys: every word read in the current presentation's language. */
export function translatedCopy(keys: CopyKeys, shape: Pick<MethodCopy, "inputMode" | "autocomplete" | "maxLength">): MethodCopy {
	const { advice, setUpAdvice, sending, ...plain } = keys;
	const copy: Record<string, unknown> = { ...shape, advice: Object.freeze(defineWords({}, advice)) };
	if (setUpAdvice) copy["setUpAdvice"] = Object.freeze(defineWords({}, setUpAdvice));
	if (sending) {
		const { willSend, willSendNowhere, choice, choiceNowhere, ...pieces } = sending;
		const words = {
			willSend: (where: string | undefined) => (where === undefined ? t(willSendNowhere) : t(willSend, { where })),
			choice: (where: string | undefined) => (where === undefined ? t(choiceNowhere) : t(choice, { where })),
		};
		copy["sending"] = Object.freeze(defineWords(words, pieces));
	}
	return Object.freeze(defineWords(copy, plain)) as unknown as MethodCopy;
}

/** What pages need of a method to show it: its words and how it is answered. */
export type MethodView = Pick<SecondFactorMethod, "name" | "copy" | "answer" | "sendsCodes" | "role">;

/** What the person is shown to set a method up. */
export type EnrolmentStart =
	/** A key to put into an app (by QR code, by link or typed): the app then shows codes. */
	| { kind: "shared_secret"; secret: string; uri: string; qrCodeSvg: string }
	/** WebAuthn creation options for the browser. */
	| { kind: "webauthn"; options: Record<string, unknown> }
	/** A set of single-use codes, shown once, waiting for one to be typed back. Shown again without them. */
	| { kind: "code_set"; codes: string[]; expiresAt: number };

/** The answer that confirms a set-up: a code from the app or the set, or the browser's WebAuthn response and a name. */
export type EnrolmentAnswer = { code: string } | { response: Record<string, unknown>; name?: string | undefined };

/** One credential of a method, as settings list it. */
export interface CredentialView {
	id: string;
	name: string;
	createdAt: number;
	lastUsedAt: number | null;
}

export interface EnrolmentContext {
	accountId: string;
	username: string;
	client: ClientContext;
}

/** How many answers a method with a counted set has left (backup codes). */
export interface MethodStatus {
	remaining: number;
	total: number;
	createdAt: number;
}

/**
 * Setting a method up: begin (show a key, WebAuthn options, or a set of codes), then
 * confirm with a first answer, which proves the person has it. Like a second step,
 * `check` is the slow or secret-reading part, outside any transaction; `confirm`
 * claims what was checked with a conditional write inside the caller's transaction
 * (which holds the account lock).
 */
export interface MethodEnrolment {
	/** "one": a single credential that a new set-up replaces; "many": named credentials side by side. */
	readonly credentials: "one" | "many";
	/** Work worth doing before the transaction (hashing a set of codes): run in the elective hashing lane, within the account's budget of sets. */
	prepareBegin?(context: EnrolmentContext): Promise<unknown>;
	begin(tx: Db, context: EnrolmentContext, prepared: unknown, now: number): Promise<EnrolmentStart>;
	/**
	 * For a method with one credential: starts setting up the one that will replace it
	 * (the app on a new phone). The credential in use keeps working; `pending`, `check`
	 * and `confirm` then work on the replacement, and `confirm` retires the old one in
	 * the same write. `two_factor_not_enabled` when none is set up.
	 */
	beginReplacement?(tx: Db, context: EnrolmentContext, now: number): Promise<EnrolmentStart>;
	/** A set-up begun and not yet confirmed, to show again after a wrong answer or a reload. */
	pending(db: Db, context: EnrolmentContext): Promise<EnrolmentStart | undefined>;
	check(context: EnrolmentContext, answer: EnrolmentAnswer): Promise<unknown>;
	confirm(tx: Db, context: EnrolmentContext, checked: unknown, now: number): Promise<CredentialView>;
	list(db: Db, accountId: string): Promise<CredentialView[]>;
	/** Removes one credential (any, for "one"); false when there was none by that id. */
	remove(tx: Db, accountId: string, credentialId: string | undefined, now: number): Promise<boolean>;
}

/**
 * A way to prove who you are at a second step. `prepare` does the expensive or
 * secret-reading work and throws a TesseraError when the answer is plainly
 * wrong; `consume` runs inside the transaction of what the answer unlocks and
 * claims it with one conditional write, so an answer is never accepted twice
 * and never burned without its effect.
 */
export interface SecondFactorMethod {
	readonly name: MethodName;
	/** A short label for people: "Authenticator app". */
	readonly label: string;
	readonly copy: MethodCopy;
	readonly answer: AnswerKind;
	/**
	 * Whether a password reset goes through this method's channel (codes by email and
	 * SMS). Such a method never confirms a reset, and after a reset that no other factor
	 * confirmed it is no second step until one does: whoever reset the password may hold it.
	 */
	readonly reachableByReset: boolean;
	/**
	 * "primary": a way to sign in day to day, offered first and remembered as the
	 * preferred one; "fallback": for when the primary ones are gone (backup codes),
	 * never the default, and never the last way in on its own. Two-factor is on with a
	 * primary method and a confirmed set of the fallback's codes.
	 */
	readonly role: "primary" | "fallback";
	/**
	 * Whether its credentials stay, unused, when two-factor is turned off (passkeys,
	 * verified addresses), or go with it (the authenticator, backup codes). Setting up a
	 * method that does not stay is setting up two-factor: its first set of codes comes with it.
	 */
	readonly keptWhenTurnedOff: boolean;
	/** Whether the person asks for a code to be sent to answer with it ("Send me a code"): `start` sends it. */
	readonly sendsCodes: boolean;
	/**
	 * What an answer with it is, in RFC 8176 values ("otp", "sms"; a passkey's kind and
	 * "user"), recorded with the session it signs in. A method whose answers differ by
	 * credential declares the weakest and says per answer in `ConsumedProof.amr`. Never
	 * "pwd" nor "mfa": those are the password's and what factors add up to.
	 */
	readonly amr: readonly string[];
	/**
	 * The level it adds alongside the password: "two_factor"; "phishing_resistant" for
	 * an answer bound to the page's origin (WebAuthn); "none" for one whoever resets the
	 * password also receives (codes by email), which records the factor and adds nothing.
	 */
	readonly level: FactorLevel;
	/** Starts a second step with this method: sends a code, or makes WebAuthn options bound to the step. */
	start?(context: StartContext): Promise<StartedStep>;
	isEnrolled(db: Db, accountId: string): Promise<boolean>;
	/** For a set of single-use codes: how many are left. */
	status?(db: Db, accountId: string): Promise<MethodStatus | undefined>;
	/** Where codes go, masked for display ("•••• 1234"), for methods that send them. */
	destination?(db: Db, accountId: string): Promise<string | undefined>;
	prepare(context: PrepareContext, answer: MethodAnswer): Promise<PreparedProof>;
	consume(tx: Db, proof: PreparedProof, now: number): Promise<ConsumedProof>;
	/**
	 * Setting it up in settings. A method without one is set up elsewhere (codes by SMS
	 * and email go to the account's verified addresses, which contacts manage).
	 */
	readonly enrolment?: MethodEnrolment;
	/**
	 * Ends every credential and outstanding answer of this method for the account, in
	 * `tx`: account recovery resets two-factor by calling it on every method, and
	 * turning two-factor off on those not `keptWhenTurnedOff`. A method whose
	 * credential is something else's (a verified address) ends only its own answers.
	 */
	removeAll(tx: Db, accountId: string, now: number): Promise<void>;
	/** Deletes what has expired (every few minutes). */
	prune?(db: Db, now: number): Promise<void>;
}

/**
 * How a method is registered: how to make it from the services methods are given, and
 * the tables of its own, applied with the project's migrations (named after the method,
 * so no two methods' migrations collide). Each method's folder exports one; the registry
 * lists them.
 */
export interface MethodRegistration {
	readonly name: MethodName;
	create(deps: MethodDeps, services: { oneTimeCodes: OneTimeCodes }): SecondFactorMethod;
	readonly migrations?: Record<string, Migration>;
}

/** The code of a typed answer, for methods answered by typing. */
export function typedCode(answer: MethodAnswer | EnrolmentAnswer): string {
	return "code" in answer ? answer.code : "";
}
