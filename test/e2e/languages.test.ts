import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { type Locale, localeNames } from "../../src/i18n/locales.ts";
import { type Browser, browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import {
	assertAccessible,
	assertDocumentLanguage,
	authenticatorCode,
	named,
	normalSpace,
	SCREENSHOTS,
	type Server,
	say,
	serverErrors,
	shown,
	startServer,
} from "../helpers/e2e.ts";
import { PASSWORD } from "../helpers/harness.ts";

/**
 * The main journey in each language, at phone size, as a person walks it: the
 * language chosen with the switcher on the first page, then sign-up, the
 * authenticator app, backup codes saved and typed back, sign-out, a sign-in with
 * a backup code, and the activity. Every element is found by its role and its
 * name in the chosen language, taken from the catalogs (`say`), so the same
 * steps run in English, French and Arabic; every page passes axe, fits the
 * screen, and says its language in <html lang dir>.
 */

const PHONE = { width: 390, height: 844 };
const languages: Locale[] = ["en", "fr", "ar"];
const skip = browserSkipReason();

/** One person's walk in one language: each page checked the same way. */
class Walk {
	readonly page: Page;
	readonly locale: Locale;
	readonly problems: string[] = [];
	#shot = 0;

	constructor(page: Page, locale: Locale) {
		this.page = page;
		this.locale = locale;
		page.on("pageerror", (error) => this.problems.push(`script error on ${page.url()}: ${error.message}`));
	}

	/** The words of the page in this walk's language, for what the English page says as `english`. */
	say(english: string, values?: Record<string, string | number>): string[] {
		try {
			return say(this.locale, english, values);
		} catch (error) {
			throw new Error(`on ${new URL(this.page.url()).pathname} in ${this.locale}: ${(error as Error).message}`);
		}
	}

	/** A control by role and its name in this language. */
	control(role: "button" | "link", english: string, options: { prefix?: boolean } = {}) {
		return this.page.getByRole(role, { name: named(this.say(english), options) });
	}

	/** A field by its label in this language. */
	field(english: string) {
		return this.page.getByLabel(named(this.say(english)));
	}

	/**
	 * A page reached: in the chosen language (<html lang dir>, and its heading is
	 * the catalog's words for it, not the English), no sideways scrolling, no axe
	 * violation. The main pages are photographed, for a person to look at.
	 */
	async arrive(step: string, heading: string, options: { photo?: boolean } = {}): Promise<void> {
		const where = `${this.locale} ${step} (${new URL(this.page.url()).pathname})`;
		await assertDocumentLanguage(this.page, this.locale, where);
		const expected = this.say(heading).map(normalSpace);
		const h1 = normalSpace(await shown(this.page.locator("h1")));
		assert.ok(expected.includes(h1), `${where}: the heading is “${h1}”; in ${this.locale} the catalogs say “${expected.join("” or “")}” (English: “${heading}”)`);
		if (this.locale !== "en") assert.notEqual(h1, heading, `${where}: the heading “${h1}” is still the English one`);
		const { scrollWidth, clientWidth } = await this.page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		}));
		assert.ok(scrollWidth <= clientWidth, `${where} scrolls sideways: the page is ${scrollWidth} px wide in a ${clientWidth} px screen`);
		await assertAccessible(this.page, where);
		if (!options.photo) return;
		this.#shot += 1;
		await this.page.screenshot({ path: `${SCREENSHOTS}lang-${this.locale}-${String(this.#shot).padStart(2, "0")}-${step}.png`, fullPage: true });
	}
}

describe("the main journey in English, French and Arabic, at phone size", () => {
	let server: Server;
	// One phone-sized Chromium for the three walks; each starts as a new person, without cookies.
	let browser: Browser;
	before(async () => {
		if (skip) return;
		mkdirSync(SCREENSHOTS, { recursive: true });
		for (const name of readdirSync(SCREENSHOTS)) if (/^lang-.*\.png$/.test(name)) rmSync(`${SCREENSHOTS}${name}`);
		server = await startServer();
		browser = await launchBrowser({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
	});
	after(async () => {
		await browser?.close();
		await server?.tessera.close();
		await server?.database.drop();
	});

	for (const locale of languages) {
		test(`${locale} (${localeNames[locale]}): chosen with the switcher; sign up, the authenticator app, backup codes, sign out, sign in with a backup code, activity`, { skip, timeout: 120_000 }, async () => {
			await browser.context.clearCookies();
			const page = await browser.context.newPage();
			try {
				const walk = new Walk(page, locale);
				const username = `lang_${locale}_${process.pid % 10_000}`;

				// The first page comes in the browser's language (English here); the person picks theirs in the switcher.
				await page.goto(`${server.base}/sign-in`);
				const switcher = page.getByRole("navigation", { name: named(say("en", "Language")) });
				// The switcher returns to this same page: wait for that page to load again.
				const reloaded = page.waitForEvent("load");
				await switcher.getByRole("link", { name: localeNames[locale], exact: true }).tap();
				await reloaded;
				assert.equal(new URL(page.url()).pathname, "/sign-in", `${locale}: the switcher comes back to the page it was on`);
				await walk.arrive("sign-in", "Sign in");
				assert.equal(
					await page.getByRole("link", { name: localeNames[locale], exact: true }).getAttribute("aria-current"),
					"true",
					`${locale}: the switcher marks the chosen language`,
				);

				// Sign up.
				await walk.control("link", "Create an account").tap();
				await page.waitForURL(`${server.base}/sign-up`);
				await walk.arrive("sign-up", "Create your account", { photo: true });
				await walk.field("Username").fill(username);
				await walk.field("Password").fill(PASSWORD);
				await walk.control("button", "Create account").tap();
				await page.waitForURL(`${server.base}/settings`);
				await walk.arrive("settings", "Security");

				// The authenticator app: the password, then the key and the code it gives.
				await walk.control("link", "Set up authenticator app").tap();
				await page.waitForURL(`${server.base}/settings/authenticator`);
				await walk.arrive("authenticator-password", "Set up authenticator app");
				await walk.field("Your password").fill(PASSWORD);
				await walk.control("button", "Continue").tap();
				await page.locator("#totp-key").waitFor({ state: "attached" });
				await page.getByText(named(walk.say("Can't scan it? Enter the key instead"))).tap();
				const key = await shown(page.locator("#totp-key"));
				await walk.arrive("authenticator-key", "Set up authenticator app", { photo: true });
				await walk.field("6-digit code").fill(await authenticatorCode(key));
				await walk.control("button", "Turn on").tap();

				// The backup codes, saved and one typed back.
				await page.getByRole("heading", { level: 1, name: named(walk.say("Save your backup codes")) }).waitFor();
				await walk.arrive("backup-codes", "Save your backup codes", { photo: true });
				const codes = (await page.locator("#backup-codes code").allInnerTexts()).map((c) => c.trim());
				assert.equal(codes.length, 10, `${locale}: ten codes are shown`);
				await walk.field("One of your new codes").fill(codes[0]!);
				await walk.control("button", "Confirm").tap();
				await page.waitForURL(/\/settings\?notice=two_factor_on$/);
				await walk.arrive("two-factor-on", "Security", { photo: true });

				// Sign out, and in again with the password and a backup code.
				await walk.control("button", "Sign out").tap();
				await page.waitForURL(`${server.base}/sign-in`);
				await walk.arrive("signed-out", "Sign in");
				await walk.field("Username or email").fill(username);
				await walk.field("Password").fill(PASSWORD);
				await walk.control("button", "Sign in").tap();
				await page.waitForURL(`${server.base}/sign-in/verify`);
				await walk.arrive("second-step", "Two-step verification", { photo: true });
				await walk.control("link", "Try another way").tap();
				await page.waitForURL(`${server.base}/sign-in/verify/methods`);
				await walk.arrive("another-way", "Try another way", { photo: true });
				await walk.control("link", "Backup code", { prefix: true }).tap();
				await page.waitForURL(`${server.base}/sign-in/verify?method=backup_code`);
				await walk.arrive("backup-code", "Two-step verification");
				await walk.field("Backup code").fill(codes[1]!);
				await walk.control("button", "Verify").tap();
				await page.waitForURL(/\/settings\?notice=backup_code_used$/);
				await walk.arrive("signed-in-with-a-code", "Security");

				// The account's activity.
				await walk.control("link", "Account activity").tap();
				await page.waitForURL(`${server.base}/settings/activity`);
				await walk.arrive("activity", "Account activity", { photo: true });

				assert.deepEqual(walk.problems, [], `${locale}: no script errors`);
				assert.deepEqual(serverErrors(server), [], "the server logged no errors");
			} finally {
				await page.close();
			}
		});
	}
});
