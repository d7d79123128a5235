import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { decideRecoveryRequest } from "../../src/flows/identity-checks.ts";
import { MAX_SESSIONS_PER_ACCOUNT } from "../../src/flows/sessions.ts";
import { HashQueue } from "../../src/hashing.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, passwordStep, signUp, signUpWithTwoFactor, startHarness, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { startLiveHarness } from "../helpers/live.ts";

describe("the hashing queue", () => {
	const gate = () => {
		let open!: () => void;
		const opened = new Promise<void>((resolve) => {
			open = resolve;
		});
		return { opened, open };
	};

	test("elective work never takes the last thread, and only a few such requests are admitted: then server_busy with Retry-After", async () => {
		const queue = new HashQueue(2, { signIn: 100, electiveJobs: 2 });
		const held = gate();
		const running = [queue.job(() => queue.run(true, () => held.opened))];
		const waiting = [queue.job(() => queue.run(true, async () => "a"))];
		await assert.rejects(queue.job(async () => "c"), (error: { code?: string; retryAfterSeconds?: number }) => {
			assert.equal(error.code, "server_busy");
			assert.equal(error.retryAfterSeconds, 1);
			return true;
		});
		// The second thread is still free for a sign-in, at once.
		assert.equal(await queue.run(false, async () => "signed in"), "signed in");
		held.open();
		assert.deepEqual(await Promise.all(waiting), ["a"]);
		await Promise.all(running);
		assert.equal(await queue.job(async () => "admitted again"), "admitted again");
	});

	test("sign-ins waiting go before elective work waiting", async () => {
		const queue = new HashQueue(1, { signIn: 100, electiveJobs: 10 });
		const held = gate();
		const order: string[] = [];
		const first = queue.run(false, () => held.opened);
		const later = [
			queue.run(true, async () => void order.push("elective")),
			queue.run(false, async () => void order.push("sign-in 1")),
			queue.run(false, async () => void order.push("sign-in 2")),
		];
		held.open();
		await Promise.all([first, ...later]);
		assert.deepEqual(order, ["sign-in 1", "sign-in 2", "elective"]);
	});
});

for (const kind of await databaseKinds()) {
	describe(`what one account or one stranger can do (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, { TESSERA_LIMIT_PASSWORD_ADDRESS: "10000/15m" });
		});
		after(async () => h.close());

		test("new sets of backup codes have a budget (ten an hour), and so do password confirmations, right answers included (20 in 15 minutes)", async () => {
			const user = await signUpWithTwoFactor(h); // its first set is one of the ten
			const sets: number[] = [];
			for (let i = 0; i < 10; i++) sets.push((await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } })).statusCode);
			assert.deepEqual(sets, [...new Array(9).fill(201), 429]);
			h.clock.advance(16 * 60_000);
			const confirmations: number[] = [];
			for (let i = 0; i < 21; i++) {
				confirmations.push((await api(h.app, "/account/two-factor/disable", { token: user.token, body: { password: PASSWORD } })).statusCode);
			}
			assert.deepEqual(confirmations, [...new Array(20).fill(200), 429]);
			const refused = await api(h.app, "/account/two-factor/disable", { token: user.token, body: { password: PASSWORD } });
			assert.equal(errorCode(refused), "too_many_attempts");
			assert.ok(Number(refused.headers["retry-after"]) > 0);
			h.clock.advance(61 * 60_000);
			assert.equal((await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } })).statusCode, 201, "the next hour, again");
		});

		test("a stranger's wrong passwords do not lock the owner out on a trusted device", async () => {
			const user = await signUpWithTwoFactor(h);
			const step = await passwordStep(h, user.username);
			const trusted = await api(h.app, "/sessions/second-factor", {
				body: { challenge: step.challenge, method: "totp", code: totpCode(user.secret, h.clock()), trustDevice: true },
			});
			const deviceToken = trusted.json().device.token as string;
			for (let i = 0; i < 10; i++) {
				await api(h.app, "/sessions", { body: { username: user.username, password: `wrong guess ${i}` }, ip: `203.0.113.${i}` });
			}
			assert.equal(errorCode(await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } })), "too_many_attempts");
			const owner = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD, deviceToken } });
			assert.equal(owner.statusCode, 201, owner.body);
		});

		test("a throttled username says nothing of which email belongs to it", async () => {
			const user = await signUp(h.app);
			const email = `${user.username}@example.org`;
			await h.tessera.store.db
				.insertInto("contacts")
				.values({ id: `c-${user.username}`, account_id: user.id, kind: "email", value: email, verified_at: h.clock(), created_at: h.clock() })
				.execute();
			for (let i = 0; i < 10; i++) await api(h.app, "/sessions", { body: { username: user.username, password: `wrong ${i}` } });
			assert.equal(errorCode(await api(h.app, "/sessions", { body: { username: user.username, password: "wrong again" } })), "too_many_attempts");
			const theirs = await api(h.app, "/sessions", { body: { username: email, password: "wrong again" } });
			const someoneElses = await api(h.app, "/sessions", { body: { username: `${uniqueUsername()}@example.org`, password: "wrong again" } });
			assert.equal(theirs.statusCode, someoneElses.statusCode);
			assert.equal(theirs.body, someoneElses.body);
		});

		test(`one account holds at most ${MAX_SESSIONS_PER_ACCOUNT} sessions: a new one ends the oldest`, async () => {
			const user = await signUp(h.app);
			const tokens: string[] = [user.token];
			for (let i = 0; i < MAX_SESSIONS_PER_ACCOUNT; i++) {
				h.clock.advance(10);
				tokens.push((await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } })).json().session.token);
			}
			const live = await h.tessera.store.db.selectFrom("sessions").select("id").where("account_id", "=", user.id).execute();
			assert.equal(live.length, MAX_SESSIONS_PER_ACCOUNT);
			assert.equal((await api(h.app, "/account", { token: tokens[0] })).statusCode, 401, "the oldest ended");
			assert.equal((await api(h.app, "/account", { token: tokens[1] })).statusCode, 200);
			assert.equal((await api(h.app, "/account", { token: tokens.at(-1) })).statusCode, 200);
		});
	});

	describe(`operators (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(async () => live.close());

		test("an admin cannot decide an identity check on their own account; another operator can", async () => {
			const admin = await signUpWithTwoFactor(live.h);
			await live.h.tessera.store.db.updateTable("accounts").set({ role: "admin" }).where("id", "=", admin.id).execute();
			const { challenge } = await passwordStep(live.h, admin.username);
			const filed = await api(live.h.app, "/recovery/requests", { body: { challenge, message: "I lost my phone and my codes in a move." } });
			assert.equal(filed.statusCode, 201, filed.body);
			const id = filed.json().request.id as string;
			const own = decideRecoveryRequest(live.h.tessera.deps, { id, decision: "approve", actor: `admin:${admin.username}`, actorAccountId: admin.id, note: "it is me" });
			await assert.rejects(own, (error: { code?: string }) => error.code === "own_identity_check");
			const other = await decideRecoveryRequest(live.h.tessera.deps, { id, decision: "deny", actor: "operator:grace", note: "could not confirm" });
			assert.equal(other.request.status, "denied", "the request stayed open for someone else");
		});
	});
}
