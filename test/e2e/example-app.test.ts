import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import type { Server as HttpServer } from "node:http";
import { test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { createTesseraClient } from "../../clients/typescript/src/index.ts";
import { start } from "../../examples/oidc-app/server.ts";
import { type Browser, browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { assertAccessible, authenticatorCode, SCREENSHOTS, shown } from "../helpers/e2e.ts";
import { PASSWORD, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { freePort, type OidcServer, startOidcServer } from "../helpers/oidc.ts";

/**
 * The example app (examples/oidc-app) next to a live Tessera, in Chromium at
 * phone size: create an account with the app's own form (Tessera's JSON API,
 * through the typed client), sign in through Tessera's pages, see what the ID
 * token says, step up before a sensitive action, and sign out at Tessera from the app.
 */

const PHONE = { width: 390, height: 844 };
const skip = browserSkipReason();


class Phone {
	#shot = 0;
	readonly problems: string[] = [];
	readonly page: Page;
	constructor(page: Page) {
		this.page = page;
		page.on("pageerror", (error) => this.problems.push(`script error on ${page.url()}: ${error.message}`));
		page.on("console", (message) => {
			if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) {
				this.problems.push(`CSP violation on ${page.url()}: ${message.text()}`);
			}
		});
	}

	tap(target: Locator): Promise<void> {
		return target.tap();
	}

	/** Waits for the page at `url` (or one `url` accepts); a navigation the browser stopped fails with what it reported. */
	async reach(url: string | ((url: URL) => boolean)): Promise<void> {
		try {
			await this.page.waitForURL(url);
		} catch (error) {
			await this.page.waitForTimeout(250);
			assert.fail(`${(error as Error).message.split("\n")[0]} (now at ${this.page.url()})\n${this.problems.join("\n")}`);
		}
	}

	/** A page the person reached: it fits the phone's width, passes axe, and is photographed. */
	async arrive(step: string): Promise<void> {
		const width = await this.page.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(width <= PHONE.width, `${step} scrolls sideways: the page is ${width} px wide at ${PHONE.width} px`);
		await assertAccessible(this.page, `example app journey: ${step}`);
		this.#shot += 1;
		await this.page.screenshot({ path: `${SCREENSHOTS}example-app-${String(this.#shot).padStart(2, "0")}-${step}.png`, fullPage: true });
	}

	/** The example app's claims, by the name each row gives. */
	async claims(): Promise<Record<string, string>> {
		const found: Record<string, string> = {};
		for (const term of await this.page.locator("dl dt").all()) {
			found[await shown(term)] = await shown(term.locator("xpath=following-sibling::dd[1]"));
		}
		return found;
	}
}

test("the example app signs a person in through Tessera, steps up, and signs out, on a phone", { skip }, async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	let tessera: OidcServer | undefined;
	let app: HttpServer | undefined;
	let browser: Browser | undefined;
	try {
		tessera = await startOidcServer("sqlite");
		// The operator registers the app, as `tessera clients add` does.
		const port = await freePort();
		const appUrl = `http://localhost:${port}`;
		const registered = await tessera.addClient({
			name: "Example app",
			redirectUris: [`${appUrl}/callback`],
			postLogoutRedirectUris: [`${appUrl}/`],
		});
		app = await start({ tesseraUrl: tessera.base, clientId: registered.clientId, clientSecret: registered.clientSecret!, port });

		const username = uniqueUsername("ada");
		browser = await launchBrowser({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
		const phone = new Phone(browser.context.pages()[0] ?? (await browser.context.newPage()));
		const { page } = phone;

		// The app, signed out.
		await page.goto(`${appUrl}/`);
		assert.equal(await shown(page.locator("h1")), "Example app");
		assert.match(await shown(page.locator("main")), /You are not signed in\./);
		await phone.arrive("app-signed-out");

		// An account with a password only, for now, made with the app's own form: Tessera's rules and words.
		await phone.tap(page.getByRole("link", { name: "Create an account" }));
		await page.getByLabel("Username").fill(username);
		await page.getByLabel("Password").fill("password123");
		await phone.tap(page.getByRole("button", { name: "Create the account" }));
		const refused = await shown(page.getByRole("alert"));
		assert.match(refused, /^Password: .*most common passwords/, `Tessera's problem with the password, field by field: ${refused}`);
		assert.equal(await page.getByLabel("Username").inputValue(), username, "what was typed stays, but the password");
		await phone.arrive("app-sign-up-refused");
		await page.getByLabel("Password").fill(PASSWORD);
		await phone.tap(page.getByRole("button", { name: "Create the account" }));
		await phone.reach(`${appUrl}/`);
		assert.equal(await shown(page.getByRole("status")), `Account ${username} created. Sign in with Tessera to continue.`);

		// Tessera's JSON API, as an app on the person's phone would call it.
		const api = createTesseraClient({ baseUrl: tessera.base });
		const signedIn = await api.POST("/api/v1/sessions", { body: { username, password: PASSWORD } });
		assert.ok(signedIn.data && "session" in signedIn.data, JSON.stringify(signedIn.error));
		api.useSession(signedIn.data.session.token);
		const activity = await api.GET("/api/v1/account/activity");
		assert.deepEqual(
			activity.data?.events.map((e) => e.kind),
			["signed_in", "signed_up"],
			"the account the app's form made, then this sign-in",
		);

		// Sign in with Tessera: its sign-in page, then whether to allow the app.
		await phone.tap(page.getByRole("link", { name: "Sign in with Tessera" }));
		await phone.reach(`${tessera.base}/sign-in`);
		await phone.arrive("tessera-sign-in");
		await page.getByLabel("Username").fill(username);
		await page.getByLabel("Password").fill(PASSWORD);
		await phone.tap(page.getByRole("button", { name: "Sign in" }));
		await page.getByRole("button", { name: "Allow", exact: true }).waitFor();
		assert.match(await shown(page.locator("main")), /Example app/, "the consent page names the app");
		await phone.arrive("tessera-consent");
		await phone.tap(page.getByRole("button", { name: "Allow", exact: true }));

		// Back at the app: what the ID token says.
		await phone.reach(`${appUrl}/`);
		await page.getByRole("heading", { name: "You are signed in" }).waitFor();
		const first = await phone.claims();
		assert.equal(first["Username (preferred_username)"], username);
		assert.equal(first["Methods used (amr)"], "pwd");
		assert.equal(first["Level (acr)"], "urn:tessera:acr:password");
		assert.match(first["Signed in at (auth_time)"] ?? "", /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
		assert.match(first["Account (sub)"] ?? "", /\S/);
		await phone.arrive("app-signed-in");

		// Meanwhile the person sets up an authenticator app (through the JSON API, as a phone app would).
		const enrolled = await api.POST("/api/v1/account/totp", { body: { password: PASSWORD } });
		assert.ok(enrolled.data, JSON.stringify(enrolled.error));
		const secret = enrolled.data.secret;
		// The previous step's code (still accepted): the current one stays unused for the step-up below.
		const confirmed = await api.POST("/api/v1/account/totp/confirm", { body: { code: totpCode(secret, Date.now() - 30_000) } });
		assert.ok(confirmed.data?.backupCodes, JSON.stringify(confirmed.error));
		const codes = confirmed.data.backupCodes.codes;
		const saved = await api.POST("/api/v1/account/backup-codes/confirm", { body: { code: codes[0]! } });
		assert.equal(saved.data?.twoFactor.enabled, true, JSON.stringify(saved.error));

		// Something sensitive: the password alone is not enough, Tessera asks for the code.
		const stepUp = page.waitForResponse(`${appUrl}/sensitive`);
		await phone.tap(page.getByRole("button", { name: "Do something sensitive" }));
		const asked = new URL((await stepUp).headers()["location"] ?? "");
		assert.equal(asked.origin + asked.pathname, `${tessera.base}/oidc/auth`);
		assert.equal(asked.searchParams.get("acr_values"), "urn:tessera:acr:two-factor");
		await phone.reach((url) => url.origin === tessera!.base && url.pathname === "/sign-in/more");
		assert.equal(await shown(page.locator("h1")), "Confirm it's you");
		assert.match(await shown(page.locator("main")), /The app you are signing in to asks for a second step/);
		await phone.arrive("tessera-step-up");
		await page.getByLabel("6-digit code").fill(await authenticatorCode(secret));
		await phone.tap(page.getByRole("button", { name: "Verify" }));

		await phone.reach(`${appUrl}/`);
		const status = page.getByRole("status");
		assert.equal(await shown(status), "Done: confirmed with pwd, otp, mfa");
		const stepped = await phone.claims();
		assert.equal(stepped["Username (preferred_username)"], username);
		assert.equal(stepped["Methods used (amr)"], "pwd, otp, mfa");
		assert.equal(stepped["Level (acr)"], "urn:tessera:acr:two-factor");
		assert.equal(stepped["Account (sub)"], first["Account (sub)"], "the same person");
		await phone.arrive("app-stepped-up");

		// Strong enough now: the next sensitive action needs no trip to Tessera.
		const again = page.waitForResponse(`${appUrl}/sensitive`);
		await phone.tap(page.getByRole("button", { name: "Do something sensitive" }));
		assert.equal((await again).headers()["location"], "/", "straight back to the app's page");
		await page.waitForLoadState();
		assert.equal(await shown(page.getByRole("status")), "Done: confirmed with pwd, otp, mfa");

		// Sign out from the app: Tessera asks, ends its session too, and sends the person back to the app.
		await phone.tap(page.getByRole("button", { name: "Sign out" }));
		await phone.reach((url) => url.origin === tessera!.base && url.pathname === "/oidc/session/end");
		assert.equal(await shown(page.locator("h1")), "Sign out of Example app?");
		await phone.arrive("tessera-sign-out");
		await phone.tap(page.getByRole("button", { name: "Sign out", exact: true }));
		await phone.reach(`${appUrl}/`);
		assert.match(await shown(page.locator("main")), /You are not signed in\./);
		assert.equal(await page.getByRole("link", { name: "Sign in with Tessera" }).count(), 1);
		await phone.arrive("app-signed-out-again");

		// Signed out of Tessera too: signing in again starts at its sign-in page.
		await phone.tap(page.getByRole("link", { name: "Sign in with Tessera" }));
		await phone.reach(`${tessera.base}/sign-in`);
		assert.equal(await page.getByLabel("Password").inputValue(), "");

		assert.deepEqual(phone.problems, []);
	} finally {
		await browser?.close();
		app?.closeAllConnections();
		await new Promise((resolve) => (app ? app.close(resolve) : resolve(undefined)));
		await tessera?.close();
	}
});

test("the example app's sign-up form refuses a post that did not come from its own page (403), and signs up with its token", async () => {
	let tessera: OidcServer | undefined;
	let app: HttpServer | undefined;
	try {
		tessera = await startOidcServer("sqlite");
		const port = await freePort();
		const appUrl = `http://localhost:${port}`;
		const registered = await tessera.addClient({ name: "Example app", redirectUris: [`${appUrl}/callback`] });
		app = await start({ tesseraUrl: tessera.base, clientId: registered.clientId, clientSecret: registered.clientSecret!, port });
		const api = createTesseraClient({ baseUrl: tessera.base });
		const exists = async (username: string) => (await api.POST("/api/v1/sessions", { body: { username, password: PASSWORD } })).response.status === 201;
		const post = (form: Record<string, string>, cookie?: string) =>
			fetch(`${appUrl}/sign-up`, {
				method: "POST",
				redirect: "manual",
				headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
				body: new URLSearchParams(form),
			});

		// The form, as the person's browser gets it: a session cookie and the token in a hidden field.
		const page = await fetch(`${appUrl}/sign-up`);
		const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
		const token = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
		assert.match(cookie, /^example_session=/);
		assert.ok(token && token.length >= 32, "a random token in the form");

		// Another site's page posting the form: without the session (SameSite=Lax keeps the cookie), without the token, or with another.
		const forged = uniqueUsername("forged");
		const attempts = [
			await post({ username: forged, password: PASSWORD, csrf: token }),
			await post({ username: forged, password: PASSWORD }, cookie),
			await post({ username: forged, password: PASSWORD, csrf: "" }, cookie),
			await post({ username: forged, password: PASSWORD, csrf: `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}` }, cookie),
			await post({ username: forged, password: PASSWORD, csrf: `${token}x` }, cookie),
		];
		for (const refused of attempts) {
			assert.equal(refused.status, 403);
			assert.match(await refused.text(), /not sent from this app's page/);
		}
		assert.equal(await exists(forged), false, "no account was made");

		// The same form with its token: the account is made.
		const username = uniqueUsername("ada");
		const made = await post({ username, password: PASSWORD, csrf: token }, cookie);
		assert.equal(made.status, 303, await made.text());
		assert.equal(made.headers.get("location"), "/");
		assert.equal(await exists(username), true);
	} finally {
		app?.closeAllConnections();
		await new Promise((resolve) => (app ? app.close(resolve) : resolve(undefined)));
		await tessera?.close();
	}
});
