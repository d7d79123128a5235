import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Browser, browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { PASSWORD } from "../helpers/harness.ts";
import { type Server, serverErrors, startServer } from "../helpers/e2e.ts";

const skip = browserSkipReason();

describe("the Show password button, in a real browser", () => {
	let server: Server;
	let browser: Browser;
	before(async () => {
		if (skip) return;
		server = await startServer();
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
		await server?.tessera.close();
		await server?.database.drop();
	});

	test("shows and hides the password on sign-up and sign-in, says which with aria-pressed, with no script error or CSP violation", { skip }, async () => {
		const page = browser.context.pages()[0] ?? (await browser.context.newPage());
		const problems: string[] = [];
		page.on("pageerror", (error) => problems.push(error.message));
		page.on("console", (message) => {
			if (message.type() === "error") problems.push(message.text());
		});
		for (const path of ["/sign-up", "/sign-in"]) {
			await page.goto(`${server.base}${path}`);
			const field = page.locator("#password");
			const button = page.getByRole("button", { name: "Show password" });
			await button.waitFor({ state: "visible" });
			await field.fill(PASSWORD);
			assert.equal(await field.getAttribute("type"), "password");
			assert.equal(await button.getAttribute("aria-pressed"), "false");
			await button.click();
			assert.equal(await field.getAttribute("type"), "text", `${path}: shown`);
			assert.equal(await button.getAttribute("aria-pressed"), "true");
			assert.equal(await field.inputValue(), PASSWORD, "what was typed stays");
			await button.click();
			assert.equal(await field.getAttribute("type"), "password", `${path}: hidden again`);
			assert.equal(await button.getAttribute("aria-pressed"), "false");
		}
		assert.deepEqual(problems, []);
		assert.deepEqual(serverErrors(server), []);
	});
});
