import { presentation } from "./context.ts";
import { t } from "./translate.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions, id: string): Intl.DateTimeFormat {
	const key = `${locale}|${timeZone}|${id}`;
	let found = formats.get(key);
	if (!found) {
		found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
		formats.set(key, found);
	}
	return found;
}

/** English is written the way most of the world reads it: 1 Dec 2026, 20:34. */
function intlLocale(locale: string): string {
	return locale === "en" || locale === "en-XA" ? "en-GB" : locale;
}

function dayOf(ms: number, locale: string, timeZone: string): string {
	return format(locale, timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }, "day").format(ms);
}

/**
 * A moment as the person reads it, in their language and time zone: "today, 20:34",
 * "yesterday, 09:05", "1 déc. 2026, 20:34". With no zone known it is UTC and says so.
 * `withZone` adds the zone's name (for emails and texts, read anywhere).
 */
export function formatWhen(ms: number, options: { now?: number; withZone?: boolean } = {}): string {
	const p = presentation();
	const locale = intlLocale(p.locale);
	const zone = p.timeZone ?? "UTC";
	const showZone = options.withZone || p.timeZone === undefined;
	const time = format(locale, zone, { hour: "2-digit", minute: "2-digit", ...(showZone ? { timeZoneName: "short" } : {}) }, `time${showZone}`).format(ms);
	const now = options.now ?? Date.now();
	const day = dayOf(ms, locale, zone);
	if (day === dayOf(now, locale, zone)) return t("common.today", { time });
	if (day === dayOf(now - 86_400_000, locale, zone)) return t("common.yesterday", { time });
	const date = format(locale, zone, { year: "numeric", month: "short", day: "numeric" }, "date").format(ms);
	return t("common.dateTime", { date, time });
}

/** A day as the person reads it ("1 Dec 2026"), in their zone. */
export function formatDay(ms: number): string {
	const p = presentation();
	return format(intlLocale(p.locale), p.timeZone ?? "UTC", { year: "numeric", month: "short", day: "numeric" }, "date").format(ms);
}
