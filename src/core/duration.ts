const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "90s", "15m", "12h", "30d" (or a bare number of seconds) into milliseconds. */
export function parseDuration(text: string): number | undefined {
	const match = /^\s*(\d+)\s*(ms|s|m|h|d)?\s*$/.exec(text);
	if (!match) return undefined;
	const amount = Number(match[1]);
	const unit = units[match[2] ?? "s"]!;
	const ms = amount * unit;
	return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}

export function formatDuration(ms: number): string {
	for (const [unit, size] of [
		["d", 86_400_000],
		["h", 3_600_000],
		["m", 60_000],
		["s", 1000],
	] as const) {
		if (ms % size === 0) return `${ms / size}${unit}`;
	}
	return `${ms}ms`;
}
