import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { configReference } from "../../src/config.ts";
import { passwordFactor } from "../../src/core/authentication-strength.ts";
import { maskContact, refusalFor, secondFactorFresh } from "../../src/flows/console.ts";
import { authenticate } from "../../src/flows/sessions.ts";
import { allEvents, type SecurityEvent } from "../../src/flows/events.ts";
import { setRole } from "../../src/flows/operator.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, PASSWORD, signUp, signUpWithTwoFactor, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, startLiveHarness } from "../helpers/live.ts";
import { mark } from "../helpers/mailboxes.ts";

/**
 * The operator console's people: who may open it, finding a person, their page
 * (masked for support), and the actions, each with a reason, audited with the
 * operator, and only with the operator's own second factor proved in the last
 * five minutes.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SECRET = "7c".repeat(32);
const MINUTE = 60_000;

type Live = Awaited<ReturnType<typeof startLiveHarness>>;
type Person = Awaited<ReturnType<typeof signUpWithTwoFactor>>;

/** Signs in through the pages with the password and a code from the authenticator: the second factor is fresh from now. */
async function signInWithTotp(live: Live, user: Person, ip: string): Promise<FormClient> {
	const browser = new FormClient(live.h.app, ip);
	await browser.get("/sign-in");
	const step = await browser.post("/sign-in", { username: user.username, password: PASSWORD });
	assert.equal(step.headers.location, "/sign-in/verify");
	await browser.get("/sign-in/verify?method=totp");
	live.h.clock.advance(30_000);
	const done = await browser.post("/sign-in/verify", { method: "totp", code: totpCode(user.secret, live.h.clock()) });
	assert.equal(done.statusCode, 303, done.body);
	return browser;
}

async function eventsOf(live: Live, accountId: string): Promise<SecurityEvent[]> {
	const events: SecurityEvent[] = [];
	for await (const event of allEvents(live.h.tessera.deps.db)) if (event.accountId === accountId) events.push(event);
	return events;
}

function idOf(body: string, username: string): string {
	const match = new RegExp(`/admin/person\\?id=([A-Za-z0-9_-]+)"><bdi class="console-value">${username}<`).exec(body);
	assert.ok(match, `${username} among the results`);
	return match[1]!;
}

function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [join(ROOT, "src", "cli.ts"), ...args], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) => {
			if (error && typeof error.code !== "number") return reject(error);
			resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
		});
	});
}

describe("the console's rules", () => {
	test("masked values keep the first letter and domain of an address, the country code and last two digits of a number", () => {
		assert.equal(maskContact("email", "jeanne@example.com"), "j•••@example.com");
		assert.equal(maskContact("phone", "+33612345678"), "+33 • •• •• •• 78");
		assert.equal(maskContact("phone", "+12025550147"), "+1 ••• ••• ••47");
	});

	test("a second factor is fresh for five minutes; the password or an email code never counts", () => {
		const now = Date.UTC(2026, 5, 1, 12);
		const totp = (at: number) => ({ method: "totp", at, amr: ["otp"], level: "two_factor" as const });
		assert.equal(secondFactorFresh([passwordFactor(now), totp(now - 5 * MINUTE)], now), true);
		assert.equal(secondFactorFresh([passwordFactor(now), totp(now - 5 * MINUTE - 1)], now), false);
		assert.equal(secondFactorFresh([passwordFactor(now)], now), false);
		assert.equal(secondFactorFresh([passwordFactor(now), { method: "email", at: now, amr: ["otp"], level: "none" }], now), false);
	});

	test("no operator acts on their own account; support not on an admin's", () => {
		const support = { id: "s", username: "sam", role: "support" as const };
		const admin = { id: "a", username: "ada", role: "admin" as const };
		assert.equal(refusalFor(support, { id: "s", role: "support" }), "own_account");
		assert.equal(refusalFor(support, { id: "a", role: "admin" }), "admin_account");
		assert.equal(refusalFor(support, { id: "u", role: "user" }), undefined);
		assert.equal(refusalFor(support, { id: "t", role: "support" }), undefined);
		assert.equal(refusalFor(admin, { id: "b", role: "admin" }), undefined);
		assert.equal(refusalFor(admin, { id: "a", role: "admin" }), "own_account");
	});
});

for (const kind of await databaseKinds()) {
	describe(`the console's people (${kind})`, () => {
		let live: Live;
		let env: Record<string, string>;
		let admin: Person;
		let support: Person;
		let person: Person;
		let email: string;
		let phone: string;
		let adminBrowser: FormClient;
		let supportBrowser: FormClient;
		let personId: string;

		before(async () => {
			live = await startLiveHarness(kind, { TESSERA_SECRET: SECRET });
			const settings = new Set<string>(configReference.map(([name]) => name));
			env = Object.fromEntries(
				Object.entries(process.env).filter(
					(entry): entry is [string, string] => entry[1] !== undefined && !settings.has(entry[0]) && !entry[0].startsWith("TESSERA_") && !entry[0].startsWith("NODE_TEST"),
				),
			);
			Object.assign(env, {
				TESSERA_SECRET: SECRET,
				TESSERA_DELIVERY: "outbox",
				TESSERA_DATA_DIR: live.h.database.dataDir,
				...(kind === "postgres" ? { DATABASE_URL: live.h.database.url } : {}),
			});
			admin = await signUpWithTwoFactor(live.h, uniqueUsername("boss"));
			support = await signUpWithTwoFactor(live.h, uniqueUsername("desk"));
			person = await signUpWithTwoFactor(live.h, uniqueUsername("camille"));
			email = `reach.${Math.random().toString(36).slice(2, 10)}@example.org`;
			phone = aPhone();
			await live.addVerified(person.token, "email", email);
			await live.addVerified(person.token, "phone", phone);
			await setRole(live.h.tessera.deps, admin.username, "admin", "operator:test");
			// Support is given its role with the command, as an operator would.
			const role = await cli(env, "users", "role", support.username, "support");
			assert.equal(role.code, 0, role.stderr);
			assert.match(role.stdout, /is now support\./);
			adminBrowser = await signInWithTotp(live, admin, "203.0.113.10");
			supportBrowser = await signInWithTotp(live, support, "203.0.113.11");
			personId = idOf((await adminBrowser.get(`/admin?q=${person.username}`)).body, person.username);
		});
		after(async () => live.close());

		test("only operators open the console: others get a 404, the signed-out the sign-in; the navigation follows the role", async () => {
			const stranger = new FormClient(live.h.app);
			const signedOut = await stranger.get("/admin");
			assert.equal(signedOut.statusCode, 303);
			assert.equal(signedOut.headers.location, "/sign-in");
			const user = await signInWithTotp(live, await signUpWithTwoFactor(live.h), "203.0.113.12");
			for (const path of ["/admin", `/admin/person?id=${personId}`, `/admin/person/action?id=${personId}&action=lock`, "/admin/confirm"]) {
				assert.equal((await user.get(path)).statusCode, 404, path);
			}
			await user.get("/settings");
			assert.equal((await user.post("/admin/person/action", { id: personId, action: "lock", reason: "x" })).statusCode, 404);
			assert.doesNotMatch((await user.get("/settings")).body, /href="\/admin"/, "settings lead only operators to the console");

			const adminHome = await adminBrowser.get("/admin");
			assert.equal(adminHome.statusCode, 200);
			for (const href of ["/admin", "/admin/recovery", "/admin/audit", "/admin/reports", "/admin/apps", "/admin/webhooks"]) {
				assert.ok(adminHome.body.includes(`href="${href}"`), `an admin's navigation has ${href}`);
			}
			assert.match(adminHome.body, /<a href="\/admin" aria-current="page">People<\/a>/);
			assert.match(adminHome.body, /action="\/sign-out"/);
			const supportHome = await supportBrowser.get("/admin");
			assert.equal(supportHome.statusCode, 200);
			assert.ok(supportHome.body.includes('href="/admin/recovery"'));
			assert.ok(!supportHome.body.includes('href="/admin/apps"') && !supportHome.body.includes('href="/admin/webhooks"'), "support sees no apps or webhooks");
			assert.match((await supportBrowser.get("/settings")).body, /href="\/admin"/, "settings lead operators to the console");
			// Support may not ask to see contact values in full.
			assert.equal((await supportBrowser.post("/admin/person/reveal", { id: personId })).statusCode, 404);
		});

		test("search: by email and phone exactly after normalisation, by username from its beginning, a page at a time", async () => {
			const byEmail = await adminBrowser.get(`/admin?q=${encodeURIComponent(`  ${email.toUpperCase()} `)}`);
			assert.equal(idOf(byEmail.body, person.username), personId);
			// The number as people write it: spaces and dashes, still found.
			const written = `${phone.slice(0, 2)} ${phone.slice(2, 5)}-${phone.slice(5, 8)}-${phone.slice(8)}`;
			const byPhone = await adminBrowser.get(`/admin?q=${encodeURIComponent(written)}`);
			assert.equal(idOf(byPhone.body, person.username), personId);
			const partOfEmail = await adminBrowser.get(`/admin?q=${encodeURIComponent(email.slice(0, -4))}`);
			assert.doesNotMatch(partOfEmail.body, new RegExp(personId), "an address is matched whole, not in part");
			const byPrefix = await adminBrowser.get(`/admin?q=${person.username.slice(0, 9).toUpperCase()}`);
			assert.equal(idOf(byPrefix.body, person.username), personId);
			const nobody = await adminBrowser.get("/admin?q=nobody_by_that_name");
			assert.match(nobody.body, /No one matches/);

			const prefix = `page${Date.now().toString(36).slice(-5)}`;
			for (let i = 0; i < 22; i++) await signUp(live.h.app, `${prefix}_${String(i).padStart(2, "0")}`);
			const first = await adminBrowser.get(`/admin?q=${prefix}`);
			const names = (body: string) => [...body.matchAll(new RegExp(`>(${prefix}_\\d\\d)<`, "g"))].map((m) => m[1]!);
			assert.equal(names(first.body).length, 20);
			assert.equal(names(first.body)[0], `${prefix}_00`);
			const more = /href="(\/admin\?q=[^"]+after=[^"]+)"/.exec(first.body);
			assert.ok(more, "a link to the next page");
			const second = await adminBrowser.get(more[1]!.replaceAll("&amp;", "&"));
			assert.deepEqual(names(second.body), [`${prefix}_20`, `${prefix}_21`]);
			assert.doesNotMatch(second.body, /after=/, "no page after the last");
		});

		test("support sees contact values masked, in the page and its source; an admin sees them in full only with a fresh second factor", async () => {
			const local = email.split("@")[0]!;
			const digits = phone.slice(2);
			const found = await supportBrowser.get(`/admin?q=${encodeURIComponent(email)}`);
			const page = await supportBrowser.get(`/admin/person?id=${personId}`);
			// The search page repeats what support typed (the field, the language links back to it); nothing else.
			const typedAside = found.body.replace(/<input id="q"[^>]*>/, "").replace(/href="\/language\?[^"]*"/g, "");
			for (const body of [page.body, typedAside]) {
				assert.ok(!body.includes(local), "not the address's name");
				assert.ok(!body.includes(email), "not the address");
				assert.ok(!body.includes(digits.slice(-6)) && !body.includes(phone), "not the number");
			}
			assert.ok(page.body.includes(`${email[0]}•••@example.org`), "the address, masked");
			assert.match(page.body, /\+1 •••? ••• ••\d\d/, "the number, masked to its last two digits");
			assert.ok(page.body.includes(phone.slice(-2)));
			assert.doesNotMatch(page.body, /Show them in full/);
			assert.match(page.body, /Backup codes[\s\S]*?of 10 left|Backup codes<\/dt><dd>\d+ of \d+ left/);
			assert.ok(!person.codes.some((code) => page.body.includes(code)), "never a backup code");
			assert.ok(page.body.includes("203.0.113") === false, "support does not see the addresses sessions came from");

			// Even with a fresh second factor, an admin sees them masked until asking, with a reason.
			const fresh = await adminBrowser.get(`/admin/person?id=${personId}`);
			assert.ok(!fresh.body.includes(email) && !fresh.body.includes(phone), "not in full without asking");
			assert.match(fresh.body, /Show them in full/);
			const revealed = async () => (await eventsOf(live, personId)).filter((e) => e.kind === "contacts_revealed");
			const noReason = await adminBrowser.post("/admin/person/reveal", { id: personId, reason: "  " });
			assert.equal(noReason.statusCode, 400);
			assert.match(noReason.body, /Give a reason\./);
			assert.ok(!noReason.body.includes(email));
			assert.equal((await revealed()).length, 0, "nothing shown, nothing recorded");
			const asked = await adminBrowser.post("/admin/person/reveal", { id: personId, reason: "Ticket 4411: confirming the caller" });
			assert.equal(asked.statusCode, 200);
			assert.ok(asked.body.includes(email) && asked.body.includes("+1 202"), "shown in full once asked");
			const [first, ...others] = await revealed();
			assert.equal(others.length, 0);
			assert.equal(first!.actor, `admin:${admin.username}`);
			assert.deepEqual(first!.detail, { reason: "Ticket 4411: confirming the caller", operator: { id: admin.id, username: admin.username, role: "admin" } });
			assert.ok(!(await adminBrowser.get(`/admin/person?id=${personId}`)).body.includes(email), "opening the page again: masked");

			live.h.clock.advance(6 * MINUTE);
			const stale = await adminBrowser.get(`/admin/person?id=${personId}`);
			assert.ok(!stale.body.includes(email), "five minutes on, masked");
			assert.match(stale.body, /Show them in full/);
			const reveal = await adminBrowser.post("/admin/person/reveal", { id: personId, reason: "Ticket 4412" });
			assert.equal(reveal.headers.location, "/admin/confirm");
			assert.equal((await revealed()).length, 1, "not before re-proving");
			const confirm = await adminBrowser.get("/admin/confirm");
			assert.match(confirm.body, /Confirm it(&#39;|')s you/);
			live.h.clock.advance(30_000);
			const proved = await adminBrowser.post("/admin/confirm", { method: "totp", code: totpCode(admin.secret, live.h.clock()) });
			assert.equal(proved.headers.location, `/admin/person?id=${personId}`);
			assert.ok((await adminBrowser.get(`/admin/person?id=${personId}`)).body.includes(email));
			const both = await revealed();
			assert.equal(both.length, 2);
			assert.equal(both.find((e) => e.id !== first!.id)!.detail["reason"], "Ticket 4412");
			assert.ok(!(await adminBrowser.get(`/admin/person?id=${personId}`)).body.includes(email), "once only");
		});

		test("the person's page: state, methods, codes left, sessions, trusted devices, apps and recent events", async () => {
			const page = await adminBrowser.get(`/admin/person?id=${personId}`);
			assert.equal(page.statusCode, 200);
			for (const words of ["Active", "Authenticator app", "Signed-in browsers", "Trusted devices", "Apps with access", "Recent security events"]) {
				assert.ok(page.body.includes(words), words);
			}
			assert.match(page.body, /\d+ of 10 left/);
			assert.match(page.body, /href="\/admin\/person\/action\?id=[^"]+&amp;action=lock"/);
			assert.match(page.body, /data-kind="two_factor_enabled"/);
		});

		test("lock with a reason: the account locks, the person hears on every channel, the audit has who, what and why", async () => {
			await adminBrowser.get(`/admin/person?id=${personId}`);
			live.h.clock.advance(30_000);
			// The admin proved their second factor moments ago (the test before): no confirmation asked.
			const form = await adminBrowser.get(`/admin/person/action?id=${personId}&action=lock`);
			assert.equal(form.statusCode, 200);
			assert.match(form.body, /name="reason"/);
			const since = mark();
			const locked = await adminBrowser.post("/admin/person/action", { id: personId, action: "lock", reason: "Ticket 4411: phone stolen" });
			assert.equal(locked.statusCode, 303, locked.body);
			assert.equal(locked.headers.location, `/admin/person?id=${personId}&notice=lock`);
			const after = await adminBrowser.follow(locked);
			assert.match(after.body, /The account is locked, and the person has been alerted/);
			assert.match(after.body, /Locked/);
			await live.settle();
			await live.smtp.nextAlert(email, since);
			await live.sms.nextAlert(phone, since);
			const events = await eventsOf(live, personId);
			const lock = events.find((e) => e.kind === "account_locked");
			assert.ok(lock);
			assert.equal(lock.actor, `admin:${admin.username}`);
			assert.deepEqual(lock.detail, { reason: "Ticket 4411: phone stolen", operator: { id: admin.id, username: admin.username, role: "admin" } });
			// The same in the export an auditor reads.
			const exported = await cli(env, "audit", "export", "--user", person.username);
			assert.equal(exported.code, 0, exported.stderr);
			const line = exported.stdout
				.trim()
				.split("\n")
				.map((l) => JSON.parse(l) as { kind: string; actor: string; detail: Record<string, unknown> })
				.find((l) => l.kind === "account_locked");
			assert.equal(line?.actor, `admin:${admin.username}`);
			assert.equal(line?.detail["reason"], "Ticket 4411: phone stolen");

			await adminBrowser.get(`/admin/person/action?id=${personId}&action=unlock`);
			const unlocked = await adminBrowser.post("/admin/person/action", { id: personId, action: "unlock", reason: "Ticket 4411: phone found" });
			assert.equal(unlocked.headers.location, `/admin/person?id=${personId}&notice=unlock`);
			assert.equal((await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } })).statusCode, 200);
		});

		test("no action without a form token, and bad input is refused with a 4xx", async () => {
			await adminBrowser.get(`/admin/person/action?id=${personId}&action=lock`);
			const before = (await eventsOf(live, personId)).length;
			const forged = await adminBrowser.post("/admin/person/action", { id: personId, action: "lock", reason: "forged" }, { csrf: null });
			assert.equal(forged.statusCode, 403);
			const wrong = await adminBrowser.post("/admin/person/action", { id: personId, action: "lock", reason: "forged" }, { csrf: "x".repeat(43) });
			assert.equal(wrong.statusCode, 403);
			assert.equal((await eventsOf(live, personId)).length, before, "nothing happened");

			const cases: [Record<string, string>, number][] = [
				[{ id: personId, action: "lock", reason: "   " }, 400],
				[{ id: personId, action: "lock" }, 400],
				[{ id: personId, action: "explode", reason: "why not" }, 400],
				[{ action: "lock", reason: "why" }, 400],
				[{ id: personId, action: "lock", reason: "x".repeat(501) }, 400],
				[{ id: "no-such-account", action: "lock", reason: "why" }, 404],
				[{ id: personId, action: "lock", reason: "why", extra: "1" }, 400],
			];
			for (const [fields, status] of cases) {
				await adminBrowser.get("/admin");
				const answer = await adminBrowser.post("/admin/person/action", fields);
				assert.equal(answer.statusCode, status, JSON.stringify(fields));
			}
			await adminBrowser.get(`/admin/person/action?id=${personId}&action=lock`);
			const empty = await adminBrowser.post("/admin/person/action", { id: personId, action: "lock", reason: "" });
			assert.match(empty.body, /Give a reason/);
			for (const path of ["/admin/person?id=nope", `/admin/person/action?id=${personId}&action=explode`, "/admin/person", "/admin?q=a&page=2"]) {
				const answer = await adminBrowser.get(path);
				assert.ok(answer.statusCode === 400 || answer.statusCode === 404, `${path}: ${answer.statusCode}`);
			}
			assert.equal((await eventsOf(live, personId)).length, before, "still nothing happened");
		});

		test("a second factor older than five minutes: confirm it's you first, then back to the form with the reason kept", async () => {
			live.h.clock.advance(6 * MINUTE);
			const form = await supportBrowser.get(`/admin/person/action?id=${personId}&action=sign_out`);
			assert.match(form.body, /You will first confirm it(&#39;|')s you/);
			// The person is signed in on one device and halfway through signing in on another.
			const signing = await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } });
			const signedIn = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: (signing.json() as { secondFactor: { challenge: string } }).secondFactor.challenge, method: "backup_code", code: person.codes[2]! },
			});
			assert.equal(signedIn.statusCode, 201, signedIn.body);
			const personToken = (signedIn.json() as { session: { token: string } }).session.token;
			const personSession = await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } });
			assert.equal(personSession.statusCode, 200);
			const asked = await supportBrowser.post("/admin/person/action", { id: personId, action: "sign_out", reason: "Caller says a laptop was lost" });
			assert.equal(asked.statusCode, 303);
			assert.equal(asked.headers.location, "/admin/confirm");
			const step = await supportBrowser.get("/admin/confirm");
			assert.match(step.body, /Confirm it(&#39;|')s you/);
			await live.settle();
			assert.ok(!(await eventsOf(live, personId)).some((e) => e.kind === "sessions_ended"), "nothing done yet, not even after the answer was sent");
			assert.equal((await api(live.h.app, "/account", { token: personToken })).statusCode, 200, "the person is still signed in");
			const bad = await supportBrowser.post("/admin/confirm", { method: "totp", code: "000000" });
			assert.equal(bad.statusCode, 401);
			live.h.clock.advance(30_000);
			const proved = await supportBrowser.post("/admin/confirm", { method: "totp", code: totpCode(support.secret, live.h.clock()) });
			assert.equal(proved.headers.location, `/admin/person/action?id=${personId}&action=sign_out`);
			const back = await supportBrowser.get(String(proved.headers.location));
			assert.match(back.body, />Caller says a laptop was lost<\/textarea>/, "the reason is kept");
			assert.doesNotMatch(back.body, /You will first confirm/);
			const since = mark();
			const done = await supportBrowser.post("/admin/person/action", { id: personId, action: "sign_out", reason: "Caller says a laptop was lost" });
			assert.equal(done.headers.location, `/admin/person?id=${personId}&notice=sign_out`);
			const ended = (await eventsOf(live, personId)).find((e) => e.kind === "sessions_ended");
			assert.equal(ended?.actor, `support:${support.username}`);
			assert.deepEqual(ended?.detail["operator"], { id: support.id, username: support.username, role: "support" });
			assert.equal(ended?.detail["reason"], "Caller says a laptop was lost");
			await live.settle();
			await live.smtp.nextAlert(email, since);
			await live.sms.nextAlert(phone, since);
			// The person's sign-in before it is over: the second step no longer goes anywhere.
			const token = (personSession.json() as { secondFactor: { challenge: string } }).secondFactor.challenge;
			const late = await api(live.h.app, "/sessions/second-factor", { body: { challenge: token, method: "backup_code", code: person.codes[1]! } });
			assert.equal(late.statusCode, 410, `a sign-in in progress ended too: ${late.body}`);
			assert.equal((await api(live.h.app, "/account", { token: personToken })).statusCode, 401, "every session ended");
			await assert.rejects(authenticate(live.h.tessera.deps, personToken));
		});

		test("no acting on one's own account, support not on an admin's, and not without two-factor", async () => {
			const adminId = idOf((await adminBrowser.get(`/admin?q=${admin.username}`)).body, admin.username);
			const own = await adminBrowser.get(`/admin/person?id=${adminId}`);
			assert.match(own.body, /This is your own account: another operator must act on it/);
			assert.doesNotMatch(own.body, /action=lock/);
			await adminBrowser.get(`/admin/person/action?id=${adminId}&action=lock`);
			const refused = await adminBrowser.post("/admin/person/action", { id: adminId, action: "lock", reason: "testing" });
			assert.equal(refused.statusCode, 403);
			assert.match(refused.body, /your own account/);

			const onAdmin = await supportBrowser.get(`/admin/person/action?id=${adminId}&action=reset_two_factor`);
			assert.equal(onAdmin.statusCode, 403);
			await supportBrowser.get("/admin");
			const refusedSupport = await supportBrowser.post("/admin/person/action", { id: adminId, action: "reset_two_factor", reason: "testing" });
			assert.equal(refusedSupport.statusCode, 403);
			assert.match(refusedSupport.body, /only an admin can act on it/);
			assert.ok(!(await eventsOf(live, adminId)).some((e) => e.kind === "two_factor_reset" || e.kind === "account_locked"));

			// An operator without two-factor: told to turn it on, nothing done.
			const bare = await signUp(live.h.app, uniqueUsername("nofactor"));
			await setRole(live.h.tessera.deps, bare.username, "support", "operator:test");
			const browser = new FormClient(live.h.app, "203.0.113.14");
			await browser.get("/sign-in");
			await browser.post("/sign-in", { username: bare.username, password: PASSWORD });
			await browser.get(`/admin/person/action?id=${personId}&action=lock`);
			const noFactor = await browser.post("/admin/person/action", { id: personId, action: "lock", reason: "testing" });
			assert.equal(noFactor.statusCode, 403);
			assert.match(noFactor.body, /Turn on two-factor authentication for your own account/);
			assert.ok(!(await eventsOf(live, personId)).some((e) => e.kind === "account_locked" && e.actor === `support:${bare.username}`));
		});

		test("reset two-factor: the next sign-in must set it up again, the person hears on every channel", async () => {
			live.h.clock.advance(30_000);
			const admin2 = adminBrowser;
			await admin2.get(`/admin/person/action?id=${personId}&action=reset_two_factor`);
			const since = mark();
			// The admin's own second factor is older than five minutes by now: confirm it's them, then send the form again.
			live.h.clock.advance(6 * MINUTE);
			const asked = await admin2.post("/admin/person/action", { id: personId, action: "reset_two_factor", reason: "Identity checked by video call" });
			assert.equal(asked.headers.location, "/admin/confirm");
			await admin2.get("/admin/confirm");
			live.h.clock.advance(30_000);
			await admin2.post("/admin/confirm", { method: "totp", code: totpCode(admin.secret, live.h.clock()) });
			await admin2.get(`/admin/person/action?id=${personId}&action=reset_two_factor`);
			const done = await admin2.post("/admin/person/action", { id: personId, action: "reset_two_factor", reason: "Identity checked by video call" });
			assert.equal(done.headers.location, `/admin/person?id=${personId}&notice=reset_two_factor`);
			const page = await admin2.follow(done);
			assert.match(page.body, /Must set up two-factor again/);
			await live.settle();
			const alert = await live.smtp.nextAlert(email, since);
			assert.match(alert.body, /two-factor/i);
			await live.sms.nextAlert(phone, since);
			const resets = (await eventsOf(live, personId)).filter((e) => e.kind === "two_factor_reset");
			assert.equal(resets.length, 1, "reset once");
			const reset = resets[0];
			assert.equal(reset?.actor, `admin:${admin.username}`);
			assert.equal(reset?.detail["reason"], "Identity checked by video call");
		});
	});
}
