import type { RateLimit } from "../config.ts";

/**
 * Fixed-window attempt counting. A window opens at the first attempt and lasts
 * `windowMs`; an attempt is allowed while the window's count is at most `max`.
 * The count is taken *before* the attempt is evaluated (a reservation), so
 * parallel requests cannot all see "one left"; a successful attempt gives its
 * reservation back.
 */
export interface WindowState {
	windowStart: number;
	count: number;
}

export function windowExpired(state: WindowState, now: number, limit: RateLimit): boolean {
	return state.windowStart + limit.windowMs <= now;
}

export function isOverLimit(state: WindowState, limit: RateLimit): boolean {
	return state.count > limit.max;
}

/** Whole seconds until the window closes, at least 1: the value of Retry-After. */
export function retryAfterSeconds(state: WindowState, now: number, limit: RateLimit): number {
	return Math.max(1, Math.ceil((state.windowStart + limit.windowMs - now) / 1000));
}
