import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { newId } from "../../src/core/tokens.ts";
import { maskContactsIn } from "../../src/flows/audit.ts";
import { actOnAccount, consoleActions, maskContact, OperatorRefused } from "../../src/flows/console.ts";
import { decideRecoveryRequest } from "../../src/flows/identity-checks.ts";
import { recordEvent } from "../../src/flows/events.ts";
import { setRole } from "../../src/flows/operator.ts";
import { CompiledQuery } from "kysely";
import { insertAccount } from "../../src/store/accounts.ts";
import { findPeopleByUsernamePrefix, prefixSuccessor, usernamePrefixQuery } from "../../src/store/people.ts";
import { insertRecoveryRequest } from "../../src/store/recoveries.ts";
import { FormClient } from "../helpers/browserless.ts";
import { operator as operatorFrom } from "../helpers/console.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, signUpWithTwoFactor, startHarness, uniqueUsername } from "../helpers/harness.ts";

/**
 * What the console holds to under review: support never decides an admin's
 * identity check, roles are read where an action is done, contact values stay
 * masked until an admin with a fresh second factor asks, and revealing them is
 * audited.
 */

const MINUTE = 60_000;

const IP = "203.0.113.60";
const operator = (h: Harness, role: "admin" | "support") => operatorFrom(h, role, IP);

async function fileRequest(h: Harness, accountId: string, text = "Lost my phone, please help"): Promise<string> {
	const id = newId(h.tessera.deps.random);
	await insertRecoveryRequest(h.tessera.store.db, { id, accountId, message: text, contactsUsed: "", lastSignIn: "", ip: "198.51.100.7", device: null }, h.clock());
	return id;
}

async function statusOf(h: Harness, id: string): Promise<string> {
	return (await h.tessera.store.db.selectFrom("recovery_requests").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
}

describe("masking contact values", () => {
	const mask = (kind: "email" | "phone", value: string) => maskContact(kind, value);

	test("a number that cannot be written out keeps only its last two digits", () => {
		assert.equal(maskContact("phone", "+999123456789"), "+••••••••••89");
		assert.equal(maskContact("phone", "+0123456789"), "+••••••••89");
		assert.equal(maskContact("phone", "+33612345678"), "+33 • •• •• •• 78");
	});

	test("free text: numbers with slashes, addresses in any script or with ' and !, all masked", () => {
		const text = "call 202/555/0147, write o'brien@example.com, jo!x@exämple.de, ünal@example.com or søren@bücher.example";
		const masked = maskContactsIn(text, mask);
		for (const whole of ["202/555/0147", "555", "o'brien", "brien", "jo!x", "ünal", "søren", "x@ex"]) assert.ok(!masked.includes(whole), `${whole} in ${masked}`);
		assert.match(masked, /•••\/•••\/••47/);
		assert.ok(masked.includes("@exämple.de") && masked.includes("@bücher.example"), masked);
	});
});

for (const kind of await databaseKinds()) {
	describe(`the console under review (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		test("support does not decide an admin's identity check: no form, a 403 before any re-proving, and the flow refuses it too", async () => {
			const support = await operator(h, "support");
			const other = await signUpWithTwoFactor(h, uniqueUsername("otheradmin"));
			await setRole(h.tessera.deps, other.username, "admin", "operator:test");
			const id = await fileRequest(h, other.id);

			const page = await support.browser.get(`/admin/recovery/request?id=${id}`);
			assert.equal(page.statusCode, 200);
			assert.doesNotMatch(page.body, /action="\/admin\/recovery\/decide"/, "no decision form for support on an admin's request");
			assert.match(page.body, /only an admin can act on it/);

			// Fresh: refused outright, nothing decided.
			const fresh = await support.browser.post("/admin/recovery/decide", { id, decision: "approve", note: "Sounds right" });
			assert.equal(fresh.statusCode, 403);
			assert.match(fresh.body, /only an admin can act on it/);
			assert.equal(await statusOf(h, id), "open");
			// Not fresh: still refused at once, never sent to prove anything for nothing.
			h.clock.advance(6 * MINUTE);
			const stale = await support.browser.post("/admin/recovery/decide", { id, decision: "deny", note: "No" });
			assert.equal(stale.statusCode, 403);
			assert.equal(stale.headers.location, undefined);
			assert.equal(await statusOf(h, id), "open");

			// A request filed by a person who became admin after support opened it: refused where it is decided.
			const person = await signUpWithTwoFactor(h, uniqueUsername("promoted"));
			const later = await fileRequest(h, person.id);
			await setRole(h.tessera.deps, person.username, "admin", "operator:test");
			await assert.rejects(
				decideRecoveryRequest(h.tessera.deps, {
					id: later,
					decision: "approve",
					actor: `support:${support.username}`,
					operator: { id: support.id, username: support.username, role: "support" },
					note: "Checked",
				}),
				OperatorRefused,
			);
			assert.equal(await statusOf(h, later), "open", "the request stays open for an admin");

			// An admin decides it.
			const admin = await operator(h, "admin");
			const decided = await admin.browser.post("/admin/recovery/decide", { id, decision: "deny", note: "Could not confirm" });
			assert.equal(decided.statusCode, 303);
			assert.equal(await statusOf(h, id), "denied");
		});

		test("each action reads the account's role where it is done: an account made admin after the page was read is refused to support", async () => {
			const support = await signUpWithTwoFactor(h, uniqueUsername("desk"));
			await setRole(h.tessera.deps, support.username, "support", "operator:test");
			const by = { id: support.id, username: support.username, role: "support" as const };
			const db = h.tessera.store.db;
			for (const action of consoleActions) {
				const person = await signUpWithTwoFactor(h, uniqueUsername("target"));
				if (action === "unlock") await db.updateTable("accounts").set({ locked_at: h.clock() }).where("id", "=", person.id).execute();
				// What the page showed: a person. What the account is now: an admin.
				const seen = { id: person.id, username: person.username, role: "user" };
				await setRole(h.tessera.deps, person.username, "admin", "operator:test");
				const before = await db.selectFrom("accounts").selectAll().where("id", "=", person.id).executeTakeFirstOrThrow();
				await assert.rejects(actOnAccount(h.tessera.deps, by, seen, action, "Caller asked"), OperatorRefused, action);
				const after = await db.selectFrom("accounts").selectAll().where("id", "=", person.id).executeTakeFirstOrThrow();
				assert.deepEqual(after, before, `${action}: nothing changed`);
				const events = await db.selectFrom("security_events").select("kind").where("account_id", "=", person.id).where("actor", "=", `support:${support.username}`).execute();
				assert.deepEqual(events, [], `${action}: nothing recorded`);
			}
		});

		test("a username's beginning reads only its range of the username index, and finds every name that begins with it", async () => {
			const db = h.tessera.store.db;
			const stem = `pfx${Date.now().toString(36).slice(-5)}`;
			const names = [stem, `${stem}.a`, `${stem}0`, `${stem}_b`, `${stem}z`, `${stem}_`];
			const outside = [`${stem.slice(0, -1)}`, `${stem.slice(0, -1)}${String.fromCharCode(stem.charCodeAt(stem.length - 1) + 1)}`, `x${stem}`];
			for (const username of [...names, ...outside]) {
				await insertAccount(db, { id: newId(h.tessera.deps.random), username, email: null, passwordHash: "not-a-hash" }, h.clock());
			}
			const found = (await findPeopleByUsernamePrefix(db, kind, stem, undefined, 50)).map((r) => r.username);
			assert.deepEqual(found, [...names].sort(), "every name that begins with it, in order, and no other");
			assert.deepEqual((await findPeopleByUsernamePrefix(db, kind, `${stem}_`, undefined, 50)).map((r) => r.username), [`${stem}_`, `${stem}_b`], "an underscore is itself");
			assert.equal(prefixSuccessor("ab"), "ac");
			assert.equal(prefixSuccessor("a_"), "a`");
			assert.equal(prefixSuccessor("az"), "a{");

			const compiled = usernamePrefixQuery(db, kind, stem, undefined, 21).compile();
			if (kind === "sqlite") {
				const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
				const details = plan.rows.map((r) => r.detail).join("\n");
				assert.match(details, /SEARCH a USING (COVERING )?INDEX \S+ \(username>\? AND username<\?\)/, details);
			} else {
				const plan = await db.connection().execute(async (connection) => {
					// Whatever the table's size: would the planner read the index by range, if it read the index at all?
					await connection.executeQuery(CompiledQuery.raw("set enable_seqscan = off"));
					try {
						return await connection.executeQuery<{ "QUERY PLAN": string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
					} finally {
						await connection.executeQuery(CompiledQuery.raw("reset enable_seqscan"));
					}
				});
				const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
				// The byte-order index, by range: whatever the database's collation, not the whole index.
				assert.match(text, /Index (Only )?Scan using accounts_username_bytes on accounts a[\s\S]*Index Cond: \(\(\(?username\)?::text >= /, text);
			}
		});

		test("an admin reads contact values in the audit log, its exports and identity checks in full only with a fresh second factor, and can ask for them", async () => {
			const admin = await operator(h, "admin");
			const support = await operator(h, "support");
			const person = await signUpWithTwoFactor(h, uniqueUsername("writer"));
			const event = await recordEvent(
				h.tessera.deps,
				h.tessera.store.db,
				{ accountId: person.id, kind: "account_locked", actor: "operator:ops", detail: { reason: "asked by grace.h@example.org, call +1 202 555 0147" } },
				h.clock(),
			);
			const id = newId(h.tessera.deps.random);
			await insertRecoveryRequest(
				h.tessera.store.db,
				{ id, accountId: person.id, message: "Write to ada@example.com please", contactsUsed: "ada@example.com, +1 202 555 0123", lastSignIn: "", ip: null, device: null },
				h.clock(),
			);
			const audit = `/admin/audit?user=${person.username}`;
			const lists = [audit, `/admin/audit/export.csv?user=${person.username}`, `/admin/audit/export.jsonl?user=${person.username}`];
			const full = /grace\.h@example\.org, call \+1 202 555 0147/;
			for (const path of lists) {
				const seen = await admin.browser.get(path);
				assert.ok(seen.body.includes(event.id), path);
				assert.match(seen.body, full, `fresh: ${path}`);
			}
			assert.match((await admin.browser.get(`/admin/recovery/request?id=${id}`)).body, /ada@example\.com, \+1 202 555 0123/);
			assert.doesNotMatch((await admin.browser.get(audit)).body, /id="masked"/, "nothing said about masking when nothing is masked");

			h.clock.advance(6 * MINUTE);
			for (const path of lists) {
				const seen = await admin.browser.get(path);
				assert.equal(seen.statusCode, 200);
				assert.doesNotMatch(seen.body, /grace\.h@example\.org|555 0147|2025550147/, `not fresh: ${path}`);
				assert.match(seen.body, /@example\.org/, path);
			}
			const detail = await admin.browser.get(`/admin/recovery/request?id=${id}`);
			assert.doesNotMatch(detail.body, /ada@example\.com|555 0123|2025550123/);
			const page = await admin.browser.get(audit);
			assert.match(page.body, /masked on this page\. The exports hold them masked too\./, "the page says the exports are masked");
			assert.match(page.body, /<form method="post" action="\/admin\/show-in-full">/);
			assert.match(detail.body, /action="\/admin\/show-in-full"/);
			const supportPage = await support.browser.get(audit);
			assert.match(supportPage.body, /masked on this page/);
			assert.doesNotMatch(supportPage.body, /show-in-full/, "support cannot ask");
			await support.browser.get("/settings");
			assert.equal((await support.browser.post("/admin/show-in-full", { to: audit })).statusCode, 404);
			await admin.browser.get(audit);
			assert.equal((await admin.browser.post("/admin/show-in-full", { to: "https://elsewhere.example/" })).statusCode, 400);
			await admin.browser.get(audit);

			const asked = await admin.browser.post("/admin/show-in-full", { to: audit });
			assert.equal(asked.headers.location, "/admin/confirm");
			await admin.browser.get("/admin/confirm?method=backup_code");
			const proved = await admin.browser.post("/admin/confirm", { method: "backup_code", code: admin.codes[1]! });
			assert.equal(proved.headers.location, audit);
			for (const path of lists) assert.match((await admin.browser.get(path)).body, full, `confirmed: ${path}`);
		});

		test("support reads the last sign-in a person wrote masked too", async () => {
			const support = await operator(h, "support");
			const person = await signUpWithTwoFactor(h, uniqueUsername("remembers"));
			const id = newId(h.tessera.deps.random);
			await insertRecoveryRequest(
				h.tessera.store.db,
				{ id, accountId: person.id, message: "Lost everything", contactsUsed: "", lastSignIn: "from ada@example.com, texted +1 202 555 0199", ip: null, device: null },
				h.clock(),
			);
			const page = await support.browser.get(`/admin/recovery/request?id=${id}`);
			assert.equal(page.statusCode, 200);
			assert.doesNotMatch(page.body, /ada@example\.com|555 0199|2025550199/);
			assert.match(page.body, /a•••@example\.com/);
		});

		test("support reads no network address anywhere: audit log, exports, identity checks; an admin does", async () => {
			const support = await operator(h, "support");
			const admin = await operator(h, "admin");
			const person = await signUpWithTwoFactor(h, uniqueUsername("located"));
			await recordEvent(h.tessera.deps, h.tessera.store.db, { accountId: person.id, kind: "password_changed", client: { ip: "192.0.2.77", userAgent: "Mozilla/5.0 Firefox/120.0" }, detail: { via: "change" } }, h.clock());
			const id = await fileRequest(h, person.id);
			const paths = [
				`/admin/audit?user=${person.username}`,
				`/admin/audit/export.csv?user=${person.username}`,
				`/admin/audit/export.jsonl?user=${person.username}`,
				"/admin/recovery",
				`/admin/recovery/request?id=${id}`,
			];
			for (const path of paths) {
				const seen = await support.browser.get(path);
				assert.equal(seen.statusCode, 200, path);
				assert.ok(!seen.body.includes("192.0.2.77") && !seen.body.includes("198.51.100.7"), `support: ${path}`);
			}
			assert.match((await support.browser.get(`/admin/recovery/request?id=${id}`)).body, /network address not shown/);
			for (const path of paths.slice(0, 3)) assert.ok((await admin.browser.get(path)).body.includes("192.0.2.77"), `admin: ${path}`);
			for (const path of paths.slice(3)) assert.ok((await admin.browser.get(path)).body.includes("198.51.100.7"), `admin: ${path}`);
		});

		test("the audit log's kind filter takes only kinds of event; a decision records the operator's account", async () => {
			const admin = await operator(h, "admin");
			for (const kind of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
				const page = await admin.browser.get(`/admin/audit?kind=${kind}`);
				assert.equal(page.statusCode, 400, kind);
				assert.match(page.body, /Choose what happened from the list\./, kind);
			}
			const person = await signUpWithTwoFactor(h, uniqueUsername("decided"));
			const id = await fileRequest(h, person.id);
			const decided = await admin.browser.post("/admin/recovery/decide", { id, decision: "deny", note: "Could not confirm" });
			assert.equal(decided.statusCode, 303);
			const event = await h.tessera.store.db.selectFrom("security_events").select(["actor", "detail"]).where("kind", "=", "recovery_denied").where("account_id", "=", person.id).executeTakeFirstOrThrow();
			assert.equal(event.actor, `admin:${admin.username}`);
			assert.deepEqual(JSON.parse(event.detail ?? "{}"), { requestId: id, note: "Could not confirm", operator: { id: admin.id, username: admin.username, role: "admin" } });
		});

		test("signed out, the console sends to sign in; a query the schema refuses is a 400 first", async () => {
			const stranger = new FormClient(h.app);
			for (const path of ["/admin", "/admin/audit", "/admin/recovery", "/admin/apps"]) {
				const seen = await stranger.get(path);
				assert.equal(seen.statusCode, 303, path);
				assert.equal(seen.headers.location, "/sign-in", path);
			}
			assert.equal((await stranger.get("/admin/audit?nonsense=1")).statusCode, 400);
		});
	});
}
