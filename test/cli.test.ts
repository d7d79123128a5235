import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { configReference } from "../src/config.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, passwordStep, signUp, signUpWithTwoFactor, startHarness } from "./helpers/harness.ts";

/**
 * The operator command, `tessera`, run as a real process against the same
 * database as an in-process Tessera (which makes the accounts and signs in over
 * the JSON API). The two share one server secret.
 *
 * Clocks: the in-process Tessera runs on a manual clock (June 2026); the
 * command runs on the system clock. Events the command records carry the
 * system time, and it counts sessions against the system time.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "src", "cli.ts");
const SECRET = "5e".repeat(32);
const HOUR = 60 * 60_000;

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** The environment of the test runner, without any setting that would point the command elsewhere. */
function baseEnv(): Record<string, string> {
	const settings = new Set<string>(configReference.map(([name]) => name));
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined || settings.has(key) || key.startsWith("TESSERA_") || key.startsWith("NODE_TEST") || key === "SUDO_USER") continue;
		env[key] = value;
	}
	// The default operator name comes from the system user.
	env["USER"] = "jordan";
	return env;
}

/** Runs `tessera <args>` to its end; the exit code, whatever it is. */
function tessera(env: Record<string, string>, ...args: string[]): Promise<Run> {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) => {
			if (error && typeof error.code !== "number") {
				reject(new Error(`tessera ${args.join(" ")} did not end normally: ${error.message}\n${stderr}`));
				return;
			}
			resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
		});
	});
}

function show(run: Run): string {
	return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

interface AuditLine {
	at: string;
	id: string;
	accountId: string | null;
	username: string | null;
	kind: string;
	method: string | null;
	actor: string | null;
	ip: string | null;
	device: string | null;
	detail: Record<string, unknown>;
}

/** Every line of an export is one JSON object with the fields an auditor reads. */
function auditLines(run: Run): AuditLine[] {
	assert.equal(run.code, 0, show(run));
	if (run.stdout === "") return [];
	assert.ok(run.stdout.endsWith("\n"), "every line ends with a newline");
	return run.stdout
		.slice(0, -1)
		.split("\n")
		.map((line) => {
			const event = JSON.parse(line) as AuditLine;
			for (const field of ["at", "kind", "actor", "username"]) assert.ok(field in event, `${field} in ${line}`);
			assert.equal(new Date(event.at).toISOString(), event.at, "at is an ISO time");
			return event;
		});
}

const verbs = [
	"users show",
	"users lock",
	"users unlock",
	"users reset-2fa",
	"users role",
	"recovery list",
	"recovery show",
	"recovery approve",
	"recovery deny",
	"audit export",
	"webhooks add",
	"webhooks list",
	"webhooks remove",
	"webhooks disable",
	"webhooks enable",
	"webhooks rotate-secret",
	"webhooks log",
	"webhooks replay",
	"webhooks types",
	"ssf add",
	"ssf list",
	"ssf show",
	"ssf remove",
	"ssf rotate-token",
	"ssf status",
	"ssf log",
	"serve",
	"migrate",
];

describe("tessera: help and mistakes that need no database", () => {
	let dataDir: string;
	let env: Record<string, string>;
	before(() => {
		dataDir = mkdtempSync(join(tmpdir(), "tessera-cli-"));
		env = { ...baseEnv(), TESSERA_DATA_DIR: dataDir };
	});
	after(() => rmSync(dataDir, { recursive: true, force: true }));

	test("every verb takes --help, exits 0 and starts with its own Usage line", async () => {
		const runs = await Promise.all(verbs.map((verb) => tessera(env, ...verb.split(" "), "--help")));
		for (const [i, run] of runs.entries()) {
			assert.equal(run.code, 0, `${verbs[i]} --help\n${show(run)}`);
			assert.ok(run.stdout.startsWith(`Usage: tessera ${verbs[i]}`), `${verbs[i]} --help\n${show(run)}`);
			assert.equal(run.stderr, "");
		}
		// Help opens no database and writes no key file.
		assert.deepEqual(readdirSync(dataDir), []);
	});

	test("the command list, and unknown commands, verbs and options", async () => {
		const [help, none, unknown, unknownVerb, migrateArgs, users, badOption] = await Promise.all([
			tessera(env, "help"),
			tessera(env),
			tessera(env, "frobnicate"),
			tessera(env, "users", "delete", "someone"),
			tessera(env, "migrate", "now"),
			tessera(env, "users"),
			tessera(env, "users", "lock", "someone", "--force"),
		]);
		assert.equal(help.code, 0, show(help));
		assert.match(help.stdout, /^Usage: tessera <command>/);
		for (const verb of verbs) assert.ok(help.stdout.includes(verb.split(" ").at(-1)!), `help lists ${verb}`);
		assert.equal(none.code, 64, show(none));
		assert.match(none.stdout + none.stderr, /Usage: tessera <command>/);

		assert.equal(unknown.code, 64, show(unknown));
		assert.match(unknown.stderr, /tessera: unknown command "frobnicate"/);
		assert.match(unknown.stderr, /Usage: tessera <command>/);
		assert.equal(unknownVerb.code, 64, show(unknownVerb));
		assert.match(unknownVerb.stderr, /tessera: unknown command "users delete"/);
		assert.equal(migrateArgs.code, 64, show(migrateArgs));
		assert.match(migrateArgs.stderr, /migrate takes no arguments/);

		// "tessera users" alone lists what users can do, and is still a usage error.
		assert.equal(users.code, 64, show(users));
		for (const verb of verbs.filter((v) => v.startsWith("users "))) assert.ok(users.stderr.includes(`Usage: tessera ${verb}`), verb);

		assert.equal(badOption.code, 64, show(badOption));
		assert.match(badOption.stderr, /users lock: .*--force/);
		assert.match(badOption.stderr, /Usage: tessera users lock/);
		assert.deepEqual(readdirSync(dataDir), [], "no mistake above reached the database");
	});

	test("a verb's own mistakes are caught before anything is opened: missing or extra names, empty options", async () => {
		const unreachable = { ...env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" };
		const [noName, twoNames, emptyOperator, badRole, noReason] = await Promise.all([
			tessera(unreachable, "users", "show"),
			tessera(unreachable, "users", "lock", "alice", "bob"),
			tessera(unreachable, "users", "unlock", "alice", "--operator", ""),
			tessera(unreachable, "users", "role", "alice", "root"),
			tessera(unreachable, "users", "reset-2fa", "alice"),
		]);
		assert.equal(noName.code, 64, show(noName));
		assert.match(noName.stderr, /users show: a username is required/);
		assert.equal(twoNames.code, 64, show(twoNames));
		assert.match(twoNames.stderr, /unexpected argument "bob"/);
		assert.equal(emptyOperator.code, 64, show(emptyOperator));
		assert.match(emptyOperator.stderr, /--operator needs a name/);
		assert.equal(badRole.code, 64, show(badRole));
		assert.equal(noReason.code, 64, show(noReason));
		for (const run of [noName, twoNames, emptyOperator, badRole, noReason]) assert.doesNotMatch(run.stderr, /ECONNREFUSED/);
		assert.deepEqual(readdirSync(dataDir), [], "no key file, no database");
	});
});

for (const kind of await databaseKinds()) {
	describe(`tessera, the operator command (${kind})`, () => {
		let h: Harness;
		let env: Record<string, string>;
		/** Everything secret the test handled: none of it may ever reach the command's output. */
		const secrets: string[] = [PASSWORD];
		const cli = (...args: string[]) => tessera(env, ...args);
		const keep = <T extends { token?: string; codes?: string[]; secret?: string }>(user: T): T => {
			if (user.token) secrets.push(user.token);
			if (user.secret) secrets.push(user.secret);
			for (const code of user.codes ?? []) secrets.push(code, code.replace(/[-\s]/g, ""));
			return user;
		};
		const signIn = async (username: string, password = PASSWORD) => {
			const response = await api(h.app, "/sessions", { body: { username, password } });
			const token = (response.json() as { session?: { token: string } }).session?.token;
			if (token) secrets.push(token);
			return { response, token };
		};
		const assertNoSecrets = (text: string, where: string) => {
			assert.ok(!text.includes("$argon2"), `${where}: a password hash`);
			for (const secret of secrets) assert.ok(!text.includes(secret), `${where}: a secret (${secret.slice(0, 4)}…)`);
		};

		before(async () => {
			const shared = { TESSERA_SECRET: SECRET, TESSERA_DELIVERY: "outbox" };
			h = await startHarness(kind, shared);
			env = {
				...baseEnv(),
				...shared,
				TESSERA_DATA_DIR: h.database.dataDir,
				...(kind === "postgres" ? { DATABASE_URL: h.database.url } : {}),
			};
		});
		after(() => h.close());

		test("missing arguments, unknown accounts and requests: a clear message, exit 64 or 65, and nothing changes", async () => {
			const user = keep(await signUpWithTwoFactor(h));
			const [noName, noReason, noNote, badRole, noSuchUser, noSuchUserShow, noSuchRequest, badSince, noSuchUserAudit, upToDate] =
				await Promise.all([
					cli("users", "show"),
					cli("users", "reset-2fa", user.username),
					cli("recovery", "approve", "0123456789abcdef"),
					cli("users", "role", user.username, "root"),
					cli("users", "lock", "nobody_at_all"),
					cli("users", "show", "nobody_at_all"),
					cli("recovery", "show", "0123456789abcdef"),
					cli("audit", "export", "--since", "last tuesday"),
					cli("audit", "export", "--user", "nobody_at_all"),
					cli("migrate"),
				]);
			assert.equal(noName.code, 64, show(noName));
			assert.match(noName.stderr, /users show: a username is required/);
			assert.match(noName.stderr, /Usage: tessera users show/);
			assert.equal(noReason.code, 64, show(noReason));
			assert.match(noReason.stderr, /users reset-2fa: --reason is required/);
			assert.equal(noNote.code, 64, show(noNote));
			assert.match(noNote.stderr, /recovery approve: --note is required/);
			assert.equal(badRole.code, 64, show(badRole));
			assert.match(badRole.stderr, /"root" is not a role; use admin, support or user/);
			assert.equal(badSince.code, 64, show(badSince));
			assert.match(badSince.stderr, /--since last tuesday is not a date/);

			for (const run of [noSuchUser, noSuchUserShow, noSuchUserAudit]) {
				assert.equal(run.code, 65, show(run));
				assert.match(run.stderr, /^tessera: No account is called "nobody_at_all"\.$/m);
				assert.equal(run.stdout, "");
			}
			assert.equal(noSuchRequest.code, 65, show(noSuchRequest));
			assert.match(noSuchRequest.stderr, /no identity check has the id 0123456789abcdef/);

			assert.equal(upToDate.code, 0, show(upToDate));
			assert.match(upToDate.stdout, /The schema is up to date\./);

			// reset-2fa without a reason did nothing: the session lives, two-factor is on.
			const account = await api(h.app, "/account", { token: user.token });
			assert.equal(account.statusCode, 200);
			assert.equal(account.json().twoFactor.enabled, true);
		});

		test("users show: state, role, two-factor, methods and backup codes left, never a code, hash or token", async () => {
			const user = keep(await signUpWithTwoFactor(h));
			// One backup code spent signing in: the count goes down.
			const challenge = await passwordStep(h, user.username);
			secrets.push(challenge.challenge);
			const used = await api(h.app, "/sessions/second-factor", {
				body: { challenge: challenge.challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(used.statusCode, 201, used.body);
			secrets.push(used.json().session.token);
			const fromApi = (await api(h.app, "/account", { token: user.token })).json().twoFactor.backupCodes as {
				remaining: number;
				total: number;
			};
			assert.deepEqual([fromApi.remaining, fromApi.total], [9, 10], "ten codes, one used");

			const [text, json] = await Promise.all([cli("users", "show", user.username), cli("users", "show", user.username, "--json")]);
			assert.equal(text.code, 0, show(text));
			const lines = text.stdout.split("\n");
			assert.equal(lines[0], `${user.username} (${user.id})`);
			assert.match(text.stdout, /^ {2}state: +active$/m);
			assert.match(text.stdout, /^ {2}role: +user$/m);
			assert.match(text.stdout, /^ {2}two-factor: +on$/m);
			assert.match(text.stdout, /^ {2}methods: +.*\btotp\b/m);
			assert.match(text.stdout, /^ {2}methods: +.*\bbackup_code\b/m);
			assert.match(text.stdout, /^ {2}backup codes: +9 of 10 left \(set made 2026-06-01T/m);
			assert.match(text.stdout, /^ {2}last sign-in: +2026-06-01T/m);
			assert.match(text.stdout, /^ {2}recovery: +none$/m);
			assert.match(text.stdout, /^ {2}identity check: +none$/m);
			assertNoSecrets(text.stdout + text.stderr, "users show");

			assert.equal(json.code, 0, show(json));
			const report = JSON.parse(json.stdout);
			assert.equal(report.id, user.id);
			assert.equal(report.username, user.username);
			assert.equal(report.state, "active");
			assert.equal(report.lockedAt, null);
			assert.equal(report.role, "user");
			assert.equal(report.twoFactor, "on");
			assert.ok(report.methods.includes("totp") && report.methods.includes("backup_code"), report.methods);
			assert.equal(report.backupCodes.remaining, 9);
			assert.equal(report.backupCodes.total, 10);
			assert.deepEqual(report.contacts, []);
			assert.equal(report.recovery, null);
			assert.equal(report.identityCheck, null);
			assertNoSecrets(json.stdout + json.stderr, "users show --json");
		});

		test("users lock: sessions end and the right password answers like a wrong one; users unlock lets them in again", async () => {
			const user = keep(await signUp(h.app));
			const wrong = await signIn(user.username, "not the password at all");
			assert.equal(wrong.response.statusCode, 401);

			const lock = await cli("users", "lock", user.username, "--operator", "alice", "--reason", "laptop reported stolen");
			assert.equal(lock.code, 0, show(lock));
			assert.match(lock.stdout, new RegExp(`Locked ${user.username}\\. Its sessions have ended\\.`));

			assert.equal((await api(h.app, "/account", { token: user.token })).statusCode, 401, "the old session has ended");
			const right = await signIn(user.username);
			assert.equal(right.response.statusCode, wrong.response.statusCode);
			assert.deepEqual(right.response.json(), wrong.response.json(), "a locked account answers exactly like a wrong password");
			assert.equal(right.token, undefined);

			const [again, shown] = await Promise.all([cli("users", "lock", user.username, "--operator", "alice"), cli("users", "show", user.username)]);
			assert.equal(again.code, 0, show(again));
			assert.match(again.stdout, /was already locked/);
			assert.match(shown.stdout, /^ {2}state: +locked since \d{4}-\d\d-\d\dT/m);

			const unlock = await cli("users", "unlock", user.username, "--operator", "alice");
			assert.equal(unlock.code, 0, show(unlock));
			assert.match(unlock.stdout, new RegExp(`Unlocked ${user.username}\\.`));
			const back = await signIn(user.username);
			assert.equal(back.response.statusCode, 201, back.response.body);
			assert.equal((await api(h.app, "/account", { token: back.token })).statusCode, 200);

			const events = auditLines(await cli("audit", "export", "--user", user.username));
			const locked = events.filter((e) => e.kind === "account_locked");
			const unlocked = events.filter((e) => e.kind === "account_unlocked");
			assert.equal(locked.length, 1, "the second lock changed nothing and recorded nothing");
			assert.equal(locked[0]!.actor, "operator:alice");
			assert.equal(locked[0]!.username, user.username);
			assert.equal(locked[0]!.detail["reason"], "laptop reported stolen");
			assert.equal(unlocked.length, 1);
			assert.equal(unlocked[0]!.actor, "operator:alice");
			assert.equal(unlocked[0]!.username, user.username);
		});

		test("users reset-2fa: sessions and sign-ins in progress end, the next sign-in must set two-factor up first", async () => {
			const user = keep(await signUpWithTwoFactor(h));
			const inProgress = await passwordStep(h, user.username);
			secrets.push(inProgress.challenge);

			const reset = await cli("users", "reset-2fa", user.username, "--reason", "ID checked in person", "--operator", "alice");
			assert.equal(reset.code, 0, show(reset));
			assert.match(reset.stdout, new RegExp(`Two-factor of ${user.username} is reset`));

			assert.equal((await api(h.app, "/account", { token: user.token })).statusCode, 401, "the old session has ended");
			// A sign-in that was waiting for its second step cannot finish with an old backup code.
			const late = await api(h.app, "/sessions/second-factor", {
				body: { challenge: inProgress.challenge, method: "backup_code", code: user.codes[1] },
			});
			assert.ok(late.statusCode >= 400 && late.statusCode < 500, late.body);
			assert.equal(late.json().session, undefined);

			const next = await signIn(user.username);
			assert.equal(next.response.statusCode, 201, `the password alone gives a session: ${next.response.body}`);
			const account = await api(h.app, "/account", { token: next.token });
			assert.equal(account.statusCode, 200);
			assert.ok(account.json().twoFactor.requiredActions.includes("set_up_two_factor"), account.body);
			assert.equal(account.json().twoFactor.enabled, false);
			assert.equal(account.json().twoFactor.backupCodes, null, "the old backup codes are gone");
			const contacts = await api(h.app, "/account/contacts", { token: next.token });
			assert.equal(contacts.statusCode, 403);
			assert.equal(errorCode(contacts), "two_factor_setup_required");

			const [shown, audit] = await Promise.all([cli("users", "show", user.username, "--json"), cli("audit", "export", "--user", user.username)]);
			const report = JSON.parse(shown.stdout);
			assert.equal(report.twoFactor, "must be set up again");
			assert.deepEqual(report.methods, []);
			assert.equal(report.backupCodes, null);
			const resets = auditLines(audit).filter((e) => e.kind === "two_factor_reset");
			assert.equal(resets.length, 1);
			assert.equal(resets[0]!.actor, "operator:alice");
			assert.equal(resets[0]!.username, user.username);
			assert.equal(resets[0]!.detail["reason"], "ID checked in person");
		});

		test("recovery list, show, approve and deny", async () => {
			const fileRequest = async (username: string) => {
				const { challenge } = await passwordStep(h, username);
				secrets.push(challenge);
				const filed = await api(h.app, "/recovery/requests", {
					body: { challenge, message: "I lost my phone and my codes in a fire", contactsUsed: "", lastSignIn: "last week" },
				});
				assert.equal(filed.statusCode, 201, filed.body);
				return filed.json().request.id as string;
			};
			const approved = keep(await signUpWithTwoFactor(h));
			const denied = keep(await signUpWithTwoFactor(h));
			const a = await fileRequest(approved.username);
			h.clock.advance(60_000);
			const b = await fileRequest(denied.username);

			const [list, detail, listJson] = await Promise.all([cli("recovery", "list"), cli("recovery", "show", a), cli("recovery", "list", "--json")]);
			assert.equal(list.code, 0, show(list));
			assert.match(list.stdout, new RegExp(`^${a} +open +2026-06-01T\\S+ +${approved.username}$`, "m"));
			assert.match(list.stdout, new RegExp(`^${b} +open +2026-06-01T\\S+ +${denied.username}$`, "m"));
			assert.ok(list.stdout.indexOf(a) < list.stdout.indexOf(b), "oldest first");
			assert.deepEqual(
				(JSON.parse(listJson.stdout) as { id: string; status: string }[]).map((r) => [r.id, r.status]),
				[
					[a, "open"],
					[b, "open"],
				],
			);
			assert.equal(detail.code, 0, show(detail));
			assert.match(detail.stdout, new RegExp(`^Request ${a}$`, "m"));
			assert.match(detail.stdout, new RegExp(`^ {2}account: +${approved.username}$`, "m"));
			assert.match(detail.stdout, /^ {2}status: +open$/m);
			assert.match(detail.stdout, /^ {2}last sign-in: +last week$/m);
			assert.match(detail.stdout, /^ {4}I lost my phone and my codes in a fire$/m);

			const approve = await cli("recovery", "approve", a, "--note", "called them", "--operator", "alice");
			const approvedAt = Date.now();
			assert.equal(approve.code, 0, show(approve));
			const ready = /recovery waits until (\S+);/.exec(approve.stdout)?.[1];
			assert.ok(ready, approve.stdout);
			// The waiting period (72 hours by default) runs from the decision, on the system clock.
			assert.ok(Math.abs(Date.parse(ready) - (approvedAt + 72 * HOUR)) < 5 * 60_000, ready);

			const [twice, deny] = await Promise.all([
				cli("recovery", "approve", a, "--note", "called them again", "--operator", "alice"),
				cli("recovery", "deny", b, "--note", "could not reach them", "--operator", "alice"),
			]);
			assert.equal(twice.code, 65, show(twice));
			assert.match(twice.stderr, new RegExp(`Request ${a} is not open`));
			assert.equal(deny.code, 0, show(deny));
			assert.match(deny.stdout, new RegExp(`Denied the identity check of ${denied.username}\\.`));

			const [open, all, decided, shown, auditA, auditB] = await Promise.all([
				cli("recovery", "list"),
				cli("recovery", "list", "--all"),
				cli("recovery", "show", a),
				cli("users", "show", approved.username, "--json"),
				cli("audit", "export", "--user", approved.username),
				cli("audit", "export", "--user", denied.username),
			]);
			assert.match(open.stdout, /^No identity check is waiting\.$/m);
			assert.match(all.stdout, new RegExp(`^${a} +approved +`, "m"));
			assert.match(all.stdout, new RegExp(`^${b} +denied +`, "m"));
			assert.match(decided.stdout, /^ {2}decided: +\S+ by operator:alice: called them$/m);
			const report = JSON.parse(shown.stdout);
			assert.equal(report.recovery.via, "operator");
			assert.equal(report.recovery.readyAt, ready);
			assert.equal(report.identityCheck, null);

			const eventsA = auditLines(auditA);
			const kindsA = eventsA.map((e) => e.kind);
			for (const k of ["recovery_requested", "recovery_approved", "recovery_started"]) assert.ok(kindsA.includes(k), `${k} in ${kindsA}`);
			assert.ok(kindsA.indexOf("recovery_requested") < kindsA.indexOf("recovery_approved"));
			const approval = eventsA.find((e) => e.kind === "recovery_approved")!;
			assert.equal(approval.actor, "operator:alice");
			assert.equal(approval.detail["requestId"], a);
			assert.equal(approval.detail["note"], "called them");
			assert.equal(eventsA.find((e) => e.kind === "recovery_started")!.detail["via"], "operator");
			const denial = auditLines(auditB).filter((e) => e.kind === "recovery_denied");
			assert.equal(denial.length, 1);
			assert.equal(denial[0]!.actor, "operator:alice");
			assert.equal(denial[0]!.detail["note"], "could not reach them");
		});

		test("audit export: one JSON object a line, oldest first, filtered by --since and --user, never a secret", async () => {
			const user = keep(await signUp(h.app));
			h.clock.advance(HOUR);
			const cut = new Date(h.clock()).toISOString();
			await signIn(user.username);

			const [everything, since, sinceUser, future] = await Promise.all([
				cli("audit", "export"),
				cli("audit", "export", "--since", cut),
				cli("audit", "export", "--since", cut, "--user", user.username),
				cli("audit", "export", "--since", "2999-01-01"),
			]);
			const all = auditLines(everything);
			assert.ok(all.length > 20, `${all.length} events`);
			for (let i = 1; i < all.length; i += 1) assert.ok(all[i - 1]!.at <= all[i]!.at, "oldest first");
			assert.ok(all.some((e) => e.username === user.username && e.kind === "signed_in"));
			assert.ok(all.some((e) => e.actor === "operator:alice"));
			assertNoSecrets(everything.stdout + everything.stderr, "audit export");

			const after = auditLines(since);
			assert.ok(after.length > 0);
			assert.ok(after.length < all.length);
			for (const e of after) assert.ok(e.at >= cut, `${e.at} is not before ${cut}`);

			const mine = auditLines(sinceUser);
			assert.deepEqual(
				mine.map((e) => [e.username, e.kind]),
				[[user.username, "signed_in"]],
				"the sign-in after the cut, not the sign-up before it",
			);
			assert.equal(mine[0]!.at, cut);
			assert.deepEqual(auditLines(future), []);
		});

		test("users role: admin shows in users show; the operator defaults to the system user", async () => {
			// Sessions are counted against the system clock, so this one runs the in-process clock at the real time.
			h.clock.set(Date.now());
			const user = keep(await signUp(h.app));
			await signIn(user.username);

			const promote = await cli("users", "role", user.username, "admin");
			assert.equal(promote.code, 0, show(promote));
			assert.match(promote.stdout, new RegExp(`${user.username} is now an admin\\.`));
			const [shown, again, audit] = await Promise.all([
				cli("users", "show", user.username),
				cli("users", "role", user.username, "admin"),
				cli("audit", "export", "--user", user.username),
			]);
			assert.match(shown.stdout, /^ {2}role: +admin$/m);
			assert.match(shown.stdout, /^ {2}two-factor: +off$/m);
			assert.match(shown.stdout, /^ {2}methods: +none$/m);
			assert.match(shown.stdout, /^ {2}backup codes: +none$/m);
			assert.match(shown.stdout, /^ {2}sessions: +2, trusted devices: 0$/m);
			assert.match(again.stdout, /already had that role/);
			const changes = auditLines(audit).filter((e) => e.kind === "role_changed");
			assert.equal(changes.length, 1);
			assert.equal(changes[0]!.actor, "operator:jordan");
			assert.deepEqual(changes[0]!.detail, { from: "user", to: "admin" });
		});
	});
}
