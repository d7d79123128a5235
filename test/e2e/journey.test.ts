import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import { browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { PASSWORD } from "../helpers/harness.ts";
import { assertAccessible, authenticatorCode, SCREENSHOTS, SESSION_COOKIE, type Server, serverErrors, shown, startServer } from "../helpers/e2e.ts";


interface Viewport {
	name: "phone" | "desktop";
	options: BrowserContextOptions;
	width: number;
}

const viewports: Viewport[] = [
	{
		name: "phone",
		width: 360,
		options: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
	},
	{ name: "desktop", width: 1280, options: { viewport: { width: 1280, height: 800 } } },
];

/** Everything a journey checks on each page it reaches. */
class Journey {
	/** The tab the person is looking at. */
	page: Page;
	readonly context: BrowserContext;
	readonly viewport: Viewport;
	readonly base: string;
	readonly problems: string[] = [];
	#shot = 0;

	constructor(page: Page, context: BrowserContext, viewport: Viewport, base: string) {
		this.page = page;
		this.context = context;
		this.viewport = viewport;
		this.base = base;
		this.#watch(page);
	}

	#watch(page: Page): void {
		page.on("pageerror", (error) => this.problems.push(`script error on ${page.url()}: ${error.message}`));
		page.on("console", (message) => {
			if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) {
				this.problems.push(`CSP violation on ${page.url()}: ${message.text()}`);
			}
		});
	}

	/** Opens a second tab, runs `visit` in it (it is `this.page` meanwhile), then closes it and goes back. */
	async inNewTab(visit: (tab: Page) => Promise<void>): Promise<void> {
		const previous = this.page;
		const tab = await this.context.newPage();
		this.#watch(tab);
		this.page = tab;
		try {
			await visit(tab);
		} finally {
			this.page = previous;
			await tab.close();
			await previous.bringToFront();
		}
	}

	/** Taps on the phone, clicks on the desktop. */
	async press(target: Locator): Promise<void> {
		if (this.viewport.options.hasTouch) await target.tap();
		else await target.click();
	}

	async screenshot(step: string): Promise<void> {
		this.#shot += 1;
		const name = `${this.viewport.name}-${String(this.#shot).padStart(2, "0")}-${step}.png`;
		await this.page.screenshot({ path: `${SCREENSHOTS}${name}`, fullPage: true });
	}

	async noSideways(where: string): Promise<void> {
		const { scrollWidth, clientWidth } = await this.page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		}));
		assert.ok(
			scrollWidth <= this.viewport.width,
			`${where} scrolls sideways at ${this.viewport.width} px: the page is ${scrollWidth} px wide (viewport ${clientWidth} px)`,
		);
	}

	/** A page a person reached: it fits the screen, passes axe, and is photographed. */
	async arrive(step: string, options: { axe?: boolean } = {}): Promise<void> {
		await this.noSideways(step);
		if (options.axe !== false) await assertAccessible(this.page, `${this.viewport.name} ${step}`);
		await this.screenshot(step);
	}

	async heading(): Promise<string> {
		return shown(this.page.locator("h1"));
	}

	async path(): Promise<string> {
		const url = new URL(this.page.url());
		return url.pathname + url.search;
	}

	async sessionCookie() {
		return (await this.context.cookies(this.base)).find((c) => c.name === SESSION_COOKIE);
	}
}

// ── Backup codes ─────────────────────────────────────────────────────────────

const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The code with its first two neighbouring, different characters swapped: the typo the check character catches. */
function swapPair(code: string): string {
	const chars = [...code];
	for (let i = 0; i + 1 < chars.length; i++) {
		const [a, b] = [chars[i]!, chars[i + 1]!];
		if (a !== b && a !== "-" && b !== "-") {
			chars[i] = b;
			chars[i + 1] = a;
			return chars.join("");
		}
	}
	throw new Error(`no two different neighbours to swap in ${code}`);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, "the file starts with the PNG signature");
	assert.equal(bytes.toString("latin1", 12, 16), "IHDR", "the first chunk is IHDR");
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The computed `display` of the first element matching `selector`. */
function display(page: Page, selector: string): Promise<string> {
	return page.locator(selector).first().evaluate((element) => getComputedStyle(element).display);
}

/** The texts of the "What to do next" steps, and where their links go. */
async function nextSteps(page: Page): Promise<{ text: string; links: (string | null)[] }[]> {
	const box = page.locator("#next-steps");
	assert.ok(await box.isVisible(), "the next steps are shown");
	assert.equal(await shown(box.locator("h2")), "What to do next");
	const steps: { text: string; links: (string | null)[] }[] = [];
	for (const item of await box.locator("ol > li").all()) {
		const links = await Promise.all((await item.locator("a").all()).map((a) => a.getAttribute("href")));
		steps.push({ text: await shown(item), links });
	}
	return steps;
}

/** The four steps, always in this order; the first says what this failure means. */
function assertNextSteps(steps: { text: string; links: (string | null)[] }[], first: RegExp): void {
	assert.equal(steps.length, 4, `four next steps: ${JSON.stringify(steps)}`);
	assert.match(steps[0]!.text, first);
	assert.equal(steps[1]!.text, "Try another unused code from your newest list.");
	assert.equal(steps[2]!.text, "Try another way to sign in.");
	assert.deepEqual(steps[2]!.links, ["/sign-in/verify/methods"]);
	assert.equal(steps[3]!.text, "Still locked out? See how to get back into your account.");
	// Help that keeps the sign-in: its "Back" returns to this page.
	assert.deepEqual(steps[3]!.links, ["/help/backup-codes?back=%2Fsign-in%2Fverify%3Fmethod%3Dbackup_code"]);
}

/** Today as the codes' file writes it ("7 Dec 2026"), in a time zone. */
function today(timeZone: string): string {
	return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(Date.now());
}

/** What the .txt download must hold: where, who, when, one box per code, how to keep them. */
function assertCodesText(text: string, p: { host: string; username: string; created: string; codes: string[] }): void {
	const lines = text.split("\n");
	assert.ok(lines.includes(`Site:    Tessera (${p.host})`), `the file names the site: ${text}`);
	assert.ok(lines.includes(`Account: ${p.username}`), `the file names the account: ${text}`);
	const created = lines.find((line) => line.startsWith("Created: "));
	assert.equal(created, `Created: ${p.created}`, "the file is dated with the day the codes were made, in the person's zone");
	assert.deepEqual(
		lines.filter((line) => line.startsWith("[")),
		p.codes.map((code) => `[ ] ${code}`),
		"one line per code, each with a box to tick",
	);
	assert.match(text, /Keep this list somewhere safe/, "the file says how to keep the codes");
}

// ── The journey ──────────────────────────────────────────────────────────────

const skip = browserSkipReason();

describe("a person in a real browser", () => {
	let server: Server;
	before(async () => {
		if (skip) return;
		mkdirSync(SCREENSHOTS, { recursive: true });
		// Pictures from an earlier run would sit next to this run's under names that meant other steps.
		for (const name of readdirSync(SCREENSHOTS)) {
			if (/^(phone|desktop|nojs)-(?!passkey-|sms-).*\.png$/.test(name)) rmSync(`${SCREENSHOTS}${name}`);
		}
		server = await startServer();
	});
	after(async () => {
		await server?.tessera.close();
		await server?.database.drop();
	});

	for (const viewport of viewports) {
		test(`${viewport.name} (${viewport.width} px): sign up, turn on two-factor, save and confirm backup codes, sign in with one after a typo; a used code is refused`, { skip }, async () => {
			const browser = await launchBrowser(viewport.options);
			try {
				const { context } = browser;
				await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
				const page = context.pages()[0] ?? (await context.newPage());
				const j = new Journey(page, context, viewport, server.base);
				const username = `ada_${viewport.name}`;
				const host = new URL(server.base).host;

				// Sign up.
				await page.goto(`${server.base}/sign-up`);
				assert.equal(await j.heading(), "Create your account");
				await j.arrive("sign-up");
				await page.getByLabel("Username").fill(username);
				await page.getByLabel("Email (optional)").fill(`${username}@example.com`);
				await page.getByLabel("Password").fill(PASSWORD);
				await j.press(page.getByRole("button", { name: "Create account" }));
				await page.waitForURL(`${server.base}/settings`);
				assert.equal(await j.heading(), "Security");
				assert.match(await shown(page.locator('[aria-labelledby="two-factor-heading"] .state')), /^Off\. Anyone with your password can sign in/);
				assert.equal(await shown(page.locator(".top .who")), username, "the header shows who is signed in");

				// The session cookie: __Host- prefixed, HttpOnly, SameSite=Lax, Secure, for this host only.
				const cookie = await j.sessionCookie();
				assert.ok(cookie, `no ${SESSION_COOKIE} cookie; cookies: ${(await context.cookies()).map((c) => c.name).join(", ")}`);
				assert.equal(cookie.httpOnly, true, "HttpOnly");
				assert.equal(cookie.sameSite, "Lax", "SameSite=Lax");
				assert.equal(cookie.secure, true, "Secure");
				assert.equal(cookie.path, "/");
				assert.equal(cookie.domain, new URL(server.base).hostname, "host-only: no Domain attribute");
				assert.ok(!(await page.evaluate(() => document.cookie)).includes(SESSION_COOKIE), "script cannot read the session");
				await j.arrive("settings-two-factor-off");

				// Set up the authenticator app: password first.
				await j.press(page.getByRole("link", { name: "Set up authenticator app" }));
				await page.waitForURL(`${server.base}/settings/authenticator`);
				assert.equal(await j.heading(), "Set up authenticator app");
				await j.arrive("authenticator-password");
				await page.getByLabel("Your password").fill(PASSWORD);
				await j.press(page.getByRole("button", { name: "Continue" }));
				await page.locator("#totp-key").waitFor({ state: "attached" });
				assert.ok(await page.locator(".qr svg").isVisible(), "the QR code is shown");
				await j.press(page.getByText("Can't scan it? Enter the key instead"));
				const keyText = await shown(page.locator("#totp-key"));
				assert.match(keyText, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/, `the key is shown in groups of four: ${keyText}`);
				await j.arrive("authenticator-key");

				// Confirm with the code the app would show: the backup codes come next, and two-factor is not on yet.
				await page.getByLabel("6-digit code").fill(await authenticatorCode(keyText));
				await j.press(page.getByRole("button", { name: "Turn on" }));
				await page.getByRole("heading", { level: 1, name: "Save your backup codes" }).waitFor();
				assert.ok(
					!(await shown(page.locator("main"))).includes("Two-factor authentication is on"),
					"the codes page does not say two-factor is on before a code is typed back",
				);

				// The backup codes: ten, distinct, XXXX-XXXX.
				const codes = (await page.locator("#backup-codes code").allInnerTexts()).map((c) => c.trim());
				assert.equal(codes.length, 10, `ten codes are shown: ${codes.join(", ")}`);
				assert.equal(new Set(codes).size, 10, "the codes are all different");
				for (const code of codes) assert.match(code, CODE_PATTERN);
				const [firstCode, secondCode, thirdCode] = codes as [string, string, string, ...string[]];
				// In the browser's own time zone (app.js told the server), so the time says no "UTC".
				const made = await shown(page.locator("#backup-codes + .hint"));
				assert.match(made, /^Created today, \d{2}:\d{2}\. Each code works once\.$/, "the page says when the codes were made, in local time");
				const created = today(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone));

				// Every way to save them is offered once the script has run, and the last step is on the page.
				const copy = page.getByRole("button", { name: "Copy all" });
				const downloadTxt = page.locator("#download-txt");
				const downloadPng = page.locator("#download-png");
				const print = page.getByRole("button", { name: "Print" });
				for (const [what, control] of [["Copy all", copy], ["Download .txt", downloadTxt], ["Download as image", downloadPng], ["Print", print]] as const) {
					assert.ok(await control.isVisible(), `${what} is shown`);
				}
				assert.equal(await shown(downloadTxt), "Download .txt");
				assert.equal(await shown(downloadPng), "Download as image");
				assert.ok(
					await page.getByRole("heading", { level: 2, name: "Last step: show you saved them" }).isVisible(),
					"the page asks for one code back",
				);
				assert.ok(await page.locator("#confirm-code").isVisible(), "with a field to type it in");
				await j.arrive("backup-codes");

				// Copy all: every code on the clipboard.
				const status = page.locator(".copy-status");
				await j.press(copy);
				await page.getByText("Copied. Paste them somewhere safe").waitFor();
				const clipboard = await page.evaluate(() => navigator.clipboard.readText());
				for (const code of codes) assert.ok(clipboard.includes(code), `the clipboard holds ${code}`);

				// Download .txt: a data: URL, saved as a real file that says where, who, when, and holds every code.
				assert.equal(await downloadTxt.getAttribute("download"), `backup-codes-${username}.txt`);
				const href = (await downloadTxt.getAttribute("href")) ?? "";
				assert.ok(href.startsWith("data:text/plain;charset=utf-8,"), `the link is a text data: URL: ${href.slice(0, 40)}`);
				const [txt] = await Promise.all([page.waitForEvent("download"), j.press(downloadTxt)]);
				assert.equal(txt.suggestedFilename(), `backup-codes-${username}.txt`);
				assertCodesText(readFileSync(await txt.path(), "utf8"), { host, username, created, codes });

				// Download as image: a PNG drawn in the page, 640 px wide at 2x.
				const [png] = await Promise.all([page.waitForEvent("download"), j.press(downloadPng)]);
				assert.equal(png.suggestedFilename(), `backup-codes-${username}.png`);
				const image = readFileSync(await png.path());
				const { width, height } = pngSize(image);
				assert.equal(width, 1280, "the image is 1280 px wide (640 at 2x)");
				assert.ok(height > 600 && height < 4000, `the image is a sane height: ${height} px`);
				copyFileSync(await png.path(), `${SCREENSHOTS}${viewport.name}-codes-image.png`);
				await page.getByText("Image saved.").waitFor();

				// Print: the button opens the print dialog (stubbed: headless Chromium shows none)…
				await page.evaluate(() => {
					const w = window as unknown as { printed: number };
					w.printed = 0;
					window.print = () => {
						w.printed += 1;
					};
				});
				await j.press(print);
				assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1, "Print calls window.print()");
				// …and on paper there are the codes, without the header, the buttons or the form.
				await page.emulateMedia({ media: "print" });
				try {
					assert.ok(await page.locator("#backup-codes").isVisible(), "the codes are printed");
					for (const code of await page.locator("#backup-codes code").all()) assert.ok(await code.isVisible(), "every code is printed");
					for (const selector of ["header.top", ".actions", ".card.confirm", 'form[action="/settings/backup-codes/confirm"]']) {
						assert.equal(await display(page, selector), "none", `${selector} is not printed`);
					}
					await j.screenshot("print-view");
				} finally {
					await page.emulateMedia({ media: "screen" });
				}
				assert.ok(await print.isVisible(), "back on screen, the buttons are there again");
				assert.match(await shown(status), /^Image saved\./);

				// Meanwhile, in another tab: settings says two-factor is almost on, and the confirm page refuses a typo.
				await j.inNewTab(async (tab) => {
					await tab.goto(`${server.base}/settings`);
					assert.equal(await j.heading(), "Security");
					assert.match(await shown(tab.locator('[aria-labelledby="two-factor-heading"] .state')), /^Almost done\. /);
					assert.equal(await tab.locator("#codes-remaining").count(), 0, "no working codes yet");
					await j.arrive("settings-almost-done");
					await j.press(tab.getByRole("link", { name: "Confirm your backup codes" }));
					await tab.waitForURL(`${server.base}/settings/backup-codes/confirm`);
					assert.equal(await j.heading(), "Confirm your backup codes");
					await j.arrive("confirm-codes");
					await tab.locator("#confirm-code").fill(swapPair(secondCode));
					await j.press(tab.getByRole("button", { name: "Confirm", exact: true }));
					const error = tab.locator("#form-error");
					await error.waitFor();
					assert.equal(await error.getAttribute("data-code"), "code_typo");
					assert.match(await shown(error), /^That can't be one of your codes/);
					assert.equal(await j.heading(), "Confirm your backup codes", "still asked for a code");
					await j.arrive("confirm-codes-typo");
				});

				// The last step, on the codes page: one code typed back turns two-factor on.
				await page.locator("#confirm-code").fill(firstCode);
				await j.press(page.getByRole("button", { name: "Confirm", exact: true }));
				await page.waitForURL(`${server.base}/settings?notice=two_factor_on`);
				assert.match(await shown(page.locator(".notice")), /^Two-factor authentication is on\./);
				assert.match(await shown(page.locator('[aria-labelledby="two-factor-heading"] .state')), /^On\. Signing in needs your password and a second step/);
				assert.equal(await shown(page.locator("#codes-remaining")), "10 of 10 codes left.", "the code typed back stays usable");
				await j.arrive("settings-two-factor-on");

				// Sign out.
				const signOut = async () => {
					await j.press(page.getByRole("button", { name: "Sign out" }));
					await page.waitForURL(`${server.base}/sign-in`);
					assert.equal(await j.heading(), "Sign in");
					assert.equal(await j.sessionCookie(), undefined, "signing out removes the session cookie");
				};
				await signOut();
				await j.arrive("sign-in");

				// Sign in with the password, then switch to a backup code.
				const signInToBackupCodeStep = async (shots: boolean) => {
					await page.getByLabel("Username").fill(username);
					await page.getByLabel("Password").fill(PASSWORD);
					await j.press(page.getByRole("button", { name: "Sign in" }));
					await page.waitForURL(`${server.base}/sign-in/verify`);
					assert.equal(await j.heading(), "Two-step verification");
					assert.ok(await page.getByLabel("6-digit code").isVisible(), "the authenticator app is asked for first");
					if (shots) await j.arrive("two-step-authenticator");
					await j.press(page.getByRole("link", { name: "Try another way" }));
					await page.waitForURL(`${server.base}/sign-in/verify/methods`);
					assert.equal(await j.heading(), "Try another way");
					if (shots) await j.arrive("another-way");
					await j.press(page.getByRole("link", { name: /^Backup code/ }));
					await page.waitForURL(`${server.base}/sign-in/verify?method=backup_code`);
					assert.equal(await j.heading(), "Two-step verification");
					assert.ok(await page.getByLabel("Backup code").isVisible(), "the page now asks for a backup code");
				};
				await signInToBackupCodeStep(true);
				await j.arrive("two-step-backup-code");

				// The confirmed code, with two characters swapped: a typo, said so, and kept in the field to correct.
				// On the phone the code goes in as people type it: lower case, a space for the dash.
				const asTyped = (code: string) => (viewport.name === "phone" ? code.toLowerCase().replace("-", " ") : code);
				const error = page.locator("#form-error");
				const typo = asTyped(swapPair(firstCode));
				await page.getByLabel("Backup code").fill(typo);
				await j.press(page.getByRole("button", { name: "Verify" }));
				await error.waitFor();
				assert.equal(await error.getAttribute("data-code"), "code_typo");
				assert.match(await shown(error), /^That can't be one of your codes/);
				assert.equal(await error.getAttribute("role"), "alert");
				assert.equal(await page.evaluate(() => document.activeElement?.id), "form-error", "the error has focus");
				assertNextSteps(await nextSteps(page), /^Type it again, comparing each character with your list/);
				assert.equal(await j.path(), "/sign-in/verify", "still on the two-step page");
				assert.equal(await page.getByLabel("Backup code").inputValue(), typo, "what was typed is kept, to be corrected");
				assert.equal(await j.sessionCookie(), undefined, "not signed in");
				await j.arrive("backup-code-typo");

				// Corrected: signed in, and told how many codes are left.
				await page.getByLabel("Backup code").fill(asTyped(firstCode));
				await j.press(page.getByRole("button", { name: "Verify" }));
				await page.waitForURL(`${server.base}/settings?notice=backup_code_used`);
				assert.equal(await shown(page.locator(".notice")), "You signed in with a backup code. 9 of 10 codes are left.");
				assert.equal(await shown(page.locator("#codes-remaining")), "9 of 10 codes left.");
				assert.ok(await j.sessionCookie(), "signed in");
				await j.arrive("settings-after-backup-code");

				// The same code again: refused, with a message that says why, and the person stays put.
				await signOut();
				await signInToBackupCodeStep(false);
				await page.getByLabel("Backup code").fill(firstCode);
				await j.press(page.getByRole("button", { name: "Verify" }));
				await error.waitFor();
				assert.equal(await error.getAttribute("data-code"), "code_already_used");
				assert.match(await shown(error), /already (been )?used/i, "the error says the code was already used");
				assert.equal(await error.getAttribute("role"), "alert");
				assertNextSteps(await nextSteps(page), /^Cross that code off your list: it has been used/);
				assert.equal(await j.path(), "/sign-in/verify", "still on the two-step page");
				assert.equal(await j.heading(), "Two-step verification");
				assert.ok(await page.getByLabel("Backup code").isVisible(), "still asked for a backup code");
				assert.equal(await page.getByLabel("Backup code").inputValue(), "", "a code that was not a typo is not kept");
				assert.equal(await j.sessionCookie(), undefined, "not signed in");
				assert.equal(await page.evaluate(() => document.activeElement?.id), "form-error", "the error has focus");
				await j.arrive("backup-code-already-used");

				// The last step's help page, opened alongside.
				const helpHref = await page.getByRole("link", { name: "See how to get back into your account" }).getAttribute("href");
				await j.inNewTab(async (tab) => {
					await tab.goto(`${server.base}${helpHref}`);
					assert.equal(await j.heading(), "Backup codes not working?");
					assert.equal(await tab.locator(".help-steps > li").count(), 4, "four steps, as on the two-step page");
					await j.arrive("help-backup-codes");
				});

				// Another code from the list still works from here.
				await page.getByLabel("Backup code").fill(thirdCode);
				await j.press(page.getByRole("button", { name: "Verify" }));
				await page.waitForURL(`${server.base}/settings?notice=backup_code_used`);
				assert.equal(await shown(page.locator("#codes-remaining")), "8 of 10 codes left.");
				await j.screenshot("settings-after-second-code");

				assert.deepEqual(j.problems, [], "no script errors or CSP violations");
				assert.deepEqual(serverErrors(server), [], "the server logged no errors");
			} finally {
				await browser.close();
			}
		});
	}

	test("without JavaScript: sign up (after a mistake), turn on two-factor and confirm a backup code, sign in with one", { skip }, async () => {
		const viewport = viewports[0]!;
		const browser = await launchBrowser({ ...viewport.options, javaScriptEnabled: false });
		try {
			const { context } = browser;
			const page = context.pages()[0] ?? (await context.newPage());
			const j = new Journey(page, context, viewport, server.base);
			const shot = (step: string) => page.screenshot({ path: `${SCREENSHOTS}nojs-${step}.png`, fullPage: true });
			const username = "grace_nojs";
			const host = new URL(server.base).host;

			await page.goto(`${server.base}/sign-up`);
			await page.getByLabel("Username").fill(username);
			await page.getByLabel("Password").fill("short");
			await page.getByRole("button", { name: "Create account" }).click();
			await page.locator("#form-error").waitFor();
			assert.equal(await j.path(), "/sign-up");
			assert.equal(await page.getByLabel("Username").inputValue(), username, "the username is kept");
			await shot("sign-up-error");

			await page.getByLabel("Password").fill(PASSWORD);
			await page.getByRole("button", { name: "Create account" }).click();
			await page.waitForURL(`${server.base}/settings`);
			assert.equal(await j.heading(), "Security");
			assert.match(await shown(page.locator('[aria-labelledby="two-factor-heading"] .state')), /^Off\./);
			assert.ok(await j.sessionCookie(), "signed in");
			await shot("settings");

			// The authenticator app: <details> opens without script.
			await page.getByRole("link", { name: "Set up authenticator app" }).click();
			await page.getByLabel("Your password").fill(PASSWORD);
			await page.getByRole("button", { name: "Continue" }).click();
			await page.getByText("Can't scan it? Enter the key instead").click();
			const keyText = await shown(page.locator("#totp-key"));
			await page.getByLabel("6-digit code").fill(await authenticatorCode(keyText));
			await page.getByRole("button", { name: "Turn on" }).click();
			await page.getByRole("heading", { level: 1, name: "Save your backup codes" }).waitFor();
			const codes = (await page.locator("#backup-codes code").allInnerTexts()).map((c) => c.trim());
			assert.equal(codes.length, 10);
			for (const code of codes) assert.match(code, CODE_PATTERN);
			// Without script the browser cannot say its time zone: the time says it is UTC.
			assert.match(await shown(page.locator("#backup-codes + .hint")), /^Created today, \d{2}:\d{2} UTC\./);
			const created = today("UTC");

			// Only what works without script is offered: the buttons that need it stay hidden. Checked here,
			// reported at the end, so that the rest of the journey is still walked when one shows.
			const shownWithoutScript: string[] = [];
			const scriptOnly = [
				["Copy all", page.locator("[data-copy-target]")],
				["Download as image", page.locator("#download-png")],
				["Print", page.locator("[data-print]")],
			] as const;
			for (const [what, button] of scriptOnly) {
				assert.equal(await button.getAttribute("hidden"), "", `${what} has the hidden attribute`);
				if (await button.isVisible()) {
					const css = await button.evaluate((element) => getComputedStyle(element).display);
					shownWithoutScript.push(`${what} (hidden attribute, yet display: ${css})`);
				}
			}
			const downloadTxt = page.getByRole("link", { name: "Download .txt" });
			assert.ok(await downloadTxt.isVisible(), "Download .txt is shown");
			const [txt] = await Promise.all([page.waitForEvent("download"), downloadTxt.click()]);
			assert.equal(txt.suggestedFilename(), `backup-codes-${username}.txt`);
			assertCodesText(readFileSync(await txt.path(), "utf8"), { host, username, created, codes });
			await j.noSideways("nojs backup codes");
			await shot("backup-codes");

			// The last step: one code typed back.
			await page.locator("#confirm-code").fill(codes[0]!);
			await page.getByRole("button", { name: "Confirm", exact: true }).click();
			await page.waitForURL(`${server.base}/settings?notice=two_factor_on`);
			assert.match(await shown(page.locator(".notice")), /^Two-factor authentication is on\./);
			assert.match(await shown(page.locator('[aria-labelledby="two-factor-heading"] .state')), /^On\./);
			assert.equal(await shown(page.locator("#codes-remaining")), "10 of 10 codes left.");
			await shot("settings-two-factor-on");

			await page.getByRole("button", { name: "Sign out" }).click();
			await page.waitForURL(`${server.base}/sign-in`);
			assert.equal(await j.sessionCookie(), undefined, "signed out");
			await page.getByLabel("Username").fill(username);
			await page.getByLabel("Password").fill(PASSWORD);
			await page.getByRole("button", { name: "Sign in" }).click();
			await page.waitForURL(`${server.base}/sign-in/verify`);
			await page.getByRole("link", { name: "Try another way" }).click();
			await page.getByRole("link", { name: /^Backup code/ }).click();
			await page.waitForURL(`${server.base}/sign-in/verify?method=backup_code`);
			await page.getByLabel("Backup code").fill(codes[1]!);
			await page.getByRole("button", { name: "Verify" }).click();
			await page.waitForURL(`${server.base}/settings?notice=backup_code_used`);
			assert.equal(await j.heading(), "Security");
			assert.equal(await shown(page.locator(".notice")), "You signed in with a backup code. 9 of 10 codes are left.");
			await shot("signed-in-again");
			assert.deepEqual(serverErrors(server), [], "the server logged no errors");
			assert.deepEqual(shownWithoutScript, [], "buttons that need JavaScript are shown without it, and do nothing when pressed");
		} finally {
			await browser.close();
		}
	});
});
