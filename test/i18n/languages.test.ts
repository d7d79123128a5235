import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, startHarness, uniqueUsername } from "../helpers/harness.ts";

const LANG_COOKIE = "__Host-tessera_lang";

function htmlTag(body: string): string {
	return /<html[^>]*>/.exec(body)![0];
}

function switcherLinks(body: string): { lang: string; href: string; current: boolean }[] {
	return [...body.matchAll(/<li><a href="([^"]+)" lang="([^"]+)" hreflang="[^"]+"( aria-current="true")?>/g)].map((m) => ({
		href: m[1]!.replaceAll("&amp;", "&"),
		lang: m[2]!,
		current: m[3] !== undefined,
	}));
}

for (const kind of await databaseKinds()) {
	describe(`languages and time zones (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		async function accountRow(username: string) {
			const row = await h.tessera.deps.db
				.selectFrom("accounts")
				.select(["language", "time_zone"])
				.where("username", "=", username)
				.executeTakeFirstOrThrow();
			return { language: row.language, time_zone: row.time_zone };
		}

		test("the page speaks the language the browser asks for, among English, French and Arabic", async () => {
			const cases: [string | undefined, string][] = [
				["fr-CA,fr;q=0.9,en;q=0.5", '<html lang="fr" dir="ltr">'],
				["ar-MA", '<html lang="ar" dir="rtl">'],
				["de-DE, fr;q=0.4", '<html lang="fr" dir="ltr">'],
				["de-DE", '<html lang="en" dir="ltr">'],
				[undefined, '<html lang="en" dir="ltr">'],
			];
			for (const [accept, expected] of cases) {
				const response = await h.app.inject({ url: "/sign-in", headers: accept ? { "accept-language": accept } : {} });
				assert.equal(response.statusCode, 200);
				assert.equal(htmlTag(response.body), expected, `Accept-Language: ${accept}`);
			}
		});

		test("every page offers the three languages, each by its own name, coming back to the same page", async () => {
			const response = await h.app.inject({ url: "/help/backup-codes", headers: { "accept-language": "fr" } });
			const links = switcherLinks(response.body);
			assert.deepEqual(
				links.map((l) => l.lang),
				["en", "fr", "ar"],
			);
			assert.deepEqual(
				links.filter((l) => l.current).map((l) => l.lang),
				["fr"],
			);
			assert.match(response.body, />Français<\/a>/);
			assert.match(response.body, />العربية<\/a>/);
			for (const link of links) assert.equal(new URL(link.href, "http://x").searchParams.get("back"), "/help/backup-codes");
		});

		test("choosing a language is remembered over what the browser asks for, and returns to the page", async () => {
			const client = new FormClient(h.app);
			client.headers["accept-language"] = "en";
			await client.get("/sign-in");
			const arabic = switcherLinks(client.last!.body).find((l) => l.lang === "ar")!;
			const chosen = await client.get(arabic.href);
			assert.equal(chosen.statusCode, 303);
			assert.equal(chosen.headers.location, "/sign-in");
			assert.equal(client.cookies.get(LANG_COOKIE), "ar");
			const page = await client.follow(chosen);
			assert.equal(htmlTag(page.body), '<html lang="ar" dir="rtl">');
			// Back to French, then English: the last choice wins.
			await client.get("/language?to=fr&back=/sign-up");
			assert.equal(htmlTag((await client.get("/sign-up")).body), '<html lang="fr" dir="ltr">');
		});

		test("the switcher never leads to another site, ignores a language it does not speak, and a link from another site changes nothing", async () => {
			for (const back of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "settings"]) {
				const response = await h.app.inject({ url: `/language?to=fr&back=${encodeURIComponent(back)}` });
				assert.equal(response.statusCode, 303, back);
				assert.equal(response.headers.location, "/", back);
			}
			const unknown = await h.app.inject({ url: "/language?to=xx&back=/sign-in" });
			assert.equal(unknown.statusCode, 303);
			assert.equal(unknown.headers["set-cookie"], undefined);
			const pseudo = await h.app.inject({ url: "/language?to=en-XA&back=/sign-in" });
			assert.equal(pseudo.headers["set-cookie"], undefined, "the pseudo-locale is off unless the operator turns it on");
			const crossSite = await h.app.inject({ url: "/language?to=ar&back=/sign-in", headers: { "sec-fetch-site": "cross-site" } });
			assert.equal(crossSite.statusCode, 303);
			assert.equal(crossSite.headers["set-cookie"], undefined);
			const missing = await h.app.inject({ url: "/language?back=/sign-in" });
			assert.equal(missing.statusCode, 400);
		});

		test("the account keeps the language and time zone it signed up in, for its messages", async () => {
			const username = uniqueUsername("fr");
			const client = new FormClient(h.app);
			client.headers["accept-language"] = "fr-FR";
			client.cookies.set("tessera_tz", "Europe/Paris");
			await client.get("/sign-up");
			const response = await client.post("/sign-up", { username, password: PASSWORD, email: "" });
			assert.equal(response.statusCode, 303);
			assert.deepEqual(await accountRow(username), { language: "fr", time_zone: "Europe/Paris" });
		});

		test("signed in, pages speak the account's language unless this browser chose another, which the account then keeps", async () => {
			const username = uniqueUsername("lang");
			const first = new FormClient(h.app);
			first.headers["accept-language"] = "ar";
			await first.get("/sign-up");
			await first.post("/sign-up", { username, password: PASSWORD, email: "" });
			assert.equal((await accountRow(username)).language, "ar");

			// Another browser that asks for English, with no choice made: the account's language.
			const second = new FormClient(h.app);
			second.headers["accept-language"] = "en-GB";
			await second.get("/sign-in");
			assert.equal(htmlTag(second.last!.body), '<html lang="en" dir="ltr">', "before sign-in the browser's language");
			await second.follow(await second.post("/sign-in", { username, password: PASSWORD }));
			assert.equal(htmlTag((await second.get("/settings")).body), '<html lang="ar" dir="rtl">');

			// The person picks French on this browser: the page and the account follow.
			await second.get("/language?to=fr&back=/settings");
			assert.equal(htmlTag((await second.get("/settings")).body), '<html lang="fr" dir="ltr">');
			assert.equal((await accountRow(username)).language, "fr");
		});

		test("the browser's time zone is kept on the account; a zone that does not exist is ignored", async () => {
			const username = uniqueUsername("tz");
			const client = new FormClient(h.app);
			await client.get("/sign-up");
			await client.post("/sign-up", { username, password: PASSWORD, email: "" });
			assert.deepEqual(await accountRow(username), { language: "en", time_zone: null });
			client.cookies.set("tessera_tz", "Mars/Olympus_Mons");
			await client.get("/settings");
			assert.equal((await accountRow(username)).time_zone, null);
			client.cookies.set("tessera_tz", "America/Sao_Paulo");
			await client.get("/settings");
			assert.equal((await accountRow(username)).time_zone, "America/Sao_Paulo");
		});

		test("an app's Accept-Language at sign-up through the API is the account's first language", async () => {
			const username = uniqueUsername("api");
			const response = await h.app.inject({
				method: "POST",
				url: "/api/v1/accounts",
				headers: { "content-type": "application/json", "accept-language": "ar-EG" },
				payload: { username, password: PASSWORD },
			});
			assert.equal(response.statusCode, 201);
			assert.equal((await accountRow(username)).language, "ar");
		});
	});
}

describe("the operator's branding", () => {
	let h: Harness;
	const dir = mkdtempSync(join(tmpdir(), "tessera-brand-"));
	const logo = join(dir, "logo.svg");
	writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
	before(async () => {
		h = await startHarness("sqlite", {
			TESSERA_BRAND_NAME: "Acme ID",
			TESSERA_BRAND_LOGO: logo,
			TESSERA_BRAND_COLOR: "#7B1FA2",
			TESSERA_SUPPORT_URL: "https://support.acme.test/help",
			TESSERA_SUPPORT_EMAIL: "help@acme.test",
		});
	});
	after(() => h.close());

	test("every page carries the product's name, logo, colour and support contact", async () => {
		const response = await h.app.inject({ url: "/sign-in" });
		assert.match(response.body, /<title>[^<]+ · Acme ID<\/title>/);
		assert.match(response.body, /<a class="brand" href="\/"><img src="\/assets\/brand-logo" alt="Acme ID"><\/a>/);
		assert.match(response.body, /<link rel="stylesheet" href="\/assets\/brand.css">/);
		assert.match(response.body, /<a href="https:\/\/support.acme.test\/help">support.acme.test\/help<\/a>/);
		assert.match(response.body, /<a href="mailto:help@acme.test">help@acme.test<\/a>/);
		const css = await h.app.inject({ url: "/assets/brand.css" });
		assert.equal(css.statusCode, 200);
		assert.match(css.body, /--accent: #7b1fa2;/);
		const image = await h.app.inject({ url: "/assets/brand-logo" });
		assert.equal(image.statusCode, 200);
		assert.equal(image.headers["content-type"], "image/svg+xml");
	});

	test("authenticator apps show the product's name unless TESSERA_ISSUER says otherwise", () => {
		assert.equal(h.config.issuer, "Acme ID");
		assert.equal(loadConfig({ TESSERA_BRAND_NAME: "Acme: ID" }).issuer, "Acme ID");
		assert.equal(loadConfig({ TESSERA_BRAND_NAME: "Acme", TESSERA_ISSUER: "Acme Corp" }).issuer, "Acme Corp");
	});

	test("without branding: Tessera, no logo, no colour sheet, no support line", async () => {
		const plain = await startHarness("sqlite");
		try {
			const response = await plain.app.inject({ url: "/sign-in" });
			assert.match(response.body, /<a class="brand" href="\/">Tessera<\/a>/);
			assert.doesNotMatch(response.body, /brand\.css|brand-logo|class="support"/);
			assert.equal((await plain.app.inject({ url: "/assets/brand.css" })).statusCode, 404);
		} finally {
			await plain.close();
		}
	});

	test("a colour people cannot read, a logo that is not an image, or an unreadable name stops the start with the reason", () => {
		assert.throws(() => loadConfig({ TESSERA_BRAND_COLOR: "#ffcc00" }), (e: unknown) => e instanceof ConfigError && /contrast of 1\.\d\d:1/.test(e.message));
		assert.throws(() => loadConfig({ TESSERA_BRAND_COLOR: "purple" }), ConfigError);
		const text = join(dir, "logo.txt");
		writeFileSync(text, "not an image");
		assert.throws(() => loadConfig({ TESSERA_BRAND_LOGO: text }), /SVG or PNG/);
		const big = join(dir, "big.svg");
		writeFileSync(big, `<svg xmlns="http://www.w3.org/2000/svg">${" ".repeat(200_000)}</svg>`);
		assert.throws(() => loadConfig({ TESSERA_BRAND_LOGO: big }), /at most 102400/);
		assert.throws(() => loadConfig({ TESSERA_BRAND_LOGO: join(dir, "missing.png") }), /cannot be read/);
		assert.throws(() => loadConfig({ TESSERA_BRAND_NAME: "x".repeat(41) }), ConfigError);
		assert.throws(() => loadConfig({ TESSERA_BRAND_NAME: "<b>Acme</b>" }), ConfigError);
		assert.throws(() => loadConfig({ TESSERA_SUPPORT_URL: "javascript:alert(1)" }), ConfigError);
		assert.throws(() => loadConfig({ TESSERA_SUPPORT_EMAIL: "not an address" }), ConfigError);
		assert.equal(loadConfig({ TESSERA_BRAND_COLOR: "#0B57D0" }).brand.color, "#0b57d0");
	});
});
