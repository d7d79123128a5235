import { type Algorithm, hash, hashRaw, type Options, verify } from "@node-rs/argon2";

/**
 * argon2id at m = 19 MiB, t = 2, p = 1: OWASP's recommended minimum. One hash
 * costs about 5 ms of one core; the pool of libuv threads runs several at once.
 */
export const ARGON2ID: Options = {
	algorithm: 2 as Algorithm, // Argon2id (the package's const enum cannot be imported under type stripping)
	memoryCost: 19 * 1024,
	timeCost: 2,
	parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password, ARGON2ID);
	} catch {
		return false;
	}
}

/** Raw argon2id with a given salt and a server-held secret (pepper), for codes. */
export function hashWithPepper(input: string, salt: Uint8Array, pepper: Uint8Array): Promise<Buffer> {
	return hashRaw(input, { ...ARGON2ID, salt, secret: pepper, outputLen: 32 });
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the username does not exist, so that an unknown
 * user costs the same argon2id work as a wrong password.
 */
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hash("tessera-dummy-password-for-timing", ARGON2ID);
	return dummyHash;
}
