import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { BrowserContextOptions, Page } from "playwright-core";
import { newId } from "../../src/core/tokens.ts";
import { recordEvent } from "../../src/flows/events.ts";
import { setRole } from "../../src/flows/operator.ts";
import { insertRecoveryRequest } from "../../src/store/recoveries.ts";
import { browserSkipReason, launchBrowser } from "../helpers/browser.ts";
import { assertAccessible, authenticatorCode, SCREENSHOTS, type Server, serverErrors, shown, startServer } from "../helpers/e2e.ts";
import { PASSWORD } from "../helpers/harness.ts";

/**
 * The console's lists in a real browser, at desktop and at phone size, as an
 * admin uses them: filter the audit log and export what it shows, open a
 * report, decide an identity check; axe finds nothing on any page.
 */

const sizes: Record<string, BrowserContextOptions> = {
	desktop: { viewport: { width: 1280, height: 800 } },
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

async function call(server: Server, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
	const response = await fetch(`${server.base}/api/v1${path}`, {
		method: "POST",
		headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: JSON.stringify(body),
	});
	const answer = (await response.json()) as Record<string, unknown>;
	if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
	return answer;
}

/** An account with two-factor on (the authenticator and backup codes), made through the API. */
async function accountWithTwoFactor(server: Server, username: string): Promise<{ id: string; codes: string[] }> {
	const made = (await call(server, "/accounts", { username, password: PASSWORD })) as { account: { id: string }; session: { token: string } };
	const token = made.session.token;
	const { secret } = (await call(server, "/account/totp", { password: PASSWORD }, token)) as { secret: string };
	const confirmed = (await call(server, "/account/totp/confirm", { code: await authenticatorCode(secret) }, token)) as { backupCodes: { codes: string[] } };
	const codes = confirmed.backupCodes.codes;
	await call(server, "/account/backup-codes/confirm", { code: codes[9] }, token);
	return { id: made.account.id, codes };
}

async function signIn(page: Page, server: Server, username: string, code: string): Promise<void> {
	await page.goto(`${server.base}/sign-in`);
	await page.getByLabel("Username").fill(username);
	await page.getByLabel("Password").fill(PASSWORD);
	await page.getByRole("button", { name: "Sign in" }).click();
	await page.waitForURL(`${server.base}/sign-in/verify`);
	await page.goto(`${server.base}/sign-in/verify?method=backup_code`);
	await page.getByLabel("Backup code").fill(code);
	await page.getByRole("button", { name: "Verify" }).click();
	await page.waitForURL(/\/settings/);
}

const skip = browserSkipReason();

describe("the console's lists in a real browser", () => {
	let server: Server;
	before(async () => {
		if (skip) return;
		mkdirSync(SCREENSHOTS, { recursive: true });
		for (const name of readdirSync(SCREENSHOTS)) if (/^console-lists-.*\.png$/.test(name)) rmSync(`${SCREENSHOTS}${name}`);
		server = await startServer();
	});
	after(async () => {
		await server?.tessera.close();
		await server?.database.drop();
	});

	for (const [size, options] of Object.entries(sizes)) {
		test(`${size}: filter the audit log and export it, open a report, decide an identity check`, { skip }, async () => {
			const deps = server.tessera.deps;
			const db = server.tessera.store.db;
			const adminName = `lists_admin_${size}`;
			const admin = await accountWithTwoFactor(server, adminName);
			await setRole(deps, adminName, "admin", "operator:test");
			const target = await accountWithTwoFactor(server, `lists_target_${size}`);
			const locked = await recordEvent(deps, db, { accountId: target.id, kind: "account_locked", actor: "operator:ops", detail: { reason: "=1+1 reported stolen" } });
			await db.updateTable("accounts").set({ locked_at: Date.now() }).where("id", "=", target.id).execute();
			const asker = await accountWithTwoFactor(server, `lists_asker_${size}`);
			const requestId = newId(deps.random);
			await insertRecoveryRequest(
				db,
				{ id: requestId, accountId: asker.id, message: "My phone was stolen with the app on it.", contactsUsed: "", lastSignIn: "Monday", ip: null, device: null },
				Date.now(),
			);

			const browser = await launchBrowser({ ...options, acceptDownloads: true });
			const problems: string[] = [];
			let shot = 0;
			try {
				const page = browser.context.pages()[0] ?? (await browser.context.newPage());
				page.on("pageerror", (error) => problems.push(`script error on ${page.url()}: ${error.message}`));
				page.on("console", (message) => {
					if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(`CSP violation on ${page.url()}: ${message.text()}`);
				});
				const check = async (step: string) => {
					await assertAccessible(page, `${size} ${step}`);
					shot += 1;
					await page.screenshot({ path: `${SCREENSHOTS}console-lists-${size}-${String(shot).padStart(2, "0")}-${step}.png`, fullPage: true });
				};
				await signIn(page, server, adminName, admin.codes[0]!);

				// The audit log, filtered by person and kind: the address keeps the view.
				await page.goto(`${server.base}/admin/audit`);
				assert.equal(await shown(page.getByRole("heading", { level: 1 })), "Audit log");
				await check("audit");
				await page.getByLabel("Person (username)").fill(`lists_target_${size}`);
				await page.getByLabel("What happened").selectOption("account_locked");
				await page.getByLabel("Who did it").selectOption("operator");
				await page.getByRole("button", { name: "Show" }).click();
				await page.waitForURL(/\/admin\/audit\?/);
				const address = new URL(page.url());
				assert.equal(address.searchParams.get("user"), `lists_target_${size}`);
				assert.equal(address.searchParams.get("kind"), "account_locked");
				assert.equal(address.searchParams.get("actor"), "operator");
				const rows = page.locator("table#audit tbody tr");
				assert.equal(await rows.count(), 1);
				assert.equal(await rows.first().getAttribute("data-event"), locked.id);
				assert.match(await shown(rows.first()), /reported stolen/);
				await check("audit-filtered");

				// The export is this view, as a file.
				const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
				assert.match(download.suggestedFilename(), /^audit-\d{4}-\d{2}-\d{2}\.csv$/);
				const csv = readFileSync((await download.path())!, "utf8").trim().split("\r\n");
				assert.equal(csv.length, 2, "the header and the one event shown");
				assert.ok(csv[1]!.includes(locked.id));
				assert.ok(csv[1]!.includes(`"{""reason"":""=1+1 reported stolen""}"`), csv[1]);

				// A report, from the overview.
				await page.getByRole("link", { name: "Reports" }).click();
				await page.waitForURL(`${server.base}/admin/reports`);
				await check("reports");
				assert.ok(Number(await page.locator('tr[data-report="locked"] td.count').getAttribute("data-count")) >= 1);
				await page.getByRole("link", { name: "Locked", exact: true }).click();
				await page.waitForURL(`${server.base}/admin/reports/locked`);
				assert.equal(await page.locator(`tr[data-account="${target.id}"]`).count(), 1, "the locked account is listed");
				await check("report-locked");

				// The identity-check queue: open the request, decide it with a note.
				await page.getByRole("link", { name: "Identity checks" }).click();
				await page.waitForURL(`${server.base}/admin/recovery`);
				await check("identity-checks");
				await page.locator(`li[data-request="${requestId}"] a`).click();
				await page.waitForURL(/\/admin\/recovery\/request\?id=/);
				assert.match(await shown(page.locator("#request-message")), /stolen with the app/);
				await check("identity-check");
				await page.getByLabel("Note for the audit log").fill("Called back on the number they gave at sign-up.");
				await page.getByRole("button", { name: "Deny" }).click();
				await page.waitForURL(`${server.base}/admin/recovery?notice=denied`);
				assert.equal(await shown(page.locator("#identity-notice")), "Denied.");
				assert.equal(await page.locator(`li[data-request="${requestId}"]`).count(), 0, "no longer waiting");
				await check("identity-check-decided");
				const row = await db.selectFrom("recovery_requests").select(["status", "decided_by"]).where("id", "=", requestId).executeTakeFirstOrThrow();
				assert.deepEqual({ ...row }, { status: "denied", decided_by: `admin:${adminName}` });

				assert.deepEqual(problems, []);
				assert.deepEqual(serverErrors(server), [], "the server logged no errors");
			} finally {
				await browser.close();
			}
		});
	}
});
