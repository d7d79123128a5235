/**
 * Password hashing alone, in this process, with each side's own parameters: the most
 * hashes a second this machine gives, which no password sign-in can beat.
 *
 *  - Tessera: argon2id m=19 MiB, t=2, p=1 (@node-rs/argon2, on libuv's thread pool).
 *  - better-auth: its default scrypt N=16384, r=16, p=1, 64-byte key (node:crypto, libuv's
 *    thread pool, 32 MiB a hash), called through better-auth's own hashPassword.
 */
import { availableParallelism } from "node:os";
import { hashPassword as scryptHash } from "better-auth/crypto";
import { hashPassword as argon2Hash } from "../src/hashing.ts";

export const PASSWORD = "bench mark horse staple 42";

export const HASHING = {
	tessera: "argon2id m=19 MiB, t=2, p=1 (@node-rs/argon2)",
	betterAuth: "scrypt N=16384, r=16, p=1, dkLen=64: 32 MiB (node:crypto via better-auth's hashPassword)",
} as const;

export type Hasher = (password: string) => Promise<unknown>;
export const argon2id: Hasher = argon2Hash;
export const scrypt: Hasher = scryptHash;

/** Hashes done and seconds taken, `parallel` at a time for `seconds`. */
export async function hashRun(hash: Hasher, parallel: number, seconds: number): Promise<{ hashes: number; seconds: number }> {
	let done = 0;
	const deadline = performance.now() + seconds * 1000;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (performance.now() < deadline) {
				await hash(PASSWORD);
				done++;
			}
		}),
	);
	return { hashes: done, seconds: (performance.now() - started) / 1000 };
}

/** The best of several degrees of parallelism (cores, twice the cores, 8): hashes per second, and the degree. */
export async function hashCeiling(hash: Hasher, seconds: number): Promise<{ perSecond: number; parallel: number }> {
	let best = { perSecond: 0, parallel: 1 };
	const cores = availableParallelism();
	for (const parallel of [cores, cores * 2, 8]) {
		const run = await hashRun(hash, parallel, seconds / 3);
		if (run.hashes / run.seconds > best.perSecond) best = { perSecond: run.hashes / run.seconds, parallel };
	}
	return best;
}

/** One hash at a time: the median milliseconds of `count`. */
export async function hashMillis(hash: Hasher, count: number): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const t0 = performance.now();
		await hash(PASSWORD);
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}
