import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { tokenHash } from "../../src/core/tokens.ts";
import { resetTwoFactor } from "../../src/flows/recovery.ts";
import type { MethodAnswer, MethodName, SecondFactorMethod } from "../../src/methods/types.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, PASSWORD, signUpWithTwoFactor, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, linkIn, startLiveHarness } from "../helpers/live.ts";
import { codeIn, mark } from "../helpers/mailboxes.ts";
import { SoftwareAuthenticator } from "../helpers/software-authenticator.ts";
import { methodRegistrations } from "../../src/methods/registry.ts";
import { ACR_PASSWORD, ACR_PHISHING_RESISTANT, ACR_TWO_FACTOR, registeredAmrValues } from "../../src/core/authentication-strength.ts";
import { hardwareToken, tokenCode } from "./fixtures/hardware-token.ts";

/**
 * The contract every registered second-factor method keeps, over the JSON API,
 * on both databases. The suite walks the registry (`deps.methods.all`), never a
 * list of names: a method registered without a fixture below fails loudly, so
 * none can be added without passing every test here. Expectations come from the
 * method's declared properties (`role`, `reachableByReset`, `keptWhenTurnedOff`,
 * `sendsCodes`), not from its name.
 *
 * Besides the registry's own methods, the suite registers one that exists only in the
 * tests (a hardware token, test/methods/fixtures/hardware-token.ts), with one line, to
 * show that a method is its folder plus that line.
 */

type Live = Awaited<ReturnType<typeof startLiveHarness>>;

// inject() sends Host: localhost:80: the page's origin is http://localhost:80 and the RP id "localhost".
const ORIGIN = "http://localhost:80";
const RP_ID = "localhost";
const NEW_PASSWORD = "a different horse battery staple 8";

/**
 * Someone with two-factor on: the authenticator app and backup codes (the only way to turn it
 * on), a verified email (where a password reset goes), and whatever the method's fixture adds.
 */
interface Person {
	id: string;
	username: string;
	token: string;
	secret: string;
	codes: string[];
	/** The next backup code never used yet (the one typed back at set-up stays usable, and is last). */
	nextBackupCode: number;
	email: string;
	/** One address per person, so that per-address budgets (sends, wrong codes) stay the person's own. */
	ip: string;
	phone?: string;
	authenticator?: SoftwareAuthenticator;
	tokenDevice?: { secret: string; counter: number };
}

/** What is submitted to prove a second step: a code, or (passkeys) an authenticator's assertion. */
type Answer = { method: MethodName; code: string } | { method: MethodName; response: unknown };

interface Fixture {
	/** Sets the method up on a person's account (two-factor already on, with a verified email). */
	enrol(live: Live, person: Person): Promise<void>;
	/**
	 * A fresh answer to this challenge, never given before: a new TOTP step, an unused backup
	 * code, a code sent for this sign-in, an assertion over this sign-in's WebAuthn options.
	 */
	answer(live: Live, person: Person, challenge: string): Promise<Answer>;
}

/** Adds an address and proves it with the code sent to it, from the person's own address. */
async function addVerified(live: Live, person: Person, kind: "email" | "phone", value: string): Promise<void> {
	const since = mark();
	const added = await api(live.h.app, "/account/contacts", { token: person.token, ip: person.ip, body: { kind, value, password: PASSWORD } });
	assert.equal(added.statusCode, 201, added.body);
	const message = kind === "email" ? await live.smtp.next(value, since) : await live.sms.next(value, since);
	const verified = await api(live.h.app, "/account/contacts/verify", { token: person.token, ip: person.ip, body: { kind, code: codeIn(message) } });
	assert.equal(verified.statusCode, 200, verified.body);
}

/** "Send me a code" for this sign-in, and the code as it arrived. */
async function sentCode(live: Live, person: Person, challenge: string, method: MethodName, to: string): Promise<string> {
	// A minute after the last code sent for a sign-in on this channel.
	live.h.clock.advance(61_000);
	const since = mark();
	const sent = await api(live.h.app, "/sessions/second-factor/send", { ip: person.ip, body: { challenge, method } });
	assert.equal(sent.statusCode, 202, sent.body);
	return codeIn(method === "sms" ? await live.sms.next(to, since) : await live.smtp.next(to, since));
}

/** One fixture per method name: how to enrol an account in it and how to answer a challenge with it. */
const fixtures: { [name in MethodName]: Fixture } = {
	passkey: {
		async enrol(live, person) {
			const authenticator = new SoftwareAuthenticator();
			const options = await api(live.h.app, "/account/passkeys/options", { token: person.token, ip: person.ip, body: { password: PASSWORD } });
			assert.equal(options.statusCode, 200, options.body);
			const created = await api(live.h.app, "/account/passkeys", {
				token: person.token,
				ip: person.ip,
				body: { name: "Laptop", response: authenticator.register(options.json().options, ORIGIN) },
			});
			assert.equal(created.statusCode, 201, created.body);
			person.authenticator = authenticator;
		},
		async answer(live, person, challenge) {
			const options = await api(live.h.app, "/sessions/second-factor/passkey/options", { ip: person.ip, body: { challenge } });
			assert.equal(options.statusCode, 200, options.body);
			return { method: "passkey", response: person.authenticator!.authenticate(options.json().options, ORIGIN) };
		},
	},
	totp: {
		async enrol() {
			// Turning two-factor on set the authenticator up.
		},
		async answer(live, person) {
			// A step no code was given for yet.
			live.h.clock.advance(30_000);
			return { method: "totp", code: totpCode(person.secret, live.h.clock()) };
		},
	},
	sms: {
		async enrol(live, person) {
			person.phone = aPhone();
			await addVerified(live, person, "phone", person.phone);
		},
		async answer(live, person, challenge) {
			return { method: "sms", code: await sentCode(live, person, challenge, "sms", person.phone!) };
		},
	},
	email: {
		async enrol() {
			// Every person has a verified email already.
		},
		async answer(live, person, challenge) {
			return { method: "email", code: await sentCode(live, person, challenge, "email", person.email) };
		},
	},
	hardware_token: {
		async enrol(live, person) {
			// Through the routes every method has: begin with the password, confirm with a first code.
			const begun = await api(live.h.app, "/account/methods/hardware_token", { token: person.token, ip: person.ip, body: { password: PASSWORD } });
			assert.equal(begun.statusCode, 201, begun.body);
			const { enrolment } = begun.json() as { enrolment: { kind: string; secret: string } };
			assert.equal(enrolment.kind, "shared_secret");
			const confirmed = await api(live.h.app, "/account/methods/hardware_token/confirm", {
				token: person.token,
				ip: person.ip,
				body: { code: tokenCode(enrolment.secret, 0) },
			});
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			person.tokenDevice = { secret: enrolment.secret, counter: 1 };
		},
		async answer(_live, person) {
			const device = person.tokenDevice!;
			return { method: "hardware_token", code: tokenCode(device.secret, device.counter++) };
		},
	},
	backup_code: {
		async enrol() {
			// Turning two-factor on made the first set of backup codes.
		},
		async answer(_live, person) {
			const code = person.codes[person.nextBackupCode++];
			assert.ok(code, "the person has an unused backup code left");
			return { method: "backup_code", code };
		},
	},
};

/** The answer the flow hands the method, as the API builds it: a code, or a passkey's assertion. */
function answerOf(answer: Answer): MethodAnswer {
	return "code" in answer ? { code: answer.code } : { assertion: answer.response as Record<string, unknown> };
}

/** A 4xx that opened no session. */
function assertRefused(response: LightMyRequestResponse, what: string): void {
	assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${what}: expected a 4xx, got ${response.statusCode} ${response.body}`);
	assert.equal((response.json() as { session?: unknown }).session, undefined, `${what}: no session`);
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
	let made: Promise<T> | undefined;
	return () => {
		made ??= make();
		return made;
	};
}

const kinds = await databaseKinds();
for (const [kindIndex, kind] of kinds.entries()) {
	// Started here, not in a hook: the tests are made from this harness's registry.
	const live = await startLiveHarness(kind, {}, { methods: [...methodRegistrations, hardwareToken] });
	const { h } = live;
	const db = h.tessera.store.db;
	const registry = h.tessera.deps.methods.all;
	let people = 0;

	describe(`every second-factor method keeps the contract (${kind})`, () => {
		after(() => live.close());

		async function newPerson(fixture: Fixture): Promise<Person> {
			people += 1;
			const ip = `198.19.${kindIndex}.${people}`;
			const user = await signUpWithTwoFactor(h, uniqueUsername("mc"));
			const person: Person = { ...user, nextBackupCode: 0, email: `${user.username}@example.org`, ip };
			await addVerified(live, person, "email", person.email);
			await fixture.enrol(live, person);
			await live.settle();
			return person;
		}

		/** The names of the methods this account has, as the registry orders them. */
		async function enrolledNames(accountId: string): Promise<MethodName[]> {
			const names: MethodName[] = [];
			for (const method of registry) if (await method.isEnrolled(db, accountId)) names.push(method.name);
			return names;
		}

		function signIn(person: Person, password = PASSWORD, ip = person.ip) {
			return api(h.app, "/sessions", { ip, body: { username: person.username, password } });
		}

		async function secondStep(person: Person): Promise<{ challenge: string; methods: MethodName[]; preferred: MethodName | null }> {
			const response = await signIn(person);
			assert.equal(response.statusCode, 200, `the password step asks for a second step: ${response.body}`);
			return response.json().secondFactor;
		}

		function submit(challenge: string, answer: Answer, ip: string): Promise<LightMyRequestResponse> {
			if ("response" in answer) {
				return api(h.app, "/sessions/second-factor/passkey/verify", { ip, body: { challenge, response: answer.response } });
			}
			return api(h.app, "/sessions/second-factor", { ip, body: { challenge, method: answer.method, code: answer.code } });
		}

		async function challengeIdOf(challenge: string): Promise<string> {
			const row = await db.selectFrom("login_challenges").select("id").where("token_hash", "=", tokenHash(challenge)).executeTakeFirstOrThrow();
			return row.id;
		}

		/** The method's own check of an answer, as the prove transaction runs it. */
		function prepare(method: SecondFactorMethod, person: Person, challengeId: string, answer: Answer) {
			return method.prepare({ accountId: person.id, challengeId, origin: ORIGIN, rpId: RP_ID }, answerOf(answer));
		}

		async function proveDirectly(method: SecondFactorMethod, person: Person, challengeId: string, answer: Answer): Promise<void> {
			const proof = await prepare(method, person, challengeId, answer);
			await db.transaction().execute((tx) => method.consume(tx, proof, h.clock()));
		}

		/** After a reset: the authenticator again and a new set of backup codes typed back. */
		async function setUpAgain(person: Person, token: string): Promise<void> {
			const enroll = await api(h.app, "/account/totp", { token, ip: person.ip, body: { password: PASSWORD } });
			assert.equal(enroll.statusCode, 201, enroll.body);
			const secret = enroll.json().secret as string;
			const confirm = await api(h.app, "/account/totp/confirm", { token, ip: person.ip, body: { code: totpCode(secret, h.clock()) } });
			assert.equal(confirm.statusCode, 200, confirm.body);
			const codes = confirm.json().backupCodes.codes as string[];
			const saved = await api(h.app, "/account/backup-codes/confirm", { token, ip: person.ip, body: { code: codes[9] } });
			assert.equal(saved.statusCode, 200, saved.body);
			assert.equal(saved.json().twoFactor.enabled, true);
			Object.assign(person, { token, secret, codes, nextBackupCode: 0 });
			h.clock.advance(30_000);
		}

		test("the registry names each method once, and every fixture names a registered method", () => {
			const names = registry.map((m) => m.name);
			assert.equal(new Set(names).size, names.length, `a name registered twice: ${names.join(", ")}`);
			for (const name of Object.keys(fixtures)) assert.ok(names.includes(name as MethodName), `a fixture for ${name}, which is not registered`);
		});

		for (const method of registry) {
			const fixture = (fixtures as Partial<Record<string, Fixture>>)[method.name];
			if (!fixture) {
				test(`${method.name}: has a fixture`, () => {
					assert.fail(`no fixture for method ${method.name}: add one to test/methods/contract.test.ts`);
				});
				continue;
			}
			const { name } = method;

			describe(`${name} (${method.role}${method.reachableByReset ? ", reachable by reset" : ""}${method.keptWhenTurnedOff ? ", kept when turned off" : ""}${method.sendsCodes ? ", sends codes" : ""})`, () => {
				/** One person for the sign-ins (1 to 5, 8), signed in once with the method. */
				const person = once(() => newPerson(fixture));
				const firstSignIn = once(async () => {
					const p = await person();
					const step = await secondStep(p);
					const answer = await fixture.answer(live, p, step.challenge);
					return { p, step, answer, response: await submit(step.challenge, answer, p.ip) };
				});

				test("enrolled, it is offered at sign-in, in the registry's order", async () => {
					const p = await person();
					assert.equal(await method.isEnrolled(db, p.id), true, "the fixture enrolled the account");
					const { methods } = await secondStep(p);
					assert.ok(methods.includes(name), `${name} offered among ${methods.join(", ")}`);
					const order = registry.map((m) => m.name);
					assert.deepEqual(methods, order.filter((n) => methods.includes(n)), "in the registry's order");
					assert.deepEqual(methods, await enrolledNames(p.id), "exactly the methods the account has");
				});

				test("a fresh answer proves the second step once: 201 with a session", async () => {
					const { response } = await firstSignIn();
					assert.equal(response.statusCode, 201, response.body);
					const token = response.json().session.token as string;
					assert.match(token, /^[A-Za-z0-9_-]{43}$/);
					assert.equal((await api(h.app, "/account", { token, ip: (await person()).ip })).statusCode, 200);
				});

				test("it declares what its answers are and the level it adds, by the rules of strength", () => {
					assert.ok(["none", "two_factor", "phishing_resistant"].includes(method.level), `a known level: ${method.level}`);
					for (const value of method.amr) assert.ok(registeredAmrValues.includes(value), `${value} is an RFC 8176 value`);
					assert.ok(!method.amr.includes("pwd") && !method.amr.includes("mfa"), "pwd is the password's, mfa what factors add up to");
					assert.equal(new Set(method.amr).size, method.amr.length, "each value once");
					// A level comes with what the answer is; only an answer bound to the page's origin resists phishing.
					if (method.level !== "none") assert.ok(method.amr.length > 0, "a method that adds a level says what it is");
					assert.equal(method.level === "phishing_resistant", method.answer === "webauthn", "phishing-resistant exactly when answered by WebAuthn");
					if (method.level === "phishing_resistant") assert.ok(method.amr.includes("hwk") || method.amr.includes("swk"), "a key, on one device or synced");
					// Whoever resets the password reads what a reset reaches by email: such a channel adds no level of its own.
					if (method.reachableByReset && method.amr.length === 0) assert.equal(method.level, "none");
				});

				test("the session it signs in records it: its values, mfa when it adds a level, and its level", async () => {
					const { p, response } = await firstSignIn();
					assert.equal(response.statusCode, 201, response.body);
					const current = await api(h.app, "/sessions/current", { token: response.json().session.token, ip: p.ip });
					assert.equal(current.statusCode, 200, current.body);
					const { methods, amr, acr } = current.json().authentication as { methods: string[]; amr: string[]; acr: string };
					assert.deepEqual(methods, ["password", name]);
					assert.equal(amr[0], "pwd");
					// A method whose answers differ by credential (a passkey: hwk or swk) records one of its kind.
					const own = amr.slice(1).filter((v) => v !== "mfa");
					if (method.answer === "webauthn") assert.ok(own.includes("hwk") || own.includes("swk"), own.join(", "));
					else assert.deepEqual(own, [...method.amr]);
					assert.equal(amr.includes("mfa"), method.level !== "none");
					const expected = { none: ACR_PASSWORD, two_factor: ACR_TWO_FACTOR, phishing_resistant: ACR_PHISHING_RESISTANT }[method.level];
					assert.equal(acr, expected);
				});

				test("the same answer again is refused, on its own sign-in and on a new one", async () => {
					const { p, step, answer } = await firstSignIn();
					assertRefused(await submit(step.challenge, answer, p.ip), "again, for the sign-in it finished");
					const next = await secondStep(p);
					assertRefused(await submit(next.challenge, answer, p.ip), "again, for a new sign-in");
				});

				test("five parallel submissions of one answer to one challenge: exactly one session", async () => {
					const p = await person();
					const step = await secondStep(p);
					const answer = await fixture.answer(live, p, step.challenge);
					const responses = await Promise.all(Array.from({ length: 5 }, () => submit(step.challenge, answer, p.ip)));
					const statuses = responses.map((r) => r.statusCode);
					assert.equal(statuses.filter((s) => s === 201).length, 1, `one 201 among ${statuses.join(", ")}`);
					for (const r of responses.filter((r) => r.statusCode !== 201)) assertRefused(r, "a parallel duplicate");
				});

				test("its use shows in the activity as a sign-in by it, in its own words", async () => {
					const { p, response } = await firstSignIn();
					assert.equal(response.statusCode, 201, response.body);
					const activity = await api(h.app, "/account/activity", { token: response.json().session.token, ip: p.ip });
					assert.equal(activity.statusCode, 200, activity.body);
					const events = activity.json().events as { kind: string; method: string | null; description: string }[];
					const signedIn = events.find((e) => e.kind === "signed_in" && e.method === name);
					assert.ok(signedIn, `a signed_in event by ${name} among ${JSON.stringify(events.map((e) => [e.kind, e.method]))}`);
					assert.equal(signedIn.description, `Signed in with ${method.copy.signedInWith}`);
				});

				test("a sign-in with it from a new device is alerted in its own words, and says no code", async () => {
					const p = await person();
					const elsewhere = p.ip.replace(/^198\.19\./, "198.18.");
					const response = await signIn(p, PASSWORD, elsewhere);
					assert.equal(response.statusCode, 200, response.body);
					const { challenge } = response.json().secondFactor as { challenge: string };
					const answer = await fixture.answer(live, p, challenge);
					// Alerts of what came before (a backup code used, say) are sent first.
					await live.settle();
					const since = mark();
					const proved = await submit(challenge, answer, elsewhere);
					assert.equal(proved.statusCode, 201, proved.body);
					await live.settle();
					const expected = `Signed in with ${method.copy.signedInWith} from a new device`;
					const alerts = live.smtp.messages.filter((m) => m.to === p.email && m.at >= since);
					const alert = alerts.find((m) => m.body.includes(expected));
					assert.ok(alert, `"${expected}" among ${alerts.length} messages: ${alerts.map((m) => m.body.split("\n").find((l) => l.startsWith("Subject"))).join("; ")}`);
					if ("code" in answer) assert.ok(!alert.body.includes(answer.code), "the alert carries no code");
				});

				test("the account's methods list it as set up, with what settings can do with it", async () => {
					const p = await person();
					const listed = await api(h.app, "/account/methods", { token: p.token, ip: p.ip });
					assert.equal(listed.statusCode, 200, listed.body);
					const mine = (listed.json().methods as { name: string; title: string; enrolled: boolean; settable: boolean; credentials: unknown[] }[]).find(
						(m) => m.name === name,
					);
					assert.ok(mine, `${name} is listed`);
					assert.equal(mine.title, method.copy.title);
					assert.equal(mine.enrolled, true);
					assert.equal(mine.settable, method.enrolment !== undefined && method.role === "primary");
					if (mine.settable) assert.ok(mine.credentials.length >= 1, "its credential is listed");
				});

				test("account recovery's reset removes it: an answer prepared before no longer works", async () => {
					const p = await newPerson(fixture);
					const step = await secondStep(p);
					assert.ok(step.methods.includes(name));
					const prepared = await fixture.answer(live, p, step.challenge);
					const challengeId = await challengeIdOf(step.challenge);
					await prepare(method, p, challengeId, prepared); // the answer is good until the reset

					await db.transaction().execute((tx) => resetTwoFactor(h.tessera.deps, tx, p.id, h.clock()));

					assertRefused(await submit(step.challenge, prepared, p.ip), "the prepared answer, after the reset");
					await assert.rejects(proveDirectly(method, p, challengeId, prepared), "the method itself no longer takes it");
					// A method whose credential is its own loses it; one that sends codes keeps the address, the account's.
					assert.equal(await method.isEnrolled(db, p.id), method.sendsCodes, method.sendsCodes ? "the address stays" : "its credential is gone");

					// No longer offered: the password alone signs in, to set two-factor up again first.
					const signedIn = await signIn(p);
					assert.equal(signedIn.statusCode, 201, signedIn.body);
					const token = signedIn.json().session.token as string;
					const account = await api(h.app, "/account", { token, ip: p.ip });
					assert.equal(account.json().twoFactor.enabled, false);
					assert.ok(!account.json().twoFactor.methods.includes(name));
					assert.deepEqual(account.json().twoFactor.requiredActions, ["set_up_two_factor"]);

					// Two-factor on again: only what the account still has is offered, and the old answer stays dead.
					await setUpAgain(p, token);
					const next = await secondStep(p);
					assert.deepEqual(next.methods, await enrolledNames(p.id));
					assert.equal(next.methods.includes(name), await method.isEnrolled(db, p.id));
					assertRefused(await submit(next.challenge, prepared, p.ip), "the answer prepared before the reset, once two-factor is on again");
				});

				test("turning two-factor off removes it, or keeps its credential unused", async () => {
					const p = await newPerson(fixture);
					const step = await secondStep(p);
					const prepared = await fixture.answer(live, p, step.challenge);
					const challengeId = await challengeIdOf(step.challenge);
					await prepare(method, p, challengeId, prepared);

					const start = await api(h.app, "/account/two-factor/disable", { token: p.token, ip: p.ip, body: { password: PASSWORD } });
					assert.equal(start.statusCode, 200, start.body);
					h.clock.advance(30_000); // a step of its own, whatever the prepared answer was
					const off = await api(h.app, "/account/two-factor/disable/confirm", {
						token: p.token,
						ip: p.ip,
						body: { challenge: start.json().secondFactor.challenge, method: "totp", code: totpCode(p.secret, h.clock()) },
					});
					assert.equal(off.statusCode, 200, off.body);
					assert.equal(off.json().twoFactor.enabled, false);

					const signedIn = await signIn(p);
					assert.equal(signedIn.statusCode, 201, `the password alone gives a session: ${signedIn.body}`);
					assert.equal(signedIn.json().secondFactor, undefined);
					const account = await api(h.app, "/account", { token: signedIn.json().session.token, ip: p.ip });
					assert.ok(!account.json().twoFactor.methods.includes(name), "not offered");
					assert.equal(
						await method.isEnrolled(db, p.id),
						method.keptWhenTurnedOff,
						method.keptWhenTurnedOff ? "its credential stays, unused" : "its credential is gone",
					);
					assertRefused(await submit(step.challenge, prepared, p.ip), "an answer prepared before turning off");
					if (!method.keptWhenTurnedOff) await assert.rejects(proveDirectly(method, p, challengeId, prepared), "the method itself no longer takes it");
				});

				test("its declared role and reach show in what is preferred and what confirms a reset", async () => {
					const { p, response } = await firstSignIn();
					assert.equal(response.statusCode, 201, response.body);
					// role: a primary method used last is offered first unless a stronger one is there (a
					// higher level, or as high and out of a reset's reach); a fallback never is.
					const next = await secondStep(p);
					const rank = (m: { level: string; reachableByReset: boolean }) => ["none", "two_factor", "phishing_resistant"].indexOf(m.level) * 2 + (m.reachableByReset ? 0 : 1);
					const stronger = registry.filter((m) => m.role === "primary" && next.methods.includes(m.name) && rank(m) > rank(method));
					if (method.role === "fallback") assert.notEqual(next.preferred, name, "a fallback never becomes preferred");
					else if (stronger.length > 0) assert.equal(next.preferred, stronger.sort((a, b) => rank(b) - rank(a))[0]!.name, "a stronger method is offered first");
					else assert.equal(next.preferred, name, "the primary method used last is preferred");

					// reachableByReset: such a method never confirms a password reset.
					const since = mark();
					const asked = await api(h.app, "/password-reset", { ip: p.ip, body: { identifier: p.username } });
					assert.equal(asked.statusCode, 202, asked.body);
					const { token } = linkIn(await live.smtp.next(p.email, since), "/reset-password");
					const waiting = await api(h.app, "/password-reset/complete", { ip: p.ip, body: { token, newPassword: NEW_PASSWORD } });
					assert.equal(waiting.statusCode, 200, waiting.body);
					assert.equal(waiting.json().status, "second_factor_required");
					const { challenge, methods } = waiting.json().secondFactor as { challenge: string; methods: MethodName[] };
					assert.equal(methods.includes(name), !method.reachableByReset, `offered to confirm a reset: ${methods.join(", ")}`);
					const strong = (await enrolledNames(p.id)).filter((n) => !registry.find((m) => m.name === n)!.reachableByReset);
					assert.deepEqual(methods, strong);
					if (method.reachableByReset) {
						const refused = await api(h.app, "/password-reset/second-factor", { ip: p.ip, body: { challenge, method: name, code: "123456" } });
						assertRefused(refused, "a reachable method answering a reset");
						if (method.sendsCodes) {
							const send = await api(h.app, "/sessions/second-factor/send", { ip: p.ip, body: { challenge, method: name } });
							assertRefused(send, "a code sent to confirm a reset");
						}
					}
				});
			});
		}
	});
}
