import { createHmac } from "node:crypto";
import type { RateLimit } from "../config.ts";
import type { Clock } from "../core/clock.ts";
import { isTesseraError, TesseraError } from "../core/errors.ts";
import type { ServerKeys } from "../core/keys.ts";
import { type CounterState, decideAdmission } from "../core/throttle.ts";

export interface ThrottleEntry {
	key: string;
	limit: RateLimit;
}

export interface Reservation {
	key: string;
	windowStart: number;
}

/**
 * Where counters live: the database (shared by every instance, the default) or
 * Redis. Both keep the same rules, each in one atomic step: `take` adds an
 * attempt to every key (opening a new window when the last one is over or
 * empty) and returns the states; `settle` takes an attempt out of flight, and
 * with "release" out of the count too.
 */
export interface CounterStore {
	take(entries: readonly { key: string; windowMs: number }[], now: number): Promise<CounterState[]>;
	settle(reservations: readonly Reservation[], how: "release" | "keep"): Promise<void>;
	prune(before: number): Promise<void>;
	ping(): Promise<void>;
	close(): Promise<void>;
}

/** Errors that mean "a wrong guess": they stay in the count. Anything else gives its place back. */
const wrongGuesses = new Set(["invalid_credentials", "invalid_code", "code_already_used", "code_replaced"]);

/** How long an attempt may wait for attempts in flight to finish before it is refused. */
const CONGESTION_WAIT_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Attempt counters, shared by every instance (in the database, or in Redis).
 *
 * Each row counts, for one key and one window, the attempts that failed plus
 * those still being checked (`pending`). An attempt takes its place with one
 * atomic upsert *before* it is checked, so parallel requests can never all
 * see "one left": at most `max` attempts are ever evaluated in a window.
 * When the places are taken only by attempts still in flight (many right
 * passwords at once from one office), a newcomer waits briefly for them to
 * finish instead of being refused. A right answer gives its place back; a
 * wrong one keeps it until the window closes.
 */
export class AttemptCounter {
	readonly #store: CounterStore;
	readonly #clock: Clock;
	readonly #keys: ServerKeys;
	readonly #onRefused: (limit: string) => void;

	/** `onRefused` hears the name of each limit that refuses an attempt ("password:account", …), for metrics. */
	constructor(store: CounterStore, clock: Clock, keys: ServerKeys, onRefused: (limit: string) => void = () => {}) {
		this.#store = store;
		this.#clock = clock;
		this.#keys = keys;
		this.#onRefused = onRefused;
	}

	/**
	 * The stored key for a subject (a username, an address bucket). Subjects are
	 * HMAC'd, so a password typed into the username field never rests in the table.
	 */
	key(scope: string, subject: string): string {
		const mac = createHmac("sha256", this.#keys.hmacKey("throttle-key")).update(subject, "utf8").digest("base64url");
		return `${scope}:${mac.slice(0, 32)}`;
	}

	/**
	 * Runs `evaluate` as one counted attempt against every entry. A wrong guess
	 * (invalid_credentials, invalid_code, code_already_used, code_replaced) stays
	 * counted; any other outcome (a typo, which reveals nothing, included) gives
	 * the places back.
	 */
	async attempt<T>(entries: readonly ThrottleEntry[], evaluate: () => Promise<T>): Promise<T> {
		const reservations = await this.#admit(entries);
		try {
			const result = await evaluate();
			await this.#settle(reservations, "release");
			return result;
		} catch (error) {
			const wrong = isTesseraError(error) && wrongGuesses.has(error.code);
			await this.#settle(reservations, wrong ? "keep" : "release");
			throw error;
		}
	}

	/** Counts an attempt that always stays counted, such as a sign-up. */
	async count(entries: readonly ThrottleEntry[]): Promise<void> {
		await this.#settle(await this.#admit(entries), "keep");
	}

	async #admit(entries: readonly ThrottleEntry[]): Promise<Reservation[]> {
		// Rows are always locked in key order, so two requests never wait on each other in a cycle.
		const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		const startedWaiting = performance.now();
		for (;;) {
			const now = this.#clock();
			const states = await this.#take(sorted, now);
			const decision = decideAdmission(
				sorted.map((entry, i) => ({ limit: entry.limit, state: states[i]! })),
				now,
			);
			const reservations = sorted.map((entry, i) => ({ key: entry.key, windowStart: states[i]!.windowStart }));
			if (decision.kind === "admit") return reservations;
			await this.#settle(reservations, "release");
			if (decision.kind === "refuse") {
				sorted.forEach((entry, i) => {
					const state = states[i]!;
					if (state.count - state.pending >= entry.limit.max) this.#onRefused(entry.key.slice(0, entry.key.lastIndexOf(":")));
				});
				throw new TesseraError("too_many_attempts", { retryAfterSeconds: decision.retryAfterSeconds });
			}
			if (performance.now() - startedWaiting > CONGESTION_WAIT_MS) {
				throw new TesseraError("too_many_attempts", { retryAfterSeconds: 1 });
			}
			await sleep(15 + Math.random() * 35);
		}
	}

	#take(sorted: readonly ThrottleEntry[], now: number): Promise<CounterState[]> {
		return this.#store.take(sorted.map(({ key, limit }) => ({ key, windowMs: limit.windowMs })), now);
	}

	#settle(reservations: readonly Reservation[], how: "release" | "keep"): Promise<void> {
		return this.#store.settle(reservations, how);
	}

	/** Drops counters whose window closed long ago, and empty ones. */
	prune(olderThanMs: number): Promise<void> {
		return this.#store.prune(this.#clock() - olderThanMs);
	}

	/** Whether the counters can be reached (readiness). */
	ping(): Promise<void> {
		return this.#store.ping();
	}

	close(): Promise<void> {
		return this.#store.close();
	}
}
