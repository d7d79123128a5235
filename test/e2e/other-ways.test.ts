import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, BrowserContextOptions, CDPSession, Locator, Page } from "playwright-core";
import { browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { PASSWORD } from "../helpers/harness.ts";
import { assertAccessible, authenticatorCode, SCREENSHOTS, SESSION_COOKIE, type Server, serverErrors, shown, startServer } from "../helpers/e2e.ts";

/**
 * The other ways through the second step, in a real browser at phone size:
 * a passkey (Chromium's virtual authenticator) and a code by text message,
 * both reached from "Try another way".
 */

const PHONE_WIDTH = 360;
const PHONE: BrowserContextOptions = {
	viewport: { width: PHONE_WIDTH, height: 740 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2,
};

// ── The server ───────────────────────────────────────────────────────────────

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
		this.watch(page);
	}

	watch(page: Page): void {
		page.on("pageerror", (error) => this.problems.push(`script error on ${page.url()}: ${error.message}`));
		page.on("console", (message) => {
			if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) {
				this.problems.push(`CSP violation on ${page.url()}: ${message.text()}`);
			}
		});
	}

	press(target: Locator): Promise<void> {
		return target.tap();
	}

	async screenshot(step: string, page: Page = this.page): Promise<void> {
		this.#shot += 1;
		const name = `${this.#prefix}${String(this.#shot).padStart(2, "0")}-${step}.png`;
		await page.screenshot({ path: `${SCREENSHOTS}${name}`, fullPage: true });
	}

	async noSideways(where: string): Promise<void> {
		const { scrollWidth, clientWidth } = await this.page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth,
		}));
		assert.ok(
			scrollWidth <= PHONE_WIDTH,
			`${where} scrolls sideways at ${PHONE_WIDTH} px: the page is ${scrollWidth} px wide (viewport ${clientWidth} px)`,
		);
	}

	/** A page a person reached: it fits the screen, passes axe (unless told not to check), and is photographed. */
	async arrive(step: string, options: { axe?: boolean } = {}): Promise<void> {
		await this.noSideways(step);
		if (options.axe !== false) await assertAccessible(this.page, `${this.#prefix}${step}`);
		await this.screenshot(step);
	}

	heading(): Promise<string> {
		return shown(this.page.locator("h1"));
	}

	path(): string {
		const url = new URL(this.page.url());
		return url.pathname + url.search;
	}

	async sessionCookie() {
		return (await this.context.cookies(this.base)).find((c) => c.name === SESSION_COOKIE);
	}

	async waitFor(path: string): Promise<void> {
		await this.page.waitForURL(`${this.base}${path}`);
	}
}

// ── Steps both journeys take ─────────────────────────────────────────────────

async function signUp(p: Phone, username: string): Promise<void> {
	const { page } = p;
	await page.goto(`${p.base}/sign-up`);
	await page.getByLabel("Username").fill(username);
	await page.getByLabel("Password").fill(PASSWORD);
	await p.press(page.getByRole("button", { name: "Create account" }));
	await p.waitFor("/settings");
	assert.equal(await p.heading(), "Security");
	assert.equal(await shown(page.locator(".top .who")), username, "signed in as the new account");
}

/** Authenticator app, then one backup code typed back: two-factor is on. */
async function turnOnTwoFactor(p: Phone): Promise<void> {
	const { page } = p;
	await p.press(page.getByRole("link", { name: "Set up authenticator app" }));
	await p.waitFor("/settings/authenticator");
	await page.getByLabel("Your password").fill(PASSWORD);
	await p.press(page.getByRole("button", { name: "Continue" }));
	await page.locator("#totp-key").waitFor({ state: "attached" });
	await p.press(page.getByText("Can't scan it? Enter the key instead"));
	const key = await shown(page.locator("#totp-key"));
	await page.getByLabel("6-digit code").fill(await authenticatorCode(key));
	await p.press(page.getByRole("button", { name: "Turn on" }));
	await page.getByRole("heading", { level: 1, name: "Save your backup codes" }).waitFor();
	const codes = (await page.locator("#backup-codes code").allInnerTexts()).map((c) => c.trim());
	assert.equal(codes.length, 10, "ten backup codes are shown");
	await page.locator("#confirm-code").fill(codes[0]!);
	await p.press(page.getByRole("button", { name: "Confirm", exact: true }));
	await p.waitFor("/settings?notice=two_factor_on");
	assert.match(await shown(page.locator('[aria-labelledby="two-factor-heading"] .state')), /^On\./, "two-factor is on");
}

async function signOut(p: Phone): Promise<void> {
	await p.press(p.page.getByRole("button", { name: "Sign out" }));
	await p.waitFor("/sign-in");
	assert.equal(await p.sessionCookie(), undefined, "signed out");
}

/** Username and password: the two-step page, not yet signed in. */
async function signInWithPassword(p: Phone, username: string): Promise<void> {
	const { page } = p;
	await page.getByLabel("Username").fill(username);
	await page.getByLabel("Password").fill(PASSWORD);
	await p.press(page.getByRole("button", { name: "Sign in" }));
	await p.waitFor("/sign-in/verify");
	assert.equal(await p.heading(), "Two-step verification");
	assert.equal(await p.sessionCookie(), undefined, "the password alone does not sign in");
}

/** The choices on "Try another way": each link's title and description. */
async function choices(page: Page): Promise<{ title: string; text: string; href: string | null }[]> {
	const found: { title: string; text: string; href: string | null }[] = [];
	for (const link of await page.locator("ul.choices a.choice").all()) {
		found.push({ title: await shown(link.locator("strong")), text: await shown(link.locator("span")), href: await link.getAttribute("href") });
	}
	return found;
}

// ── Passkeys ─────────────────────────────────────────────────────────────────

/** The JSON in a data attribute (the WebAuthn options the page hands to the browser). */
async function dataJson(target: Locator, attribute: string): Promise<{ challenge: string; rpId?: string; rp?: { id: string } }> {
	const raw = await target.getAttribute(attribute);
	assert.ok(raw, `${attribute} is set`);
	return JSON.parse(raw) as { challenge: string; rpId?: string; rp?: { id: string } };
}

/** At least 64 bits of challenge: 11 base64url characters or more. Tessera makes 256 (43 characters). */
function assertStrongChallenge(challenge: string, where: string): void {
	assert.match(challenge, /^[A-Za-z0-9_-]+$/, `${where}: the challenge is base64url`);
	assert.ok(challenge.length >= 11, `${where}: the challenge has at least 64 bits (${challenge.length} characters)`);
	assert.equal(challenge.length, 43, `${where}: the challenge has 256 bits`);
}

/** The challenge a passkey signed, from the clientDataJSON in its answer. */
function signedChallenge(answer: { response: { clientDataJSON: string } }): string {
	return (JSON.parse(Buffer.from(answer.response.clientDataJSON, "base64url").toString("utf8")) as { challenge: string }).challenge;
}

async function addVirtualAuthenticator(cdp: CDPSession): Promise<string> {
	await cdp.send("WebAuthn.enable", { enableUI: false });
	const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
		options: {
			protocol: "ctap2",
			transport: "internal",
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true,
			automaticPresenceSimulation: true,
		},
	});
	return authenticatorId;
}

async function api(base: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${base}/api/v1${path}`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

// ── Text messages ────────────────────────────────────────────────────────────

/**
 * The newest code texted to `to`, read from /dev/outbox in a second tab as a
 * developer would, and checked against the outbox files themselves.
 */
async function codeFromOutbox(p: Phone, server: Server, to: string, step: string): Promise<string> {
	const tab = await p.context.newPage();
	p.watch(tab);
	try {
		await tab.goto(`${p.base}/dev/outbox`);
		const message = tab.locator("article.outbox-message").filter({ hasText: `Text message to ${to}` }).first();
		const text = await shown(message.locator("pre"));
		const code = /\b(\d{6})\b/.exec(text)?.[1];
		assert.ok(code, `a 6-digit code in the text message: ${text}`);
		await p.screenshot(step, tab);
		const newest = server.tessera.deps.outbox!.list().find((m) => m.channel === "sms" && m.to === to);
		assert.ok(newest?.text.includes(code), "the page shows the newest message in the outbox");
		return code;
	} finally {
		await tab.close();
		await p.page.bringToFront();
	}
}

function textsTo(server: Server, to: string): number {
	return server.tessera.deps.outbox!.list().filter((m) => m.channel === "sms" && m.to === to).length;
}

// ── The journeys ─────────────────────────────────────────────────────────────

const skip = browserSkipReason();

describe("other ways through the second step, on a phone in a real browser", () => {
	let server: Server;
	before(async () => {
		if (skip) return;
		mkdirSync(SCREENSHOTS, { recursive: true });
		for (const name of readdirSync(SCREENSHOTS)) {
			if (/^phone-(passkey|sms)-.*\.png$/.test(name)) rmSync(`${SCREENSHOTS}${name}`);
		}
		server = await startServer();
	});
	after(async () => {
		await server?.tessera.close();
		await server?.database.drop();
	});

	test("passkey: add one with the password, sign in with it after “Try another way”; its answer works once, for its own sign-in", { skip }, async () => {
		const browser = await launchBrowser(PHONE);
		try {
			const { context } = browser;
			const page = context.pages()[0] ?? (await context.newPage());
			// WebAuthn needs a domain: Chromium refuses an IP address such as 127.0.0.1 as the relying party
			// ("SecurityError: This is an invalid domain"). localhost is a domain, and a secure context.
			const address = new URL(server.base);
			address.hostname = "localhost";
			const base = address.origin;
			const host = address.hostname;
			const p = new Phone(page, context, base, "phone-passkey-");
			const username = "lin_passkey";

			const cdp = await context.newCDPSession(page);
			const authenticatorId = await addVirtualAuthenticator(cdp);
			const credentials = async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;

			await signUp(p, username);
			await turnOnTwoFactor(p);
			await p.arrive("settings-two-factor-on");

			// Add a passkey: a name and the password first.
			await p.press(page.getByRole("link", { name: "Add a passkey" }));
			await p.waitFor("/settings/passkeys/add");
			assert.equal(await p.heading(), "Add a passkey");
			await page.getByLabel("Name", { exact: true }).fill("Test phone");
			await page.getByLabel("Your password").fill(PASSWORD);
			await p.arrive("add");
			await p.press(page.getByRole("button", { name: "Continue" }));
			await page.getByRole("heading", { level: 1, name: "Create your passkey" }).waitFor();
			const registerForm = page.locator("#passkey-register-form");
			const creation = await dataJson(registerForm, "data-passkey-register");
			assertStrongChallenge(creation.challenge, "registration options");
			assert.equal(creation.rp?.id, host, "the passkey is made for this site");
			const create = page.getByRole("button", { name: "Create passkey" });
			await create.waitFor({ state: "visible" });
			assert.equal(await shown(page.locator(".copy-status")), "", "the browser can use passkeys: no warning");
			await p.arrive("create");

			// The browser (the virtual authenticator) makes it, and settings lists it by name.
			await p.press(create);
			await p.waitFor("/settings?notice=passkey_added");
			assert.match(await shown(page.locator(".notice")), /^Your passkey is ready/);
			const passkeysCard = page.locator('section[aria-labelledby="passkeys-heading"]');
			assert.deepEqual(await passkeysCard.locator("li strong").allInnerTexts(), ["Test phone"], "the passkey is listed by name");
			const made = await credentials();
			assert.equal(made.length, 1, "the authenticator holds one passkey");
			assert.equal(made[0]!.rpId, host, "for this site");
			await p.arrive("settings-passkey-added");

			// Sign in: password, then "Try another way" → Passkey.
			const toPasskeyStep = async (shots: boolean, askedFirst: string) => {
				await signOut(p);
				await signInWithPassword(p, username);
				assert.match(await shown(page.locator("main")), new RegExp(`Now confirm it is you with your ${askedFirst}\\.`), `${askedFirst} first`);
				if (shots) await p.arrive("two-step");
				await p.press(page.getByRole("link", { name: "Try another way" }));
				await p.waitFor("/sign-in/verify/methods");
				assert.equal(await p.heading(), "Try another way");
				const offered = await choices(page);
				assert.deepEqual(
					offered.map((c) => c.title).sort(),
					["Authenticator app", "Backup code", "Passkey"],
					`the chooser offers every way set up: ${JSON.stringify(offered)}`,
				);
				if (shots) await p.arrive("another-way");
				await p.press(page.getByRole("link", { name: /^Passkey/ }));
				await p.waitFor("/sign-in/verify?method=passkey");
				assert.equal(await p.heading(), "Two-step verification");
				const form = page.locator("#passkey-sign-in-form");
				const request = await dataJson(form, "data-passkey-authenticate");
				assertStrongChallenge(request.challenge, "sign-in options");
				assert.equal(request.rpId, host, "the options name this site");
				const use = page.getByRole("button", { name: "Use passkey" });
				await use.waitFor({ state: "visible" });
				assert.equal(await page.getByLabel("Trust this device for 30 days").isChecked(), false);
				return { use, challenge: request.challenge };
			};

			const first = await toPasskeyStep(true, "passkey");
			await p.arrive("use-passkey");
			await p.press(first.use);
			await p.waitFor("/settings");
			assert.equal(await p.heading(), "Security");
			assert.ok(await p.sessionCookie(), "signed in with the passkey");
			assert.equal(await shown(page.locator(".top .who")), username);
			assert.match(await shown(passkeysCard.locator("li")), /last used/, "the passkey shows when it was last used");
			await p.arrive("signed-in");

			// A second sign-in, with the passkey's answer caught on its way to the server.
			// The way used last is offered first now; the chooser still leads to it.
			const second = await toPasskeyStep(false, "passkey");
			assert.notEqual(second.challenge, first.challenge, "every sign-in gets a new challenge");
			let posted: string | undefined;
			const isVerify = (url: URL) => url.pathname === "/sign-in/verify";
			await page.route(isVerify, async (route) => {
				if (route.request().method() === "POST") posted = route.request().postData() ?? "";
				await route.continue();
			});
			await p.press(second.use);
			await p.waitFor("/settings");
			await page.unroute(isVerify);
			assert.ok(await p.sessionCookie(), "signed in with the passkey again");
			assert.ok(posted, "the page posted the passkey's answer");
			const form = new URLSearchParams(posted);
			assert.equal(form.get("method"), "passkey");
			const answer = JSON.parse(form.get("code") ?? "") as { id: string; response: { clientDataJSON: string } };
			// The DevTools protocol gives the credential id in plain base64; WebAuthn answers carry base64url.
			const madeId = Buffer.from(made[0]!.credentialId, "base64").toString("base64url");
			assert.equal(answer.id, madeId, "the answer comes from the passkey just made");
			assert.equal(signedChallenge(answer), second.challenge, "it signed this sign-in's challenge");
			await p.screenshot("signed-in-again");

			// The same answer, replayed for another sign-in through the API (same origin, with that sign-in's own
			// passkey options out): refused.
			const password = await api(base, "/sessions", { username, password: PASSWORD });
			assert.equal(password.status, 200, JSON.stringify(password.json));
			const secondFactor = password.json["secondFactor"] as { challenge: string; methods: string[] };
			assert.ok(secondFactor.methods.includes("passkey"), `the API offers the passkey: ${secondFactor.methods.join(", ")}`);
			const challenge = secondFactor.challenge;
			const options = await api(base, "/sessions/second-factor/passkey/options", { challenge });
			assert.equal(options.status, 200, JSON.stringify(options.json));
			const apiOptions = options.json["options"] as { challenge: string };
			assertStrongChallenge(apiOptions.challenge, "API sign-in options");
			const replay = await api(base, "/sessions/second-factor/passkey/verify", { challenge, response: answer });
			assert.equal(replay.status, 401, `a replayed passkey answer is refused: ${JSON.stringify(replay.json)}`);
			assert.equal((replay.json["error"] as { code: string }).code, "invalid_code");
			assert.equal(replay.json["session"], undefined, "no session for the replay");

			// Refused because it was a replay: the same passkey's fresh answer to that sign-in's options is accepted.
			await page.addScriptTag({ url: "/assets/webauthn.js" });
			const fresh = await page.evaluate(
				(optionsJSON) =>
					(
						window as unknown as { SimpleWebAuthnBrowser: { startAuthentication(o: { optionsJSON: unknown }): Promise<unknown> } }
					).SimpleWebAuthnBrowser.startAuthentication({ optionsJSON }),
				apiOptions,
			);
			const accepted = await api(base, "/sessions/second-factor/passkey/verify", { challenge, response: fresh });
			assert.equal(accepted.status, 201, `a fresh answer for the same sign-in works: ${JSON.stringify(accepted.json)}`);
			assert.ok((accepted.json["session"] as { token?: string } | undefined)?.token, "with a session");

			assert.deepEqual(p.problems, [], "no script errors or CSP violations");
			assert.deepEqual(serverErrors(server), [], "the server logged no errors");
		} finally {
			await browser.close();
		}
	});

	test("text message: add a phone with the password and its code, then sign in with a texted code after “Try another way”", { skip }, async () => {
		const browser = await launchBrowser(PHONE);
		try {
			const { context } = browser;
			const page = context.pages()[0] ?? (await context.newPage());
			const p = new Phone(page, context, server.base, "phone-sms-");
			const username = "noor_sms";
			const e164 = "+12025550147";

			await signUp(p, username);
			await turnOnTwoFactor(p);
			await p.arrive("settings-two-factor-on");

			// Add the phone: the number and the password.
			await p.press(page.locator("#contact-phone").getByRole("link", { name: "Add phone number" }));
			await p.waitFor("/settings/contacts/add?kind=phone");
			assert.equal(await p.heading(), "Add phone number");
			await page.getByLabel("Phone number").fill("+1 202 555 0147");
			await page.getByLabel("Your password").fill(PASSWORD);
			await p.arrive("add-phone");
			await p.press(page.getByRole("button", { name: "Send code" }));
			await page.getByRole("heading", { level: 1, name: "Confirm your phone number" }).waitFor();
			assert.match(await shown(page.locator("main")), /We sent a 6-digit code to \+12025550147\./);
			await p.arrive("confirm-phone");

			// Its code, from the outbox, confirms it.
			const confirmCode = await codeFromOutbox(p, server, e164, "outbox-confirm-phone");
			await page.getByLabel("6-digit code").fill(confirmCode);
			await p.press(page.getByRole("button", { name: "Confirm", exact: true }));
			await p.waitFor("/settings?notice=phone_verified");
			assert.equal(await shown(page.locator(".notice")), "Your phone number is confirmed.");
			const phoneRow = page.locator("#contact-phone");
			assert.match(await shown(phoneRow), /\+1 202 555 0147 Verified/, "settings lists the number, written for people, as verified");
			assert.ok(await phoneRow.locator(".state.on", { hasText: "Verified" }).isVisible());
			await p.arrive("settings-phone-verified");

			// Sign in: password, then "Try another way" → Text message.
			await signOut(p);
			await signInWithPassword(p, username);
			assert.ok(await page.getByLabel("6-digit code").isVisible(), "the authenticator app is asked for first");
			await p.arrive("two-step");
			await p.press(page.getByRole("link", { name: "Try another way" }));
			await p.waitFor("/sign-in/verify/methods");
			assert.equal(await p.heading(), "Try another way");
			const offered = await choices(page);
			const sms = offered.find((c) => c.title === "Text message");
			assert.ok(sms, `the chooser lists Text message: ${JSON.stringify(offered)}`);
			assert.equal(sms.text, "Get a code by text message to •••• 0147.", "with the number masked");
			assert.equal(sms.href, "/sign-in/verify?method=sms");
			assert.ok(!(await shown(page.locator("main"))).includes("2025550147"), "the chooser never shows the whole number");
			await p.arrive("another-way");

			await p.press(page.getByRole("link", { name: /^Text message/ }));
			await p.waitFor("/sign-in/verify?method=sms");
			assert.equal(await p.heading(), "Two-step verification");
			assert.match(await shown(page.locator("main")), /We'll text a 6-digit code to •••• 0147\./);
			const textsBefore = textsTo(server, e164);
			await p.arrive("send-code");
			await p.press(page.getByRole("button", { name: "Send code" }));
			const sent = page.locator("#code-sent");
			await sent.waitFor();
			assert.equal(await shown(sent), "We sent a code to •••• 0147. It is valid for 10 minutes.");
			assert.equal(textsTo(server, e164), textsBefore + 1, "one text message was sent");
			assert.ok(await page.getByRole("button", { name: "Send a new code" }).isVisible(), "a new code can be asked for");
			await p.arrive("code-sent");

			const signInCode = await codeFromOutbox(p, server, e164, "outbox-sign-in");
			await page.getByLabel("6-digit code").fill(signInCode);
			await p.press(page.getByRole("button", { name: "Verify" }));
			await p.waitFor("/settings");
			assert.equal(await p.heading(), "Security");
			assert.ok(await p.sessionCookie(), "signed in with the texted code");
			assert.equal(await shown(page.locator(".top .who")), username);
			await p.arrive("signed-in");

			assert.deepEqual(p.problems, [], "no script errors or CSP violations");
			assert.deepEqual(serverErrors(server), [], "the server logged no errors");
		} finally {
			await browser.close();
		}
	});
});
