import { AsyncLocalStorage } from "node:async_hooks";
import { availableParallelism } from "node:os";
import { type Algorithm, hash, hashRaw, type Options, verify } from "@node-rs/argon2";
import { TesseraError } from "./core/errors.ts";

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

/**
 * Every argon2id goes through one queue with two lanes, so that the hashes one
 * person can buy cannot slow everyone else's sign-in:
 * - the sign-in lane (passwords and codes checked to get in, sign-up) runs first;
 * - the elective lane (a password confirmed in settings, a new set of backup
 *   codes) may hold all but one of the threads, and only a few such requests may
 *   be under way at once. Past that, one is refused with 503 server_busy and
 *   Retry-After, at once, before it costs anything.
 * The per-account budgets (flows/limits.ts) bound what one account may ask for;
 * this bounds what all of them together may.
 */
export class HashQueue {
	readonly #slots: number;
	readonly #electiveSlots: number;
	readonly #maxWaiting: { signIn: number; electiveJobs: number };
	#running = 0;
	#electiveJobs = 0;
	#runningElective = 0;
	readonly #waiting = { signIn: [] as (() => void)[], elective: [] as (() => void)[] };

	constructor(slots: number, maxWaiting = { signIn: 512, electiveJobs: 8 }) {
		this.#slots = Math.max(1, slots);
		this.#electiveSlots = Math.max(1, this.#slots - 1);
		this.#maxWaiting = maxWaiting;
	}

	/** Admits one elective request (its hashes then run in the elective lane), or refuses it when too many are under way. */
	async job<T>(work: () => Promise<T>): Promise<T> {
		if (this.#electiveJobs >= this.#maxWaiting.electiveJobs) throw new TesseraError("server_busy", { retryAfterSeconds: 1 });
		this.#electiveJobs++;
		try {
			return await work();
		} finally {
			this.#electiveJobs--;
		}
	}

	async run<T>(elective: boolean, task: () => Promise<T>): Promise<T> {
		await this.#acquire(elective);
		try {
			return await task();
		} finally {
			this.#release(elective);
		}
	}

	#free(elective: boolean): boolean {
		return this.#running < this.#slots && (!elective || this.#runningElective < this.#electiveSlots);
	}

	#acquire(elective: boolean): Promise<void> {
		const lane = elective ? this.#waiting.elective : this.#waiting.signIn;
		// The sign-in lane never queues behind elective work; elective work waits for an empty sign-in lane.
		if (this.#free(elective) && (elective ? this.#waiting.signIn.length === 0 : true) && lane.length === 0) {
			this.#take(elective);
			return Promise.resolve();
		}
		// Elective hashes are bounded by the requests admitted; sign-ins by a queue of their own.
		if (!elective && lane.length >= this.#maxWaiting.signIn) {
			return Promise.reject(new TesseraError("server_busy", { retryAfterSeconds: 1 }));
		}
		return new Promise((resolve) => lane.push(resolve));
	}

	#take(elective: boolean): void {
		this.#running++;
		if (elective) this.#runningElective++;
	}

	#release(elective: boolean): void {
		this.#running--;
		if (elective) this.#runningElective--;
		const next = this.#waiting.signIn.length > 0 ? this.#waiting.signIn : this.#free(true) ? this.#waiting.elective : undefined;
		const resolve = next?.shift();
		if (resolve) {
			this.#take(next === this.#waiting.elective);
			resolve();
		}
	}
}

const elective = new AsyncLocalStorage<true>();
// One per process, as wide as libuv's thread pool that runs the hashes (main.ts sizes it).
const queue = new HashQueue(Number(process.env["UV_THREADPOOL_SIZE"]) || Math.max(2, availableParallelism()));

/** Runs `work` with its hashes in the elective lane: account changes, not getting in. */
export function electiveHashing<T>(work: () => Promise<T>): Promise<T> {
	return queue.job(() => elective.run(true, work));
}

function queued<T>(task: () => Promise<T>): Promise<T> {
	return queue.run(elective.getStore() === true, task);
}

export function hashPassword(password: string): Promise<string> {
	return queued(() => hash(password, ARGON2ID));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return queued(async () => {
		try {
			return await verify(passwordHash, password, ARGON2ID);
		} catch {
			return false;
		}
	});
}

/** Raw argon2id with a given salt and a server-held secret (pepper), for codes. */
export function hashWithPepper(input: string, salt: Uint8Array, pepper: Uint8Array): Promise<Buffer> {
	return queued(() => hashRaw(input, { ...ARGON2ID, salt, secret: pepper, outputLen: 32 }));
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
