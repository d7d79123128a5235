import { randomBytes } from "node:crypto";

/** A source of cryptographically secure random bytes. Injected so tests can be deterministic. */
export type RandomSource = (length: number) => Uint8Array;

export const secureRandom: RandomSource = (length) => randomBytes(length);
