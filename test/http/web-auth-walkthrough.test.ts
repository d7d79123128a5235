import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, PASSWORD, passwordStep, signUpWithTwoFactor, totpCode } from "../helpers/harness.ts";
import { linkIn, startLiveHarness } from "../helpers/live.ts";
import { codeIn, mark } from "../helpers/mailboxes.ts";
import { SoftwareAuthenticator } from "../helpers/software-authenticator.ts";

/**
 * What a walkthrough of the sign-in found, each as a person meets it in the pages:
 * when to try again after too many attempts, help that keeps the sign-in, recovery
 * offered only when it adds a way, and the next sign-in opening on the strongest method.
 */

// inject() sends Host: localhost:80: the page's origin is http://localhost:80.
const ORIGIN = "http://localhost:80";
const ZONE = "Europe/Paris";

/** "20:34" in Paris, as the pages write a time of today to try again at (never a minute early). */
const parisTime = (ms: number) =>
	new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: ZONE }).format(Math.ceil(ms / 60_000) * 60_000);

/** Every link on a page to the help centre. */
const helpLinks = (body: string) => [...body.matchAll(/href="(\/help[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));

for (const kind of await databaseKinds()) {
	describe(`the sign-in, as the walkthrough found it (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(() => live.close());

		/** A browser in Paris, at the second step of `username`'s sign-in. */
		async function atSecondStep(username: string, ip?: string) {
			const browser = new FormClient(live.h.app, ip);
			browser.cookies.set("tessera_tz", ZONE);
			await browser.get("/sign-in");
			const step = await browser.post("/sign-in", { username, password: PASSWORD });
			assert.equal(step.headers.location, "/sign-in/verify", step.body);
			return { browser, page: await browser.follow(step) };
		}

		test("too many wrong codes: the page says when to try again, in minutes and local time, and offers another way", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const first = await atSecondStep(user.username, "198.51.100.31");
			const firstWrong = live.h.clock();
			for (let i = 0; i < 10; i++) {
				const wrong = await first.browser.post("/sign-in/verify", { method: "totp", code: "000000" });
				assert.equal(wrong.statusCode, 401, wrong.body);
			}
			// Later, past that sign-in's expiry: a new one, and the right code, still waits.
			live.h.clock.advance(46 * 60_000);
			const { browser } = await atSecondStep(user.username, "198.51.100.31");
			const refused = await browser.post("/sign-in/verify", { method: "totp", code: totpCode(user.secret, live.h.clock()) });
			assert.equal(refused.statusCode, 429, refused.body);
			assert.match(refused.body, /data-code="too_many_attempts"/);
			const box = /<div class="error"[\s\S]*?<\/div>/.exec(refused.body)![0];
			assert.match(box, /Try again in 14 minutes/, box);
			assert.match(box, new RegExp(`today, ${parisTime(firstWrong + 3_600_000)}`), "and at what time, in the person's zone");
			assert.match(refused.body, /id="another-way-now"><a href="\/sign-in\/verify\/methods">Try another way<\/a>/);
			for (const link of helpLinks(refused.body)) {
				assert.match(link, /[?&]back=%2Fsign-in%2Fverify%3Fmethod%3Dtotp(#[\w-]+)?$/, `${link} leads back to this sign-in`);
			}
		});

		test("too many wrong passwords: the sign-in page says when to try again", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const browser = new FormClient(live.h.app, "198.51.100.32");
			browser.cookies.set("tessera_tz", ZONE);
			await browser.get("/sign-in");
			const firstWrong = live.h.clock();
			for (let i = 0; i < 10; i++) {
				const wrong = await browser.post("/sign-in", { username: user.username, password: "not the password at all" });
				assert.equal(wrong.statusCode, 401, wrong.body);
			}
			live.h.clock.advance(60_000);
			const refused = await browser.post("/sign-in", { username: user.username, password: PASSWORD });
			assert.equal(refused.statusCode, 429, refused.body);
			assert.match(refused.body, /Try again in 14 minutes/);
			assert.match(refused.body, new RegExp(`today, ${parisTime(firstWrong + 15 * 60_000)}`));
			assert.doesNotMatch(refused.body, /Try another way/, "the password page has no other way to offer");
		});

		test("every help link from the second step and its other ways carries the way back to it", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const email = `${user.username}@example.org`;
			await live.addVerified(user.token, "email", email);
			const { browser } = await atSecondStep(user.username, "198.51.100.33");

			const wrong = await browser.post("/sign-in/verify", { method: "totp", code: "000000" });
			assert.equal(wrong.statusCode, 401);
			const links = helpLinks(wrong.body);
			assert.ok(links.length >= 2, `the error's help and "how to get back in": ${links.join(" ")}`);
			for (const link of links) assert.match(link, /[?&]back=%2Fsign-in%2Fverify%3Fmethod%3Dtotp(#[\w-]+)?$/, link);

			// A help page's step: the way back goes before "#step-3", where the browser still sends it.
			const notSetUp = await browser.post("/sign-in/verify", { method: "sms", code: "123456" });
			assert.equal(notSetUp.statusCode, 400, notSetUp.body);
			assert.ok(helpLinks(notSetUp.body).includes("/help/backup-codes?back=%2Fsign-in%2Fverify%3Fmethod%3Dtotp#step-3"), notSetUp.body);

			await browser.get("/sign-in/verify?method=email");
			const since = mark();
			await browser.follow(await browser.post("/sign-in/verify/send", { method: "email" }));
			await live.smtp.next(email, since);
			const wrongEmail = await browser.post("/sign-in/verify", { method: "email", code: "000000", sent: "yes" });
			const emailLinks = helpLinks(wrongEmail.body);
			assert.ok(emailLinks.length >= 1, wrongEmail.body);
			for (const link of emailLinks) assert.match(link, /[?&]back=%2Fsign-in%2Fverify%3Fmethod%3Demail(#[\w-]+)?$/, link);

			const others = await browser.get("/sign-in/verify/methods");
			for (const link of helpLinks(others.body)) assert.match(link, /[?&]back=%2Fsign-in%2Fverify%2Fmethods(#[\w-]+)?$/, link);
		});

		test("“Can't use any of these?” is offered when recovery adds a way (an identity check), and not when it adds none", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const email = `${user.username}@example.org`;
			await live.addVerified(user.token, "email", email);
			const first = await atSecondStep(user.username, "198.51.100.34");
			const offered = await first.browser.get("/sign-in/verify/methods");
			assert.match(offered.body, /href="\/sign-in\/verify\?method=email"/, "the email is already a way on the page");
			assert.match(offered.body, /<a href="\/sign-in\/recover">Can(?:'|&#39;)t use any of these\?<\/a> Recover your account\./, "an identity check is a way the page lacks");

			await first.browser.get("/sign-in/recover/identity");
			const asked = await first.browser.post("/sign-in/recover/identity", { message: "I lost my phone.", contactsUsed: "", lastSignIn: "Monday" });
			assert.equal(asked.statusCode, 201, asked.body);

			// Now every way recovery has is either on the page (a code to that same address) or already asked for.
			const second = await atSecondStep(user.username, "198.51.100.34");
			const none = await second.browser.get("/sign-in/verify/methods");
			assert.equal(none.statusCode, 200);
			assert.doesNotMatch(none.body, /href="\/sign-in\/recover"/, "no link to a recovery that adds nothing");
			assert.match(none.body, /id="identity-check-asked"/, "the identity check asked for is said instead");
			assert.match(none.body, /href="\/sign-in\/verify\?method=email"/);
		});

		test("“Can't use any of these?” stays on a reset's other ways, where the address recovery proves is no way", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const email = `${user.username}@example.org`;
			await live.addVerified(user.token, "email", email);
			const { browser } = await atSecondStep(user.username, "198.51.100.35");
			await browser.get("/sign-in/recover/identity");
			const asked = await browser.post("/sign-in/recover/identity", { message: "I lost my phone.", contactsUsed: "", lastSignIn: "Monday" });
			assert.equal(asked.statusCode, 201, asked.body);

			// A reset is confirmed only by what no reset reaches: the email is not among its ways,
			// so proving that address (and waiting) is a way recovery adds, identity check asked or not.
			const resetting = new FormClient(live.h.app, "198.51.100.35");
			await resetting.get("/forgot-password");
			const since = mark();
			await resetting.post("/forgot-password", { identifier: user.username });
			const link = linkIn(await live.smtp.next(email, since), "/reset-password");
			await resetting.get(link.path);
			const waiting = await resetting.post("/reset-password", { token: link.token, password: "a brand new passphrase 42" });
			assert.equal(waiting.headers.location, "/reset-password/verify", waiting.body);
			const others = await resetting.get("/reset-password/verify/methods");
			assert.equal(others.statusCode, 200, others.body);
			assert.doesNotMatch(others.body, /method=email/, "no code by email confirms a reset");
			assert.match(others.body, /<a href="\/sign-in\/recover">Can(?:'|&#39;)t use any of these\?<\/a>/);
		});

		test("after an email code, the next sign-in opens on the authenticator, in the pages and the API", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const email = `${user.username}@example.org`;
			await live.addVerified(user.token, "email", email);
			const step = await passwordStep(live.h, user.username);
			assert.equal(step.preferred, "totp");
			const since = mark();
			await api(live.h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "email" } });
			const done = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: step.challenge, method: "email", code: codeIn(await live.smtp.next(email, since)) },
			});
			assert.equal(done.statusCode, 201, done.body);

			const next = await passwordStep(live.h, user.username);
			assert.equal(next.preferred, "totp", "an email code used last does not outrank the authenticator");
			const { page } = await atSecondStep(user.username, "198.51.100.37");
			assert.match(page.body, /name="method" value="totp"/);
			assert.match(page.body, /<label for="code">/, "the authenticator's code field, at once");
			assert.doesNotMatch(page.body, /value="email"/, "not the email's");
		});

		test("a passkey outranks the authenticator, even when the authenticator signed in last", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const authenticator = new SoftwareAuthenticator();
			const options = await api(live.h.app, "/account/passkeys/options", { token: user.token, body: { password: PASSWORD } });
			const added = await api(live.h.app, "/account/passkeys", {
				token: user.token,
				body: { name: "Laptop", response: authenticator.register(options.json().options, ORIGIN) },
			});
			assert.equal(added.statusCode, 201, added.body);
			const step = await passwordStep(live.h, user.username);
			live.h.clock.advance(30_000);
			const done = await api(live.h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "totp", code: totpCode(user.secret, live.h.clock()) } });
			assert.equal(done.statusCode, 201, done.body);

			const next = await passwordStep(live.h, user.username);
			assert.equal(next.preferred, "passkey");
			const { page } = await atSecondStep(user.username, "198.51.100.38");
			assert.match(page.body, /data-passkey-authenticate=/, "the page opens on the passkey");
			assert.match(page.body, /href="\/sign-in\/verify\/methods">Try another way/);
		});
	});
}
