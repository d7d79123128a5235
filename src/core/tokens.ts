import { createHash, timingSafeEqual } from "node:crypto";
import type { RandomSource } from "./random.ts";

/** 32 bytes = 256 random bits, base64url without padding (43 characters). */
export const TOKEN_BYTES = 32;

export function newToken(random: RandomSource): string {
	return Buffer.from(random(TOKEN_BYTES)).toString("base64url");
}

/**
 * Tokens are stored only as their SHA-256. A token has 256 random bits, so a
 * fast hash is enough: nobody can search that space, and a database leak gives
 * no usable token. Looking a token up by its hash also means the comparison
 * never touches the secret itself.
 */
export function tokenHash(token: string): string {
	return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** A plausible token shape, checked before any lookup so junk never reaches the database. */
export function looksLikeToken(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function constantTimeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a, "utf8");
	const right = Buffer.from(b, "utf8");
	if (left.length !== right.length) {
		// Compare against itself so the time does not depend on where they differ.
		timingSafeEqual(left, left);
		return false;
	}
	return timingSafeEqual(left, right);
}

export function newId(random: RandomSource): string {
	// Hex: an operator types ids on the command line, where one starting with "-" (base64url's
	// alphabet has it) would read as an option.
	return Buffer.from(random(16)).toString("hex");
}
