import type {
	AuthenticationResponseJSON,
	AuthenticatorTransport,
	PublicKeyCredentialCreationOptionsJSON,
	PublicKeyCredentialRequestOptionsJSON,
	RegistrationResponseJSON,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { Migration } from "kysely/migration";
import { isIP } from "node:net";
import { TesseraError, words } from "../../core/errors.ts";
import { newId } from "../../core/tokens.ts";
import type { Db } from "../../store/db.ts";
import { isUniqueViolation } from "../../store/errors.ts";
import type {
	ClientContext,
	ConsumedProof,
	CredentialView,
	EnrolmentAnswer,
	EnrolmentContext,
	MethodAnswer,
	MethodCopy,
	MethodDeps,
	MethodEnrolment,
	MethodRegistration,
	PrepareContext,
	PreparedProof,
	SecondFactorMethod,
	StartedStep,
} from "../types.ts";
import { translatedCopy } from "../types.ts";

/**
 * @simplewebauthn/server (and the X.509 and CBOR parsers under it, about 15 MB) is loaded on the
 * first passkey ceremony: most requests, and many instances, never need it.
 */
let webauthn: Promise<typeof import("@simplewebauthn/server")> | undefined;
function simpleWebAuthn(): Promise<typeof import("@simplewebauthn/server")> {
	webauthn ??= import("@simplewebauthn/server");
	return webauthn;
}

/** How long a WebAuthn ceremony may take. */
export const WEBAUTHN_CHALLENGE_TTL_MS = 5 * 60_000;
/** 32 random bytes = 256 bits per challenge (at least 64 are required). */
const CHALLENGE_BYTES = 32;

export interface RelyingParty {
	id: string;
	origin: string;
	name: string;
}

interface PasskeyProof {
	passkeyId: string;
	newCounter: number;
	webauthnChallengeId: string;
	amr: string[];
}

/**
 * The passkey method's own migrations, named `passkey/<name>`.
 *
 * - 001-device-type: passkeys.device_type, SimpleWebAuthn's `credentialDeviceType` at
 *   registration: "singleDevice" (its key never leaves the authenticator: a security
 *   key) or "multiDevice" (synced between devices). Passkeys registered before it was
 *   kept have none, and count as synced.
 */
const migrations: Record<string, Migration> = {
	"001-device-type": {
		async up(db) {
			await db.schema.alterTable("passkeys").addColumn("device_type", "text").execute();
		},
	},
};

/**
 * What an answer with a passkey is, in RFC 8176 values: a key bound to one device ("hwk")
 * or a synced one ("swk", also when unknown), and the person's presence ("user").
 */
export function passkeyAmr(deviceType: string | null): string[] {
	return [deviceType === "singleDevice" ? "hwk" : "swk", "user"];
}

function relyingParty(deps: MethodDeps, context: { origin?: string | undefined; rpId?: string | undefined }): RelyingParty {
	if (!context.origin || !context.rpId) throw new TesseraError("method_not_available");
	if (isIP(context.rpId) !== 0) {
		// Browsers accept passkeys only for a domain name (localhost included), never for an IP address.
		throw new TesseraError("method_not_available", {
			message: words("methods.passkey.needsName"),
		});
	}
	return { id: context.rpId, origin: context.origin, name: deps.config.issuer };
}

interface CheckedRegistration {
	webauthnChallengeId: string;
	credentialId: string;
	publicKey: string;
	counter: number;
	transports: string;
	name: string;
	deviceType: string;
}

const copy: MethodCopy = translatedCopy(
	{
		title: "methods.passkey.title",
		label: "methods.passkey.label",
		hint: "methods.passkey.hint",
		advice: { invalid_code: "methods.passkey.advice.invalid_code", code_already_used: "methods.passkey.advice.code_already_used" },
		noun: "methods.passkey.noun",
		confirmWith: "methods.passkey.confirmWith",
		signedInWith: "methods.passkey.signedInWith",
	},
	{ inputMode: "text", autocomplete: "off", maxLength: 8192 },
);

/**
 * Passkeys (WebAuthn) with @simplewebauthn/server. Every ceremony uses a fresh
 * random challenge stored server-side and claimed once; a sign-in challenge is
 * bound to the sign-in it was made for. The phishing-resistant second factor:
 * a passkey only answers the origin it was made for.
 */
export class PasskeyMethod implements SecondFactorMethod {
	readonly name = "passkey";
	readonly label = copy.title;
	readonly copy = copy;
	readonly answer = "webauthn";
	readonly reachableByReset = false;
	readonly role = "primary";
	readonly keptWhenTurnedOff = true;
	readonly sendsCodes = false;
	/** Declared for a passkey whose kind is unknown (synced); each answer says its own in `consume`. */
	readonly amr = passkeyAmr(null);
	/** A passkey answers only the origin it was made for. */
	readonly level = "phishing_resistant";
	readonly enrolment: MethodEnrolment;
	readonly #deps: MethodDeps;

	constructor(deps: MethodDeps) {
		this.#deps = deps;
		this.enrolment = {
			credentials: "many",
			begin: async (tx, context, _prepared, now) => ({ kind: "webauthn", options: { ...(await this.#registrationOptions(tx, context, now)) } }),
			// WebAuthn options are asked for again rather than shown again.
			pending: async () => undefined,
			check: (context, answer) => this.#checkRegistration(context, answer),
			confirm: (tx, context, checked, now) => this.#register(tx, context.accountId, checked as CheckedRegistration, now),
			list: (db, accountId) => this.#list(db, accountId),
			remove: async (tx, accountId, passkeyId) => {
				if (passkeyId === undefined) return false;
				const result = await tx.deleteFrom("passkeys").where("account_id", "=", accountId).where("id", "=", passkeyId).executeTakeFirst();
				return result.numDeletedRows === 1n;
			},
		};
	}

	async isEnrolled(db: Db, accountId: string): Promise<boolean> {
		const row = await db.selectFrom("passkeys").select("id").where("account_id", "=", accountId).executeTakeFirst();
		return row !== undefined;
	}

	async #list(db: Db, accountId: string): Promise<CredentialView[]> {
		const rows = await db
			.selectFrom("passkeys")
			.select(["id", "name", "created_at", "last_used_at"])
			.where("account_id", "=", accountId)
			.orderBy("created_at")
			.execute();
		return rows.map((r) => ({
			id: r.id,
			name: r.name,
			createdAt: Number(r.created_at),
			lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
		}));
	}

	async #newChallenge(db: Db, accountId: string, purpose: "register" | "sign_in", loginChallengeId: string | null, now: number): Promise<string> {
		const { random } = this.#deps;
		const challenge = Buffer.from(random(CHALLENGE_BYTES)).toString("base64url");
		await db
			.insertInto("webauthn_challenges")
			.values({
				id: newId(random),
				account_id: accountId,
				purpose,
				challenge,
				login_challenge_id: loginChallengeId,
				created_at: now,
				expires_at: now + WEBAUTHN_CHALLENGE_TTL_MS,
				used_at: null,
			})
			.execute();
		return challenge;
	}

	async #credentials(db: Db, accountId: string) {
		return db
			.selectFrom("passkeys")
			.select(["id", "credential_id", "public_key", "counter", "transports", "device_type"])
			.where("account_id", "=", accountId)
			.execute();
	}

	/** Options for creating a passkey (the caller has checked the password). */
	async #registrationOptions(tx: Db, context: EnrolmentContext, now: number): Promise<PublicKeyCredentialCreationOptionsJSON> {
		const rp = relyingParty(this.#deps, context.client);
		const challenge = await this.#newChallenge(tx, context.accountId, "register", null, now);
		const { generateRegistrationOptions } = await simpleWebAuthn();
		return generateRegistrationOptions({
			rpName: rp.name,
			rpID: rp.id,
			userName: context.username,
			userID: new TextEncoder().encode(context.accountId),
			challenge: Buffer.from(challenge, "base64url"),
			attestationType: "none",
			excludeCredentials: (await this.#credentials(tx, context.accountId)).map((c) => ({
				id: c.credential_id,
				transports: JSON.parse(c.transports) as AuthenticatorTransport[],
			})),
			authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
			timeout: WEBAUTHN_CHALLENGE_TTL_MS,
		});
	}

	/**
	 * Checks the authenticator's answer against a registration challenge of this
	 * account still open (outside the transaction); `#register` claims that
	 * challenge once and stores the passkey.
	 */
	async #checkRegistration(context: EnrolmentContext, answer: EnrolmentAnswer): Promise<CheckedRegistration> {
		const rp = relyingParty(this.#deps, context.client);
		if (!("response" in answer)) throw new TesseraError("invalid_code", { message: words("methods.passkey.notCreated") });
		const now = this.#deps.clock();
		const open = await this.#deps.db
			.selectFrom("webauthn_challenges")
			.select(["id", "challenge"])
			.where("account_id", "=", context.accountId)
			.where("purpose", "=", "register")
			.where("used_at", "is", null)
			.where("expires_at", ">", now)
			.execute();
		let matched: string | undefined;
		let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
		const { verifyRegistrationResponse: verify } = await simpleWebAuthn();
		try {
			verification = await verify({
				response: answer.response as unknown as RegistrationResponseJSON,
				expectedChallenge: (challenge) => {
					matched = open.find((o) => o.challenge === challenge)?.id;
					return matched !== undefined;
				},
				expectedOrigin: rp.origin,
				expectedRPID: rp.id,
				requireUserVerification: false,
			});
		} catch {
			throw new TesseraError("invalid_code", { message: words("methods.passkey.notCreated") });
		}
		if (!verification.verified || !matched) throw new TesseraError("invalid_code", { message: words("methods.passkey.notCreated") });
		const { credential } = verification.registrationInfo;
		return {
			webauthnChallengeId: matched,
			credentialId: credential.id,
			publicKey: Buffer.from(credential.publicKey).toString("base64url"),
			counter: credential.counter,
			transports: JSON.stringify(credential.transports ?? []),
			name: (answer.name ?? "").trim().slice(0, 64) || "Passkey",
			deviceType: verification.registrationInfo.credentialDeviceType,
		};
	}

	/** Claims the registration challenge (once) and stores the new passkey, in the caller's transaction. */
	async #register(tx: Db, accountId: string, checked: CheckedRegistration, now: number): Promise<CredentialView> {
		const claimed = await tx
			.updateTable("webauthn_challenges")
			.set({ used_at: now })
			.where("id", "=", checked.webauthnChallengeId)
			.where("used_at", "is", null)
			.where("expires_at", ">", now)
			.executeTakeFirst();
		if (claimed.numUpdatedRows !== 1n) throw new TesseraError("invalid_code", { message: words("methods.passkey.notCreated") });
		const known = await tx.selectFrom("passkeys").select("id").where("credential_id", "=", checked.credentialId).executeTakeFirst();
		if (known) throw new TesseraError("passkey_already_registered");
		const id = newId(this.#deps.random);
		try {
			await tx
				.insertInto("passkeys")
				.values({
					id,
					account_id: accountId,
					credential_id: checked.credentialId,
					public_key: checked.publicKey,
					counter: checked.counter,
					transports: checked.transports,
					name: checked.name,
					device_type: checked.deviceType,
					created_at: now,
					last_used_at: null,
				})
				.execute();
		} catch (error) {
			// The same authenticator registered twice at once, here or on another account: the unique index decides.
			if (isUniqueViolation(error)) throw new TesseraError("passkey_already_registered");
			throw error;
		}
		return { id, name: checked.name, createdAt: now, lastUsedAt: null };
	}

	async removeAll(tx: Db, accountId: string): Promise<void> {
		await tx.deleteFrom("webauthn_challenges").where("account_id", "=", accountId).execute();
		await tx.deleteFrom("passkeys").where("account_id", "=", accountId).execute();
	}

	/** Options to answer one second step with a passkey, bound to that step. */
	async start(context: PrepareContext & { client: ClientContext }): Promise<StartedStep> {
		const rp = relyingParty(this.#deps, context);
		const challenge = await this.#newChallenge(this.#deps.db, context.accountId, "sign_in", context.challengeId, this.#deps.clock());
		const { generateAuthenticationOptions } = await simpleWebAuthn();
		const options: PublicKeyCredentialRequestOptionsJSON = await generateAuthenticationOptions({
			rpID: rp.id,
			challenge: Buffer.from(challenge, "base64url"),
			allowCredentials: (await this.#credentials(this.#deps.db, context.accountId)).map((c) => ({
				id: c.credential_id,
				transports: JSON.parse(c.transports) as AuthenticatorTransport[],
			})),
			userVerification: "preferred",
			timeout: WEBAUTHN_CHALLENGE_TTL_MS,
		});
		return { kind: "webauthn", options: { ...options } };
	}

	/** Deletes ceremonies that ended an hour ago or more. */
	async prune(db: Db, now: number): Promise<void> {
		await db.deleteFrom("webauthn_challenges").where("expires_at", "<=", now - 3_600_000).execute();
	}

	/** The answer is the authenticator's assertion. Verified here; the challenge is claimed in `consume`. */
	async prepare(context: PrepareContext, answer: MethodAnswer): Promise<PreparedProof> {
		const rp = relyingParty(this.#deps, context);
		const response = ("assertion" in answer ? answer.assertion : undefined) as AuthenticationResponseJSON | undefined;
		if (typeof response?.id !== "string" || typeof response.response !== "object" || response.response === null) {
			throw new TesseraError("invalid_code", { message: words("methods.passkey.unreadable") });
		}
		const passkey = (await this.#credentials(this.#deps.db, context.accountId)).find((c) => c.credential_id === response.id);
		if (!passkey) throw new TesseraError("invalid_code", { message: words("methods.passkey.unknown") });
		const now = this.#deps.clock();
		const pending = await this.#deps.db
			.selectFrom("webauthn_challenges")
			.select(["id", "challenge"])
			.where("account_id", "=", context.accountId)
			.where("purpose", "=", "sign_in")
			.where("login_challenge_id", "=", context.challengeId)
			.where("used_at", "is", null)
			.where("expires_at", ">", now)
			.execute();
		let matched: string | undefined;
		let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
		const { verifyAuthenticationResponse: verify } = await simpleWebAuthn();
		try {
			verification = await verify({
				response,
				expectedChallenge: (challenge) => {
					matched = pending.find((p) => p.challenge === challenge)?.id;
					return matched !== undefined;
				},
				expectedOrigin: rp.origin,
				expectedRPID: rp.id,
				credential: {
					id: passkey.credential_id,
					publicKey: new Uint8Array(Buffer.from(passkey.public_key, "base64url")),
					counter: Number(passkey.counter),
					transports: JSON.parse(passkey.transports) as AuthenticatorTransport[],
				},
				requireUserVerification: false,
			});
		} catch {
			throw new TesseraError("invalid_code", { message: words("methods.passkey.notConfirmed") });
		}
		if (!verification.verified || !matched) throw new TesseraError("invalid_code");
		const proof: PasskeyProof = {
			passkeyId: passkey.id,
			newCounter: verification.authenticationInfo.newCounter,
			webauthnChallengeId: matched,
			amr: passkeyAmr(passkey.device_type),
		};
		return { method: this.name, accountId: context.accountId, detail: proof };
	}

	async consume(tx: Db, proof: PreparedProof, now: number): Promise<ConsumedProof> {
		const { passkeyId, newCounter, webauthnChallengeId, amr } = proof.detail as PasskeyProof;
		const claimed = await tx
			.updateTable("webauthn_challenges")
			.set({ used_at: now })
			.where("id", "=", webauthnChallengeId)
			.where("used_at", "is", null)
			.where("expires_at", ">", now)
			.executeTakeFirst();
		if (claimed.numUpdatedRows !== 1n) {
			throw new TesseraError("code_already_used", { method: this.name });
		}
		// Authenticators that count must count up; one that goes back may be a clone. Many passkeys
		// do not count at all (always 0): for them only the time of use is kept.
		let query = tx.updateTable("passkeys").set({ counter: newCounter, last_used_at: now }).where("id", "=", passkeyId);
		if (newCounter > 0) query = query.where("counter", "<", newCounter);
		const updated = await query.executeTakeFirst();
		if (updated.numUpdatedRows !== 1n) {
			throw new TesseraError("invalid_code", { message: words("methods.passkey.counterBackwards") });
		}
		return { amr };
	}
}

/** Registered in src/methods/registry.ts. */
export const passkeys: MethodRegistration = { name: "passkey", create: (deps) => new PasskeyMethod(deps), migrations };
