import { Redis } from "ioredis";
import type { CounterState } from "../core/throttle.ts";
import type { CounterStore, Reservation } from "./attempts.ts";

/**
 * The same counters as the database keeps, in Redis: one hash per key (start,
 * count, pending), changed by a Lua script so every key of an attempt moves in
 * one atomic step, across every instance. Times come from Tessera's clock, not
 * Redis's; a key expires a minute after its window closes.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local out = {}
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[i + 1])
  local state = redis.call('HMGET', key, 'start', 'count', 'pending')
  local start, count, pending = state[1], tonumber(state[2]), tonumber(state[3])
  if start == false or tonumber(start) + window <= now or count <= 0 then
    start, count, pending = ARGV[1], 1, 1
  else
    count, pending = count + 1, pending + 1
  end
  redis.call('HSET', key, 'start', start, 'count', count, 'pending', pending)
  redis.call('PEXPIRE', key, math.max(1, tonumber(start) + window - now) + 60000)
  out[i] = { start, count, pending }
end
return out
`;

const SETTLE = `
for i, key in ipairs(KEYS) do
  local state = redis.call('HMGET', key, 'start', 'pending')
  if state[1] == ARGV[i + 1] and tonumber(state[2] or '0') > 0 then
    redis.call('HINCRBY', key, 'pending', -1)
    if ARGV[1] == 'release' then redis.call('HINCRBY', key, 'count', -1) end
  end
end
return 0
`;

export class RedisCounterStore implements CounterStore {
	readonly #redis: Redis;
	readonly #prefix: string;

	constructor(url: string, prefix = "tessera:throttle:") {
		// Commands wait for a lost connection to come back for a moment, then fail: an attempt is
		// refused with a 500 rather than let through uncounted.
		this.#redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true, connectTimeout: 2000 });
		this.#redis.on("error", () => {
			// Reconnection is automatic; commands in flight get their own error.
		});
		this.#prefix = prefix;
	}

	async take(entries: readonly { key: string; windowMs: number }[], now: number): Promise<CounterState[]> {
		const keys = entries.map((e) => this.#prefix + e.key);
		const result = (await this.#redis.eval(TAKE, keys.length, ...keys, String(now), ...entries.map((e) => String(e.windowMs)))) as [
			string,
			number,
			number,
		][];
		return result.map(([start, count, pending]) => ({ windowStart: Number(start), count: Number(count), pending: Number(pending) }));
	}

	async settle(reservations: readonly Reservation[], how: "release" | "keep"): Promise<void> {
		if (reservations.length === 0) return;
		const keys = reservations.map((r) => this.#prefix + r.key);
		await this.#redis.eval(SETTLE, keys.length, ...keys, how, ...reservations.map((r) => String(r.windowStart)));
	}

	async prune(): Promise<void> {
		// Keys expire by themselves.
	}

	async ping(): Promise<void> {
		await this.#redis.ping();
	}

	async close(): Promise<void> {
		await this.#redis.quit().catch(() => this.#redis.disconnect());
	}
}
