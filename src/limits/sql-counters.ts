import { sql } from "kysely";
import type { CounterState } from "../core/throttle.ts";
import type { Db } from "../store/db.ts";
import type { CounterStore, Reservation } from "./attempts.ts";

/** Counters in the `throttle_counters` table: one upsert takes a place for every key at once. */
export class SqlCounterStore implements CounterStore {
	readonly #db: Db;

	constructor(db: Db) {
		this.#db = db;
	}

	async take(entries: readonly { key: string; windowMs: number }[], now: number): Promise<CounterState[]> {
		// Each key's window length travels with its row, so one statement serves keys with different limits.
		// A window is closed when its time is up or when nothing is left in it: the next attempt opens a new one.
		const closed = sql`(throttle_counters.window_start + excluded.window_ms <= ${now} or throttle_counters.count <= 0)`;
		const rows = await this.#db
			.insertInto("throttle_counters")
			.values(entries.map(({ key, windowMs }) => ({ key, window_start: now, window_ms: windowMs, count: 1, pending: 1 })))
			.onConflict((oc) =>
				oc.column("key").doUpdateSet({
					count: sql<number>`case when ${closed} then 1 else throttle_counters.count + 1 end`,
					pending: sql<number>`case when ${closed} then 1 else throttle_counters.pending + 1 end`,
					window_start: sql<number>`case when ${closed} then ${now} else throttle_counters.window_start end`,
					window_ms: sql<number>`excluded.window_ms`,
				}),
			)
			.returning(["key", "window_start", "count", "pending"])
			.execute();
		return entries.map(({ key }) => {
			const row = rows.find((r) => r.key === key);
			if (!row) throw new Error("a throttle counter was not returned");
			return { windowStart: Number(row.window_start), count: Number(row.count), pending: Number(row.pending) };
		});
	}

	async settle(reservations: readonly Reservation[], how: "release" | "keep"): Promise<void> {
		// One statement per key: a single UPDATE over several keys would lock them in whatever order
		// PostgreSQL finds them and could deadlock with an attempt taking its places. Each of these
		// locks one row and commits alone, so they never wait on each other in a cycle and can run
		// side by side (each on a connection of its own), sparing the answer a round trip.
		await Promise.all(
			reservations.map(({ key, windowStart }) =>
				this.#db
					.updateTable("throttle_counters")
					.set(
						how === "release"
							? { count: sql<number>`count - 1`, pending: sql<number>`pending - 1` }
							: { pending: sql<number>`pending - 1` },
					)
					.where("key", "=", key)
					.where("window_start", "=", windowStart)
					.where("pending", ">", 0)
					.execute(),
			),
		);
	}

	async prune(before: number): Promise<void> {
		await this.#db
			.deleteFrom("throttle_counters")
			.where((eb) => eb.or([eb("window_start", "<", before), eb("count", "<=", 0)]))
			.execute();
	}

	async ping(): Promise<void> {
		// The database has its own readiness check.
	}

	async close(): Promise<void> {
		// The store closes the database.
	}
}
