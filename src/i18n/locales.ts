import Negotiator from "negotiator";

/**
 * The languages Tessera speaks. The first is the fallback. `en-XA` is the
 * pseudo-locale: English with every translated string marked (⟦Šîĝñ îñ⟧), so a
 * string that bypasses the catalogs stands out; it is offered only when the
 * operator turns it on (TESSERA_PSEUDO_LOCALE).
 */
export const locales = ["en", "fr", "ar"] as const;
export type Locale = (typeof locales)[number] | "en-XA";

/** Each language by its own name, as the language switcher shows it. */
export const localeNames: Record<Locale, string> = { en: "English", fr: "Français", ar: "العربية", "en-XA": "⟦Þšéûđö⟧" };

export function direction(locale: Locale): "ltr" | "rtl" {
	return locale === "ar" ? "rtl" : "ltr";
}

/** A locale Tessera speaks, or undefined: the one check for a value from a cookie, a form or the database. */
export function asLocale(value: unknown, pseudo = false): Locale | undefined {
	if (typeof value !== "string") return undefined;
	if ((locales as readonly string[]).includes(value)) return value as Locale;
	return pseudo && value === "en-XA" ? "en-XA" : undefined;
}

/** The language an Accept-Language header asks for, among those Tessera speaks; English when none. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
	if (!acceptLanguage) return "en";
	const found = new Negotiator({ headers: { "accept-language": acceptLanguage } }).language([...locales]);
	return asLocale(found) ?? "en";
}

/** A time zone the runtime knows (an IANA name such as "Europe/Paris"), or undefined. */
export function asTimeZone(value: unknown): string | undefined {
	if (typeof value !== "string" || value.length === 0 || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return undefined;
	try {
		return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}
