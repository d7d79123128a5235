import assert from "node:assert/strict";
import type { BackupCodeMethod } from "../../src/methods/backup-code/backup-codes.ts";
import { after, before, describe, test } from "node:test";
import { formatWhen } from "../../src/i18n/time.ts";
import { databaseKinds } from "../helpers/databases.ts";
import {
	aTypo,
	aWrongCode,
	api,
	errorCode,
	type Harness,
	PASSWORD,
	passwordStep,
	signUp,
	signUpWithTwoFactor,
	startHarness,
	totpCode,
} from "../helpers/harness.ts";

for (const kind of await databaseKinds()) {
	describe(`authenticator app and backup codes (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		test("enrolment needs the password and completes only after a first valid code", async () => {
			const user = await signUp(h.app);
			const wrong = await api(h.app, "/account/totp", { token: user.token, body: { password: "not my password" } });
			assert.equal(wrong.statusCode, 401);
			assert.equal(errorCode(wrong), "invalid_credentials");

			const enroll = await api(h.app, "/account/totp", { token: user.token, body: { password: PASSWORD } });
			assert.equal(enroll.statusCode, 201);
			const { secret, otpauthUri, qrCodeSvg } = enroll.json();
			assert.match(secret, /^[A-Z2-7]{32}$/, "160-bit key in base32");
			const uri = new URL(otpauthUri);
			assert.equal(uri.protocol, "otpauth:");
			assert.equal(uri.host, "totp");
			assert.equal(decodeURIComponent(uri.pathname), `/Tessera:${user.username}`);
			assert.equal(uri.searchParams.get("secret"), secret);
			assert.equal(uri.searchParams.get("issuer"), "Tessera");
			assert.match(qrCodeSvg, /^<svg[\s\S]*<\/svg>\s*$/);

			const before = await api(h.app, "/account", { token: user.token });
			assert.equal(before.json().twoFactor.enabled, false, "not on until a code is confirmed");
			const signIn = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(signIn.statusCode, 201, "sign-in still needs no second factor");

			const bad = await api(h.app, "/account/totp/confirm", { token: user.token, body: { code: "000000" } });
			assert.equal(bad.statusCode, 401);
			assert.equal(errorCode(bad), "invalid_code");

			const confirm = await api(h.app, "/account/totp/confirm", {
				token: user.token,
				body: { code: totpCode(secret, h.clock()) },
			});
			assert.equal(confirm.statusCode, 200);
			const body = confirm.json();
			assert.equal(body.twoFactor.enabled, false, "not on until a backup code is typed back");
			assert.deepEqual(body.twoFactor.requiredActions, ["finish_two_factor"]);
			assert.equal(body.backupCodes.status, "pending");
			assert.equal(Date.parse(body.backupCodes.expiresAt), h.clock() + 60 * 60_000);
			assert.equal(body.backupCodes.codes.length, 10);
			assert.equal(new Set(body.backupCodes.codes).size, 10);
			for (const code of body.backupCodes.codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
			const stillPasswordOnly = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(stillPasswordOnly.statusCode, 201, "two-factor does not count as on yet");

			const typo = await api(h.app, "/account/backup-codes/confirm", {
				token: user.token,
				body: { code: aTypo(body.backupCodes.codes[0]) },
			});
			assert.equal(typo.statusCode, 400);
			assert.equal(errorCode(typo), "code_typo");
			const notOne = await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: aWrongCode(h) } });
			assert.equal(errorCode(notOne), "invalid_code");
			const saved = await api(h.app, "/account/backup-codes/confirm", {
				token: user.token,
				body: { code: body.backupCodes.codes[3].toLowerCase() },
			});
			assert.equal(saved.statusCode, 200);
			assert.deepEqual(saved.json().backupCodes, { remaining: 10, total: 10, createdAt: new Date(h.clock()).toISOString() });
			assert.equal(saved.json().twoFactor.enabled, true);
			assert.deepEqual(saved.json().twoFactor.methods, ["totp", "backup_code"]);
			assert.deepEqual(saved.json().twoFactor.requiredActions, []);

			const after = await api(h.app, "/account", { token: user.token });
			assert.equal(after.json().twoFactor.backupCodes.remaining, 10, "the code typed back stays usable");
			assert.equal(after.json().twoFactor.backupCodes.total, 10);
			assert.equal(after.json().twoFactor.pendingBackupCodes, null);
			assert.ok(!JSON.stringify(after.json()).includes(body.backupCodes.codes[0]), "codes are never shown again");
			const needsCode = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(needsCode.statusCode, 200, "now sign-in asks for the second factor");

			const again = await api(h.app, "/account/totp", { token: user.token, body: { password: PASSWORD } });
			assert.equal(again.statusCode, 409);
			assert.equal(errorCode(again), "two_factor_already_enabled");
		});

		test("a restarted set-up never confirms a key the person did not scan", async () => {
			const user = await signUp(h.app);
			const first = await api(h.app, "/account/totp", { token: user.token, body: { password: PASSWORD } });
			const totp = h.tessera.deps.methods.get("totp");
			const enrolment = totp.enrolment!;
			const context = { accountId: user.id, username: user.username, client: { ip: "127.0.0.1" } };
			// The first code is checked against the first key...
			const checked = await enrolment.check(context, { code: totpCode(first.json().secret, h.clock()) });
			// ...while another tab starts over with a new key...
			const second = await api(h.app, "/account/totp", { token: user.token, body: { password: PASSWORD } });
			assert.notEqual(second.json().secret, first.json().secret);
			// ...so confirming with the first key's check must not confirm the second key.
			await assert.rejects(
				h.tessera.store.db.transaction().execute((tx) => enrolment.confirm(tx, context, checked, h.clock())),
				(e: Error & { code?: string }) => e.code === "totp_not_pending",
			);
			const confirm = await api(h.app, "/account/totp/confirm", {
				token: user.token,
				body: { code: totpCode(second.json().secret, h.clock()) },
			});
			assert.equal(confirm.statusCode, 200);
			assert.equal(await totp.isEnrolled(h.tessera.store.db, user.id), true);
			await assert.rejects(
				h.tessera.store.db.transaction().execute((tx) => enrolment.begin(tx, context, undefined, h.clock())),
				(e: Error & { code?: string }) => e.code === "two_factor_already_enabled",
			);
		});

		test("once every backup code is used, backup codes are no longer offered", async () => {
			const user = await signUpWithTwoFactor(h);
			for (const code of user.codes) {
				const { challenge } = await passwordStep(h, user.username);
				const response = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } });
				assert.equal(response.statusCode, 201);
			}
			const { methods } = await passwordStep(h, user.username);
			assert.deepEqual(methods, ["totp"]);
			const account = await api(h.app, "/account", { token: user.token });
			assert.deepEqual(account.json().twoFactor.backupCodes.remaining, 0, "settings still show the spent list");
		});

		test("with two-factor on and no usable method left, the password alone never signs in: only recovery is offered", async () => {
			const user = await signUpWithTwoFactor(h);
			const db = h.tessera.store.db;
			await db.deleteFrom("totp_credentials").where("account_id", "=", user.id).execute();
			await db.updateTable("backup_codes").set({ used_at: h.clock() }).where("account_id", "=", user.id).execute();
			const response = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(response.statusCode, 200);
			assert.equal(response.json().session, undefined);
			const { challenge, methods, preferred } = response.json().secondFactor;
			assert.deepEqual(methods, []);
			assert.equal(preferred, null);
			const guess = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: user.codes[0] } });
			assert.equal(errorCode(guess), "method_not_available");
			const options = await api(h.app, "/recovery/options", { body: { challenge } });
			assert.equal(options.statusCode, 200);
		});

		test("with every code used and a new set saved but not confirmed, the new codes still sign in", async () => {
			const user = await signUpWithTwoFactor(h);
			for (const code of user.codes) {
				const { challenge } = await passwordStep(h, user.username);
				await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } });
			}
			const fresh = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			const { methods, challenge } = await passwordStep(h, user.username);
			assert.deepEqual(methods, ["totp", "backup_code"]);
			const response = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: fresh.json().codes[0] },
			});
			assert.equal(response.statusCode, 201);
			assert.deepEqual(response.json().requiredActions, []);
		});

		test("after the last backup code, the next sign-in, by any method, asks for a new set first", async () => {
			const user = await signUpWithTwoFactor(h);
			for (const code of user.codes) {
				const { challenge } = await passwordStep(h, user.username);
				await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } });
			}
			h.clock.advance(30_000);
			const { challenge } = await passwordStep(h, user.username);
			const response = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "totp", code: totpCode(user.secret, h.clock()) },
			});
			assert.equal(response.statusCode, 201);
			assert.deepEqual(response.json().requiredActions, ["new_backup_codes"]);
		});

		test("racing changes to one account's codes never fail with a 500", async () => {
			const user = await signUpWithTwoFactor(h);
			// Six at once: within the account's budget of new sets and the queue's admission of settings work.
			const many = await Promise.all(
				Array.from({ length: 6 }, () => api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } })),
			);
			assert.deepEqual(
				many.map((r) => r.statusCode),
				Array(6).fill(201),
			);
			const pending = await h.tessera.store.db
				.selectFrom("backup_code_sets")
				.select("id")
				.where("account_id", "=", user.id)
				.where("status", "=", "pending")
				.execute();
			assert.equal(pending.length, 1, "one set waits: the last one made");
			const last = many.map((r) => r.json().codes as string[]);
			const confirms = await Promise.all([
				...last.map((codes) => api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: codes[0] } })),
				api(h.app, "/account/totp/disable", { token: user.token, body: { password: PASSWORD } }),
			]);
			for (const r of confirms) assert.ok(r.statusCode < 500, r.body);
			assert.ok(confirms.slice(0, -1).filter((r) => r.statusCode === 200).length <= 1);
		});

		test("sign-in asks for the second factor, offering every method the account has", async () => {
			const user = await signUpWithTwoFactor(h);
			const response = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(response.statusCode, 200);
			const { secondFactor } = response.json();
			assert.deepEqual(secondFactor.methods, ["totp", "backup_code"]);
			assert.equal(secondFactor.preferred, "totp");
			assert.match(secondFactor.challenge, /^[A-Za-z0-9_-]{43}$/);
			assert.equal(Date.parse(secondFactor.expiresAt), h.clock() + 10 * 60_000);
			assert.equal(response.json().session, undefined, "no session before the second factor");
		});

		test("a TOTP code signs in once; the same code is refused if sent again", async () => {
			const user = await signUpWithTwoFactor(h);
			const code = totpCode(user.secret, h.clock());
			const first = await passwordStep(h, user.username);
			const ok = await api(h.app, "/sessions/second-factor", {
				body: { challenge: first.challenge, method: "totp", code },
			});
			assert.equal(ok.statusCode, 201);
			const token = ok.json().session.token;
			assert.equal((await api(h.app, "/account", { token })).statusCode, 200);

			const second = await passwordStep(h, user.username);
			const replay = await api(h.app, "/sessions/second-factor", {
				body: { challenge: second.challenge, method: "totp", code },
			});
			assert.equal(replay.statusCode, 401);
			assert.equal(errorCode(replay), "code_already_used");
		});

		test("TOTP accepts one step of drift either way, not two", async () => {
			const user = await signUpWithTwoFactor(h);
			h.clock.advance(5 * 30_000);
			const now = h.clock();
			for (const [offset, expected] of [
				[-60_000, 401],
				[60_000, 401],
				[-30_000, 201],
				[30_000, 201],
			] as const) {
				const { challenge } = await passwordStep(h, user.username);
				const response = await api(h.app, "/sessions/second-factor", {
					body: { challenge, method: "totp", code: totpCode(user.secret, now + offset) },
				});
				assert.equal(response.statusCode, expected, `offset ${offset}`);
			}
		});

		test("a backup code works once and reports how many remain", async () => {
			const user = await signUpWithTwoFactor(h);
			const [code] = user.codes;
			const first = await passwordStep(h, user.username);
			const ok = await api(h.app, "/sessions/second-factor", {
				body: { challenge: first.challenge, method: "backup_code", code },
			});
			assert.equal(ok.statusCode, 201);
			assert.deepEqual(ok.json().backupCodes, { remaining: 9, runningLow: false });

			const second = await passwordStep(h, user.username);
			const again = await api(h.app, "/sessions/second-factor", {
				body: { challenge: second.challenge, method: "backup_code", code },
			});
			assert.equal(again.statusCode, 401);
			assert.equal(errorCode(again), "code_already_used");
			assert.match(again.json().error.message, /already used/);

			const account = await api(h.app, "/account", { token: ok.json().session.token });
			assert.equal(account.json().twoFactor.backupCodes.remaining, 9);
		});

		test("backup codes are accepted however they are typed", async () => {
			const user = await signUpWithTwoFactor(h);
			const variants = [
				user.codes[1]!.toLowerCase(),
				` ${user.codes[2]!.replace("-", " ")} `,
				user.codes[3]!.replace("-", ""),
				user.codes[4]!.replace(/0/g, "O").replace(/1/g, "l"),
				[...user.codes[5]!].map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join(""),
				user.codes[6]!.replace("-", "\u200b"),
			];
			for (const typed of variants) {
				const { challenge } = await passwordStep(h, user.username);
				const response = await api(h.app, "/sessions/second-factor", {
					body: { challenge, method: "backup_code", code: typed },
				});
				assert.equal(response.statusCode, 201, JSON.stringify(typed));
			}
		});

		test("a wrong code is refused, and the challenge stays open for another try", async () => {
			const user = await signUpWithTwoFactor(h);
			const { challenge } = await passwordStep(h, user.username);
			const wrong = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: aWrongCode(h) },
			});
			assert.equal(wrong.statusCode, 401);
			assert.equal(errorCode(wrong), "invalid_code");
			const right = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(right.statusCode, 201);
			const reuse = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: user.codes[1] },
			});
			assert.equal(reuse.statusCode, 410, "a challenge ends with its session");
			assert.equal(errorCode(reuse), "challenge_expired");
			const row = await h.tessera.store.db
				.selectFrom("backup_codes")
				.select((eb) => eb.fn.countAll<number>().as("n"))
				.where("account_id", "=", user.id)
				.where("used_at", "is", null)
				.executeTakeFirstOrThrow();
			assert.equal(Number(row.n), 9, "the refused attempt did not burn the second code");
		});

		test("a challenge expires after 10 minutes", async () => {
			const user = await signUpWithTwoFactor(h);
			const { challenge } = await passwordStep(h, user.username);
			h.clock.advance(10 * 60_000);
			const late = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(late.statusCode, 410);
			assert.equal(errorCode(late), "challenge_expired");
			const account = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(account.statusCode, 200, "starting again works");
		});

		test("an unknown challenge is expired, not an error", async () => {
			for (const challenge of ["A".repeat(43), "nope", ""]) {
				const response = await api(h.app, "/sessions/second-factor", {
					body: { challenge, method: "totp", code: "123456" },
				});
				assert.equal(response.statusCode, 410, challenge);
			}
		});

		test("get new codes: needs the password; the old set works until a new code is typed back", async () => {
			const user = await signUpWithTwoFactor(h);
			const wrong = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: "nope nope nope" } });
			assert.equal(errorCode(wrong), "invalid_credentials");
			const fresh = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			assert.equal(fresh.statusCode, 201);
			assert.equal(fresh.json().status, "pending");
			assert.equal(Date.parse(fresh.json().expiresAt), h.clock() + 60 * 60_000);
			const codes: string[] = fresh.json().codes;
			assert.equal(codes.length, 10);
			assert.equal(codes.filter((c) => user.codes.includes(c)).length, 0);

			const old = await passwordStep(h, user.username);
			const oldCode = await api(h.app, "/sessions/second-factor", {
				body: { challenge: old.challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(oldCode.statusCode, 201, "the old set keeps working while the new one waits");

			const confirmed = await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: codes[5] } });
			assert.equal(confirmed.statusCode, 200);
			assert.deepEqual(confirmed.json().backupCodes, { remaining: 10, total: 10, createdAt: new Date(h.clock()).toISOString() });

			const replaced = await passwordStep(h, user.username);
			const oldAgain = await api(h.app, "/sessions/second-factor", {
				body: { challenge: replaced.challenge, method: "backup_code", code: user.codes[1] },
			});
			assert.equal(oldAgain.statusCode, 401);
			assert.equal(errorCode(oldAgain), "code_replaced");
			assert.match(oldAgain.json().error.message, /replaced \(.* UTC\)/);
			const newCode = await api(h.app, "/sessions/second-factor", {
				body: { challenge: replaced.challenge, method: "backup_code", code: codes[5] },
			});
			assert.equal(newCode.statusCode, 201, "the code typed back to confirm stays usable");
			assert.deepEqual(newCode.json().backupCodes, { remaining: 9, runningLow: false });
		});

		test("a new set that is never confirmed is dropped after an hour; the old set stays", async () => {
			const user = await signUpWithTwoFactor(h);
			const fresh = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			const codes: string[] = fresh.json().codes;
			h.clock.advance(60 * 60_000);
			const late = await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: codes[0] } });
			assert.equal(late.statusCode, 409);
			assert.equal(errorCode(late), "no_pending_codes");
			await h.tessera.prune();
			const sets = await h.tessera.store.db
				.selectFrom("backup_code_sets")
				.select("status")
				.where("account_id", "=", user.id)
				.execute();
			assert.deepEqual(sets.map((s) => s.status), ["active"], "the expired pending set is gone");
			const { challenge } = await passwordStep(h, user.username);
			const oldStillWorks = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(oldStillWorks.statusCode, 201);
		});

		test("a code from a waiting set, used to sign in, proves the set was saved and makes it the working one", async () => {
			const user = await signUpWithTwoFactor(h);
			const fresh = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			const codes: string[] = fresh.json().codes;
			const { challenge } = await passwordStep(h, user.username);
			const signedIn = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: codes[2] } });
			assert.equal(signedIn.statusCode, 201);
			assert.deepEqual(signedIn.json().backupCodes, { remaining: 9, runningLow: false });
			const next = await passwordStep(h, user.username);
			const old = await api(h.app, "/sessions/second-factor", {
				body: { challenge: next.challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(errorCode(old), "code_replaced");
		});

		test("each failure says precisely why, and a typo is never counted as a guess", async () => {
			const user = await signUpWithTwoFactor(h);
			const first = await passwordStep(h, user.username);
			await api(h.app, "/sessions/second-factor", {
				body: { challenge: first.challenge, method: "backup_code", code: user.codes[0] },
			});
			const usedAt = formatWhen(h.clock());
			h.clock.advance(60_000);
			const { challenge } = await passwordStep(h, user.username);
			const attempt = (code: string) =>
				api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } });

			for (let i = 0; i < 30; i++) {
				const typo = await attempt(aTypo(user.codes[1]!));
				assert.equal(typo.statusCode, 400);
				assert.equal(errorCode(typo), "code_typo");
			}
			const used = await attempt(user.codes[0]!);
			assert.equal(errorCode(used), "code_already_used");
			assert.ok(used.json().error.message.includes(usedAt), used.json().error.message);
			const wrong = await attempt(aWrongCode(h));
			assert.equal(errorCode(wrong), "invalid_code");
			const ok = await attempt(user.codes[1]!);
			assert.equal(ok.statusCode, 201, "thirty typos did not use up the ten allowed wrong codes");
			const counter = await h.tessera.store.db
				.selectFrom("throttle_counters")
				.select(["count", "pending"])
				.where("key", "=", h.tessera.deps.attempts.key("code:account", user.id))
				.executeTakeFirstOrThrow();
			assert.deepEqual({ count: Number(counter.count), pending: Number(counter.pending) }, { count: 2, pending: 0 }, "two wrong guesses counted");
		});

		test("checking a code costs exactly one argon2id, however many codes and sets are kept", async () => {
			const user = await signUpWithTwoFactor(h);
			for (let i = 0; i < 3; i++) {
				const fresh = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
				await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: fresh.json().codes[0] } });
			}
			await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			const sets = await h.tessera.store.db.selectFrom("backup_code_sets").select("status").where("account_id", "=", user.id).execute();
			assert.equal(sets.length, 5, "one working, one pending, three replaced sets kept");
			const stats = (h.tessera.deps.methods.fallback as BackupCodeMethod).stats;
			for (const code of [aWrongCode(h), user.codes[0]!, aWrongCode(h)]) {
				const { challenge } = await passwordStep(h, user.username);
				const before = stats.checkHashes;
				await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } });
				assert.equal(stats.checkHashes - before, 1);
			}
			const { challenge } = await passwordStep(h, user.username);
			const before = stats.checkHashes;
			await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: aTypo(user.codes[2]!) } });
			assert.equal(stats.checkHashes - before, 0, "a typo is recognised without hashing");
		});

		test("when few codes are left the response says so; after the last, a new set is required", async () => {
			const user = await signUpWithTwoFactor(h);
			const results: { remaining: number; runningLow: boolean; required: string[] }[] = [];
			for (const code of user.codes) {
				const { challenge } = await passwordStep(h, user.username);
				const response = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } });
				results.push({ ...response.json().backupCodes, required: response.json().requiredActions });
			}
			assert.deepEqual(
				results.map((r) => r.runningLow),
				[false, false, false, false, false, false, true, true, true, true],
			);
			assert.deepEqual(results.at(-1), { remaining: 0, runningLow: true, required: ["new_backup_codes"] });
			const account = await api(h.app, "/account", { token: user.token });
			assert.deepEqual(account.json().twoFactor.requiredActions, ["new_backup_codes"]);
		});

		test("the authenticator, as the last way in, cannot be removed: turning two-factor off needs the password and a second factor", async () => {
			const user = await signUpWithTwoFactor(h);
			const last = await api(h.app, "/account/totp/disable", { token: user.token, body: { password: PASSWORD } });
			assert.equal(last.statusCode, 409);
			assert.equal(errorCode(last), "last_second_factor");

			const wrong = await api(h.app, "/account/two-factor/disable", { token: user.token, body: { password: "wrong wrong" } });
			assert.equal(errorCode(wrong), "invalid_credentials");
			const pending = await passwordStep(h, user.username);
			const step = await api(h.app, "/account/two-factor/disable", { token: user.token, body: { password: PASSWORD } });
			assert.equal(step.statusCode, 200);
			const { challenge, methods } = step.json().secondFactor;
			assert.deepEqual(methods, ["totp", "backup_code"]);
			const asSignIn = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(asSignIn.statusCode, 410, "a turn-off challenge cannot open a session");
			const bad = await api(h.app, "/account/two-factor/disable/confirm", {
				token: user.token,
				body: { challenge, method: "totp", code: "000000" },
			});
			assert.equal(errorCode(bad), "invalid_code");
			const stranger = await signUpWithTwoFactor(h);
			const notMine = await api(h.app, "/account/two-factor/disable/confirm", {
				token: stranger.token,
				body: { challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(notMine.statusCode, 410, "another account's session cannot use this challenge");
			const off = await api(h.app, "/account/two-factor/disable/confirm", {
				token: user.token,
				body: { challenge, method: "totp", code: totpCode(user.secret, h.clock()) },
			});
			assert.equal(off.statusCode, 200, off.body);
			assert.deepEqual(off.json().twoFactor, {
				enabled: false,
				methods: [],
				preferred: null,
				backupCodes: null,
				pendingBackupCodes: null,
				requiredActions: [],
			});
			const signIn = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(signIn.statusCode, 201, "password alone signs in again");
			const stale = await api(h.app, "/sessions/second-factor", {
				body: { challenge: pending.challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(stale.statusCode, 410, "a sign-in that was waiting for a code cannot finish");
			const twice = await api(h.app, "/account/two-factor/disable", { token: user.token, body: { password: PASSWORD } });
			assert.equal(errorCode(twice), "two_factor_not_enabled");
		});

		test("a second set-up after turning off issues a fresh set of codes", async () => {
			const user = await signUpWithTwoFactor(h);
			const step = await api(h.app, "/account/two-factor/disable", { token: user.token, body: { password: PASSWORD } });
			await api(h.app, "/account/two-factor/disable/confirm", {
				token: user.token,
				body: { challenge: step.json().secondFactor.challenge, method: "backup_code", code: user.codes[1] },
			});
			const enroll = await api(h.app, "/account/totp", { token: user.token, body: { password: PASSWORD } });
			const confirm = await api(h.app, "/account/totp/confirm", {
				token: user.token,
				body: { code: totpCode(enroll.json().secret, h.clock()) },
			});
			assert.equal(confirm.statusCode, 200);
			assert.equal(confirm.json().backupCodes.codes.length, 10);
			const fresh: string[] = confirm.json().backupCodes.codes;
			assert.equal(fresh.filter((c) => user.codes.includes(c)).length, 0);
			await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: fresh[0] } });
			const account = await api(h.app, "/account", { token: user.token });
			assert.equal(account.json().twoFactor.backupCodes.remaining, 10);
			const { challenge } = await passwordStep(h, user.username);
			const old = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: user.codes[0] } });
			assert.equal(errorCode(old), "code_replaced", "codes from before two-factor was turned off are from an old list");
		});

		test("no backup code and no authenticator key is stored in plain text", async () => {
			const user = await signUpWithTwoFactor(h);
			const tables = ["backup_codes", "backup_code_sets", "totp_credentials", "accounts", "sessions"] as const;
			let dump = "";
			for (const table of tables) dump += JSON.stringify(await h.tessera.store.db.selectFrom(table).selectAll().execute());
			for (const code of user.codes) {
				assert.ok(!dump.includes(code), code);
				assert.ok(!dump.includes(code.replace("-", "")), code);
			}
			assert.ok(!dump.includes(user.secret));
			assert.ok(!dump.includes(Buffer.from(user.secret).toString("base64")));
		});
	});
}
