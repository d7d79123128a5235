import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { test } from "node:test";
import { contentSecurityPolicy } from "../../src/http/security-headers.ts";
import { OPENAPI_PATH, REFERENCE_PATH } from "../../src/http/openapi.ts";
import { type Browser, browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { AXE_SOURCE, formatViolations, SCREENSHOTS, shown } from "../helpers/e2e.ts";
import { type Harness, startHarness } from "../helpers/harness.ts";

/**
 * The API's reference page (/docs/api) in Chromium, under Tessera's own
 * Content-Security-Policy: no inline script or style, nothing from elsewhere.
 * It reads the document, lists every operation, and shows one opened with its
 * example and its error codes; the browser reports no CSP violation and no
 * script error.
 */

const skip = browserSkipReason();

test("the API reference lists every operation, under the Content-Security-Policy, with no violation", { skip }, async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	let h: Harness | undefined;
	let browser: Browser | undefined;
	try {
		h = await startHarness("sqlite");
		const base = await h.app.listen({ host: "127.0.0.1", port: 0 });
		const openapi = (await (await fetch(`${base}${OPENAPI_PATH}`)).json()) as { paths: Record<string, Record<string, { summary: string }>> };
		const operations = Object.values(openapi.paths).flatMap((item) => Object.values(item));

		browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
		const page = browser.context.pages()[0] ?? (await browser.context.newPage());
		const problems: string[] = [];
		const policies = new Set<string>();
		// Every violation the page sees, as the browser reports it to the page itself.
		await page.addInitScript(() => {
			const seen: string[] = [];
			(window as unknown as { violations: string[] }).violations = seen;
			document.addEventListener("securitypolicyviolation", (event) => {
				seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
			});
		});
		page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
		page.on("console", (message) => {
			if (message.type() === "error") problems.push(`console error: ${message.text()}`);
		});
		page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
		page.on("response", (response) => {
			if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
			if (!response.url().startsWith(base)) problems.push(`a request outside Tessera: ${response.url()}`);
			const csp = response.headers()["content-security-policy"];
			if (csp && response.request().resourceType() === "document") policies.add(csp);
		});

		await page.goto(`${base}${REFERENCE_PATH}`);
		await page.locator(".opblock").first().waitFor({ timeout: 20_000 });
		assert.deepEqual([...policies], [contentSecurityPolicy], "the page is served under Tessera's own policy");
		assert.equal(await page.locator(".opblock").count(), operations.length, "every operation is listed");
		const summaries = await page.locator(".opblock-summary-description").allInnerTexts();
		for (const { summary } of operations) assert.ok(summaries.includes(summary), `"${summary}" is listed`);
		assert.match(await shown(page.locator(".info .title")), /Tessera API/);

		// Accessibility: the colours are Tessera's (4.5:1 at least). What remains is the reference
		// component's own markup (a copy button inside each operation's toggle, its heading levels,
		// the header outside a landmark), which no style can change: anything else fails.
		await page.evaluate(AXE_SOURCE);
		const axe = (await page.evaluate(() =>
			(window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, { resultTypes: ["violations"] }),
		)) as Parameters<typeof formatViolations>[1];
		const componentMarkup = ["nested-interactive", "heading-order", "region"];
		const ours = { ...axe, violations: axe.violations.filter((v) => !componentMarkup.includes(v.id)) };
		assert.equal(ours.violations.length, 0, formatViolations("the API reference", ours));

		// One operation, opened: its request example and its errors by status, with their codes.
		const signIn = page.locator("#operations-Accounts_and_sessions-signIn");
		await signIn.locator(".opblock-summary").click();
		await signIn.locator(".responses-table").first().waitFor();
		const opened = await shown(signIn);
		assert.match(opened, /correct horse battery staple/, "the request's example");
		assert.match(opened, /invalid_credentials/, "the 401's code");
		assert.match(opened, /too_many_attempts/, "the 429's code");
		assert.match(opened, /secondFactor/, "the answer's schema");
		await page.screenshot({ path: `${SCREENSHOTS}api-reference.png`, fullPage: false });

		const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
		assert.deepEqual(violations, [], "no Content-Security-Policy violation");
		assert.deepEqual(problems, []);
	} finally {
		await browser?.close();
		await h?.close();
	}
});
