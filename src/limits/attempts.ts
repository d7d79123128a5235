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
 * the window and counts the attempt, so two instances, or two requests in one,
 * can never both take the last slot.
 */
export class AttemptCounter {
	readonly #db: Db;
	readonly #clock: Clock;

	constructor(db: Db, clock: Clock) {
		this.#db = db;
		this.#clock = clock;
	}

	/** Counts one attempt against `key`; throws `too_many_attempts` when it is over the limit. */
	async reserve(key: string, limit: RateLimit): Promise<Reservation> {
		const now = this.#clock();
		const staleBefore = now - limit.windowMs;
		const row = await this.#db
			.insertInto("throttle_counters")
			.values({ key, window_start: now, count: 1 })
			.onConflict((oc) =>
				oc.column("key").doUpdateSet({
					count: sql<number>`case when throttle_counters.window_start <= ${staleBefore} then 1 else throttle_counters.count + 1 end`,
					window_start: sql<number>`case when throttle_counters.window_start <= ${staleBefore} then ${now} else throttle_counters.window_start end`,
				}),
			)
			.returning(["window_start", "count"])
			.executeTakeFirstOrThrow();
		const state: WindowState = { windowStart: Number(row.window_start), count: Number(row.count) };
		if (isOverLimit(state, limit)) {
			throw new TesseraError("too_many_attempts", { retryAfterSeconds: retryAfterSeconds(state, now, limit) });
		}
		return { key, windowStart: state.windowStart };
	}

	/** Reserves every key or none: when one is over its limit, the others are given back. */
	async reserveAll(entries: ReadonlyArray<{ key: string; limit: RateLimit }>): Promise<Reservation[]> {
		const taken: Reservation[] = [];
		try {
			for (const { key, limit } of entries) taken.push(await this.reserve(key, limit));
			return taken;
		} catch (error) {
			await this.release(taken);
			throw error;
		}
	}

	/** Gives reservations back: the attempt succeeded, or was never evaluated. */
	async release(reservations: ReadonlyArray<Reservation>): Promise<void> {
		for (const { key, windowStart } of reservations) {
			await this.#db
				.updateTable("throttle_counters")
				.set({ count: sql<number>`count - 1` })
				.where("key", "=", key)
				.where("window_start", "=", windowStart)
				.where("count", ">", 0)
				.execute();
			// A window with nothing left in it closes, so the next window opens at the next wrong attempt.
			await this.#db.deleteFrom("throttle_counters").where("key", "=", key).where("count", "<=", 0).execute();
		}
	}

	/** Drops counters whose window closed long ago. */
	async prune(olderThanMs: number): Promise<void> {
		await this.#db
			.deleteFrom("throttle_counters")
			.where("window_start", "<", this.#clock() - olderThanMs)
			.execute();
	}
}
