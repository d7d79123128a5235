import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import type { AxeResults } from "axe-core";
import { Secret, TOTP } from "otpauth";
import type { BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createTessera, type Tessera } from "../../src/server.ts";
import { browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { throwawayDatabase, type ThrowawayDatabase } from "../helpers/databases.ts";
import { PASSWORD } from "../helpers/harness.ts";

const SCREENSHOTS = fileURLToPath(new URL("../../test-output/screenshots/", import.meta.url));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SESSION_COOKIE = "__Host-tessera_session";

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

/** A real Tessera listening on loopback, on a throwaway SQLite database, with the system clock. */
interface Server {
	tessera: Tessera;
	database: ThrowawayDatabase;
	base: string;
	/** Lines the server logged at warn level or above. */
	logs: string[];
}

async function startServer(): Promise<Server> {
	const database = await throwawayDatabase("sqlite");
	const config = loadConfig({ TESSERA_DATA_DIR: database.url, TESSERA_LOG_LEVEL: "warn" });
	const logs: string[] = [];
	const sink = new Writable({
		write(chunk, _encoding, done) {
			logs.push(String(chunk));
			done();
		},
	});
	const tessera = await createTessera({
		config,
		store: database.store,
		secret: randomBytes(32),
		logger: createLogger(config.logLevel, sink),
	});
	const base = await tessera.app.listen({ port: 0, host: "127.0.0.1" });
	return { tessera, database, base, logs };
}

function serverErrors(server: Server): string[] {
	return server.logs.filter((line) => {
		try {
			return (JSON.parse(line) as { level?: number }).level! >= 50;
		} catch {
			return true;
		}
	});
}

// ── TOTP ─────────────────────────────────────────────────────────────────────

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The code an authenticator app shows now for the key on the page. Never one
 * about to expire: within 3 s of a step boundary, wait for the next step first.
 */
async function authenticatorCode(key: string): Promise<string> {
	const left = 30_000 - (Date.now() % 30_000);
	if (left < 3_000) await sleep(left + 250);
	const totp = new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
	return totp.generate();
}

// ── What a person sees ───────────────────────────────────────────────────────

/** The text a person sees in an element: rendered text, without hidden parts. */
async function shown(target: Locator): Promise<string> {
	return (await target.innerText()).trim();
}

function formatViolations(where: string, results: AxeResults): string {
	const lines = [`${results.violations.length} accessibility violation(s) on ${where} (${results.url}):`];
	for (const v of results.violations) {
		lines.push(`  • ${v.id} [${v.impact ?? "?"}] ${v.help}`, `    ${v.helpUrl}`);
		for (const node of v.nodes) {
			lines.push(`    - ${node.target.join(" ")}`, `      ${node.html.slice(0, 200)}`);
			for (const line of (node.failureSummary ?? "").split("\n")) lines.push(`      ${line}`);
		}
	}
	return lines.join("\n");
}

/**
 * Runs axe-core on the page as it is now. The app's CSP stays on: axe is
 * evaluated through the DevTools protocol, which CSP does not govern, so the
 * journey runs under the same policy a person's browser enforces.
 */
async function assertAccessible(page: Page, where: string): Promise<void> {
	if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
	const results = (await page.evaluate(() =>
		(window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
			resultTypes: ["violations"],
		}),
	)) as AxeResults;
	assert.equal(results.violations.length, 0, formatViolations(where, results));
}

/** Everything a journey checks on each page it reaches. */
class Journey {
	readonly page: Page;
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
		page.on("pageerror", (error) => this.problems.push(`script error on ${page.url()}: ${error.message}`));
		page.on("console", (message) => {
			if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) {
				this.problems.push(`CSP violation on ${page.url()}: ${message.text()}`);
			}
		});
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

// ── The journey ──────────────────────────────────────────────────────────────

const skip = browserSkipReason();

describe("a person in a real browser", () => {
	let server: Server;
	before(async () => {
		if (skip) return;
		mkdirSync(SCREENSHOTS, { recursive: true });
		server = await startServer();
	});
	after(async () => {
		await server?.tessera.close();
		await server?.database.drop();
	});

	for (const viewport of viewports) {
		test(`${viewport.name} (${viewport.width} px): sign up, turn on two-factor, save backup codes, sign in with one; a used code is refused`, { skip }, async () => {
			const browser = await launchBrowser(viewport.options);
			try {
				const { context } = browser;
				await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
				const page = context.pages()[0] ?? (await context.newPage());
				const j = new Journey(page, context, viewport, server.base);
				const username = `ada_${viewport.name}`;

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
				assert.match(await shown(page.locator(".state")), /^Off\. Anyone with your password can sign in/);
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

				// Confirm with the code the app would show.
				await page.getByLabel("6-digit code").fill(await authenticatorCode(keyText));
				await j.press(page.getByRole("button", { name: "Turn on" }));
				await page.getByRole("heading", { level: 1, name: "Save your backup codes" }).waitFor();
				assert.equal(await shown(page.locator(".notice")), "Two-factor authentication is on.");

				// The backup codes: ten, distinct, XXXX-XXXX.
				const codes = (await page.locator("#backup-codes code").allInnerTexts()).map((c) => c.trim());
				assert.equal(codes.length, 10, `ten codes are shown: ${codes.join(", ")}`);
				assert.equal(new Set(codes).size, 10, "the codes are all different");
				for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
				const [firstCode, secondCode] = codes as [string, string, ...string[]];

				// Download: a data: URL holding every code, saved under a sensible name.
				const downloadLink = page.getByRole("link", { name: "Download (.txt)" });
				assert.equal(await downloadLink.getAttribute("download"), `tessera-backup-codes-${username}.txt`);
				const href = (await downloadLink.getAttribute("href")) ?? "";
				assert.ok(href.startsWith("data:text/plain;charset=utf-8,"), `download link is a text data: URL: ${href.slice(0, 40)}`);
				const downloadText = decodeURIComponent(href.slice(href.indexOf(",") + 1));
				for (const code of codes) assert.ok(downloadText.includes(code), `the download holds ${code}`);
				const [download] = await Promise.all([page.waitForEvent("download"), j.press(downloadLink)]);
				assert.equal(download.suggestedFilename(), `tessera-backup-codes-${username}.txt`);
				const saved = readFileSync(await download.path(), "utf8");
				for (const code of codes) assert.ok(saved.includes(code), `the downloaded file holds ${code}`);

				// Copy and Print appear once the script has run; Copy puts every code on the clipboard.
				const copy = page.getByRole("button", { name: "Copy codes" });
				assert.ok(await copy.isVisible(), "the Copy button is shown");
				assert.ok(await page.getByRole("button", { name: "Print" }).isVisible(), "the Print button is shown");
				await j.press(copy);
				await page.getByText("Copied. Paste them somewhere safe").waitFor();
				const clipboard = await page.evaluate(() => navigator.clipboard.readText());
				for (const code of codes) assert.ok(clipboard.includes(code), `the clipboard holds ${code}`);
				await j.arrive("backup-codes");

				await j.press(page.getByRole("link", { name: "I have saved my codes" }));
				await page.waitForURL(`${server.base}/settings`);
				assert.match(await shown(page.locator(".state")), /^On\. Signing in needs your password and a second step/);
				assert.equal(await shown(page.locator("#codes-remaining")), "10 of 10 codes left.");
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

				// On the phone the code goes in as people type it: lower case, a space for the dash.
				const typed = viewport.name === "phone" ? firstCode.toLowerCase().replace("-", " ") : firstCode;
				await page.getByLabel("Backup code").fill(typed);
				await j.press(page.getByRole("button", { name: "Verify" }));
				await page.waitForURL(`${server.base}/settings?used=backup_code`);
				assert.equal(
					await shown(page.locator(".notice")),
					"You signed in with a backup code. 9 of 10 codes are left.",
				);
				assert.equal(await shown(page.locator("#codes-remaining")), "9 of 10 codes left.");
				assert.ok(await j.sessionCookie(), "signed in");
				await j.arrive("settings-after-backup-code");

				// The same code again: refused, with a message that says why, and the person stays put.
				await signOut();
				await signInToBackupCodeStep(false);
				await page.getByLabel("Backup code").fill(firstCode);
				await j.press(page.getByRole("button", { name: "Verify" }));
				const error = page.locator("#form-error");
				await error.waitFor();
				assert.equal(await error.getAttribute("data-code"), "code_already_used");
				assert.match(await shown(error), /already (been )?used/i, "the error says the code was already used");
				assert.equal(await error.getAttribute("role"), "alert");
				assert.equal(await j.path(), "/sign-in/verify", "still on the two-step page");
				assert.equal(await j.heading(), "Two-step verification");
				assert.ok(await page.getByLabel("Backup code").isVisible(), "still asked for a backup code");
				assert.equal(await j.sessionCookie(), undefined, "not signed in");
				assert.equal(await page.evaluate(() => document.activeElement?.id), "form-error", "the error has focus");
				await j.arrive("backup-code-already-used");

				// Another code from the list still works from here.
				await page.getByLabel("Backup code").fill(secondCode);
				await j.press(page.getByRole("button", { name: "Verify" }));
				await page.waitForURL(`${server.base}/settings?used=backup_code`);
				assert.equal(await shown(page.locator("#codes-remaining")), "8 of 10 codes left.");
				await j.screenshot("settings-after-second-code");

				assert.deepEqual(j.problems, [], "no script errors or CSP violations");
				assert.deepEqual(serverErrors(server), [], "the server logged no errors");
			} finally {
				await browser.close();
			}
		});
	}

	test("without JavaScript: sign up (after a mistake), reach settings, sign out and back in", { skip }, async () => {
		const viewport = viewports[0]!;
		const browser = await launchBrowser({ ...viewport.options, javaScriptEnabled: false });
		try {
			const { context } = browser;
			const page = context.pages()[0] ?? (await context.newPage());
			const j = new Journey(page, context, viewport, server.base);
			const shot = (step: string) => page.screenshot({ path: `${SCREENSHOTS}nojs-${step}.png`, fullPage: true });
			const username = "grace_nojs";

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
			assert.match(await shown(page.locator(".state")), /^Off\./);
			assert.ok(await j.sessionCookie(), "signed in");
			await shot("settings");

			await page.getByRole("button", { name: "Sign out" }).click();
			await page.waitForURL(`${server.base}/sign-in`);
			assert.equal(await j.sessionCookie(), undefined, "signed out");
			await page.getByLabel("Username").fill(username);
			await page.getByLabel("Password").fill(PASSWORD);
			await page.getByRole("button", { name: "Sign in" }).click();
			await page.waitForURL(`${server.base}/settings`);
			assert.equal(await j.heading(), "Security");
			await shot("signed-in-again");
			assert.deepEqual(serverErrors(server), [], "the server logged no errors");
		} finally {
			await browser.close();
		}
	});
});
