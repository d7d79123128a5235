import {
	type AuthenticationResponseJSON,
	type AuthenticatorTransport,
	generateAuthenticationOptions,
	generateRegistrationOptions,
	type PublicKeyCredentialCreationOptionsJSON,
	type PublicKeyCredentialRequestOptionsJSON,
	type RegistrationResponseJSON,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { isIP } from "node:net";
import { TesseraError } from "../../core/errors.ts";
import { newId } from "../../core/tokens.ts";
import type { Db } from "../../store/db.ts";
import type { ConsumedProof, MethodDeps, PrepareContext, PreparedProof, SecondFactorMethod } from "../types.ts";

/** How long a WebAuthn ceremony may take. */
export const WEBAUTHN_CHALLENGE_TTL_MS = 5 * 60_000;
/** 32 random bytes = 256 bits per challenge (at least 64 are required). */
const CHALLENGE_BYTES = 32;

export interface RelyingParty {
	id: string;
	origin: string;
	name: string;
}

export interface PasskeyView {
	id: string;
	name: string;
	createdAt: number;
	lastUsedAt: number | null;
}

interface PasskeyProof {
	passkeyId: string;
	newCounter: number;
	webauthnChallengeId: string;
}

function relyingParty(deps: MethodDeps, context: { origin?: string | undefined; rpId?: string | undefined }): RelyingParty {
	if (!context.origin || !context.rpId) throw new TesseraError("method_not_available");
	if (isIP(context.rpId) !== 0) {
		// Browsers accept passkeys only for a domain name (localhost included), never for an IP address.
		throw new TesseraError("method_not_available", {
			message: "Passkeys work only when Tessera is reached by its name (like localhost), not by an IP address. Try another way.",
		});
	}
	return { id: context.rpId, origin: context.origin, name: deps.config.issuer };
}

/**
 * Passkeys (WebAuthn) with @simplewebauthn/server. Every ceremony uses a fresh
 * random challenge stored server-side and claimed once; a sign-in challenge is
 * bound to the sign-in it was made for. The phishing-resistant second factor:
 * a passkey only answers the origin it was made for.
 */
export class PasskeyMethod implements SecondFactorMethod {
	readonly name = "passkey" as const;
	readonly label = "Passkey";
	readonly reachableByReset = false;
	readonly role = "primary" as const;
	readonly keptWhenTurnedOff = true;
	readonly sendsCodes = false;
	readonly #deps: MethodDeps;

	constructor(deps: MethodDeps) {
		this.#deps = deps;
	}

	async isEnrolled(db: Db, accountId: string): Promise<boolean> {
		const row = await db.selectFrom("passkeys").select("id").where("account_id", "=", accountId).executeTakeFirst();
		return row !== undefined;
	}

	async list(db: Db, accountId: string): Promise<PasskeyView[]> {
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

	async #newChallenge(accountId: string, purpose: "register" | "sign_in", loginChallengeId: string | null): Promise<string> {
		const { db, random, clock } = this.#deps;
		const challenge = Buffer.from(random(CHALLENGE_BYTES)).toString("base64url");
		const now = clock();
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

	async #credentials(accountId: string) {
		return this.#deps.db
			.selectFrom("passkeys")
			.select(["id", "credential_id", "public_key", "counter", "transports"])
			.where("account_id", "=", accountId)
			.execute();
	}

	/** Options for creating a passkey (the caller has checked the password). */
	async registrationOptions(
		accountId: string,
		username: string,
		context: { origin?: string | undefined; rpId?: string | undefined },
	): Promise<PublicKeyCredentialCreationOptionsJSON> {
		const rp = relyingParty(this.#deps, context);
		const challenge = await this.#newChallenge(accountId, "register", null);
		return generateRegistrationOptions({
			rpName: rp.name,
			rpID: rp.id,
			userName: username,
			userID: new TextEncoder().encode(accountId),
			challenge: Buffer.from(challenge, "base64url"),
			attestationType: "none",
			excludeCredentials: (await this.#credentials(accountId)).map((c) => ({
				id: c.credential_id,
				transports: JSON.parse(c.transports) as AuthenticatorTransport[],
			})),
			authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
			timeout: WEBAUTHN_CHALLENGE_TTL_MS,
		});
	}

	/** Checks the authenticator's answer and stores the new passkey, claiming the challenge once. */
	async register(
		tx: Db,
		accountId: string,
		name: string,
		response: RegistrationResponseJSON,
		context: { origin?: string | undefined; rpId?: string | undefined },
		now: number,
	): Promise<PasskeyView> {
		const rp = relyingParty(this.#deps, context);
		let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
		let claimedId: string | undefined;
		try {
			verification = await verifyRegistrationResponse({
				response,
				expectedChallenge: async (challenge) => {
					const claimed = await tx
						.updateTable("webauthn_challenges")
						.set({ used_at: now })
						.where("account_id", "=", accountId)
						.where("purpose", "=", "register")
						.where("challenge", "=", challenge)
						.where("used_at", "is", null)
						.where("expires_at", ">", now)
						.returning("id")
						.executeTakeFirst();
					claimedId = claimed?.id;
					return claimed !== undefined;
				},
				expectedOrigin: rp.origin,
				expectedRPID: rp.id,
				requireUserVerification: false,
			});
		} catch {
			throw new TesseraError("invalid_code", { message: "The passkey could not be created. Try again." });
		}
		if (!verification.verified || !claimedId) throw new TesseraError("invalid_code", { message: "The passkey could not be created. Try again." });
		const { credential } = verification.registrationInfo;
		const id = newId(this.#deps.random);
		const cleanName = name.trim().slice(0, 64) || "Passkey";
		const known = await tx.selectFrom("passkeys").select("id").where("credential_id", "=", credential.id).executeTakeFirst();
		if (known) throw new TesseraError("passkey_already_registered");
		await tx
			.insertInto("passkeys")
			.values({
				id,
				account_id: accountId,
				credential_id: credential.id,
				public_key: Buffer.from(credential.publicKey).toString("base64url"),
				counter: credential.counter,
				transports: JSON.stringify(credential.transports ?? []),
				name: cleanName,
				created_at: now,
				last_used_at: null,
			})
			.execute();
		return { id, name: cleanName, createdAt: now, lastUsedAt: null };
	}

	async removeAll(tx: Db, accountId: string): Promise<void> {
		await tx.deleteFrom("webauthn_challenges").where("account_id", "=", accountId).execute();
		await tx.deleteFrom("passkeys").where("account_id", "=", accountId).execute();
	}

	async remove(tx: Db, accountId: string, passkeyId: string): Promise<boolean> {
		const result = await tx.deleteFrom("passkeys").where("account_id", "=", accountId).where("id", "=", passkeyId).executeTakeFirst();
		return result.numDeletedRows === 1n;
	}

	/** Options to sign in with a passkey, for one sign-in. */
	async authenticationOptions(
		accountId: string,
		loginChallengeId: string,
		context: { origin?: string | undefined; rpId?: string | undefined },
	): Promise<PublicKeyCredentialRequestOptionsJSON> {
		const rp = relyingParty(this.#deps, context);
		const challenge = await this.#newChallenge(accountId, "sign_in", loginChallengeId);
		return generateAuthenticationOptions({
			rpID: rp.id,
			challenge: Buffer.from(challenge, "base64url"),
			allowCredentials: (await this.#credentials(accountId)).map((c) => ({
				id: c.credential_id,
				transports: JSON.parse(c.transports) as AuthenticatorTransport[],
			})),
			userVerification: "preferred",
			timeout: WEBAUTHN_CHALLENGE_TTL_MS,
		});
	}

	/** `code` is the authenticator's answer as JSON. Verified here; the challenge is claimed in `consume`. */
	async prepare(context: PrepareContext, code: string): Promise<PreparedProof> {
		const rp = relyingParty(this.#deps, context);
		let response: AuthenticationResponseJSON;
		try {
			response = JSON.parse(code) as AuthenticationResponseJSON;
			if (typeof response?.id !== "string" || typeof response.response !== "object") throw new Error("shape");
		} catch {
			throw new TesseraError("invalid_code", { message: "The passkey's answer was not readable. Try again." });
		}
		const passkey = (await this.#credentials(context.accountId)).find((c) => c.credential_id === response.id);
		if (!passkey) throw new TesseraError("invalid_code", { message: "That passkey is not registered on this account." });
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
		try {
			verification = await verifyAuthenticationResponse({
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
			throw new TesseraError("invalid_code", { message: "The passkey didn't confirm this sign-in. Try again, or try another way." });
		}
		if (!verification.verified || !matched) throw new TesseraError("invalid_code");
		const proof: PasskeyProof = {
			passkeyId: passkey.id,
			newCounter: verification.authenticationInfo.newCounter,
			webauthnChallengeId: matched,
		};
		return { method: "passkey", accountId: context.accountId, detail: proof };
	}

	async consume(tx: Db, proof: PreparedProof, now: number): Promise<ConsumedProof> {
		const { passkeyId, newCounter, webauthnChallengeId } = proof.detail as PasskeyProof;
		const claimed = await tx
			.updateTable("webauthn_challenges")
			.set({ used_at: now })
			.where("id", "=", webauthnChallengeId)
			.where("used_at", "is", null)
			.where("expires_at", ">", now)
			.executeTakeFirst();
		if (claimed.numUpdatedRows !== 1n) {
			throw new TesseraError("code_already_used", { method: "passkey" });
		}
		// Authenticators that count must count up; one that goes back may be a clone. Many passkeys
		// do not count at all (always 0): for them only the time of use is kept.
		let query = tx.updateTable("passkeys").set({ counter: newCounter, last_used_at: now }).where("id", "=", passkeyId);
		if (newCounter > 0) query = query.where("counter", "<", newCounter);
		const updated = await query.executeTakeFirst();
		if (updated.numUpdatedRows !== 1n) {
			throw new TesseraError("invalid_code", { message: "This passkey's signature counter went backwards. Remove it and add it again." });
		}
		return {};
	}
}
