import { AsyncLocalStorage } from "node:async_hooks";
import { type Brand, defaultBrand } from "../core/brand.ts";
import { asLocale, asTimeZone, type Locale } from "./locales.ts";

/**
 * Who is being spoken to, and as whom: the language, the time zone and the
 * operator's brand a page, an API error, an email or a text is written for.
 * A request runs in the presentation its hook chose (src/http/presentation.ts);
 * a message sent later is written in the account's (`withPresentation`).
 */
export interface Presentation {
	locale: Locale;
	/** An IANA zone ("Europe/Paris"); undefined when not known, and times then say "UTC". */
	timeZone: string | undefined;
	brand: Brand;
	/** Whether the person chose the language (the switcher), rather than the browser's Accept-Language. */
	chosen?: boolean;
	/** The page's own address (GET), for the language switcher to come back to. */
	page?: string | undefined;
}

const storage = new AsyncLocalStorage<Presentation>();
const fallback: Presentation = { locale: "en", timeZone: undefined, brand: defaultBrand };

/** The presentation of what is running now: the request's, or English in UTC outside any. */
export function presentation(): Presentation {
	return storage.getStore() ?? fallback;
}

/** Runs `fn` (and everything it starts) in `p`. */
export function withPresentation<T>(p: Presentation, fn: () => T): T {
	return storage.run(p, fn);
}

/** What a message to an account is written in: its language and time zone. */
export function accountPresentation(account: { language: string | null; time_zone: string | null }, brand: Brand): Presentation {
	return { locale: asLocale(account.language) ?? "en", timeZone: asTimeZone(account.time_zone), brand };
}
