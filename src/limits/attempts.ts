import { sql } from "kysely";
import type { RateLimit } from "../config.ts";
import type { Clock } from "../core/clock.ts";
import { TesseraError } from "../core/errors.ts";
import { isOverLimit, retryAfterSeconds, type WindowState } from "../core/throttle.ts";
import type { Db } from "../store/db.ts";

export interface Reservation {
	key: string;
	windowStart: number;
}

/**
 * Attempt counters kept in the database. One statement both opens or continues
 * each window and counts the attempt, so two instances, or two requests in one,
 * can never both take the last slot.
 */
export class AttemptCounter {
	readonly #db: Db;
	readonly #clock: Clock;

	constructor(db: Db, clock: Clock) {
		this.#db = db;
		this.#clock = clock;
	}

	/**
	 * Counts one attempt against every key, in one statement. When any key is
	 * over its limit, every count is given back and `too_many_attempts` is thrown
	 * with the longest wait.
	 */
	async reserveAll(entries: ReadonlyArray<{ key: string; limit: RateLimit }>): Promise<Reservation[]> {
		const now = this.#clock();
		// Each key's window length travels with its row, so one statement serves keys with different limits.
		// A window is closed when its time is up, or when every attempt in it was given back:
		// then the next window opens at the next attempt.
		const windowClosed = sql`(throttle_counters.window_start + excluded.window_ms <= ${now} or throttle_counters.count <= 0)`;
		const rows = await this.#db
			.insertInto("throttle_counters")
			.values(entries.map(({ key, limit }) => ({ key, window_start: now, count: 1, window_ms: limit.windowMs })))
			.onConflict((oc) =>
				oc.column("key").doUpdateSet({
					count: sql<number>`case when ${windowClosed} then 1 else throttle_counters.count + 1 end`,
					window_start: sql<number>`case when ${windowClosed} then ${now} else throttle_counters.window_start end`,
					window_ms: sql<number>`excluded.window_ms`,
				}),
			)
			.returning(["key", "window_start", "count"])
			.execute();
		const taken: Reservation[] = [];
		let wait = 0;
		for (const { key, limit } of entries) {
			const row = rows.find((r) => r.key === key);
			if (!row) throw new Error(`throttle counter ${key} was not returned`);
			const state: WindowState = { windowStart: Number(row.window_start), count: Number(row.count) };
			taken.push({ key, windowStart: state.windowStart });
			if (isOverLimit(state, limit)) wait = Math.max(wait, retryAfterSeconds(state, now, limit));
		}
		if (wait > 0) {
			await this.release(taken);
			throw new TesseraError("too_many_attempts", { retryAfterSeconds: wait });
		}
		return taken;
	}

	/** Gives reservations back: the attempt succeeded, or was never evaluated. */
	async release(reservations: ReadonlyArray<Reservation>): Promise<void> {
		if (reservations.length === 0) return;
		await this.#db
			.updateTable("throttle_counters")
			.set({ count: sql<number>`count - 1` })
			.where((eb) =>
				eb.or(reservations.map((r) => eb.and([eb("key", "=", r.key), eb("window_start", "=", r.windowStart)]))),
			)
			.where("count", ">", 0)
			.execute();
	}

	/** Drops counters whose window closed long ago. */
	async prune(olderThanMs: number): Promise<void> {
		await this.#db
			.deleteFrom("throttle_counters")
			.where((eb) => eb.or([eb("window_start", "<", this.#clock() - olderThanMs), eb("count", "<=", 0)]))
			.execute();
	}
}
