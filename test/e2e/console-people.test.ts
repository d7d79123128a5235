import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { BrowserContextOptions, Page } from "playwright-core";
import { manualClock } from "../../src/core/clock.ts";
import { allEvents } from "../../src/flows/events.ts";
import { setRole } from "../../src/flows/operator.ts";
import { browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { assertAccessible, SCREENSHOTS, type Server, serverErrors, shown, startServer } from "../helpers/e2e.ts";
import { api, type Harness, PASSWORD, signUpWithTwoFactor, totpCode, uniqueUsername } from "../helpers/harness.ts";

/**
 * The operator console in a real browser, at desktop and phone size: an admin
 * signs in with their authenticator app, finds a person by email, and resets
 * their two-factor with a reason, after confirming it is them (their own
 * sign-in is older than five minutes by then: the server's clock is moved). The
 * person's alert is in the development outbox. Every page passes axe.
 */

interface Viewport {
	name: "desktop" | "phone";
	width: number;
	options: BrowserContextOptions;
}

const viewports: Viewport[] = [
	{ name: "desktop", width: 1280, options: { viewport: { width: 1280, height: 800 } } },
	{ name: "phone", width: 390, options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
];

const MINUTE = 60_000;
const skip = browserSkipReason();

describe("the operator console in a browser", () => {
	let server: Server;
	const clock = manualClock(Date.now());
	/** Enough of a harness for the sign-up helpers: the app and the server's clock. */
	let h: Harness;

	before(async () => {
		if (skip) return;
		mkdirSync(SCREENSHOTS, { recursive: true });
		server = await startServer({ clock, env: { TESSERA_DELIVERY: "outbox" } });
		h = { app: server.tessera.app, clock } as unknown as Harness;
	});
	after(async () => {
		if (server) {
			await server.tessera.close();
			await server.database.drop();
		}
	});

	/** Adds an address or number and proves it with the code the outbox holds. */
	async function addVerified(token: string, kind: "email" | "phone", value: string) {
		const added = await api(h.app, "/account/contacts", { token, body: { kind, value, password: PASSWORD } });
		assert.equal(added.statusCode, 201, added.body);
		const message = server.tessera.deps.outbox!.list().find((m) => m.to === value);
		const code = message?.text.match(/\b\d{6}\b/g)?.at(-1);
		assert.ok(code, `a code for ${value}`);
		const verified = await api(h.app, "/account/contacts/verify", { token, body: { kind, code } });
		assert.equal(verified.statusCode, 200, verified.body);
	}

	for (const viewport of viewports) {
		test(`${viewport.name} (${viewport.width} px): an admin finds a person by email and resets their two-factor after confirming it's them`, { skip }, async () => {
			const admin = await signUpWithTwoFactor(h, uniqueUsername("admin"));
			await setRole(server.tessera.deps, admin.username, "admin", "operator:test");
			const person = await signUpWithTwoFactor(h, uniqueUsername("noor"));
			const email = `noor.${viewport.name}.${Date.now().toString(36)}@example.org`;
			const phone = viewport.name === "desktop" ? "+12025550147" : "+12025550148";
			await addVerified(person.token, "email", email);
			await addVerified(person.token, "phone", phone);

			const browser = await launchBrowser(viewport.options);
			const problems: string[] = [];
			let shot = 0;
			try {
				const page: Page = browser.context.pages()[0] ?? (await browser.context.newPage());
				page.on("pageerror", (error) => problems.push(`script error on ${page.url()}: ${error.message}`));
				const press = async (name: string) => {
					const button = page.getByRole("button", { name, exact: true });
					if (viewport.options.hasTouch) await button.tap();
					else await button.click();
				};
				const path = () => {
					const url = new URL(page.url());
					return url.pathname + url.search;
				};
				/** A page reached: it fits the screen, passes axe, and is photographed. */
				const arrive = async (step: string) => {
					const width = await page.evaluate(() => document.documentElement.scrollWidth);
					assert.ok(width <= viewport.width, `${step} scrolls sideways at ${viewport.width} px (${width} px wide)`);
					await assertAccessible(page, `${viewport.name} ${step}`);
					shot += 1;
					await page.screenshot({ path: `${SCREENSHOTS}console-${viewport.name}-${String(shot).padStart(2, "0")}-${step}.png`, fullPage: true });
				};

				// Sign in with the password and the authenticator app.
				await page.goto(`${server.base}/sign-in`);
				await page.getByLabel("Username").fill(admin.username);
				await page.getByLabel("Password").fill(PASSWORD);
				await press("Sign in");
				await page.waitForURL((url) => url.pathname === "/sign-in/verify");
				clock.advance(30_000);
				await page.getByLabel("6-digit code").fill(totpCode(admin.secret, clock()));
				await page.getByLabel("6-digit code").press("Enter");
				await page.waitForURL((url) => url.pathname === "/settings");
				await page.getByRole("link", { name: "Operator console" }).click();
				await page.waitForURL((url) => url.pathname === "/admin");
				assert.equal(await shown(page.locator("h1")), "People");
				assert.equal(await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Webhooks" }).count(), 1);
				await arrive("home");

				// Find the person by their email, as they might write it.
				await page.getByLabel("Username, email address or phone number").fill(email.toUpperCase());
				await press("Find");
				await page.waitForURL((url) => url.pathname === "/admin" && url.search.startsWith("?q="));
				await arrive("found");
				await page.getByRole("link", { name: person.username }).click();
				await page.waitForURL((url) => url.pathname === "/admin/person");
				assert.match(await shown(page.locator("main")), /Authenticator app/);
				await arrive("person");

				// Time passes: the admin's own second step is older than five minutes now.
				clock.advance(6 * MINUTE);
				await page.getByRole("link", { name: "Reset two-factor" }).click();
				await page.waitForURL((url) => url.pathname === "/admin/person/action");
				assert.match(await shown(page.locator("main")), /You will first confirm it's you/);
				await arrive("reset-form");
				await page.getByLabel("Reason").fill("Lost phone; identity checked on a video call, ticket 5120");
				await press("Reset two-factor");
				await page.waitForURL((url) => url.pathname === "/admin/confirm");
				assert.equal(await shown(page.locator("h1")), "Confirm it's you");
				await arrive("confirm");
				clock.advance(30_000);
				await page.getByLabel("6-digit code").fill(totpCode(admin.secret, clock()));
				await page.getByLabel("6-digit code").press("Enter");
				await page.waitForURL((url) => url.pathname === "/admin/person/action");
				assert.equal(await page.getByLabel("Reason").inputValue(), "Lost phone; identity checked on a video call, ticket 5120", "the reason is kept");
				await arrive("reset-form-again");
				await press("Reset two-factor");
				await page.waitForURL((url) => url.pathname === "/admin/person" && url.search.includes("notice=reset_two_factor"));
				assert.match(await shown(page.locator(".notice")), /Two-factor is reset, and the person has been alerted/);
				assert.match(await shown(page.locator("main")), /Must set up two-factor again/);
				const resets: string[] = [];
				for await (const event of allEvents(server.tessera.deps.db)) if (event.accountId === person.id && event.kind === "two_factor_reset") resets.push(event.actor);
				assert.deepEqual(resets, [`admin:${admin.username}`], "reset once, by the admin");
				await arrive("done");

				// The person hears of it on every channel: the outbox has the alert for the email and the phone.
				await server.tessera.deps.alerts.drain();
				await page.goto(`${server.base}/dev/outbox`);
				const alerts = page.locator(".outbox-message").filter({ hasText: /security alert/i });
				assert.ok((await alerts.filter({ hasText: email }).count()) >= 1, "an email alert");
				assert.ok((await alerts.filter({ hasText: phone.slice(-4) }).count()) >= 1, "a text alert");
				assert.deepEqual(problems, []);
				assert.deepEqual(serverErrors(server), []);
				assert.ok(path().startsWith("/dev/outbox"));
			} finally {
				await browser.close();
			}
		});
	}
});
