import { parse } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { Html, escapeHtml } from "../ui/html.ts";
import { catalogs, type MessageKey } from "./catalog.ts";
import { presentation } from "./context.ts";
import type { Locale } from "./locales.ts";

export type { MessageKey } from "./catalog.ts";

type Plain = string | number;
export type MessageValues = Record<string, Plain | undefined>;
/** A rich message's tags: `<link>…</link>` in the text becomes what `link` makes of its content. */
export type MessageTags = Record<string, (content: Html) => Html>;

const compiled = new Map<string, IntlMessageFormat>();

/** The pseudo-locale's letters: the same words, visibly not from the English catalog. */
const accents: Record<string, string> = {
	a: "å", b: "ƀ", c: "ç", d: "đ", e: "é", f: "ƒ", g: "ĝ", h: "ĥ", i: "î", j: "ĵ", k: "ķ", l: "ļ", m: "ɱ",
	n: "ñ", o: "ö", p: "þ", q: "ǫ", r: "ŕ", s: "š", t: "ţ", u: "û", v: "ṽ", w: "ŵ", x: "ẋ", y: "ý", z: "ž",
	A: "Å", B: "Ɓ", C: "Ç", D: "Đ", E: "É", F: "Ƒ", G: "Ĝ", H: "Ĥ", I: "Î", J: "Ĵ", K: "Ķ", L: "Ļ", M: "Ṁ",
	N: "Ñ", O: "Ö", P: "Þ", Q: "Ǫ", R: "Ŕ", S: "Š", T: "Ţ", U: "Û", V: "Ṽ", W: "Ŵ", X: "Ẋ", Y: "Ý", Z: "Ž",
};

// biome-ignore lint/suspicious/noExplicitAny: the parser's element tree, walked generically
function pseudoElements(elements: any[]): any[] {
	return elements.map((element) => {
		if (element.type === 0) return { ...element, value: element.value.replace(/[A-Za-z]/g, (ch: string) => accents[ch] ?? ch) };
		const copy = { ...element };
		if (copy.children) copy.children = pseudoElements(copy.children);
		if (copy.options) {
			copy.options = Object.fromEntries(
				// biome-ignore lint/suspicious/noExplicitAny: as above
				Object.entries(copy.options).map(([k, option]: [string, any]) => [k, { ...option, value: pseudoElements(option.value) }]),
			);
		}
		return copy;
	});
}

function formatter(locale: Locale, key: MessageKey, rich: boolean): IntlMessageFormat {
	const id = `${locale}\u0000${key}\u0000${rich}`;
	let found = compiled.get(id);
	if (!found) {
		if (locale === "en-XA") {
			const ast = pseudoElements(parse(catalogs.en[key], { ignoreTag: !rich }));
			found = new IntlMessageFormat(ast, "en", undefined, { ignoreTag: !rich });
		} else {
			found = new IntlMessageFormat(catalogs[locale][key], locale, undefined, { ignoreTag: !rich });
		}
		compiled.set(id, found);
	}
	return found;
}

function withProduct(values: MessageValues | undefined): Record<string, Plain> {
	const out: Record<string, Plain> = { product: presentation().brand.name };
	for (const [name, value] of Object.entries(values ?? {})) if (value !== undefined) out[name] = value;
	return out;
}

/** A message in the current presentation's language, as text. Escape it (the html template does) before it reaches a page. */
export function t(key: MessageKey, values?: MessageValues): string {
	const locale = presentation().locale;
	const text = formatter(locale, key, false).format<string>(withProduct(values)) as string;
	return locale === "en-XA" ? `⟦${text}⟧` : text;
}

/**
 * A message with markup, as HTML: its words and plain values escaped, `Html` values
 * inserted as they are, and each tag (`<link>…</link>`) made by `tags`.
 */
export function rich(key: MessageKey, values: Record<string, Plain | Html | undefined> | undefined, tags: MessageTags = {}): Html {
	const locale = presentation().locale;
	const wrapped: Record<string, unknown> = { product: presentation().brand.name };
	for (const [name, value] of Object.entries(values ?? {})) if (value !== undefined) wrapped[name] = value;
	for (const [name, make] of Object.entries(tags)) wrapped[name] = (chunks: unknown[]) => make(new Html(chunks.map(part).join("")));
	const parts = formatter(locale, key, true).format(wrapped as Record<string, Plain>);
	const body = Array.isArray(parts) ? parts.map(part).join("") : part(parts);
	return new Html(locale === "en-XA" ? `⟦${body}⟧` : body);
}

function part(value: unknown): string {
	return value instanceof Html ? value.value : escapeHtml(String(value));
}

/** Whether `key` is a message (for keys built from a code or a name). */
export function hasMessage(key: string): key is MessageKey {
	return Object.hasOwn(catalogs.en, key);
}

/**
 * A list as the language writes it ("a, b and c", « a, b et c », "a، b وc"), by Intl.ListFormat,
 * as parts: each element's index, and the words between. In the pseudo-locale the words are marked.
 */
export function listParts(count: number, type: "conjunction" | "disjunction"): ({ element: number } | { literal: string })[] {
	const locale = presentation().locale;
	const parts = new Intl.ListFormat(locale === "en-XA" ? "en" : locale, { type }).formatToParts(Array.from({ length: count }, (_, i) => String(i)));
	return parts.map((part) =>
		part.type === "element"
			? { element: Number(part.value) }
			: { literal: locale === "en-XA" ? `⟦${part.value.replace(/[A-Za-z]/g, (ch) => accents[ch] ?? ch)}⟧` : part.value },
	);
}
