import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, test } from "node:test";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { catalogs } from "../../src/i18n/catalog.ts";
import { withPresentation } from "../../src/i18n/context.ts";
import { asTimeZone, negotiateLocale } from "../../src/i18n/locales.ts";
import { formatWhen } from "../../src/i18n/time.ts";
import { rich, t } from "../../src/i18n/translate.ts";
import { html } from "../../src/ui/html.ts";

const languages = ["en", "fr", "ar"] as const;

/** The arguments and tags a message uses, and the plural categories it writes. */
function shape(elements: MessageFormatElement[], out = { args: new Set<string>(), tags: new Set<string>(), categories: [] as string[] }) {
	for (const element of elements) {
		if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
			out.args.add(element.value);
		} else if (element.type === TYPE.plural || element.type === TYPE.select) {
			out.args.add(element.value);
			if (element.type === TYPE.plural) out.categories.push(...Object.keys(element.options));
			for (const option of Object.values(element.options)) shape(option.value, out);
		} else if (element.type === TYPE.tag) {
			out.tags.add(element.value);
			shape(element.children, out);
		}
	}
	return out;
}

describe("the message catalogs", () => {
	test("every area is part of the catalogs", () => {
		const areas = readdirSync(new URL("../../src/i18n/messages/", import.meta.url)).map((f) => f.replace(/\.ts$/, ""));
		const prefixes = new Set(Object.keys(catalogs.en).map((k) => k.split(".")[0]));
		for (const area of areas) {
			const keys = Object.keys(catalogs.en).filter((k) => k.startsWith(`${area}.`));
			if (keys.length > 0) assert.ok(prefixes.has(area));
		}
		for (const key of Object.keys(catalogs.en)) assert.ok(areas.includes(key.split(".")[0]!), `${key} belongs to an area file`);
	});

	test("no language misses a key another has", () => {
		for (const a of languages) {
			for (const b of languages) {
				const missing = Object.keys(catalogs[a]).filter((key) => !Object.hasOwn(catalogs[b], key));
				assert.deepEqual(missing, [], `${b} lacks keys that ${a} has`);
			}
		}
	});

	test("every message parses, and each translation uses the same arguments and tags as the English", () => {
		const problems: string[] = [];
		for (const key of Object.keys(catalogs.en) as (keyof typeof catalogs.en)[]) {
			const english = shape(parse(catalogs.en[key]));
			for (const language of ["fr", "ar"] as const) {
				let translated: ReturnType<typeof shape>;
				try {
					translated = shape(parse(catalogs[language][key]));
				} catch (error) {
					problems.push(`${language} ${key}: does not parse (${(error as Error).message})`);
					continue;
				}
				const same = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((v) => y.has(v));
				if (!same(english.args, translated.args)) problems.push(`${language} ${key}: arguments ${[...translated.args]} ≠ ${[...english.args]}`);
				if (!same(english.tags, translated.tags)) problems.push(`${language} ${key}: tags ${[...translated.tags]} ≠ ${[...english.tags]}`);
			}
		}
		assert.deepEqual(problems, []);
	});

	test("plurals use the categories of each language, and always have `other`", () => {
		const problems: string[] = [];
		for (const language of languages) {
			const categories = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
			for (const [key, message] of Object.entries(catalogs[language])) {
				const used = shape(parse(message)).categories;
				for (const category of used) {
					if (!category.startsWith("=") && !categories.has(category)) problems.push(`${language} ${key}: "${category}" is not a plural category of ${language}`);
				}
				if (used.length > 0 && !used.includes("other")) problems.push(`${language} ${key}: a plural without "other"`);
			}
			// Arabic has six forms: a count written in Arabic must say each one it may meet.
		}
		assert.deepEqual(problems, []);
	});

	test("French and Arabic are translations, not copies of the English", () => {
		const copies = (Object.keys(catalogs.en) as (keyof typeof catalogs.en)[]).filter(
			(key) => /[a-z]{4,}/i.test(catalogs.en[key].replace(/\{[^}]*\}/g, "")) && catalogs.ar[key] === catalogs.en[key],
		);
		assert.deepEqual(copies, [], "Arabic messages identical to English");
	});
});

describe("messages in a language", () => {
	const brand = { name: "Acme" };
	test("plurals are chosen per language, and the product's name fills {product}", () => {
		const say = (locale: "en" | "fr" | "ar", count: number) =>
			withPresentation({ locale, timeZone: undefined, brand }, () => t("common.oneThing", { count }));
		assert.equal(say("en", 1), "One thing to change:");
		assert.equal(say("en", 2), "2 things to change:");
		assert.equal(say("fr", 1), "Une chose à corriger :");
		assert.equal(say("fr", 3), "3 choses à corriger :");
		assert.equal(say("ar", 2), "شيئان لتغييرهما:");
		assert.equal(say("ar", 3), "3 أشياء لتغييرها:");
		assert.equal(say("ar", 11), "11 شيئًا لتغييره:");
		assert.equal(withPresentation({ locale: "fr", timeZone: undefined, brand }, () => t("common.title", { title: "Connexion" })), "Connexion · Acme");
	});

	test("values are escaped in rich messages; markup given as Html is kept", () => {
		const out = withPresentation({ locale: "en", timeZone: undefined, brand: { name: "<Acme & Co>" } }, () =>
			rich("common.support", { contact: html`<a href="mailto:x@y.z">x@y.z</a>` }),
		);
		assert.equal(out.value, 'Need help from a person? <a href="mailto:x@y.z">x@y.z</a>');
		const title = withPresentation({ locale: "en", timeZone: undefined, brand: { name: "<Acme & Co>" } }, () =>
			rich("common.title", { title: "<script>" }),
		);
		assert.equal(title.value, "&lt;script&gt; · &lt;Acme &amp; Co&gt;");
	});

	test("the pseudo-locale marks every message and keeps its values", () => {
		const out = withPresentation({ locale: "en-XA", timeZone: undefined, brand }, () => t("common.oneThing", { count: 2 }));
		assert.equal(out, "⟦2 ţĥîñĝš ţö çĥåñĝé:⟧");
	});

	test("Accept-Language and time zones are read strictly", () => {
		assert.equal(negotiateLocale("fr-BE;q=0.8, ar;q=0.9"), "ar");
		assert.equal(negotiateLocale("*"), "en");
		assert.equal(negotiateLocale("zz, ;;;"), "en");
		assert.equal(asTimeZone("Europe/Paris"), "Europe/Paris");
		assert.equal(asTimeZone("UTC"), "UTC");
		assert.equal(asTimeZone("Nowhere/Land"), undefined);
		assert.equal(asTimeZone("../../etc/passwd"), undefined);
	});
});

describe("times as people read them", () => {
	const brand = { name: "Tessera" };
	const at = Date.UTC(2026, 11, 1, 19, 34); // 19:34 UTC, 20:34 in Paris
	const when = (locale: "en" | "fr" | "ar", timeZone: string | undefined, ms: number, now: number, withZone = false) =>
		withPresentation({ locale, timeZone, brand }, () => formatWhen(ms, { now, withZone }));

	test("today and yesterday by name, in the person's zone; other days by date", () => {
		assert.equal(when("en", "Europe/Paris", at, at + 3600_000), "today, 20:34");
		assert.equal(when("fr", "Europe/Paris", at, at + 3600_000), "aujourd’hui, 20:34");
		assert.equal(when("en", "Europe/Paris", at, at + 86_400_000), "yesterday, 20:34");
		assert.equal(when("en", "Europe/Paris", at, at + 5 * 86_400_000), "1 Dec 2026, 20:34");
		assert.equal(when("fr", "Europe/Paris", at, at + 5 * 86_400_000), "1 déc. 2026, 20:34");
		assert.match(when("ar", "Asia/Riyadh", at, at + 5 * 86_400_000), /ديسمبر/);
	});

	test("the day turns at the person's midnight, not at UTC's", () => {
		// 23:30 UTC is already the next day in Tokyo.
		const late = Date.UTC(2026, 11, 1, 23, 30);
		assert.equal(when("en", "Asia/Tokyo", late, Date.UTC(2026, 11, 2, 1, 0)), "today, 08:30");
		assert.equal(when("en", "America/New_York", late, Date.UTC(2026, 11, 2, 6, 0)), "yesterday, 18:30");
	});

	test("with no zone known a time says UTC; messages name the zone", () => {
		assert.equal(when("en", undefined, at, at + 5 * 86_400_000), "1 Dec 2026, 19:34 UTC");
		assert.equal(when("en", "Europe/Paris", at, at + 5 * 86_400_000, true), "1 Dec 2026, 20:34 CET");
	});
});
