/** Milliseconds since the Unix epoch. Injected everywhere so tests can move time. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock tests can set and advance. */
export function manualClock(start = Date.UTC(2026, 0, 1)): Clock & { advance(ms: number): void; set(ms: number): void } {
	let now = start;
	const clock = (() => now) as Clock & { advance(ms: number): void; set(ms: number): void };
	clock.advance = (ms: number) => {
		now += ms;
	};
	clock.set = (ms: number) => {
		now = ms;
	};
	return clock;
}
