/**
 * "Firefox on Windows", "Safari on iPhone": a label a person recognises their
 * own device by, from the User-Agent header. Deliberately coarse: the list of
 * trusted devices needs to be readable, not exact.
 */
export function deviceLabel(userAgent: string | undefined): string {
	if (!userAgent) return "Unknown device";
	const ua = userAgent;
	const browser = /Edg\//.test(ua)
		? "Edge"
		: /OPR\/|Opera/.test(ua)
			? "Opera"
			: /Firefox\/|FxiOS/.test(ua)
				? "Firefox"
				: /Chrome\/|CriOS|Chromium/.test(ua)
					? "Chrome"
					: /Safari\//.test(ua)
						? "Safari"
						: /^[\w.-]+\/[\d.]+/.test(ua)
							? // An app or a script names itself; its name is not shown, since anyone can choose it
								// and labels appear in alerts.
								"App"
							: "Browser";
	const system = /iPhone/.test(ua)
		? "iPhone"
		: /iPad/.test(ua)
			? "iPad"
			: /Android/.test(ua)
				? "Android"
				: /Windows/.test(ua)
					? "Windows"
					: /Mac OS X|Macintosh/.test(ua)
						? "Mac"
						: /CrOS/.test(ua)
							? "ChromeOS"
							: /Linux/.test(ua)
								? "Linux"
								: undefined;
	return system ? `${browser} on ${system}` : browser;
}
