import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { csvCell } from "../../src/core/csv.ts";
import { newId } from "../../src/core/tokens.ts";
import { recordEvent } from "../../src/flows/events.ts";
import { lockUser, setRole } from "../../src/flows/operator.ts";
import { insertAccount } from "../../src/store/accounts.ts";
import { insertRecovery, insertRecoveryRequest } from "../../src/store/recoveries.ts";
import { FormClient } from "../helpers/browserless.ts";
import { type Operator, operator as operatorFrom, signInThroughPages } from "../helpers/console.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, signUp, signUpWithTwoFactor, startHarness, uniqueUsername } from "../helpers/harness.ts";

/**
 * The console's lists as an operator uses them: the audit log's filters, pages
 * and exports, the reports and who is in them, the identity-check queue behind
 * the fresh-second-factor gate, apps and webhooks for admins only, and what
 * support may not read in full.
 */

const DAY = 86_400_000;
const MINUTE = 60_000;

const IP = "203.0.113.40";
const signIn = (h: Harness, user: { username: string; codes?: string[] }, code = 0) => signInThroughPages(h, user, IP, code);
const operator = (h: Harness, role: "admin" | "support") => operatorFrom(h, role, IP);

/** The events of a page of the audit log, in the order shown. */
function eventIds(body: string): string[] {
	return [...body.matchAll(/data-event="([^"]+)"/g)].map((m) => m[1]!);
}

function linkTo(body: string, rel: "next" | "prev"): string | undefined {
	const match = new RegExp(`<a href="([^"]+)" rel="${rel}">`).exec(body);
	return match ? match[1]!.replace(/&amp;/g, "&") : undefined;
}

function accountsIn(body: string): string[] {
	return [...body.matchAll(/data-account="([^"]+)"/g)].map((m) => m[1]!);
}

/** An account made straight in the store: reports need many, and a password hash is no part of them. */
async function craftAccount(h: Harness, username = uniqueUsername("crafted")): Promise<{ id: string; username: string }> {
	const id = newId(h.tessera.deps.random);
	await insertAccount(h.tessera.store.db, { id, username, email: null, passwordHash: "not-a-hash" }, h.clock());
	return { id, username };
}

/** Every row of a report, following its pages. */
async function walkReport(browser: FormClient, path: string): Promise<{ accounts: string[]; pages: number }> {
	const accounts: string[] = [];
	let url: string | undefined = path;
	let pages = 0;
	while (url) {
		const page = await browser.get(url);
		assert.equal(page.statusCode, 200, `${url}: ${page.body.slice(0, 300)}`);
		accounts.push(...accountsIn(page.body));
		url = linkTo(page.body, "next");
		pages++;
		assert.ok(pages < 100, "pages never end");
	}
	return { accounts, pages };
}

for (const kind of await databaseKinds()) {
	describe(`the console's lists (${kind})`, () => {
		let h: Harness;
		let admin: Operator;
		let support: Operator;
		before(async () => {
			h = await startHarness(kind);
			admin = await operator(h, "admin");
			support = await operator(h, "support");
		});
		after(() => h.close());

		test("only operators open the lists; support gets a 404 on apps and webhooks", async () => {
			const person = await signUp(h.app);
			const browser = await signIn(h, person);
			const everyone = ["/admin/audit", "/admin/audit/export.csv", "/admin/audit/export.jsonl", "/admin/reports", "/admin/reports/locked", "/admin/reports/locked/export.csv", "/admin/recovery"];
			const adminsOnly = ["/admin/apps", "/admin/webhooks", "/admin/webhooks/endpoint?id=ep_0000"];
			for (const path of [...everyone, ...adminsOnly]) {
				assert.equal((await browser.get(path)).statusCode, 404, `a person: ${path}`);
				assert.equal((await new FormClient(h.app).get(path)).statusCode, 303, `signed out: ${path}`);
			}
			for (const path of everyone) assert.equal((await support.browser.get(path)).statusCode, 200, `support: ${path}`);
			for (const path of adminsOnly) assert.equal((await support.browser.get(path)).statusCode, 404, `support: ${path}`);
			for (const path of [...everyone, "/admin/apps", "/admin/webhooks"]) assert.equal((await admin.browser.get(path)).statusCode, 200, `admin: ${path}`);
			assert.equal((await admin.browser.get("/admin/reports/no-such-report")).statusCode, 404);
		});

		test("the audit log's filters: person, kind, actor and days, kept in the address", async () => {
			const a = await signUp(h.app);
			const b = await signUp(h.app);
			const deps = h.tessera.deps;
			const db = h.tessera.store.db;
			const day1 = Date.UTC(2026, 6, 1, 10);
			const byPerson = await recordEvent(deps, db, { accountId: a.id, kind: "password_changed", method: "password", detail: { via: "change" } }, day1);
			const bySystem = await recordEvent(deps, db, { accountId: a.id, kind: "sessions_ended", actor: "system" }, day1 + DAY);
			const byOperator = await recordEvent(deps, db, { accountId: b.id, kind: "account_locked", actor: "operator:ops", detail: { reason: "reported stolen" } }, day1 + 2 * DAY);
			const byAdmin = await recordEvent(deps, db, { accountId: a.id, kind: "account_unlocked", actor: `admin:${admin.username}` }, day1 + 3 * DAY);

			const ids = async (query: string) => {
				const page = await admin.browser.get(`/admin/audit${query}`);
				assert.equal(page.statusCode, 200, `${query}: ${page.body.slice(0, 500)}`);
				return eventIds(page.body);
			};
			const ofA = await ids(`?user=${a.username}`);
			assert.ok(ofA.includes(byPerson.id) && ofA.includes(bySystem.id) && ofA.includes(byAdmin.id));
			assert.ok(!ofA.includes(byOperator.id), "another person's event is not shown");
			assert.equal(ofA.indexOf(byAdmin.id) < ofA.indexOf(bySystem.id) && ofA.indexOf(bySystem.id) < ofA.indexOf(byPerson.id), true, "newest first");
			// The username as a person types it: capitals and spaces.
			assert.deepEqual(await ids(`?user=%20${a.username.toUpperCase()}%20`), ofA);

			assert.deepEqual(await ids(`?kind=account_locked&user=${b.username}`), [byOperator.id]);
			const operators = await ids("?actor=operator");
			assert.ok(operators.includes(byOperator.id) && operators.includes(byAdmin.id) && !operators.includes(bySystem.id) && !operators.includes(byPerson.id));
			assert.deepEqual(await ids(`?actor=system&user=${a.username}`), [bySystem.id]);
			assert.deepEqual(await ids(`?actor=person&user=${a.username}&from=2026-07-01&to=2026-07-31`), [byPerson.id]);
			// "to" includes its whole day; "from" starts at its first moment.
			assert.deepEqual(await ids(`?user=${a.username}&from=2026-07-02&to=2026-07-02`), [bySystem.id]);
			assert.deepEqual(await ids(`?user=${a.username}&from=2026-07-03&to=2026-07-04`), [byAdmin.id]);

			// The page's links keep the filters; the form shows them back.
			const page = await admin.browser.get(`/admin/audit?user=${a.username}&kind=sessions_ended&actor=system`);
			assert.match(page.body, new RegExp(`href="/admin/audit/export.csv\\?user=${a.username}&amp;kind=sessions_ended&amp;actor=system"`));
			assert.match(page.body, /<option value="sessions_ended" selected>/);
			assert.match(page.body, /<option value="system" selected>/);
			assert.match(page.body, new RegExp(`href="/admin/person\\?id=${a.id}"`), "each person links to their page");

			const unknown = await admin.browser.get("/admin/audit?user=nobody_has_this_name");
			assert.equal(unknown.statusCode, 200);
			assert.match(unknown.body, /id="unknown-user"/);
			assert.deepEqual(eventIds(unknown.body), []);
		});

		test("bad filters and edited page links are a 400 that says what is wrong, never a 500", async () => {
			const cases: Record<string, RegExp> = {
				"?kind=not_a_kind": /Choose what happened from the list/,
				"?actor=robots": /Choose who did it from the list/,
				"?from=2026-13-01": /YYYY-MM-DD/,
				"?to=yesterday": /YYYY-MM-DD/,
				"?from=2026-02-31": /YYYY-MM-DD/,
				"?from=2026-07-10&to=2026-07-01": /The last day comes before the first/,
				"?before=x.1": /not valid/,
				"?before=12345": /not valid/,
				"?after=abc": /not valid/,
				"?before=99999999999999999999.aaa": /not valid/,
			};
			for (const [query, words] of Object.entries(cases)) {
				const page = await admin.browser.get(`/admin/audit${query}`);
				assert.equal(page.statusCode, 400, query);
				assert.match(page.body, words, query);
				assert.match(page.body, /class="error"/, query);
				for (const format of ["csv", "jsonl"]) {
					if (query.startsWith("?before") || query.startsWith("?after")) continue;
					const exported = await admin.browser.get(`/admin/audit/export.${format}${query}`);
					assert.equal(exported.statusCode, 400, `${format} ${query}`);
				}
			}
			for (const query of [`?user=${"x".repeat(200)}`, "?color=red", "?kind[]=a"]) {
				const page = await admin.browser.get(`/admin/audit${query}`);
				assert.ok(page.statusCode === 400 || page.statusCode === 200, `${query}: ${page.statusCode}`);
			}
			assert.equal((await admin.browser.get("/admin/reports/locked?after=%3Cscript%3E")).statusCode, 400);
		});

		test("keyset pages: every event once, in order, even with events sharing a millisecond and new ones arriving", async () => {
			const c = await signUp(h.app);
			const deps = h.tessera.deps;
			const db = h.tessera.store.db;
			const start = Date.UTC(2026, 7, 1);
			// 130 events; each three share one millisecond, so the id breaks ties.
			for (let i = 0; i < 130; i++) {
				await recordEvent(deps, db, { accountId: c.id, kind: "code_failed", method: "totp", detail: { reason: "wrong", purpose: "sign_in" } }, start + Math.floor(i / 3));
			}
			const expected = (
				await db.selectFrom("security_events").select(["id", "created_at"]).where("account_id", "=", c.id).orderBy("created_at", "desc").orderBy("id", "desc").execute()
			).map((r) => r.id);
			assert.ok(expected.length >= 131);

			const seen: string[] = [];
			const pages: string[][] = [];
			let url: string | undefined = `/admin/audit?user=${c.username}`;
			while (url) {
				const page = await admin.browser.get(url);
				assert.equal(page.statusCode, 200);
				const ids = eventIds(page.body);
				assert.ok(ids.length <= 50);
				pages.push(ids);
				seen.push(...ids);
				url = linkTo(page.body, "next");
				// An event recorded meanwhile goes to the top: it never moves a row between the pages still to come.
				if (pages.length === 1) await recordEvent(deps, db, { accountId: c.id, kind: "signed_in", method: "password" }, start + DAY);
			}
			assert.deepEqual(seen, expected, "every event once, newest first");
			assert.equal(pages.length, Math.ceil(expected.length / 50));

			// Back again with "Newer": from the second page to the first, as it is now, and nothing newer than that.
			const first = await admin.browser.get(`/admin/audit?user=${c.username}`);
			const fromSecond = await admin.browser.get(linkTo(first.body, "next")!);
			assert.deepEqual(eventIds(fromSecond.body), expected.slice(49, 99), "the newest page now holds the event that came meanwhile");
			const newer = linkTo(fromSecond.body, "prev");
			assert.ok(newer, "a page after the first links back to newer events");
			const back = await admin.browser.get(newer!);
			assert.deepEqual(eventIds(back.body), eventIds(first.body));
			assert.equal(linkTo(back.body, "prev"), undefined, "nothing is newer than the newest page");
			// A page from the middle, back and forth, is the same page.
			const third = await admin.browser.get(linkTo(fromSecond.body, "next")!);
			const again = await admin.browser.get(linkTo(third.body, "prev")!);
			assert.deepEqual(eventIds(again.body), eventIds(fromSecond.body));
		});

		test("exports: the filtered view whole, newest first, as CSV and JSON Lines, and no cell a spreadsheet would run", async () => {
			const d = await signUp(h.app);
			const deps = h.tessera.deps;
			const db = h.tessera.store.db;
			const start = Date.UTC(2026, 8, 1);
			// More than one of the export's reads (500 rows), so its pages are chained.
			for (let i = 0; i < 520; i++) await recordEvent(deps, db, { accountId: d.id, kind: "code_failed", method: "totp", detail: { reason: "typo" } }, start + i);
			const hostile = await recordEvent(deps, db, { accountId: d.id, kind: "account_locked", method: "=HYPERLINK(\"http://evil.example\")", actor: "-2+3", detail: { reason: '@SUM(1,2), "quoted"\nsecond line' } }, start + DAY);
			const expected = (await db.selectFrom("security_events").select("id").where("account_id", "=", d.id).orderBy("created_at", "desc").orderBy("id", "desc").execute()).map((r) => r.id);

			const csv = await admin.browser.get(`/admin/audit/export.csv?user=${d.username}`);
			assert.equal(csv.statusCode, 200);
			assert.match(String(csv.headers["content-type"]), /^text\/csv/);
			assert.match(String(csv.headers["content-disposition"]), /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
			const rows = parseCsv(csv.body);
			assert.deepEqual(rows[0], ["at", "id", "account_id", "username", "kind", "method", "actor", "ip", "device", "detail"]);
			assert.deepEqual(
				rows.slice(1).map((r) => r[1]),
				expected,
			);
			const hostileRow = rows.find((r) => r[1] === hostile.id)!;
			assert.equal(hostileRow[5], `'=HYPERLINK("http://evil.example")`);
			assert.equal(hostileRow[6], "'-2+3");
			assert.deepEqual(JSON.parse(hostileRow[9]!), { reason: '@SUM(1,2), "quoted"\nsecond line' });
			for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a cell a spreadsheet would run: ${cell}`);

			const jsonl = await admin.browser.get(`/admin/audit/export.jsonl?user=${d.username}&kind=account_locked`);
			assert.equal(jsonl.statusCode, 200);
			assert.match(String(jsonl.headers["content-type"]), /^application\/jsonl/);
			const lines = jsonl.body.trimEnd().split("\n").map((line) => JSON.parse(line) as { id: string; username: string; method: string; actor: string });
			assert.deepEqual(lines.map((l) => l.id), [hostile.id]);
			assert.equal(lines[0]!.username, d.username);
			assert.equal(lines[0]!.method, '=HYPERLINK("http://evil.example")', "JSON keeps the value as it is");

			const all = await admin.browser.get(`/admin/audit/export.jsonl?user=${d.username}`);
			assert.deepEqual(
				all.body.trimEnd().split("\n").map((line) => (JSON.parse(line) as { id: string }).id),
				expected,
			);
			// Every cell that starts like a formula, not only these.
			for (const start of ["=", "+", "-", "@", "\t", "\r"]) assert.ok(csvCell(`${start}1`).replace(/^"/, "").startsWith("'"), JSON.stringify(start));
			assert.equal(csvCell("plain"), "plain");
			assert.equal(csvCell(-3), "-3", "a number is a number");
		});

		test("reports: who is in each, since when, their counts, pages and CSV", async () => {
			const deps = h.tessera.deps;
			const db = h.tessera.store.db;
			const now = h.clock();
			// Two-factor off: enough crafted accounts for more than one page.
			const off: string[] = [];
			for (let i = 0; i < 55; i++) off.push((await craftAccount(h, `rep_off_${kind.slice(0, 2)}_${String(i).padStart(2, "0")}`)).id);
			// Two-factor on, 3 codes left (in), 4 left (out).
			const low = await signUpWithTwoFactor(h, uniqueUsername("low"));
			const enough = await signUpWithTwoFactor(h, uniqueUsername("enough"));
			const useCodes = async (accountId: string, leave: number) => {
				const unused = await db.selectFrom("backup_codes").select("id").where("account_id", "=", accountId).where("used_at", "is", null).execute();
				const ids = unused.slice(0, unused.length - leave).map((r) => r.id);
				await db.updateTable("backup_codes").set({ used_at: now - MINUTE }).where("id", "in", ids).execute();
			};
			await useCodes(low.id, 3);
			await useCodes(enough.id, 4);
			const locked = await signUpWithTwoFactor(h, uniqueUsername("locked"));
			h.clock.advance(1000);
			await lockUser(deps, locked.username, "operator:test", "lost laptop");
			const lockedAt = h.clock();
			const recovering = await signUpWithTwoFactor(h, uniqueUsername("recovering"));
			await insertRecovery(db, { id: newId(deps.random), accountId: recovering.id, via: "email", readyAt: now + 72 * 3_600_000 }, now);
			const lapsed = await signUpWithTwoFactor(h, uniqueUsername("lapsed"));
			await insertRecovery(db, { id: newId(deps.random), accountId: lapsed.id, via: "email", readyAt: now - 30 * DAY }, now - 33 * DAY);
			const checking = await signUpWithTwoFactor(h, uniqueUsername("checking"));
			await insertRecoveryRequest(
				db,
				{ id: newId(deps.random), accountId: checking.id, message: "lost my phone", contactsUsed: "", lastSignIn: "", ip: null, device: null },
				now,
			);

			const overview = await support.browser.get("/admin/reports");
			assert.equal(overview.statusCode, 200);
			const counts = Object.fromEntries([...overview.body.matchAll(/data-report="(\w+)">[\s\S]*?data-count="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]));

			const offReport = await walkReport(support.browser, "/admin/reports/no-second-factor");
			for (const id of off) assert.ok(offReport.accounts.includes(id), "every account with two-factor off");
			assert.ok(!offReport.accounts.includes(low.id));
			assert.equal(new Set(offReport.accounts).size, offReport.accounts.length, "no account twice across pages");
			assert.ok(offReport.pages >= 2);
			assert.equal(counts["no_second_factor"], offReport.accounts.length);
			const sorted = (await db.selectFrom("accounts").select(["id", "username"]).where("two_factor_enabled", "=", 0).orderBy("username").execute()).map((r) => r.id);
			assert.deepEqual(offReport.accounts, sorted, "in username order");

			const lowReport = await walkReport(support.browser, "/admin/reports/few-codes");
			assert.ok(lowReport.accounts.includes(low.id), "3 codes left");
			assert.ok(!lowReport.accounts.includes(enough.id), "4 codes left");
			assert.equal(counts["few_codes"], lowReport.accounts.length);
			const lowPage = await support.browser.get("/admin/reports/few-codes");
			assert.match(lowPage.body, new RegExp(`data-account="${low.id}">[\\s\\S]*?<td class="count">3</td>`));

			const lockedReport = await walkReport(support.browser, "/admin/reports/locked");
			assert.deepEqual(lockedReport.accounts, [locked.id]);
			assert.equal(counts["locked"], 1);
			assert.match((await support.browser.get("/admin/reports/locked")).body, new RegExp(`datetime="${new Date(lockedAt).toISOString()}"`));

			const recoveryReport = await walkReport(support.browser, "/admin/reports/in-recovery");
			assert.deepEqual(new Set(recoveryReport.accounts), new Set([recovering.id, checking.id]), "a lapsed recovery is not in recovery");
			assert.equal(counts["in_recovery"], 2);

			const csv = await admin.browser.get("/admin/reports/few-codes/export.csv");
			assert.equal(csv.statusCode, 200);
			assert.match(String(csv.headers["content-disposition"]), /filename="few-codes-\d{4}-\d{2}-\d{2}\.csv"/);
			const rows = parseCsv(csv.body);
			assert.deepEqual(rows[0], ["username", "account_id", "since", "codes_left"]);
			assert.deepEqual(rows.find((r) => r[1] === low.id), [low.username, low.id, new Date(now - MINUTE).toISOString(), "3"]);
			const offCsv = parseCsv((await admin.browser.get("/admin/reports/no-second-factor/export.csv")).body);
			assert.deepEqual(offCsv.slice(1).map((r) => r[1]), offReport.accounts, "the export lists what the pages list");
		});

		test("deciding an identity check asks for a fresh second factor first, and keeps the note", async () => {
			const person = await signUpWithTwoFactor(h, uniqueUsername("asker"));
			const id = newId(h.tessera.deps.random);
			await insertRecoveryRequest(
				h.tessera.store.db,
				{ id, accountId: person.id, message: "Phone stolen, write to ada@example.com", contactsUsed: "ada@example.com, +1 202 555 0123", lastSignIn: "", ip: null, device: null },
				h.clock(),
			);
			const queue = await support.browser.get("/admin/recovery");
			assert.equal(queue.statusCode, 200);
			assert.match(queue.body, new RegExp(`data-request="${id}"`));
			assert.match(queue.body, /aria-current="page"[^>]*>|<a href="\/admin\/recovery" aria-current="page">/, "the console's navigation marks the queue");
			const detail = await support.browser.get(`/admin/recovery/request?id=${id}`);
			assert.equal(detail.statusCode, 200);
			assert.doesNotMatch(detail.body, /ada@example\.com|555 0123|2025550123/, "support reads addresses masked");
			assert.match(detail.body, /a•+@example\.com|a\S*@example\.com/);
			const full = await admin.browser.get(`/admin/recovery/request?id=${id}`);
			assert.match(full.body, /ada@example\.com, \+1 202 555 0123/, "an admin reads them in full");

			// Six minutes after signing in: the second factor is no longer fresh.
			h.clock.advance(6 * MINUTE);
			const asked = await support.browser.post("/admin/recovery/decide", { id, decision: "approve", note: "Called them back on the number on file" });
			assert.equal(asked.statusCode, 303);
			assert.equal(asked.headers.location, "/admin/confirm");
			const still = await h.tessera.store.db.selectFrom("recovery_requests").select("status").where("id", "=", id).executeTakeFirstOrThrow();
			assert.equal(still.status, "open", "nothing is decided before the operator proves it is them");
			await support.browser.get("/admin/confirm?method=backup_code");
			const proved = await support.browser.post("/admin/confirm", { method: "backup_code", code: support.codes[1]! });
			assert.equal(proved.statusCode, 303, proved.body.slice(0, 400));
			assert.equal(proved.headers.location, `/admin/recovery/request?id=${id}`);
			const back = await support.browser.get(String(proved.headers.location));
			assert.match(back.body, /Called them back on the number on file<\/textarea>/, "the note comes back");
			const decided = await support.browser.post("/admin/recovery/decide", { id, decision: "deny", note: "Called them back on the number on file" });
			assert.equal(decided.statusCode, 303);
			assert.equal(decided.headers.location, "/admin/recovery?notice=denied");
			const event = await h.tessera.store.db.selectFrom("security_events").select(["actor", "detail"]).where("kind", "=", "recovery_denied").where("account_id", "=", person.id).executeTakeFirstOrThrow();
			assert.equal(event.actor, `support:${support.username}`);
			assert.match(event.detail ?? "", /Called them back/);
			const again = await admin.browser.post("/admin/recovery/decide", { id, decision: "approve", note: "late" });
			assert.equal(again.statusCode, 409);
		});

		test("an operator without two-factor cannot decide an identity check", async () => {
			const weak = await signUp(h.app, uniqueUsername("weakop"));
			await setRole(h.tessera.deps, weak.username, "admin", "operator:test");
			const browser = await signIn(h, weak);
			const person = await signUpWithTwoFactor(h, uniqueUsername("asker"));
			const id = newId(h.tessera.deps.random);
			await insertRecoveryRequest(h.tessera.store.db, { id, accountId: person.id, message: "help me please", contactsUsed: "", lastSignIn: "", ip: null, device: null }, h.clock());
			await browser.get(`/admin/recovery/request?id=${id}`);
			const refused = await browser.post("/admin/recovery/decide", { id, decision: "approve", note: "fine" });
			assert.equal(refused.statusCode, 403);
			const row = await h.tessera.store.db.selectFrom("recovery_requests").select("status").where("id", "=", id).executeTakeFirstOrThrow();
			assert.equal(row.status, "open");
		});

		test("support reads contact values masked in the audit log and its exports", async () => {
			h.clock.advance(6 * MINUTE);
			const e = await signUp(h.app);
			const event = await recordEvent(
				h.tessera.deps,
				h.tessera.store.db,
				{ accountId: e.id, kind: "account_locked", actor: "operator:ops", detail: { reason: "asked by grace.h@example.org, call +1 202 555 0147" } },
				h.clock(),
			);
			for (const path of [`/admin/audit?user=${e.username}`, `/admin/audit/export.csv?user=${e.username}`, `/admin/audit/export.jsonl?user=${e.username}`]) {
				const seen = await support.browser.get(path);
				assert.equal(seen.statusCode, 200);
				assert.ok(seen.body.includes(event.id), path);
				assert.doesNotMatch(seen.body, /grace\.h@example\.org|555 0147|2025550147/, path);
				assert.match(seen.body, /@example\.org/, path);
				assert.match(seen.body, /47/, path);
				// An admin whose second factor is no longer fresh reads them masked too.
				const stale = await admin.browser.get(path);
				assert.doesNotMatch(stale.body, /grace\.h@example\.org|555 0147|2025550147/, `admin: ${path}`);
			}
		});

		test("apps and webhook endpoints: listed for admins, never a secret", async () => {
			const { addClient } = await import("../../src/flows/clients.ts");
			const { addEndpoint } = await import("../../src/flows/webhooks.ts");
			const client = await addClient(h.tessera.deps, { name: "Payroll <b>", redirectUris: ["https://payroll.example/callback"] });
			const endpoint = await addEndpoint(h.tessera.deps, { url: "https://hooks.example/tessera" });
			const apps = await admin.browser.get("/admin/apps");
			assert.ok(apps.body.includes(client.clientId));
			assert.match(apps.body, /Payroll &lt;b&gt;/);
			assert.match(apps.body, /https:\/\/payroll\.example\/callback/);
			assert.ok(!apps.body.includes(client.clientSecret!), "no secret");
			const hooks = await admin.browser.get("/admin/webhooks");
			assert.ok(hooks.body.includes(endpoint.id));
			assert.ok(hooks.body.includes("https://hooks.example/tessera"));
			assert.ok(!hooks.body.includes(endpoint.secret) && !hooks.body.includes(endpoint.secret.replace(/^whsec_/, "")), "no secret");
			const log = await admin.browser.get(`/admin/webhooks/endpoint?id=${endpoint.id}`);
			assert.equal(log.statusCode, 200);
			assert.match(log.body, /id="no-log"|data-delivery=/);
			assert.equal((await admin.browser.get("/admin/webhooks/endpoint?id=ep_nothere")).statusCode, 404);
		});
	});
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = "";
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ",") {
			row.push(cell);
			cell = "";
		} else if (ch === "\r" && text[i + 1] === "\n") {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = "";
			i++;
		} else cell += ch;
	}
	if (cell !== "" || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}
