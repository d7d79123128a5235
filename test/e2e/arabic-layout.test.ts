import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { BrowserContextOptions, Page } from "playwright-core";
import { browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { assertDocumentLanguage, SCREENSHOTS, type Server, serverErrors, startServer } from "../helpers/e2e.ts";
import { PASSWORD } from "../helpers/harness.ts";

/**
 * Arabic reads from right to left, and the whole page mirrors with it: the
 * brand at the right end of the header and "Sign out" at the left, headings,
 * labels and buttons against the right edge, the error box's accent bar on its
 * right, lists indented from the right, the language switcher starting at the
 * right. Each is measured from the element's geometry and computed style in
 * Arabic and, for contrast, in English, at phone and desktop size; usernames
 * and codes stay left-to-right inside the Arabic. The pictures go to
 * test-output/screenshots/rtl-*.png for a person to look at: fonts differ from
 * one machine to the next, so no picture is compared with a stored one.
 */

interface Viewport {
	name: "phone" | "desktop";
	options: BrowserContextOptions;
}

const viewports: Viewport[] = [
	{ name: "phone", options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
	{ name: "desktop", options: { viewport: { width: 1280, height: 800 } } },
];

const skip = browserSkipReason();
/** How far (px) an edge may sit from where it should, for rounding. */
const SLACK = 2;

/** Where an element and its text are, and the styles that say which way it faces. */
interface Geometry {
	left: number;
	right: number;
	/** The box inside the padding. */
	innerLeft: number;
	innerRight: number;
	/** The ends of the element's own text (a Range over its contents). */
	textLeft: number;
	textRight: number;
	direction: string;
	unicodeBidi: string;
	textAlign: string;
	borderLeft: number;
	borderRight: number;
	paddingLeft: number;
	paddingRight: number;
}

async function geometry(page: Page, selector: string, where: string): Promise<Geometry> {
	const target = page.locator(selector).first();
	assert.ok((await target.count()) > 0, `${where}: ${selector} is on the page`);
	return target.evaluate((element) => {
		const box = element.getBoundingClientRect();
		const style = getComputedStyle(element);
		const range = document.createRange();
		range.selectNodeContents(element);
		const text = range.getBoundingClientRect();
		const px = (value: string) => Number.parseFloat(value) || 0;
		return {
			left: box.left,
			right: box.right,
			innerLeft: box.left + px(style.borderLeftWidth) + px(style.paddingLeft),
			innerRight: box.right - px(style.borderRightWidth) - px(style.paddingRight),
			textLeft: text.left,
			textRight: text.right,
			direction: style.direction,
			unicodeBidi: style.unicodeBidi,
			textAlign: style.textAlign,
			borderLeft: px(style.borderLeftWidth),
			borderRight: px(style.borderRightWidth),
			paddingLeft: px(style.paddingLeft),
			paddingRight: px(style.paddingRight),
		};
	});
}

type Dir = "rtl" | "ltr";

/** The side a box's text is aligned to, from its computed text-align and direction. */
function alignedTo(g: Geometry): string {
	if (g.textAlign === "start") return g.direction === "rtl" ? "right" : "left";
	if (g.textAlign === "end") return g.direction === "rtl" ? "left" : "right";
	return g.textAlign;
}

/** The side a thing should sit on: the start of the line, which is the right in Arabic. */
const startSide = (dir: Dir) => (dir === "rtl" ? "right" : "left");
const endSide = (dir: Dir) => (dir === "rtl" ? "left" : "right");

/** Text that starts the line: its text begins at the start edge of its box. */
async function assertTextAtStart(page: Page, selector: string, dir: Dir, where: string): Promise<void> {
	const g = await geometry(page, selector, where);
	const gap = dir === "rtl" ? g.innerRight - g.textRight : g.textLeft - g.innerLeft;
	assert.ok(
		Math.abs(gap) <= SLACK,
		`${where}: ${selector}'s text should start at the ${startSide(dir)} of its box, but is ${gap.toFixed(1)} px from it (box ${g.innerLeft.toFixed(0)}–${g.innerRight.toFixed(0)}, text ${g.textLeft.toFixed(0)}–${g.textRight.toFixed(0)}, text-align ${g.textAlign}, direction ${g.direction})`,
	);
}

/** An element (a button, the brand) sits against the `side` edge of `container`. */
async function assertAgainst(page: Page, selector: string, container: string, side: "left" | "right", where: string): Promise<void> {
	const g = await geometry(page, selector, where);
	const c = await geometry(page, container, where);
	const gap = side === "right" ? c.innerRight - g.right : g.left - c.innerLeft;
	assert.ok(
		Math.abs(gap) <= SLACK,
		`${where}: ${selector} should sit against the ${side} edge of ${container}, but is ${gap.toFixed(1)} px from it (element ${g.left.toFixed(0)}–${g.right.toFixed(0)}, ${container} ${c.innerLeft.toFixed(0)}–${c.innerRight.toFixed(0)})`,
	);
}

/** The header: the brand at the start (right in Arabic), the person's name and "Sign out" at the end. */
async function assertHeader(page: Page, dir: Dir, where: string, signedIn: boolean): Promise<void> {
	await assertAgainst(page, ".top .brand", "header.top", startSide(dir), `${where}, header`);
	if (!signedIn) return;
	await assertAgainst(page, ".top form.inline", "header.top", endSide(dir), `${where}, header`);
	const brand = await geometry(page, ".top .brand", where);
	const signOut = await geometry(page, ".top form.inline button", where);
	const order = dir === "rtl" ? signOut.right < brand.left : brand.right < signOut.left;
	assert.ok(order, `${where}: “Sign out” should be on the ${endSide(dir)} of the brand (brand ${brand.left.toFixed(0)}–${brand.right.toFixed(0)}, sign out ${signOut.left.toFixed(0)}–${signOut.right.toFixed(0)})`);
	// The username is a value: left to right, isolated, whatever the page's direction.
	const who = await geometry(page, ".top .who", where);
	assert.equal(who.direction, "ltr", `${where}: the username in the header reads left to right`);
	if (dir === "rtl") assert.match(who.unicodeBidi, /isolate/, `${where}: the username in the header is isolated from the Arabic around it`);
}

/** The language switcher starts at the start side: English, the first choice, sits at the right in Arabic. */
async function assertSwitcher(page: Page, dir: Dir, where: string): Promise<void> {
	const first = await geometry(page, ".languages li:first-child", where);
	const last = await geometry(page, ".languages li:last-child", where);
	const ok = dir === "rtl" ? first.left > last.left : first.left < last.left;
	assert.ok(ok, `${where}: the language switcher should start on the ${startSide(dir)} (first ${first.left.toFixed(0)}, last ${last.left.toFixed(0)})`);
}

async function assertFitsScreen(page: Page, where: string): Promise<void> {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth,
	}));
	assert.ok(scrollWidth <= clientWidth, `${where} scrolls sideways: ${scrollWidth} px wide in a ${clientWidth} px screen`);
}

/** Chooses the language as the switcher does (its link, opened directly), and comes back to `path`. */
async function inLanguage(page: Page, base: string, locale: "ar" | "en", path: string): Promise<void> {
	await page.goto(`${base}/language?to=${locale}&back=${encodeURIComponent(path)}`);
	assert.equal(new URL(page.url()).pathname, path.split("?")[0], `the switcher comes back to ${path}`);
	await assertDocumentLanguage(page, locale, `${locale} ${path}`);
}

describe("Arabic pages are mirrored", () => {
	let server: Server;
	before(async () => {
		if (skip) return;
		mkdirSync(SCREENSHOTS, { recursive: true });
		for (const name of readdirSync(SCREENSHOTS)) if (/^rtl-.*\.png$/.test(name)) rmSync(`${SCREENSHOTS}${name}`);
		server = await startServer();
	});
	after(async () => {
		await server?.tessera.close();
		await server?.database.drop();
	});

	for (const viewport of viewports) {
		test(`${viewport.name}: sign-in, its error, sign-up's list of problems, settings and activity, in Arabic against English`, { skip, timeout: 120_000 }, async () => {
			const browser = await launchBrowser(viewport.options);
			try {
				const page = browser.context.pages()[0] ?? (await browser.context.newPage());
				const problems: string[] = [];
				page.on("pageerror", (error) => problems.push(`script error on ${page.url()}: ${error.message}`));
				const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}rtl-${viewport.name}-${name}.png`, fullPage: true });
				const username = `rtl_${viewport.name}_${process.pid % 10_000}`;

				for (const [locale, dir] of [["ar", "rtl"], ["en", "ltr"]] as const) {
					const where = (what: string) => `${viewport.name} ${locale} ${what}`;

					// Sign-in: the header, the heading, the labels, the buttons, the switcher.
					await inLanguage(page, server.base, locale, "/sign-in");
					await shot(`${locale}-sign-in`);
					await assertFitsScreen(page, where("sign-in"));
					await assertHeader(page, dir, where("sign-in"), false);
					await assertTextAtStart(page, "main h1", dir, where("sign-in"));
					await assertTextAtStart(page, 'label[for="username"]', dir, where("sign-in"));
					await assertTextAtStart(page, 'label[for="password"]', dir, where("sign-in"));
					// The buttons under the fields ("Show password", then "Sign in") line up from the start side.
					await assertAgainst(page, 'form[action="/sign-in"] button:visible', 'form[action="/sign-in"]', startSide(dir), where("sign-in"));
					await assertSwitcher(page, dir, where("sign-in"));
					// The fields' text starts on the start side; a username, an address or a code is still typed left to right.
					const password = await geometry(page, "#password", where("sign-in"));
					assert.equal(password.direction, dir, `${where("sign-in")}: the password field runs ${dir}`);
					assert.equal(alignedTo(password), startSide(dir), `${where("sign-in")}: the password field's text is aligned to the ${startSide(dir)}`);
					const typedName = await geometry(page, "#username", where("sign-in"));
					assert.equal(typedName.direction, "ltr", `${where("sign-in")}: the username field keeps a username left to right`);
					assert.equal(alignedTo(typedName), startSide(dir), `${where("sign-in")}: the username field's text is aligned to the ${startSide(dir)}, with the rest of the form`);

					// A wrong password: the error box, its accent bar on the start side.
					await page.locator("#username").fill("nobody_here");
					await page.locator("#password").fill("not the password");
					await page.locator('form[action="/sign-in"] button[type="submit"]').click();
					await page.locator("#form-error").waitFor();
					await shot(`${locale}-sign-in-error`);
					const error = await geometry(page, "#form-error", where("sign-in error"));
					const [bar, other] = dir === "rtl" ? [error.borderRight, error.borderLeft] : [error.borderLeft, error.borderRight];
					assert.ok(bar >= 3 && other === 0, `${where("sign-in error")}: the error box's accent bar should be on its ${startSide(dir)} only (left ${error.borderLeft}px, right ${error.borderRight}px)`);
					await assertTextAtStart(page, "#form-error p", dir, where("sign-in error"));

					// Sign-up with nothing filled in: the box lists each problem, and the list is indented from the start.
					await page.goto(`${server.base}/sign-up`);
					await page.locator('form[action="/sign-up"] button[type="submit"]').click();
					await page.locator("#form-error ul").waitFor();
					await shot(`${locale}-sign-up-error`);
					const list = await geometry(page, "#form-error ul", where("sign-up error"));
					const item = await geometry(page, "#form-error ul > li", where("sign-up error"));
					const [indent, flush] = dir === "rtl" ? [list.paddingRight, list.paddingLeft] : [list.paddingLeft, list.paddingRight];
					assert.ok(indent >= 16 && flush === 0, `${where("sign-up error")}: the list should be indented on the ${startSide(dir)} (padding left ${list.paddingLeft}px, right ${list.paddingRight}px)`);
					const itemGap = dir === "rtl" ? list.right - item.right : item.left - list.left;
					assert.ok(itemGap >= 16, `${where("sign-up error")}: the list's items should start ${indent}px in from the ${startSide(dir)} edge, but start ${itemGap.toFixed(1)}px in`);
					await assertTextAtStart(page, "main h1", dir, where("sign-up"));
				}

				// Settings, signed in: the account is made in Arabic, then its page is seen again in English.
				await inLanguage(page, server.base, "ar", "/sign-up");
				await page.locator("#username").fill(username);
				await page.locator("#password").fill(PASSWORD);
				await page.locator('form[action="/sign-up"] button[type="submit"]').click();
				await page.waitForURL(`${server.base}/settings`);
				for (const [locale, dir] of [["ar", "rtl"], ["en", "ltr"]] as const) {
					const where = `${viewport.name} ${locale} settings`;
					if (locale === "en") await inLanguage(page, server.base, "en", "/settings");
					await assertDocumentLanguage(page, locale, where);
					await shot(`${locale}-settings`);
					await assertFitsScreen(page, where);
					await assertHeader(page, dir, where, true);
					await assertTextAtStart(page, "main h1", dir, where);
					await assertTextAtStart(page, "#two-factor-heading", dir, where);
					await assertAgainst(page, 'a.button[href="/settings/authenticator"]', '[aria-labelledby="totp-heading"]', startSide(dir), where);

					// The activity: one line per event, starting on the start side (the right in Arabic), what
					// happened first, then when and where.
					await page.goto(`${server.base}/settings/activity`);
					const activity = `${viewport.name} ${locale} activity`;
					await shot(`${locale}-activity`);
					await assertFitsScreen(page, activity);
					await assertTextAtStart(page, "main h1", dir, activity);
					await assertTextAtStart(page, "ul.activity li:first-child", dir, activity);
					if (viewport.name === "desktop") {
						const what = await geometry(page, "ul.activity li:first-child .what", activity);
						const when = await geometry(page, "ul.activity li:first-child .hint", activity);
						const ok = dir === "rtl" ? what.left > when.left : what.left < when.left;
						assert.ok(ok, `${activity}: what happened should come first, on the ${startSide(dir)} of when (what ${what.left.toFixed(0)}, when ${when.left.toFixed(0)})`);
					}
					await page.goto(`${server.base}/settings`);
				}
				assert.deepEqual(problems, [], "no script errors");
				assert.deepEqual(serverErrors(server), [], "the server logged no errors");
			} finally {
				await browser.close();
			}
		});
	}
});
