import { createCipheriv, createDecipheriv } from "node:crypto";
import type { RandomSource } from "./random.ts";

/**
 * Secrets a method must read back to check answers (authenticator keys) are
 * sealed, not hashed: AES-256-GCM under a key derived from the server secret,
 * bound to the account (associated data), so a sealed key copied to another
 * account's row does not open.
 */
export function seal(key: Buffer, plaintext: Uint8Array, associatedData: string, random: RandomSource): string {
	const iv = random(12);
	const cipher = createCipheriv("aes-256-gcm", key, iv);
	cipher.setAAD(Buffer.from(associatedData, "utf8"));
	const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
	const tag = cipher.getAuthTag();
	return ["v1", Buffer.from(iv).toString("base64url"), body.toString("base64url"), tag.toString("base64url")].join(".");
}

export function open(key: Buffer, sealed: string, associatedData: string): Buffer {
	const [version, iv, body, tag] = sealed.split(".");
	if (version !== "v1" || !iv || body === undefined || !tag) throw new Error("Unknown sealed-secret format.");
	const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
	decipher.setAAD(Buffer.from(associatedData, "utf8"));
	decipher.setAuthTag(Buffer.from(tag, "base64url"));
	return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
}
