import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";

/**
 * One server secret, held outside the database, from which every purpose gets
 * its own key (HKDF-SHA-256 with the purpose as info), so no key serves two jobs.
 */
export type KeyPurpose =
	| "totp-secret-encryption"
	| "backup-code-pepper"
	| "csrf"
	| "throttle-key"
	| "one-time-code"
	| "oidc-signing-keys"
	| "oidc-cookies"
	| "ssf-push-authorization"
	| "webhook-secrets"
	| `method:${string}`;

export class ServerKeys {
	readonly #secret: Uint8Array;
	readonly #cache = new Map<KeyPurpose, Buffer>();
	readonly #objects = new Map<KeyPurpose, KeyObject>();

	constructor(secret: Uint8Array) {
		if (secret.length < 32) throw new Error("The server secret must be at least 32 bytes.");
		this.#secret = secret;
	}

	key(purpose: KeyPurpose): Buffer {
		let key = this.#cache.get(purpose);
		if (!key) {
			key = Buffer.from(hkdfSync("sha256", this.#secret, "tessera", `tessera/${purpose}/v1`, 32));
			this.#cache.set(purpose, key);
		}
		return key;
	}

	/** The same key as a KeyObject, made once: HMAC with a raw Buffer key builds a new one every call. */
	hmacKey(purpose: KeyPurpose): KeyObject {
		let key = this.#objects.get(purpose);
		if (!key) {
			key = createSecretKey(this.key(purpose));
			this.#objects.set(purpose, key);
		}
		return key;
	}
}
