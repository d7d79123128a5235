/** A date as people read it in messages and pages: "Sun, 22 Nov 2026 06:26:02 UTC". */
export function formatUtc(ms: number): string {
	return new Date(ms).toUTCString().replace(/ GMT$/, " UTC");
}
