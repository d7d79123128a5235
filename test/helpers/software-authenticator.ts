import { createHash, createSign, generateKeyPairSync, type KeyObject, randomBytes } from "node:crypto";

/**
 * A minimal WebAuthn authenticator in software, for HTTP tests: an ES256 key,
 * "none" attestation, and assertions with a counter. It builds exactly what a
 * browser would post back, so the server's real verification runs on it.
 */

function cborHead(major: number, length: number): Buffer {
	if (length < 24) return Buffer.from([(major << 5) | length]);
	if (length < 256) return Buffer.from([(major << 5) | 24, length]);
	return Buffer.from([(major << 5) | 25, length >> 8, length & 255]);
}

type Cbor = number | string | Buffer | Map<number | string, Cbor>;

function cbor(value: Cbor): Buffer {
	if (typeof value === "number") return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
	if (typeof value === "string") {
		const bytes = Buffer.from(value, "utf8");
		return Buffer.concat([cborHead(3, bytes.length), bytes]);
	}
	if (Buffer.isBuffer(value)) return Buffer.concat([cborHead(2, value.length), value]);
	const parts = [cborHead(5, value.size)];
	for (const [k, v] of value) parts.push(cbor(k), cbor(v));
	return Buffer.concat(parts);
}

const b64url = (bytes: Buffer) => bytes.toString("base64url");
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();

export class SoftwareAuthenticator {
	readonly credentialId = randomBytes(32);
	readonly #privateKey: KeyObject;
	readonly #publicKey: KeyObject;
	counter = 0;
	/** Set to make the next assertion report a counter that goes backwards. */
	rewindCounter = false;
	/**
	 * A synced passkey (backup eligible and backed up: the BE and BS flags), which
	 * SimpleWebAuthn reports as "multiDevice"; by default one bound to this device.
	 */
	readonly synced: boolean;

	constructor(options: { synced?: boolean } = {}) {
		this.synced = options.synced ?? false;
		const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
		this.#privateKey = pair.privateKey;
		this.#publicKey = pair.publicKey;
	}

	#coseKey(): Buffer {
		const jwk = this.#publicKey.export({ format: "jwk" }) as { x: string; y: string };
		return cbor(
			new Map<number, Cbor>([
				[1, 2], // kty: EC2
				[3, -7], // alg: ES256
				[-1, 1], // crv: P-256
				[-2, Buffer.from(jwk.x, "base64url")],
				[-3, Buffer.from(jwk.y, "base64url")],
			]),
		);
	}

	/** BE (0x08) and BS (0x10) for a synced passkey. */
	#backupFlags(): number {
		return this.synced ? 0x18 : 0;
	}

	#clientData(type: string, challenge: string, origin: string): Buffer {
		return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
	}

	/** The answer to creation options, as `startRegistration` would post it. */
	register(options: { challenge: string; rp: { id: string } }, origin: string) {
		const clientDataJSON = this.#clientData("webauthn.create", options.challenge, origin);
		const idLength = Buffer.from([0, this.credentialId.length]);
		const authData = Buffer.concat([
			sha256(options.rp.id),
			Buffer.from([0x45 | this.#backupFlags()]), // user present, user verified, attested credential data
			Buffer.from([0, 0, 0, 0]),
			Buffer.alloc(16), // AAGUID
			idLength,
			this.credentialId,
			this.#coseKey(),
		]);
		const attestationObject = cbor(
			new Map<string, Cbor>([
				["fmt", "none"],
				["attStmt", new Map()],
				["authData", authData],
			]),
		);
		return {
			id: b64url(this.credentialId),
			rawId: b64url(this.credentialId),
			type: "public-key",
			clientExtensionResults: {},
			response: {
				clientDataJSON: b64url(clientDataJSON),
				attestationObject: b64url(attestationObject),
				transports: ["internal"],
			},
		};
	}

	/** The answer to request options, as `startAuthentication` would post it. */
	authenticate(options: { challenge: string; rpId: string }, origin: string) {
		this.counter = this.rewindCounter ? Math.max(0, this.counter - 5) : this.counter + 1;
		const clientDataJSON = this.#clientData("webauthn.get", options.challenge, origin);
		const counter = Buffer.alloc(4);
		counter.writeUInt32BE(this.counter);
		const authData = Buffer.concat([sha256(options.rpId), Buffer.from([0x05 | this.#backupFlags()]), counter]);
		const signature = createSign("SHA256").update(Buffer.concat([authData, sha256(clientDataJSON)])).sign(this.#privateKey);
		return {
			id: b64url(this.credentialId),
			rawId: b64url(this.credentialId),
			type: "public-key",
			clientExtensionResults: {},
			response: {
				clientDataJSON: b64url(clientDataJSON),
				authenticatorData: b64url(authData),
				signature: b64url(signature),
			},
		};
	}
}
