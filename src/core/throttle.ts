import type { RateLimit } from "../config.ts";

/**
 * Fixed-window attempt counting. A window opens at the first attempt and lasts
 * `windowMs`. `count` holds the failed attempts plus those still in flight
 * (`pending`); both include the attempt being admitted.
 */
export interface CounterState {
	windowStart: number;
	count: number;
	pending: number;
}

export type Admission =
	| { kind: "admit" }
	/** Every place is held by recorded failures: refuse until the window closes. */
	| { kind: "refuse"; retryAfterSeconds: number }
	/** Places are held by attempts still being checked: wait for them, then try again. */
	| { kind: "wait" };

/** Whole seconds until the window closes, at least 1: the value of Retry-After. */
export function retryAfterSeconds(state: Pick<CounterState, "windowStart">, now: number, limit: RateLimit): number {
	return Math.max(1, Math.ceil((state.windowStart + limit.windowMs - now) / 1000));
}

export function decideAdmission(counters: readonly { limit: RateLimit; state: CounterState }[], now: number): Admission {
	let refuseFor = 0;
	let wait = false;
	for (const { limit, state } of counters) {
		if (state.count <= limit.max) continue;
		const failures = state.count - state.pending;
		if (failures >= limit.max) refuseFor = Math.max(refuseFor, retryAfterSeconds(state, now, limit));
		else wait = true;
	}
	if (refuseFor > 0) return { kind: "refuse", retryAfterSeconds: refuseFor };
	return wait ? { kind: "wait" } : { kind: "admit" };
}
