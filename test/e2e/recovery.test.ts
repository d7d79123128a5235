import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { Secret, TOTP } from "otpauth";
import type { BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import { manualClock } from "../../src/core/clock.ts";
import { defaultBrand } from "../../src/core/brand.ts";
import { withPresentation } from "../../src/i18n/context.ts";
import { asTimeZone } from "../../src/i18n/locales.ts";
import { formatWhen } from "../../src/i18n/time.ts";
import { browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { assertAccessible, SCREENSHOTS, SESSION_COOKIE, type Server, serverErrors, shown, startServer } from "../helpers/e2e.ts";
import { PASSWORD } from "../helpers/harness.ts";
import { codeIn, isAlert, mark, type Received, startSmtpServer } from "../helpers/mailboxes.ts";

/**
 * Account recovery in a real browser at phone size, as a person who lost the
 * phone with their authenticator app and their backup codes, but still reads
 * their email, would go through it: prove the email, wait out the 72 hours
 * (the server's clock is moved, not the test's), sign in with the password,
 * and set two-factor up again. And the other side: the account's owner, who
 * did not ask for it, cancels it from the alert email without signing in.
 */

const PHONE_WIDTH = 390;
const PHONE: BrowserContextOptions = {
	viewport: { width: PHONE_WIDTH, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2,
};
const HOUR = 3_600_000;
/** TESSERA_RECOVERY_WAIT, left at its default. */
const WAIT = 72 * HOUR;
/** What the Security page says about two-factor: "On. …" or "Off. …". */
const TWO_FACTOR_STATE = 'section[aria-labelledby="two-factor-heading"] .state';

type ManualClock = ReturnType<typeof manualClock>;
type Mailbox = Awaited<ReturnType<typeof startSmtpServer>>;

/** A loopback port nobody listens on now, so the links in emails can name the server before it starts. */
async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

/** The code the person's authenticator app shows, at the server's time (the clock the test moves). */
function appCode(key: string, clock: ManualClock): string {
	const totp = new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
	return totp.generate({ timestamp: clock() });
}

/** One person on a phone: what they press, what they see, and every script error or CSP violation on the way. */
class Phone {
	readonly page: Page;
	readonly context: BrowserContext;
	readonly base: string;
	readonly problems: string[] = [];
	readonly #prefix: string;
	#shot = 0;

	constructor(page: Page, context: BrowserContext, base: string, prefix: string) {
		this.page = page;
		this.context = context;
		this.base = base;
		this.#prefix = prefix;
		page.on("pageerror", (error) => this.problems.push(`script error on ${page.url()}: ${error.message}`));
		page.on("console", (message) => {
			if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) {
				this.problems.push(`CSP violation on ${page.url()}: ${message.text()}`);
			}
		});
	}

	static async open(browser: { context: BrowserContext }, base: string, prefix: string): Promise<Phone> {
		const page = browser.context.pages()[0] ?? (await browser.context.newPage());
		return new Phone(page, browser.context, base, prefix);
	}

	press(target: Locator): Promise<void> {
		return target.tap();
	}

	async noSideways(where: string): Promise<void> {
		const { scrollWidth, clientWidth } = await this.page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		}));
		assert.ok(
			scrollWidth <= clientWidth && clientWidth <= PHONE_WIDTH,
			`${where} scrolls sideways at ${PHONE_WIDTH} px: the page is ${scrollWidth} px wide (viewport ${clientWidth} px)`,
		);
	}

	/** A page a person reached: it fits the screen, passes axe, and is photographed. */
	async arrive(step: string): Promise<void> {
		await this.noSideways(`${this.#prefix}${step}`);
		await assertAccessible(this.page, `${this.#prefix}${step}`);
		this.#shot += 1;
		await this.page.screenshot({ path: `${SCREENSHOTS}${this.#prefix}${String(this.#shot).padStart(2, "0")}-${step}.png`, fullPage: true });
	}

	heading(): Promise<string> {
		return shown(this.page.locator("h1"));
	}

	main(): Promise<string> {
		return shown(this.page.locator("main"));
	}

	path(): string {
		const url = new URL(this.page.url());
		return url.pathname + url.search;
	}

	async signedIn(): Promise<boolean> {
		return (await this.context.cookies(this.base)).some((c) => c.name === SESSION_COOKIE);
	}

	async waitFor(path: string): Promise<void> {
		await this.page.waitForURL(`${this.base}${path}`);
	}
}

// ── Email ────────────────────────────────────────────────────────────────────

/** The subject line, as a mail app lists the message. */
function subjectOf(message: Received): string {
	return /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(message.body)?.[1]?.replace(/\r?\n[ \t]/g, " ") ?? "";
}

/** The message's plain-text part: what every mail app can show. */
function textPart(message: Received): string {
	const part = /Content-Type: text\/plain[^\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/.exec(message.body)?.[1];
	assert.ok(part, `a plain-text part in ${message.body}`);
	return part.replace(/\r\n/g, "\n");
}

/** Links in the message, each once. */
function linksIn(message: Received): string[] {
	return [...new Set(message.body.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}

/** Waits for the security alert to `to`, after `since`, whose subject names `what`. */
async function alertAbout(mailbox: Mailbox, to: string, since: number, what: string): Promise<Received> {
	const deadline = Date.now() + 5000;
	for (;;) {
		const found = mailbox.messages.find((m) => m.to === to && m.at >= since && isAlert(m) && subjectOf(m).includes(what));
		if (found) return found;
		if (Date.now() > deadline) {
			const got = mailbox.messages.filter((m) => m.to === to && m.at >= since).map(subjectOf);
			throw new Error(`no alert “${what}” reached ${to}; what arrived: ${JSON.stringify(got)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

function alertsAbout(mailbox: Mailbox, to: string, since: number, what: string): Received[] {
	return mailbox.messages.filter((m) => m.to === to && m.at >= since && isAlert(m) && subjectOf(m).includes(what));
}

// ── Steps every journey takes ────────────────────────────────────────────────

async function signUp(p: Phone, username: string): Promise<void> {
	const { page } = p;
	await page.goto(`${p.base}/sign-up`);
	await page.getByLabel("Username").fill(username);
	await page.getByLabel("Password").fill(PASSWORD);
	await p.press(page.getByRole("button", { name: "Create account" }));
	await p.waitFor("/settings").catch(async (error: unknown) => {
		throw new Error(`signing up did not lead to settings: ${p.path()} shows “${await p.main()}”`, { cause: error });
	});
	assert.equal(await shown(page.locator(".top .who")), username, "signed in as the new account");
}

/**
 * From a page with the "Set up authenticator app" link: the password, the key typed into the app and
 * the app's code. Ends on "Save your backup codes"; returns the key and the codes shown.
 */
async function setUpAuthenticator(p: Phone, clock: ManualClock): Promise<{ key: string; codes: string[] }> {
	const { page } = p;
	await p.press(page.getByRole("link", { name: "Set up authenticator app" }));
	await p.waitFor("/settings/authenticator");
	assert.equal(await p.heading(), "Set up authenticator app");
	await page.getByLabel("Your password").fill(PASSWORD);
	await p.press(page.getByRole("button", { name: "Continue" }));
	await page.locator("#totp-key").waitFor({ state: "attached" });
	await p.press(page.getByText("Can't scan it? Enter the key instead"));
	const key = await shown(page.locator("#totp-key"));
	await page.getByLabel("6-digit code").fill(appCode(key, clock));
	await p.press(page.getByRole("button", { name: "Turn on" }));
	await page.getByRole("heading", { level: 1, name: "Save your backup codes" }).waitFor();
	const codes = (await page.locator("#backup-codes code").allInnerTexts()).map((c) => c.trim());
	assert.equal(codes.length, 10, "ten backup codes are shown");
	// The app's next code comes 30 seconds later: the one just typed works once.
	clock.advance(30_000);
	return { key, codes };
}

/** On a page that asks for one of the new backup codes: the first one, typed back, turns two-factor on. */
async function confirmCodes(p: Phone, codes: string[]): Promise<void> {
	const { page } = p;
	await page.locator("#confirm-code").fill(codes[0]!);
	await p.press(page.getByRole("button", { name: "Confirm", exact: true }));
	await p.waitFor("/settings?notice=two_factor_on");
	assert.match(await shown(page.locator(TWO_FACTOR_STATE)), /^On\. Signing in needs your password and a second step/, "two-factor is on");
}

/** A new account with two-factor on (authenticator and backup codes) and a verified email address, signed out. */
async function protectedAccount(p: Phone, clock: ManualClock, mailbox: Mailbox, username: string, email: string) {
	await signUp(p, username);
	const factors = await setUpAuthenticator(p, clock);
	await confirmCodes(p, factors.codes);
	await addEmail(p, mailbox, email);
	await signOut(p);
	return factors;
}

/** Settings → Email and phone → Add email address: the password, then the 6-digit code emailed to it. */
async function addEmail(p: Phone, mailbox: Mailbox, email: string): Promise<void> {
	const { page } = p;
	await p.press(page.locator("#contact-email").getByRole("link", { name: "Add email address" }));
	await p.waitFor("/settings/contacts/add?kind=email");
	await page.getByLabel("Email address").fill(email);
	await page.getByLabel("Your password").fill(PASSWORD);
	const since = mark();
	await p.press(page.getByRole("button", { name: "Send code" }));
	await page.getByRole("heading", { level: 1, name: "Confirm your email address" }).waitFor();
	await page.getByLabel("6-digit code").fill(codeIn(await mailbox.next(email, since)));
	await p.press(page.getByRole("button", { name: "Confirm", exact: true }));
	await p.waitFor("/settings?notice=email_verified");
	assert.match(await shown(page.locator("#contact-email")), new RegExp(`${email.replace(/[.]/g, "\\.")} Verified`), "the address is verified");
}

async function signOut(p: Phone): Promise<void> {
	await p.press(p.page.getByRole("button", { name: "Sign out" }));
	await p.waitFor("/sign-in");
	assert.equal(await p.signedIn(), false, "signed out");
}

/** Username and password on the sign-in page; the caller looks at where they land. */
async function typePassword(p: Phone, username: string): Promise<void> {
	const { page } = p;
	if (p.path() !== "/sign-in") await page.goto(`${p.base}/sign-in`);
	await page.getByLabel("Username").fill(username);
	await page.getByLabel("Password").fill(PASSWORD);
	await p.press(page.getByRole("button", { name: "Sign in" }));
	await page.waitForURL((url) => url.pathname !== "/sign-in");
}

/** The password is right, and the second step is asked for: not signed in. */
async function assertSecondStepAsked(p: Phone, why: string): Promise<void> {
	assert.equal(p.path(), "/sign-in/verify", `${why}: the second step is asked for`);
	assert.equal(await p.heading(), "Two-step verification", why);
	assert.equal(await p.signedIn(), false, `${why}: the password alone does not sign in`);
}

/**
 * From the two-step page: "Can't use any of these?", a code emailed to the address, typed back.
 * Returns the "Recovery started" page's text.
 */
async function startRecoveryByEmail(p: Phone, mailbox: Mailbox, email: string, masked: string, shots: boolean): Promise<string> {
	const { page } = p;
	await p.press(page.getByRole("link", { name: "Can't use any of these?" }));
	await p.waitFor("/sign-in/recover");
	assert.equal(await p.heading(), "Recover your account");
	assert.match(await p.main(), /there is a waiting period of 72 hours/, "the wait is said up front");
	const emailButton = page.getByRole("button", { name: `Email a code to ${masked}` });
	assert.ok(await emailButton.isVisible(), `the confirmed address is offered, masked: ${await p.main()}`);
	assert.ok(!(await p.main()).includes(email), "the whole address is never shown before the second step");
	if (shots) await p.arrive("recover");

	const since = mark();
	await p.press(emailButton);
	await page.getByRole("heading", { level: 1, name: "Enter the code" }).waitFor();
	assert.match(await p.main(), new RegExp(`We sent a code to ${masked.replace(/[.]/g, "\\.")}\\. It is valid for 10 minutes\\.`));
	if (shots) await p.arrive("enter-code");
	const message = await mailbox.next(email, since);
	assert.match(subjectOf(message), /account recovery code/i, `the email says what the code is for: ${subjectOf(message)}`);
	const code = codeIn(message);

	if (shots) {
		// A wrong code first: said so, on the same page, and nothing starts.
		const wrong = code === "000000" ? "111111" : "000000";
		await page.getByLabel("6-digit code").fill(wrong);
		await p.press(page.getByRole("button", { name: "Start recovery" }));
		const error = page.locator("#form-error");
		await error.waitFor();
		assert.equal(await p.heading(), "Enter the code", "still asked for the code");
		assert.match(await shown(error), /^That code didn't match\./, "the error says what went wrong");
		assert.equal(await page.getByLabel("6-digit code").inputValue(), "", "the field is ready for the right code");
		assert.equal(await page.locator("#recovery-started").count(), 0, "no recovery started");
		await p.arrive("enter-code-wrong");
	}

	await page.getByLabel("6-digit code").fill(code);
	await p.press(page.getByRole("button", { name: "Start recovery" }));
	const started = page.locator("#recovery-started");
	await started.waitFor();
	assert.equal(await p.heading(), "Recovery started");
	assert.equal(await p.signedIn(), false, "starting a recovery does not sign in");
	if (shots) await p.arrive("recovery-started");
	return shown(started);
}

/** What a fresh browser sees at the alert's cancel link, and the button there. */
async function cancelFromLink(p: Phone, link: string): Promise<void> {
	const { page } = p;
	await page.goto(link);
	assert.equal(await p.heading(), "Cancel account recovery");
	assert.match(await p.main(), /No sign-in is needed/);
	assert.equal(await p.signedIn(), false, "nobody is signed in in this browser");
	assert.equal(await page.getByRole("button", { name: "Sign out" }).count(), 0, "and the page does not pretend otherwise");
	const buttons = await page.locator("main").getByRole("button").allInnerTexts();
	assert.deepEqual(buttons.map((b) => b.trim()), ["Cancel the recovery"], "one button, that says what it does");
	await p.arrive("cancel-link");
	await p.press(page.getByRole("button", { name: "Cancel the recovery" }));
	const done = page.locator("#recovery-cancelled");
	await done.waitFor();
	assert.equal(await p.heading(), "Recovery cancelled");
	assert.match(await shown(done), /Your two-factor authentication stays as it was/);
	assert.equal(await p.signedIn(), false, "cancelling does not sign anyone in");
	await p.arrive("recovery-cancelled");
}

// ── The journeys ─────────────────────────────────────────────────────────────

const skip = browserSkipReason();

describe("account recovery, on a phone in a real browser", () => {
	let server: Server;
	let mailbox: Mailbox;
	const clock = manualClock(Date.now());

	before(async () => {
		if (skip) return;
		mkdirSync(SCREENSHOTS, { recursive: true });
		for (const name of readdirSync(SCREENSHOTS)) {
			if (/^phone-recovery-.*\.png$/.test(name)) rmSync(`${SCREENSHOTS}${name}`);
		}
		mailbox = await startSmtpServer();
		const port = await freePort();
		server = await startServer({
			clock,
			port,
			env: {
				TESSERA_DELIVERY: "live",
				TESSERA_SMTP_URL: mailbox.url,
				TESSERA_PUBLIC_URL: `http://127.0.0.1:${port}`,
				// The email is a way to recover the account, not a second step of its own: with
				// the authenticator and the codes gone, recovery is the only way back in.
				TESSERA_EMAIL_SECOND_FACTOR: "false",
			},
		});
		assert.equal(server.base, `http://127.0.0.1:${port}`, "the links in emails name this server");
	});
	after(async () => {
		await server?.tessera.close();
		await server?.database.drop();
		await mailbox?.close();
	});

	test("lost phone and codes: prove the email, wait 72 hours, sign in with the password, set up two-factor again; the old codes stop working", { skip }, async () => {
		const browser = await launchBrowser(PHONE);
		try {
			const p = await Phone.open(browser, server.base, "phone-recovery-");
			const { page } = p;
			const username = "rosa_recovers";
			const email = "rosa@example.org";
			const old = await protectedAccount(p, clock, mailbox, username, email);

			// The phone is lost: the password is right, but the second step can't be done.
			await typePassword(p, username);
			await assertSecondStepAsked(p, "two-factor on");
			await p.arrive("two-step");

			const since = mark();
			const startedAt = clock();
			const readyAt = startedAt + WAIT;
			const started = await startRecoveryByEmail(p, mailbox, email, "r•••@example.org", true);
			// Times as the person reads them: in English, in the zone the browser told the server (app.js).
			const zone = asTimeZone(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone));
			const local = (ms: number, options: { withZone?: boolean; now?: number } = {}) =>
				withPresentation({ locale: "en", timeZone: zone, brand: defaultBrand }, () => formatWhen(ms, options)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
			assert.match(started, new RegExp(`^After ${local(readyAt)}, sign in with your username and password\\.`), `the page says when: ${started}`);

			// The alert: what happened, from where, when it takes effect, and a link that cancels it. No code.
			const alert = await alertAbout(mailbox, email, since, "Account recovery started");
			const text = textPart(alert);
			assert.match(text, /^Account recovery started by proving your email address\.$/m, text);
			assert.match(text, /^From: .*127\.0\.0\.1$/m, "the alert says where it was asked from");
			assert.match(text, new RegExp(`will be reset after ${local(readyAt, { withZone: true, now: 0 })}`), "the alert says when two-factor will be reset");
			const cancelLinks = linksIn(alert).filter((l) => new URL(l).pathname === "/recovery/cancel");
			assert.equal(cancelLinks.length, 1, `one cancel link: ${linksIn(alert).join(" ")}`);
			assert.equal(new URL(cancelLinks[0]!).origin, server.base, "the cancel link goes to this server");
			assert.ok(linksIn(alert).some((l) => new URL(l).pathname === "/secure-account"), "and a “Wasn't you?” link");
			assert.doesNotMatch(text.replace(/^http.*$/gm, ""), /\b\d{6}\b/, "no code in an alert");

			// During the wait the password alone still stops at the second step, even a minute before the end.
			clock.advance(WAIT - 60_000);
			await typePassword(p, username);
			await assertSecondStepAsked(p, "a minute before the wait is over");
			await p.press(page.getByRole("link", { name: "Can't use any of these?" }));
			await p.waitFor("/sign-in/recover");
			assert.equal(await p.heading(), "Recovery under way");
			assert.match(
				await shown(page.locator("#recovery-waiting")),
				new RegExp(`started ${local(startedAt)}\\. After ${local(readyAt)}, sign in with your password`),
				"the page says when it started and when it is ready",
			);
			assert.equal(await page.getByRole("button", { name: /^Email a code/ }).count(), 0, "no second recovery can be started");
			await p.arrive("recovery-under-way");

			// The wait is over: the password alone signs in, and setting two-factor up again comes first.
			clock.advance(2 * 60_000);
			const doneSince = mark();
			await typePassword(p, username);
			await p.waitFor("/settings/two-factor/required");
			assert.ok(await p.signedIn(), "signed in with the password");
			assert.equal(await p.heading(), "Set up two-factor again");
			assert.match(await shown(page.locator("#set-up-again")), /two-factor authentication was reset\. Before anything else/);
			assert.equal(await shown(page.locator(".top .who")), username);
			await p.arrive("set-up-again");
			const recovered = await alertAbout(mailbox, email, doneSince, "Account recovered: two-factor reset");
			assert.ok(linksIn(recovered).some((l) => new URL(l).pathname === "/secure-account"), "with a “Wasn't you?” link");

			// Every other settings page leads back here until it is done.
			for (const path of ["/", "/settings", "/settings/password", "/settings/contacts/add?kind=phone"]) {
				await page.goto(`${server.base}${path}`);
				assert.equal(p.path(), "/settings/two-factor/required", `${path} leads to setting up two-factor again`);
				assert.equal(await p.heading(), "Set up two-factor again");
			}
			// A passkey can be the first way in again, like the authenticator.
			await page.goto(`${server.base}/settings/passkeys/add`);
			assert.equal(p.path(), "/settings/passkeys/add", "adding a passkey is setting two-factor up");
			await page.goto(`${server.base}/settings/two-factor/required`);

			// A new authenticator key, a new set of backup codes, one typed back.
			const fresh = await setUpAuthenticator(p, clock);
			assert.notEqual(fresh.key, old.key, "the app gets a new key");
			assert.equal(new Set([...fresh.codes, ...old.codes]).size, 20, "the codes are all new");
			await confirmCodes(p, fresh.codes);
			assert.equal(await shown(page.locator("#codes-remaining")), "10 of 10 codes left.");
			await page.goto(`${server.base}/settings/password`);
			assert.equal(await p.heading(), "Change password", "the other settings pages open again");

			// The old authenticator entry and the old backup codes no longer work; the new ones do.
			await page.goto(`${server.base}/settings`);
			await signOut(p);
			await typePassword(p, username);
			await assertSecondStepAsked(p, "after setting up again");
			await page.getByLabel("6-digit code").fill(appCode(old.key, clock));
			await p.press(page.getByRole("button", { name: "Verify" }));
			const error = page.locator("#form-error");
			await error.waitFor();
			assert.match(await shown(error), /^That code didn't work/, "the old app entry's code is refused");
			assert.equal(await p.signedIn(), false, "not signed in");
			await p.press(page.getByRole("link", { name: "Try another way" }).last());
			await p.press(page.getByRole("link", { name: /^Backup code/ }));
			await p.waitFor("/sign-in/verify?method=backup_code");
			await page.getByLabel("Backup code").fill(old.codes[1]!);
			await p.press(page.getByRole("button", { name: "Verify" }));
			await error.waitFor();
			assert.match(
				await shown(error),
				/^That code is from a list that was replaced \(.+\)\. Use a code from your newest list\./,
				"an old backup code is refused, and the page says why",
			);
			assert.equal(await error.getAttribute("role"), "alert", "the refusal is announced");
			assert.equal(p.path(), "/sign-in/verify", "still on the two-step page");
			assert.equal(await p.signedIn(), false, "not signed in");
			await p.arrive("old-backup-code-refused");
			await page.getByLabel("Backup code").fill(fresh.codes[1]!);
			await p.press(page.getByRole("button", { name: "Verify" }));
			await p.waitFor("/settings?notice=backup_code_used");
			assert.equal(await shown(page.locator(".notice")), "You signed in with a backup code. 9 of 10 codes are left.");
			assert.ok(await p.signedIn(), "a new backup code signs in");

			assert.deepEqual(p.problems, [], "no script errors or CSP violations");
			assert.deepEqual(serverErrors(server), [], "the server logged no errors");
		} finally {
			await browser.close();
		}
	});

	test("not me: the owner cancels from the alert email in another browser, without signing in; after the wait the password alone still isn't enough", { skip }, async () => {
		const intruder = await launchBrowser(PHONE);
		const owner = await launchBrowser(PHONE);
		try {
			const p = await Phone.open(intruder, server.base, "phone-recovery-intruder-");
			const { page } = p;
			const username = "sam_cancels";
			const email = "sam@example.org";
			const { key, codes } = await protectedAccount(p, clock, mailbox, username, email);

			// Someone with the password (and, here, the email) starts a recovery.
			await typePassword(p, username);
			await assertSecondStepAsked(p, "two-factor on");
			const since = mark();
			await startRecoveryByEmail(p, mailbox, email, "s•••@example.org", false);
			const alert = await alertAbout(mailbox, email, since, "Account recovery started");
			const link = linksIn(alert).find((l) => new URL(l).pathname === "/recovery/cancel");
			assert.ok(link, `the alert has a cancel link: ${linksIn(alert).join(" ")}`);

			// An hour later the owner opens it on their own phone: one button, no sign-in.
			clock.advance(HOUR);
			const o = await Phone.open(owner, server.base, "phone-recovery-owner-");
			const cancelledSince = mark();
			await cancelFromLink(o, link);
			const cancelled = await alertAbout(mailbox, email, cancelledSince, "Account recovery cancelled");
			assert.match(textPart(cancelled), /^Account recovery cancelled\.$/m);

			// The link works once.
			await o.page.goto(link);
			await o.press(o.page.getByRole("button", { name: "Cancel the recovery" }));
			await o.page.getByRole("heading", { level: 1, name: "This link no longer works" }).waitFor();
			assert.match(await o.main(), /The recovery has already ended/);
			assert.equal(await o.page.locator("#recovery-cancelled").count(), 0, "a used link does not claim to cancel anything");
			await o.arrive("cancel-link-used");

			// After the wait the password alone still stops at the second step, and no recovery is under way.
			clock.advance(WAIT);
			const laterSince = mark();
			await typePassword(p, username);
			await assertSecondStepAsked(p, "after a cancelled recovery's wait");
			await p.press(page.getByRole("link", { name: "Can't use any of these?" }));
			await p.waitFor("/sign-in/recover");
			assert.equal(await p.heading(), "Recover your account", "no recovery is under way");
			await page.goto(`${server.base}/settings`);
			assert.equal(p.path(), "/sign-in", "and nobody is signed in");

			// The owner still signs in with the authenticator app, and two-factor is as it was.
			await typePassword(o, username);
			await assertSecondStepAsked(o, "the owner");
			await o.page.getByLabel("6-digit code").fill(appCode(key, clock));
			await o.press(o.page.getByRole("button", { name: "Verify" }));
			await o.waitFor("/settings");
			assert.match(await shown(o.page.locator(TWO_FACTOR_STATE)), /^On\./, "two-factor stays on");
			assert.equal(await shown(o.page.locator("#codes-remaining")), `${codes.length} of ${codes.length} codes left.`, "the backup codes are untouched");
			assert.equal(alertsAbout(mailbox, email, laterSince, "Account recovered").length, 0, "no “account recovered” alert was sent");

			assert.deepEqual([...p.problems, ...o.problems], [], "no script errors or CSP violations");
			assert.deepEqual(serverErrors(server), [], "the server logged no errors");
		} finally {
			await owner.close();
			await intruder.close();
		}
	});

	test("found the codes during the wait: signing in with one cancels the recovery, by email and in the activity list", { skip }, async () => {
		const browser = await launchBrowser(PHONE);
		try {
			const p = await Phone.open(browser, server.base, "phone-recovery-found-");
			const { page } = p;
			const username = "lee_finds";
			const email = "lee@example.org";
			const { codes } = await protectedAccount(p, clock, mailbox, username, email);
			await typePassword(p, username);
			await startRecoveryByEmail(p, mailbox, email, "l•••@example.org", false);

			// A day later, the backup codes turn up.
			clock.advance(24 * HOUR);
			const since = mark();
			await typePassword(p, username);
			await assertSecondStepAsked(p, "during the wait");
			await p.press(page.getByRole("link", { name: "Try another way" }));
			await p.press(page.getByRole("link", { name: /^Backup code/ }));
			await page.getByLabel("Backup code").fill(codes[3]!);
			await p.press(page.getByRole("button", { name: "Verify" }));
			await p.waitFor("/settings?notice=backup_code_used");
			assert.ok(await p.signedIn(), "signed in with a backup code");
			await alertAbout(mailbox, email, since, "Account recovery cancelled");

			await p.press(page.getByRole("link", { name: "Account activity" }));
			await p.waitFor("/settings/activity");
			const rows = (await page.locator("ul.activity li .what").allInnerTexts()).map((r) => r.trim());
			assert.ok(rows.includes("Account recovery started by proving your email address"), `the activity lists the recovery: ${rows.join(" | ")}`);
			assert.ok(rows.includes("Account recovery cancelled"), `and that it was cancelled: ${rows.join(" | ")}`);
			await p.arrive("activity");

			// After the wait: still two steps.
			clock.advance(WAIT);
			await page.goto(`${server.base}/settings`);
			await signOut(p);
			await typePassword(p, username);
			await assertSecondStepAsked(p, "after a recovery cancelled by signing in");

			assert.deepEqual(p.problems, [], "no script errors or CSP violations");
			assert.deepEqual(serverErrors(server), [], "the server logged no errors");
		} finally {
			await browser.close();
		}
	});

	// ── A mistyped recovery code, and leaving the codes page half-way ──

	test("after a wrong recovery code, the page offers to send a new code, as its message says", { skip }, async () => {
		const browser = await launchBrowser(PHONE);
		try {
			const p = await Phone.open(browser, server.base, "phone-recovery-resend-");
			const { page } = p;
			await protectedAccount(p, clock, mailbox, "kim_mistypes", "kim@example.org");
			await typePassword(p, "kim_mistypes");
			await p.press(page.getByRole("link", { name: "Can't use any of these?" }));
			await p.press(page.getByRole("button", { name: "Email a code to k•••@example.org" }));
			await page.getByRole("heading", { level: 1, name: "Enter the code" }).waitFor();
			await page.getByLabel("6-digit code").fill("000000");
			await p.press(page.getByRole("button", { name: "Start recovery" }));
			const error = page.locator("#form-error");
			await error.waitFor();
			assert.match(await shown(error), /send a new code/, "the message tells the person to send a new code");
			const resend = page.getByRole("button", { name: /new code/i });
			assert.equal(await resend.count(), 1, `a button sends a new code; the page has: ${(await page.locator("main").getByRole("button").allInnerTexts()).join(", ")}`);
		} finally {
			await browser.close();
		}
	});

	test("after recovery, leaving the new codes page before typing one back leads back to confirming them, not to replacing them", { skip }, async () => {
		const browser = await launchBrowser(PHONE);
		try {
			const p = await Phone.open(browser, server.base, "phone-recovery-leave-");
			const { page } = p;
			await protectedAccount(p, clock, mailbox, "ana_wanders", "ana@example.org");
			await typePassword(p, "ana_wanders");
			await startRecoveryByEmail(p, mailbox, "ana@example.org", "a•••@example.org", false);
			clock.advance(WAIT + 60_000);
			await typePassword(p, "ana_wanders");
			await p.waitFor("/settings/two-factor/required");
			const { codes } = await setUpAuthenticator(p, clock);

			// The codes are written down; the person taps "Tessera" at the top before typing one back.
			await p.press(page.getByRole("link", { name: "Tessera" }));
			await page.waitForURL((url) => url.pathname !== "/settings/authenticator/confirm");
			const landed = `${p.path()} “${await p.heading()}”: ${await p.main()}`;
			assert.notEqual(await p.heading(), "Get new backup codes", `the codes just saved are not replaced; landed on ${landed}`);
			const confirm = page.getByRole("link", { name: "Confirm your backup codes" });
			if (await confirm.count()) await p.press(confirm.first());
			await p.waitFor("/settings/backup-codes/confirm");
			await confirmCodes(p, codes);
		} finally {
			await browser.close();
		}
	});
});
