import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { formatPhone } from "../../src/core/contact.ts";
import { setRole } from "../../src/flows/operator.ts";
import { withPresentation } from "../../src/i18n/context.ts";
import { localeNames } from "../../src/i18n/locales.ts";
import { formatWhen } from "../../src/i18n/time.ts";
import { rich, t } from "../../src/i18n/translate.ts";
import { html } from "../../src/ui/html.ts";
import { layout } from "../../src/ui/pages/layout.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { PASSWORD, signUpWithTwoFactor, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, linkIn, startLiveHarness } from "../helpers/live.ts";
import { codeIn, mark } from "../helpers/mailboxes.ts";
import { SoftwareAuthenticator } from "../helpers/software-authenticator.ts";

/**
 * Every page a person can reach, rendered in the pseudo-locale (en-XA), where
 * each string that comes from the catalogs is wrapped in ⟦…⟧. Any word a person
 * reads outside ⟦…⟧ bypassed the catalogs: it would stay English in French and
 * Arabic. Values are allowed (usernames, codes, addresses, dates and times,
 * numbers), and so are the languages' own names in the switcher and the product's
 * name. The brand is renamed, so a page that still says "Tessera" is caught too.
 */

const BRAND = "Lumen ID";
const SUPPORT_URL = "https://help.lumen.example/contact";
const SUPPORT_EMAIL = "help@lumen.example";
// inject() sends Host: localhost:80, so the page's origin is http://localhost:80 and the RP id "localhost".
const ORIGIN = "http://localhost:80";

// ── Reading a page as a person would ────────────────────────────────────────

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decode(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
		return entities[name.toLowerCase()] ?? whole;
	});
}

/** The attributes a person reads or hears: tooltips, accessible names, image text, placeholders. */
const READ_ATTRIBUTES = new Set(["title", "aria-label", "aria-description", "aria-roledescription", "alt", "placeholder"]);
/** `data-` attributes that carry values or machine data for app.js, never words. */
const DATA_VALUES = new Set([
	"data-code",
	"data-copy-target",
	"data-image-download",
	"data-passkey-register",
	"data-passkey-authenticate",
	"data-show-password",
	"data-site",
	"data-account",
	"data-created",
]);

interface Read {
	/** Every text node in document order; a tag boundary is a \u0001, so words of two elements never run together. */
	stream: string;
	/** Attribute texts a person reads, each with where it was. */
	attributes: { where: string; value: string }[];
	lang: string | undefined;
	dir: string | undefined;
}

/**
 * A small reader for the HTML our own templates make: they escape every value
 * (so no raw "<" or ">" sits in text or in an attribute), and scripts come from
 * files, so a tokenizer over tags and text is exact here.
 */
function readPage(markup: string): Read {
	let stream = "";
	const attributes: Read["attributes"] = [];
	let lang: string | undefined;
	let dir: string | undefined;
	const token = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|[^<]+|</g;
	for (let m = token.exec(markup); m; m = token.exec(markup)) {
		const [whole, closing, rawName, rawAttributes] = m;
		if (rawName === undefined) {
			if (!whole.startsWith("<!")) stream += decode(whole);
			continue;
		}
		stream += "\u0001";
		if (closing) continue;
		const name = rawName.toLowerCase();
		const attrs = new Map<string, string>();
		const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
		for (let a = attribute.exec(rawAttributes ?? ""); a; a = attribute.exec(rawAttributes ?? "")) {
			attrs.set(a[1]!.toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ""));
		}
		if (name === "html") {
			lang = attrs.get("lang");
			dir = attrs.get("dir");
		}
		const type = (attrs.get("type") ?? "").toLowerCase();
		for (const [attr, value] of attrs) {
			const read =
				READ_ATTRIBUTES.has(attr) ||
				(attr === "value" && name === "input" && ["submit", "button", "reset"].includes(type)) ||
				(attr === "label" && (name === "option" || name === "optgroup" || name === "track")) ||
				// Words app.js shows (a status after "Copy all", say) travel in data- attributes; values and JSON do not count.
				(attr.startsWith("data-") && !DATA_VALUES.has(attr) && /\p{L}{2,}\s+\p{L}{2,}/u.test(value) && !/^[[{]/.test(value.trim()));
			if (read && value.trim() !== "") attributes.push({ where: `${attr}="…" on <${name}>`, value });
		}
		// Scripts and styles are not text a person reads.
		if (name === "script" || name === "style") {
			const end = markup.toLowerCase().indexOf(`</${name}`, token.lastIndex);
			token.lastIndex = end === -1 ? markup.length : end;
		}
	}
	return { stream, attributes, lang, dir };
}

/** The pseudo-locale's letters (src/i18n/translate.ts): a marked message's own words are made of these only. */
const ACCENTED = /[åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ]+/g;

function pieces(text: string): string[] {
	return text
		.split("\u0001")
		.map((piece) => piece.replace(/\s+/g, " ").trim())
		.filter((piece) => piece !== "");
}

/**
 * The text outside every ⟦…⟧ (nested ones too), cut into the pieces that sat
 * between tags or marked strings; and, inside the marks, what is not the
 * message's own (accented) words: the values put into it. A value that is
 * English text ("Sign in" given as a {title}) bypassed the catalogs as surely.
 */
function unmarkedPieces(text: string): { outside: string[]; inside: string[]; unbalanced: boolean } {
	let depth = 0;
	let outside = "";
	let inside = "";
	let unbalanced = false;
	for (const ch of text) {
		if (ch === "⟦") {
			outside += "\u0001";
			inside += "\u0001";
			depth++;
		} else if (ch === "⟧") {
			if (depth === 0) unbalanced = true;
			else depth--;
			outside += "\u0001";
			inside += "\u0001";
		} else if (depth === 0) outside += ch;
		else inside += ch;
	}
	if (depth !== 0) unbalanced = true;
	return { outside: pieces(outside), inside: pieces(inside.replace(ACCENTED, "\u0001")), unbalanced };
}

/**
 * Values a page may show as they are. Times come from formatWhen/formatDay in the
 * presentation's language ("1 Jun 2026, 14:00 UTC" in en-XA, which is English
 * dates); "today, …" is itself a message and so is marked.
 */
const VALUE_PATTERNS: RegExp[] = [
	/https?:\/\/[^\s]+/g,
	/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
	/[^\s]*•[^\s]*/g,
	/\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec) \d{4}\b/g,
	/\b\d{1,2}:\d{2}(?::\d{2})?(?: (?:UTC|GMT|[A-Z]{3,4})(?:[+-]\d{1,2}(?::\d{2})?)?)?/g,
	/\blocalhost(?::\d+)?\b/g,
	// A backup code, shown as an example or as one of the person's own.
	/\b[0-9A-Z]{4}-[0-9A-Z]{4}\b/g,
];

class Findings {
	readonly values = new Set<string>([BRAND, SUPPORT_EMAIL, SUPPORT_URL.replace(/^https?:\/\//, "")]);
	readonly offences: string[] = [];
	readonly #languageNames = new Set(Object.entries(localeNames).filter(([l]) => l !== "en-XA").map(([, name]) => name));

	/** Remembers values the test made (a username, codes, an address), which pages show as they are. */
	value(...values: string[]): void {
		for (const v of values) if (v) this.values.add(v);
	}

	#allowed(piece: string): boolean {
		if (this.#languageNames.has(piece)) return true;
		let rest = piece;
		for (const v of [...this.values].sort((a, b) => b.length - a.length)) rest = rest.split(v).join(" ");
		for (const pattern of VALUE_PATTERNS) rest = rest.replace(pattern, " ");
		return /^[\s\p{P}\p{S}\p{N}]*$/u.test(rest);
	}

	/** Reads a response as a page and notes every string a person sees outside the catalogs. */
	page(where: string, response: LightMyRequestResponse): string {
		const label = `${where} [${response.statusCode} ${new URL(response.raw.req.url ?? "/", "http://x").pathname}]`;
		assert.ok(response.statusCode < 500, `${label}: server error: ${response.body.slice(0, 500)}`);
		assert.match(String(response.headers["content-type"]), /text\/html/, `${label} is a page`);
		this.check(label, response.body);
		return response.body;
	}

	/** Notes every string of `markup` a person sees outside the catalogs, under `label`. */
	check(label: string, markup: string): void {
		const read = readPage(markup);
		if (read.lang !== "en-XA") this.offences.push(`${label}: <html lang="${read.lang}">, not the pseudo-locale the person chose`);
		const text = unmarkedPieces(read.stream);
		if (text.unbalanced) this.offences.push(`${label}: unbalanced ⟦ ⟧ in the text (a message cut in two?)`);
		for (const piece of text.outside) if (!this.#allowed(piece)) this.offences.push(`${label}: text “${piece}”`);
		for (const piece of text.inside) if (!this.#allowed(piece)) this.offences.push(`${label}: text “${piece}” put into a message as a value`);
		for (const { where: attr, value } of read.attributes) {
			const { outside, inside } = unmarkedPieces(value);
			for (const piece of outside) if (!this.#allowed(piece)) this.offences.push(`${label}: ${attr} “${piece}”`);
			for (const piece of inside) if (!this.#allowed(piece)) this.offences.push(`${label}: ${attr} “${piece}” put into a message as a value`);
		}
	}

	assertNone(what: string): void {
		const unique = [...new Set(this.offences)];
		assert.ok(unique.length === 0, `${unique.length} string(s) on ${what} bypass the catalogs (not inside ⟦…⟧):\n  ${unique.join("\n  ")}\n`);
	}
}

// ── Small helpers ────────────────────────────────────────────────────────────

/** A FormClient that keeps the last form token it saw, so a form can be sent after a redirect was not followed. */
class Browser extends FormClient {
	#csrf: string | undefined;
	override csrf(): string {
		try {
			this.#csrf = super.csrf();
		} catch (error) {
			if (this.#csrf === undefined) throw error;
		}
		return this.#csrf;
	}
}

function notFoundToken(): string {
	return randomBytes(32).toString("base64url");
}

function attribute(body: string, pattern: RegExp, what: string): string {
	const found = pattern.exec(body)?.[1];
	assert.ok(found, `${what} is on the page`);
	return decode(found);
}

function codesOn(body: string): string[] {
	return [...body.matchAll(/<code>([0-9A-Z]{4}[- ][0-9A-Z]{4})<\/code>/g)].map((m) => m[1]!);
}

describe("the pseudo-locale reader", () => {
	const presentation = {
		locale: "en-XA" as const,
		timeZone: undefined,
		brand: { name: BRAND, support: { url: SUPPORT_URL, email: SUPPORT_EMAIL } },
		page: "/settings",
	};
	const user = { username: "ada_lovelace", csrf: "token" };

	test("a page made only of catalog messages and values has nothing to report", () => {
		const found = new Findings();
		found.value(user.username);
		const markup = withPresentation(presentation, () =>
			layout({
				title: t("common.language"),
				user,
				body: html`<h1>${t("common.signOut")}</h1>
<p>${t("common.oneThing", { count: 2 })} <code>K7QM-2XRD</code> · 123456</p>
<p title="${t("common.language")}">${formatWhen(Date.UTC(2026, 0, 5, 9, 30))} — ${t("common.today", { time: "09:30" })}</p>
<p>${rich("common.support", { contact: html`<a href="mailto:${SUPPORT_EMAIL}">${SUPPORT_EMAIL}</a>` })}</p>`,
			}),
		).value;
		found.check("made of messages", markup);
		assert.deepEqual(found.offences, []);
	});

	test("an English word on the page, in an attribute, or put into a message as a value, is reported", () => {
		const found = new Findings();
		const markup = withPresentation(presentation, () =>
			layout({
				title: "Security",
				body: html`<h1>${t("common.signOut")}</h1><p>Sign in</p><button aria-label="Close">×</button><p>${t("common.support", { contact: "Call us" })}</p>`,
			}),
		).value;
		found.check("English", markup);
		const expected = [/^English: text “Security\b.*” put into a message as a value$/, /^English: text “Sign in”$/, /^English: text “.*Call us” put into a message as a value$/, /^English: aria-label="…" on <button> “Close”$/];
		for (const pattern of expected) assert.ok(found.offences.some((o) => pattern.test(o)), `${pattern} among ${JSON.stringify(found.offences)}`);
		assert.equal(found.offences.length, expected.length, JSON.stringify(found.offences));
	});
});

for (const kind of await databaseKinds()) {
	describe(`every page in the pseudo-locale: no string bypasses the catalogs (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind, {
				TESSERA_PSEUDO_LOCALE: "true",
				TESSERA_BRAND_NAME: BRAND,
				TESSERA_SUPPORT_URL: SUPPORT_URL,
				TESSERA_SUPPORT_EMAIL: SUPPORT_EMAIL,
			});
		});
		after(async () => live?.close());

		/** A browser that chose the pseudo-locale with the switcher, as a person chooses a language. */
		async function pseudoBrowser(ip?: string): Promise<Browser> {
			const browser = new Browser(live.h.app, ip);
			const chosen = await browser.get("/language?to=en-XA&back=%2Fsign-in");
			assert.equal(chosen.statusCode, 303, chosen.body);
			assert.ok(
				[...browser.cookies].some(([name, value]) => /tessera_lang$/.test(name) && value === "en-XA"),
				`the switcher remembers en-XA: cookies ${[...browser.cookies.keys()].join(", ")}`,
			);
			return browser;
		}

		/** Signs up through the pages (with an email address), two-factor off. */
		async function signedUp(found: Findings, browser: Browser) {
			const username = uniqueUsername("xa");
			const email = `${username}@example.org`;
			found.value(username, email);
			await browser.get("/sign-up");
			const created = await browser.post("/sign-up", { username, email, password: PASSWORD });
			assert.equal(created.statusCode, 303, `sign-up: ${created.body.slice(0, 300)}`);
			return { username, email };
		}

		test("signed out: sign-in, sign-up, forgot password, recovery, help, links that no longer work, not found, and their form errors", async () => {
			const found = new Findings();
			const browser = await pseudoBrowser("198.51.100.61");
			const pages: [string, string][] = [
				["sign-in", "/sign-in"],
				["sign-up", "/sign-up"],
				["forgot password", "/forgot-password"],
				["help centre", "/help"],
				["help: backup codes", "/help/backup-codes"],
				["help: saving codes", "/help/saving-codes"],
				["help: lost phone", "/help/lost-phone"],
				["help: phishing", "/help/phishing"],
				["not found", "/no-such-page"],
				["reset link that no longer works", `/reset-password?token=${notFoundToken()}`],
				["“Wasn't you?” link that no longer works", `/secure-account?token=${notFoundToken()}`],
				["recovery cancel link that no longer works", `/recovery/cancel?token=${notFoundToken()}`],
				["recovery without a sign-in", "/sign-in/recover"],
				["identity check form", "/sign-in/recover/identity"],
				["second step without a sign-in", "/sign-in/verify"],
				["forgot password code without a request (redirect)", "/forgot-password/code"],
			];
			for (const [where, path] of pages) {
				const response = await browser.follow(await browser.get(path));
				found.page(where, response);
			}

			await browser.get("/sign-in");
			found.page("sign-in: wrong password", await browser.post("/sign-in", { username: "nobody_here", password: "not the password" }));
			await browser.get("/sign-up");
			found.page("sign-up: every field wrong", await browser.post("/sign-up", { username: "A!", email: "not-an-address", password: "short" }));
			found.page("sign-up: empty form", await browser.post("/sign-up", { username: "", email: "", password: "" }));
			await browser.get("/forgot-password");
			found.page("forgot password: asked", await browser.follow(await browser.post("/forgot-password", { identifier: "nobody_here" })));
			found.page("forgot password: wrong code", await browser.post("/forgot-password/code", { code: "000000", password: "a brand new passphrase 42" }));
			await browser.get("/sign-in/recover/identity");
			found.page("identity check without a sign-in", await browser.post("/sign-in/recover/identity", { message: "", contactsUsed: "", lastSignIn: "" }));
			found.assertNone("the signed-out pages");
		});

		test("signed in: settings in every state, activity, addresses, passkeys, authenticator, backup codes, turning two-factor off, apps, password, and their errors", async () => {
			const found = new Findings();
			const browser = await pseudoBrowser("198.51.100.62");
			const { email } = await signedUp(found, browser);
			const phone = aPhone();
			found.value(phone, formatPhone(phone));

			found.page("settings, two-factor off, email not confirmed", await browser.get("/settings"));
			for (const [where, path] of [
				["activity", "/settings/activity"],
				["apps with access", "/settings/apps"],
				["change password", "/settings/password"],
				["add an email address", "/settings/contacts/add?kind=email"],
				["add a phone number", "/settings/contacts/add?kind=phone"],
				["confirm the email from sign-up", "/settings/contacts/verify?kind=email"],
				["add a passkey", "/settings/passkeys/add"],
				["authenticator: password", "/settings/authenticator"],
				["backup codes with two-factor off", "/settings/backup-codes/new"],
				["remove email", "/settings/contacts/remove-email"],
			] as const) {
				found.page(where, await browser.follow(await browser.get(path)));
			}

			// Password change: the wrong current password, and a new one too short.
			await browser.get("/settings/password");
			found.page("change password: wrong current", await browser.post("/settings/password", { current: "not it at all", password: "another fine passphrase 9" }));
			found.page("change password: too short", await browser.post("/settings/password", { current: PASSWORD, password: "short" }));

			// Addresses: a wrong password, a phone number that is not one, then a real one with its code.
			await browser.get("/settings/contacts/add?kind=phone");
			found.page("add phone: wrong password", await browser.post("/settings/contacts/add", { kind: "phone", value: phone, password: "not it at all" }));
			found.page("add phone: not a number", await browser.post("/settings/contacts/add", { kind: "phone", value: "12", password: PASSWORD }));
			let since = mark();
			found.page("confirm phone", await browser.post("/settings/contacts/add", { kind: "phone", value: phone, password: PASSWORD }));
			const phoneCode = codeIn(await live.sms.next(phone, since));
			found.page("confirm phone: wrong code", await browser.post("/settings/contacts/verify", { kind: "phone", code: phoneCode === "000000" ? "111111" : "000000" }));
			found.page("phone confirmed", await browser.follow(await browser.post("/settings/contacts/verify", { kind: "phone", code: phoneCode })));
			await browser.get("/settings/contacts/verify?kind=email");
			since = mark();
			found.page("confirm email: code sent again", await browser.post("/settings/contacts/resend", { kind: "email" }));
			const emailCode = codeIn(await live.smtp.next(email, since));
			found.page("email confirmed", await browser.follow(await browser.post("/settings/contacts/verify", { kind: "email", code: emailCode })));

			// A passkey, made by a software authenticator from the options on the page.
			await browser.get("/settings/passkeys/add");
			found.page("add passkey: wrong password", await browser.post("/settings/passkeys/add", { name: "Work laptop", password: "not it at all" }));
			found.value("Work laptop");
			const create = found.page("create passkey", await browser.post("/settings/passkeys/add", { name: "Work laptop", password: PASSWORD }));
			const options = JSON.parse(attribute(create, /data-passkey-register="([^"]*)"/, "the passkey options")) as { challenge: string; rp: { id: string } };
			const authenticator = new SoftwareAuthenticator();
			const registered = await browser.post("/settings/passkeys/finish", { name: "Work laptop", response: JSON.stringify(authenticator.register(options, ORIGIN)) });
			assert.equal(registered.statusCode, 303, `the passkey is added: ${registered.body.slice(0, 300)}`);
			const withPasskey = found.page("settings with a passkey", await browser.follow(registered));
			const passkeyId = attribute(withPasskey, /href="\/settings\/passkeys\/remove\?id=([^"&]+)"/, "the passkey's remove link");
			found.page("remove passkey", await browser.get(`/settings/passkeys/remove?id=${passkeyId}`));

			// The authenticator app: a wrong code (the clock advice), then the right one and the first codes.
			await browser.get("/settings/authenticator");
			found.page("authenticator: wrong password", await browser.post("/settings/authenticator", { password: "not it at all" }));
			const enrolled = await browser.post("/settings/authenticator", { password: PASSWORD });
			const key = attribute(enrolled.body, /id="totp-key">([A-Z2-7 ]+)</, "the authenticator key");
			// The key is a value (shown in groups, and inside the otpauth link): known before the page is read.
			found.value(key, key.replace(/ /g, ""));
			found.page("authenticator: scan or type the key", enrolled);
			found.page("authenticator: wrong code", await browser.post("/settings/authenticator/confirm", { code: "000000" }));
			const codesPage = await browser.post("/settings/authenticator/confirm", { code: totpCode(key.replace(/ /g, ""), live.h.clock()) });
			const codes = codesOn(codesPage.body);
			assert.equal(codes.length, 10, "the first backup codes are shown");
			found.value(...codes);
			found.page("save your backup codes", codesPage);
			found.page("settings: almost done", await browser.get("/settings"));
			found.page("confirm backup codes", await browser.get("/settings/backup-codes/confirm"));
			found.page("confirm backup codes: a typo", await browser.post("/settings/backup-codes/confirm", { code: codes[1]!.slice(0, -1) }));
			found.page("confirm backup codes: not one of them", await browser.post("/settings/backup-codes/confirm", { code: "0000-0000" }));
			found.page("two-factor on", await browser.follow(await browser.post("/settings/backup-codes/confirm", { code: codes[0]! })));
			live.h.clock.advance(30_000);

			// With two-factor on: a new set waiting, the pages that remove things, and turning it off.
			for (const [where, path] of [
				["new backup codes: password", "/settings/backup-codes/new"],
				["remove authenticator", "/settings/authenticator/disable"],
				["remove phone", "/settings/contacts/remove-phone"],
				["turn off two-factor: password", "/settings/two-factor/off"],
				["activity after set-up", "/settings/activity"],
			] as const) {
				found.page(where, await browser.follow(await browser.get(path)));
			}
			await browser.get("/settings/backup-codes/new");
			const newSet = await browser.post("/settings/backup-codes/new", { password: PASSWORD });
			found.value(...codesOn(newSet.body));
			found.page("new backup codes", newSet);
			found.page("settings: new codes waiting", await browser.get("/settings"));
			await browser.get("/settings/two-factor/off");
			found.page("turn off: wrong password", await browser.post("/settings/two-factor/off", { password: "not it at all" }));
			const offStep = await browser.follow(await browser.post("/settings/two-factor/off", { password: PASSWORD }));
			found.page("turn off: second step", offStep);
			found.page("turn off: another way", await browser.get("/settings/two-factor/off/verify/methods"));
			found.page("turn off: wrong code", await browser.post("/settings/two-factor/off/verify", { method: "totp", code: "000000" }));
			found.assertNone("the signed-in pages");
		});

		test("the second step for each method, its errors, trusting a device, and the pages after", async () => {
			const found = new Findings();
			const setup = await pseudoBrowser("198.51.100.63");
			const { username, email } = await signedUp(found, setup);
			const phone = aPhone();
			found.value(phone, formatPhone(phone));
			// Set up: a phone, the email from sign-up, a passkey, the authenticator and its codes.
			await setup.get("/settings/contacts/add?kind=phone");
			let since = mark();
			await setup.post("/settings/contacts/add", { kind: "phone", value: phone, password: PASSWORD });
			await setup.post("/settings/contacts/verify", { kind: "phone", code: codeIn(await live.sms.next(phone, since)) });
			await setup.get("/settings/contacts/verify?kind=email");
			since = mark();
			await setup.post("/settings/contacts/resend", { kind: "email" });
			await setup.post("/settings/contacts/verify", { kind: "email", code: codeIn(await live.smtp.next(email, since)) });
			await setup.get("/settings/authenticator");
			const enrol = await setup.post("/settings/authenticator", { password: PASSWORD });
			const key = attribute(enrol.body, /id="totp-key">([A-Z2-7 ]+)</, "the authenticator key").replace(/ /g, "");
			const codes = codesOn((await setup.post("/settings/authenticator/confirm", { code: totpCode(key, live.h.clock()) })).body);
			found.value(...codes);
			const on = await setup.post("/settings/backup-codes/confirm", { code: codes[0]! });
			assert.equal(on.statusCode, 303, `two-factor is on: ${on.body.slice(0, 300)}`);
			live.h.clock.advance(30_000);
			await setup.get("/settings/passkeys/add");
			const create = await setup.post("/settings/passkeys/add", { name: "Phone", password: PASSWORD });
			found.value("Phone");
			const options = JSON.parse(attribute(create.body, /data-passkey-register="([^"]*)"/, "the passkey options")) as { challenge: string; rp: { id: string } };
			const passkey = await setup.post("/settings/passkeys/finish", { name: "Phone", response: JSON.stringify(new SoftwareAuthenticator().register(options, ORIGIN)) });
			assert.equal(passkey.statusCode, 303, `the passkey is added: ${passkey.body.slice(0, 300)}`);
			await setup.post("/sign-out", {});

			const browser = await pseudoBrowser("198.51.100.64");
			await browser.get("/sign-in");
			const first = await browser.follow(await browser.post("/sign-in", { username, password: PASSWORD }));
			found.page("second step: the one offered first", first);
			found.page("second step: another way", await browser.get("/sign-in/verify/methods"));
			for (const method of ["passkey", "totp", "backup_code", "sms", "email"]) {
				found.page(`second step: ${method}`, await browser.get(`/sign-in/verify?method=${method}`));
			}
			found.page("second step: authenticator, wrong code", await browser.post("/sign-in/verify", { method: "totp", code: "000000" }));
			found.page("second step: backup code, a typo", await browser.post("/sign-in/verify", { method: "backup_code", code: codes[2]!.slice(0, -1) }));
			found.page("second step: backup code, not one of them", await browser.post("/sign-in/verify", { method: "backup_code", code: "0000-0000" }));
			for (const method of ["sms", "email"] as const) {
				since = mark();
				const sent = await browser.follow(await browser.post("/sign-in/verify/send", { method }));
				found.page(`second step: ${method}, code sent`, sent);
				if (method === "sms") await live.sms.next(phone, since);
				else await live.smtp.next(email, since);
				found.page(`second step: ${method}, wrong code`, await browser.post("/sign-in/verify", { method, code: "000000", sent: "yes" }));
				found.page(`second step: ${method}, too soon for another`, await browser.post("/sign-in/verify/send", { method, sent: "yes" }));
			}
			const signedIn = await browser.post("/sign-in/verify", { method: "backup_code", code: codes[3]!, trust: "yes" });
			assert.equal(signedIn.statusCode, 303, `signed in with a backup code: ${signedIn.body.slice(0, 300)}`);
			found.page("settings after a backup code, this device trusted", await browser.follow(signedIn));
			found.page("activity after sign-ins and failed tries", await browser.get("/settings/activity"));
			found.page("signed out", await browser.follow(await browser.post("/sign-out", {})));

			// Another browser (this one is trusted now): the code just used is refused as used.
			const again = await pseudoBrowser("198.51.100.72");
			await again.get("/sign-in");
			await again.follow(await again.post("/sign-in", { username, password: PASSWORD }));
			found.page("second step: backup code, already used", await again.post("/sign-in/verify", { method: "backup_code", code: codes[3]! }));

			// Recovery, waited out: the next sign-in asks for two-factor to be set up again.
			since = mark();
			await again.get("/sign-in/recover");
			await again.post("/sign-in/recover/send", { kind: "phone" });
			const started = await again.post("/sign-in/recover/code", { kind: "phone", code: codeIn(await live.sms.next(phone, since)) });
			assert.equal(started.statusCode, 201, `the recovery starts: ${started.body.slice(0, 300)}`);
			live.h.clock.advance(live.h.config.recoveryWaitMs + 60_000);
			const back = await pseudoBrowser("198.51.100.73");
			await back.get("/sign-in");
			const recovered = await back.follow(await back.follow(await back.post("/sign-in", { username, password: PASSWORD })));
			found.page("after recovery: set up two-factor again", recovered);
			assert.equal(new URL(recovered.raw.req.url ?? "/", "http://x").pathname, "/settings/two-factor/required", "the recovered account is asked to set up two-factor again");
			found.assertNone("the second-step pages");
		});

		test("locked out: a password reset by link, recovery by a texted code and its cancel link, an identity check, the “Wasn't you?” link", async () => {
			const found = new Findings();
			const setup = await pseudoBrowser("198.51.100.65");
			const { username, email } = await signedUp(found, setup);
			const phone = aPhone();
			found.value(phone, formatPhone(phone));
			await setup.get("/settings/contacts/add?kind=phone");
			let since = mark();
			await setup.post("/settings/contacts/add", { kind: "phone", value: phone, password: PASSWORD });
			await setup.post("/settings/contacts/verify", { kind: "phone", code: codeIn(await live.sms.next(phone, since)) });
			await setup.get("/settings/contacts/verify?kind=email");
			since = mark();
			await setup.post("/settings/contacts/resend", { kind: "email" });
			await setup.post("/settings/contacts/verify", { kind: "email", code: codeIn(await live.smtp.next(email, since)) });
			await setup.get("/settings/authenticator");
			const key = attribute((await setup.post("/settings/authenticator", { password: PASSWORD })).body, /id="totp-key">([A-Z2-7 ]+)</, "the key").replace(/ /g, "");
			const codes = codesOn((await setup.post("/settings/authenticator/confirm", { code: totpCode(key, live.h.clock()) })).body);
			found.value(...codes);
			await setup.post("/settings/backup-codes/confirm", { code: codes[0]! });
			live.h.clock.advance(30_000);

			// "Not you?": the email with a sign-in code links to a page that signs out everywhere.
			const signing = await pseudoBrowser("198.51.100.66");
			await signing.get("/sign-in");
			await signing.follow(await signing.post("/sign-in", { username, password: PASSWORD }));
			since = mark();
			await signing.post("/sign-in/verify/send", { method: "email" });
			const secure = linkIn(await live.smtp.next(email, since), "/secure-account");
			const secureBrowser = await pseudoBrowser("198.51.100.67");
			found.page("“Wasn't you?”: secure your account", await secureBrowser.get(secure.path));
			found.page("“Wasn't you?”: signed out everywhere", await secureBrowser.post("/secure-account", { token: secure.token }));

			// A password reset by the emailed link, confirmed with a backup code.
			const resetting = await pseudoBrowser("198.51.100.68");
			await resetting.get("/forgot-password");
			since = mark();
			found.page("forgot password: check your email or phone", await resetting.follow(await resetting.post("/forgot-password", { identifier: username })));
			const reset = linkIn(await live.smtp.next(email, since), "/reset-password");
			found.page("choose a new password", await resetting.get(reset.path));
			found.page("choose a new password: too short", await resetting.post("/reset-password", { token: reset.token, password: "short" }));
			const newPassword = "a brand new passphrase 42";
			const confirmReset = await resetting.follow(await resetting.post("/reset-password", { token: reset.token, password: newPassword }));
			found.page("confirm your new password: second step", confirmReset);
			found.page("confirm your new password: another way", await resetting.get("/reset-password/verify/methods"));
			found.page("confirm your new password: wrong code", await resetting.post("/reset-password/verify", { method: "backup_code", code: "0000-0000" }));
			found.page("password changed", await resetting.post("/reset-password/verify", { method: "backup_code", code: codes[1]! }));
			found.page("reset link used again", await resetting.get(reset.path));

			// Recovery: the password, then "Can't use any of these?", a texted code, and the cancel link.
			const recovering = await pseudoBrowser("198.51.100.69");
			await recovering.get("/sign-in");
			await recovering.follow(await recovering.post("/sign-in", { username, password: newPassword }));
			found.page("recover your account", await recovering.get("/sign-in/recover"));
			found.page("identity check", await recovering.get("/sign-in/recover/identity"));
			found.page("identity check: nothing written", await recovering.post("/sign-in/recover/identity", { message: "", contactsUsed: "", lastSignIn: "" }));
			since = mark();
			found.page("recovery: code sent", await recovering.post("/sign-in/recover/send", { kind: "phone" }));
			const recoveryCode = codeIn(await live.sms.next(phone, since));
			found.page("recovery: wrong code", await recovering.post("/sign-in/recover/code", { kind: "phone", code: recoveryCode === "000000" ? "111111" : "000000" }));
			since = mark();
			found.page("recovery started", await recovering.post("/sign-in/recover/code", { kind: "phone", code: recoveryCode }));
			await live.settle();
			const notice = [...live.smtp.messages, ...live.sms.messages].filter((m) => m.at >= since).find((m) => m.body.includes("/recovery/cancel?token="));
			assert.ok(notice, "a message with the recovery's cancel link was sent");
			const cancel = linkIn(notice, "/recovery/cancel");
			const cancelling = await pseudoBrowser("198.51.100.70");
			found.page("cancel recovery", await cancelling.get(cancel.path));
			found.page("recovery cancelled", await cancelling.post("/recovery/cancel", { token: cancel.token }));
			found.page("cancel link used again", await cancelling.post("/recovery/cancel", { token: cancel.token }));

			// A second sign-in, asking for an identity check instead.
			const checking = await pseudoBrowser("198.51.100.71");
			await checking.get("/sign-in");
			await checking.follow(await checking.post("/sign-in", { username, password: newPassword }));
			await checking.get("/sign-in/recover/identity");
			found.page(
				"identity check sent",
				await checking.post("/sign-in/recover/identity", { message: "I lost my phone and my list of codes on a trip.", contactsUsed: phone, lastSignIn: "Last week" }),
			);
			found.assertNone("the locked-out pages");
		});

		test("the operator console: people, a person, an action and its errors, confirming it's you", async () => {
			const found = new Findings();
			const admin = await signUpWithTwoFactor(live.h, uniqueUsername("xaop"));
			const person = await signUpWithTwoFactor(live.h, uniqueUsername("xaper"));
			const email = `${person.username}@example.org`;
			await live.addVerified(person.token, "email", email);
			await setRole(live.h.tessera.deps, admin.username, "admin", "operator:test");
			found.value(admin.username, person.username, email, `admin:${admin.username}`, "operator:test", "nobody_at_all", "checked");
			const browser = await pseudoBrowser("198.51.100.72");
			await browser.get("/sign-in");
			await browser.post("/sign-in", { username: admin.username, password: PASSWORD });
			await browser.get("/sign-in/verify?method=totp");
			live.h.clock.advance(30_000);
			await browser.post("/sign-in/verify", { method: "totp", code: totpCode(admin.secret, live.h.clock()) });
			found.page("console home", await browser.get("/admin"));
			found.page("console: no match", await browser.get("/admin?q=nobody_at_all"));
			const results = found.page("console: found by email", await browser.get(`/admin?q=${encodeURIComponent(email)}`));
			const id = /\/admin\/person\?id=([A-Za-z0-9_-]+)/.exec(results)![1]!;
			found.page("console: a person", await browser.get(`/admin/person?id=${id}`));
			found.page("console: lock form", await browser.get(`/admin/person/action?id=${id}&action=lock`));
			found.page("console: no reason", await browser.post("/admin/person/action", { id, action: "lock", reason: "" }));
			live.h.clock.advance(6 * 60_000);
			found.page("console: a person, values masked", await browser.get(`/admin/person?id=${id}`));
			found.page("console: reset form", await browser.get(`/admin/person/action?id=${id}&action=reset_two_factor`));
			const asked = await browser.post("/admin/person/action", { id, action: "reset_two_factor", reason: "checked" });
			assert.equal(asked.headers.location, "/admin/confirm");
			found.page("console: confirm it's you", await browser.get("/admin/confirm"));
			found.page("console: confirm it's you, wrong code", await browser.post("/admin/confirm", { method: "totp", code: "000000" }));
			live.h.clock.advance(30_000);
			await browser.post("/admin/confirm", { method: "totp", code: totpCode(admin.secret, live.h.clock()) });
			found.page("console: reset form, reason kept", await browser.get(`/admin/person/action?id=${id}&action=reset_two_factor`));
			const done = await browser.post("/admin/person/action", { id, action: "reset_two_factor", reason: "checked" });
			found.page("console: reset done", await browser.follow(done));
			found.assertNone("the console");
		});

		test("the console's lists: the audit log and its errors, reports, identity checks, apps and webhooks", async () => {
			const found = new Findings();
			const deps = live.h.tessera.deps;
			const admin = await signUpWithTwoFactor(live.h, uniqueUsername("xalists"));
			const person = await signUpWithTwoFactor(live.h, uniqueUsername("xalper"));
			await setRole(deps, admin.username, "admin", "operator:test");
			const { lockUser } = await import("../../src/flows/operator.ts");
			await lockUser(deps, person.username, "operator:test", "stolen");
			const { addClient } = await import("../../src/flows/clients.ts");
			const { addEndpoint } = await import("../../src/flows/webhooks.ts");
			const client = await addClient(deps, { name: "Payroll", redirectUris: ["https://payroll.example/cb"] });
			const endpoint = await addEndpoint(deps, { url: "https://hooks.example/in" });
			const { insertRecoveryRequest } = await import("../../src/store/recoveries.ts");
			const requestId = `xa${randomBytes(8).toString("hex")}`;
			await insertRecoveryRequest(
				live.h.tessera.store.db,
				{ id: requestId, accountId: person.id, message: "Lost everything", contactsUsed: "", lastSignIn: "", ip: null, device: null },
				live.h.clock(),
			);
			// What the pages show as they are: names, actors, kinds and keys in the details, app and endpoint ids.
			found.value(admin.username, person.username, `admin:${admin.username}`, "operator:test", "stolen", "reason", "from", "to", "via", "codes", "requestId", "Payroll");
			found.value(client.clientId, endpoint.id, "Lost everything", "two_factor", "admin", "user", "nobody_at_all", "HTTP");
			// Data as recorded, the same in every language: an event's details, a webhook's type, and a try's error as the sender logged it (as `tessera webhooks log` shows it).
			found.value("newDevice", "true", "signin.new_device", "the connection failed (ENOTFOUND)");
			const browser = await pseudoBrowser("198.51.100.73");
			await browser.get("/sign-in");
			await browser.post("/sign-in", { username: admin.username, password: PASSWORD });
			await browser.get("/sign-in/verify?method=totp");
			live.h.clock.advance(30_000);
			await browser.post("/sign-in/verify", { method: "totp", code: totpCode(admin.secret, live.h.clock()) });
			// Other tests' accounts share this server: every username is a value the reports may list, and the
			// person's events' details are data as recorded (names and values), the same in every language.
			const db = live.h.tessera.store.db;
			found.value(...(await db.selectFrom("accounts").select("username").execute()).map((r) => r.username));
			for (const row of await db.selectFrom("security_events").select("detail").where("account_id", "=", person.id).execute()) {
				for (const [key, value] of Object.entries(JSON.parse(row.detail ?? "{}") as Record<string, unknown>)) {
					// Numbers are allowed as they are; given as values they would cut dates and times apart.
					found.value(...[key, typeof value === "string" ? value : JSON.stringify(value)].filter((v) => /\p{L}/u.test(v)));
				}
			}
			found.page("audit log of a person", await browser.get(`/admin/audit?user=${person.username}`));
			found.page("audit log, filtered", await browser.get(`/admin/audit?user=${person.username}&actor=operator&from=2026-01-01&to=2026-12-31`));
			found.page("audit log, no such person", await browser.get("/admin/audit?user=nobody_at_all"));
			found.page("audit log, bad filters", await browser.get("/admin/audit?kind=nope&from=2026-02-31"));
			found.page("reports", await browser.get("/admin/reports"));
			for (const report of ["no-second-factor", "few-codes", "locked", "in-recovery"]) found.page(`report ${report}`, await browser.get(`/admin/reports/${report}`));
			found.page("identity checks", await browser.get("/admin/recovery"));
			found.page("an identity check", await browser.get(`/admin/recovery/request?id=${requestId}`));
			found.page("an identity check, no note", await browser.post("/admin/recovery/decide", { id: requestId, decision: "deny", note: "" }));
			found.page("apps", await browser.get("/admin/apps"));
			found.page("webhooks", await browser.get("/admin/webhooks"));
			found.page("a webhook endpoint", await browser.get(`/admin/webhooks/endpoint?id=${endpoint.id}`));
			found.assertNone("the console's lists");
		});
	});
}
