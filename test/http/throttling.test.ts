import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Redis } from "ioredis";
import { counterSetups } from "../helpers/databases.ts";
import {
	aWrongCode,
	api,
	errorCode,
	type Harness,
	PASSWORD,
	passwordStep,
	signUp,
	signUpWithTwoFactor,
	startHarness,
	uniqueUsername,
} from "../helpers/harness.ts";

const wrongPassword = (h: Harness, username: string, ip?: string) =>
	api(h.app, "/sessions", { body: { username, password: "definitely wrong" }, ...(ip ? { ip } : {}) });

for (const { kind, env, label } of await counterSetups()) {
	describe(`throttling (${label})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, env);
		});
		after(() => h.close());

		test("ten wrong passwords for one account, then 429 with Retry-After, until the window ends", async () => {
			const user = await signUp(h.app);
			for (let i = 0; i < 10; i++) {
				const response = await wrongPassword(h, user.username, `198.51.100.${i}`);
				assert.equal(response.statusCode, 401, `attempt ${i + 1}`);
			}
			const blocked = await api(h.app, "/sessions", {
				body: { username: user.username, password: PASSWORD },
				ip: "198.51.100.200",
			});
			assert.equal(blocked.statusCode, 429, "even the right password waits: the account is being guessed at");
			assert.equal(errorCode(blocked), "too_many_attempts");
			assert.equal(blocked.headers["retry-after"], String(15 * 60));
			h.clock.advance(10 * 60_000);
			assert.equal(
				(await wrongPassword(h, user.username)).headers["retry-after"],
				String(5 * 60),
				"Retry-After counts down",
			);
			h.clock.advance(5 * 60_000);
			const later = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(later.statusCode, 201);
		});

		test("unknown usernames are throttled like real ones", async () => {
			const ghost = uniqueUsername("ghost");
			for (let i = 0; i < 10; i++) await wrongPassword(h, ghost, `198.51.100.${i}`);
			const blocked = await wrongPassword(h, ghost, "198.51.100.99");
			assert.equal(blocked.statusCode, 429);
		});

		test("one address guessing many accounts is throttled", async () => {
			const ip = "192.0.2.50";
			for (let i = 0; i < 50; i++) {
				assert.equal((await wrongPassword(h, uniqueUsername("spray"), ip)).statusCode, 401);
			}
			const blocked = await wrongPassword(h, uniqueUsername("spray"), ip);
			assert.equal(blocked.statusCode, 429);
			assert.ok(Number(blocked.headers["retry-after"]) > 0);
			const elsewhere = await wrongPassword(h, uniqueUsername("spray"), "192.0.2.51");
			assert.equal(elsewhere.statusCode, 401, "other addresses are not affected");
			h.clock.advance(15 * 60_000);
		});

		test("parallel wrong passwords cannot slip past the limit", async () => {
			const user = await signUp(h.app);
			const responses = await Promise.all(
				Array.from({ length: 40 }, (_, i) => wrongPassword(h, user.username, `203.0.113.${i}`)),
			);
			const evaluated = responses.filter((r) => r.statusCode === 401).length;
			const refused = responses.filter((r) => r.statusCode === 429).length;
			assert.equal(evaluated, 10);
			assert.equal(refused, 30);
			h.clock.advance(15 * 60_000);
		});

		test("wrong codes are counted per account across challenges and addresses", async () => {
			const user = await signUpWithTwoFactor(h);
			for (let i = 0; i < 10; i++) {
				const { challenge } = await passwordStep(h, user.username, `198.18.0.${i}`);
				const response = await api(h.app, "/sessions/second-factor", {
					body: { challenge, method: "backup_code", code: aWrongCode(h) },
					ip: `198.18.0.${i}`,
				});
				assert.equal(response.statusCode, 401);
			}
			const { challenge } = await passwordStep(h, user.username, "198.18.1.1");
			const blocked = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: user.codes[0] },
				ip: "198.18.1.1",
			});
			assert.equal(blocked.statusCode, 429, "even a right code waits once the limit is reached");
			assert.equal(blocked.headers["retry-after"], String(60 * 60));
			h.clock.advance(60 * 60_000);
			const next = await passwordStep(h, user.username);
			const ok = await api(h.app, "/sessions/second-factor", {
				body: { challenge: next.challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(ok.statusCode, 201, "the code was not burned while refused");
		});

		test("one address guessing codes across many accounts is throttled", async () => {
			const ip = "198.19.7.7";
			let wrong = 0;
			while (wrong < 50) {
				const user = await signUpWithTwoFactor(h);
				for (let i = 0; i < 9 && wrong < 50; i++, wrong++) {
					const { challenge } = await passwordStep(h, user.username, ip);
					const response = await api(h.app, "/sessions/second-factor", {
						body: { challenge, method: "backup_code", code: aWrongCode(h) },
						ip,
					});
					assert.equal(response.statusCode, 401, `wrong code ${wrong + 1}`);
				}
			}
			const fresh = await signUpWithTwoFactor(h);
			const { challenge } = await passwordStep(h, fresh.username, ip);
			const blocked = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: fresh.codes[0] },
				ip,
			});
			assert.equal(blocked.statusCode, 429);
			assert.equal(errorCode(blocked), "too_many_attempts");
			h.clock.advance(60 * 60_000);
		});

		test("parallel wrong codes cannot slip past the limit", async () => {
			const user = await signUpWithTwoFactor(h);
			const { challenge } = await passwordStep(h, user.username);
			const responses = await Promise.all(
				Array.from({ length: 40 }, (_, i) =>
					api(h.app, "/sessions/second-factor", {
						body: { challenge, method: "backup_code", code: aWrongCode(h) },
						ip: `203.0.113.${i}`,
					}),
				),
			);
			assert.equal(responses.filter((r) => r.statusCode === 401).length, 10);
			assert.equal(responses.filter((r) => r.statusCode === 429).length, 30);
			h.clock.advance(60 * 60_000);
		});

		test("a flood of wrong passwords for one account from one address: no deadlock, exactly the limit checked", async () => {
			const user = await signUp(h.app);
			for (let round = 0; round < 3; round++) {
				const responses = await Promise.all(
					Array.from({ length: 50 }, () => wrongPassword(h, user.username, "203.0.113.200")),
				);
				const statuses = responses.map((r) => r.statusCode);
				assert.ok(statuses.every((s) => s === 401 || s === 429), statuses.join(","));
				assert.equal(statuses.filter((s) => s === 401).length, round === 0 ? 10 : 0);
			}
			h.clock.advance(15 * 60_000);
		});

		test("many right passwords at once are not refused while wrong ones are in flight", async () => {
			const user = await signUp(h.app);
			const responses = await Promise.all(
				Array.from({ length: 20 }, () =>
					api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD }, ip: "203.0.113.201" }),
				),
			);
			assert.deepEqual(
				responses.map((r) => r.statusCode),
				Array(20).fill(201),
			);
		});

		test("addresses in one IPv6 /64 share a limit; another /64 does not", async () => {
			for (let i = 0; i < 50; i++) {
				const ip = `2001:db8:aaaa:1::${(i + 1).toString(16)}`;
				assert.equal((await wrongPassword(h, uniqueUsername("v6"), ip)).statusCode, 401);
			}
			assert.equal((await wrongPassword(h, uniqueUsername("v6"), "2001:db8:aaaa:1:ffff::9")).statusCode, 429);
			assert.equal((await wrongPassword(h, uniqueUsername("v6"), "2001:db8:aaaa:2::1")).statusCode, 401);
			h.clock.advance(15 * 60_000);
		});

		test("what was typed as a username does not rest in the throttle table", async () => {
			const typed = "my-actual-password-Hunter2!";
			await wrongPassword(h, typed);
			let keys: string[];
			if (env.REDIS_URL) {
				const redis = new Redis(env.REDIS_URL);
				keys = await redis.keys("tessera:throttle:*");
				await redis.quit();
			} else {
				keys = (await h.tessera.store.db.selectFrom("throttle_counters").select("key").execute()).map((r) => r.key);
			}
			assert.ok(keys.length > 0, "the attempt was counted");
			assert.ok(keys.every((key) => !key.toLowerCase().includes("hunter2")));
		});

		test("the right password does not use up the allowance", async () => {
			const user = await signUp(h.app);
			for (let i = 0; i < 25; i++) {
				const ok = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
				assert.equal(ok.statusCode, 201);
			}
			for (let i = 0; i < 10; i++) assert.equal((await wrongPassword(h, user.username, `10.9.8.${i}`)).statusCode, 401);
		});
	});

	describe(`throttling behind a proxy, and sign-ups (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, {
				TESSERA_TRUST_PROXY: "1",
				TESSERA_LIMIT_PASSWORD_ADDRESS: "3/15m",
				TESSERA_LIMIT_SIGNUP_ADDRESS: "3/1h",
			});
		});
		after(() => h.close());

		const viaProxy = (forwardedFor: string, body: unknown, url = "/api/v1/sessions") =>
			h.app.inject({
				method: "POST",
				url,
				payload: JSON.stringify(body),
				headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
				remoteAddress: "127.0.0.1",
			});

		test("a client cannot choose its address by writing X-Forwarded-For itself", async () => {
			const statuses: number[] = [];
			for (let i = 0; i < 6; i++) {
				const response = await viaProxy(`10.66.0.${i}, 192.0.2.44`, { username: uniqueUsername("xff"), password: "wrong password" });
				statuses.push(response.statusCode);
			}
			assert.deepEqual(statuses, [401, 401, 401, 429, 429, 429], "counted as 192.0.2.44, the address the proxy saw");
			const other = await viaProxy("192.0.2.45", { username: uniqueUsername("xff"), password: "wrong password" });
			assert.equal(other.statusCode, 401);
		});

		test("sign-up attempts are limited per address, whatever their outcome", async () => {
			const ip = "192.0.2.60";
			const taken = uniqueUsername("taken");
			assert.equal((await viaProxy(ip, { username: taken, password: PASSWORD }, "/api/v1/accounts")).statusCode, 201);
			assert.equal((await viaProxy(ip, { username: taken, password: PASSWORD }, "/api/v1/accounts")).statusCode, 409);
			assert.equal((await viaProxy(ip, { username: uniqueUsername(), password: PASSWORD }, "/api/v1/accounts")).statusCode, 201);
			const blocked = await viaProxy(ip, { username: taken, password: PASSWORD }, "/api/v1/accounts");
			assert.equal(blocked.statusCode, 429, "probing a taken name counts too");
			assert.equal(blocked.headers["retry-after"], "3600");
			const elsewhere = await viaProxy("192.0.2.61", { username: uniqueUsername(), password: PASSWORD }, "/api/v1/accounts");
			assert.equal(elsewhere.statusCode, 201);
		});
	});
}
