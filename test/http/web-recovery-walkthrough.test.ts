import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { decideRecoveryRequest } from "../../src/flows/identity-checks.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, PASSWORD, passwordStep, signUpWithTwoFactor, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, startLiveHarness } from "../helpers/live.ts";

const DAY = 86_400_000;

/** The text of an element with this id, as a person reads it: tags dropped, entities undone. */
function textOf(body: string, id: string): string {
	const match = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(body);
	assert.ok(match, `no #${id} on the page`);
	return match[2]!.replace(/<[^>]+>/g, "").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

for (const kind of await databaseKinds()) {
	describe(`locked out: what the recovery pages say before anyone tries (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			// Not the default 72 hours: the pages must say the configured wait.
			live = await startLiveHarness(kind, { TESSERA_RECOVERY_WAIT: "48h" });
		});
		after(async () => live.close());

		async function person(contacts: { email?: boolean; phone?: boolean } = { email: true, phone: true }) {
			const username = uniqueUsername("walk");
			const user = await signUpWithTwoFactor(live.h, username);
			const email = `${username}@example.org`;
			const phone = aPhone();
			if (contacts.email) await live.addVerified(user.token, "email", email);
			if (contacts.phone) await live.addVerified(user.token, "phone", phone);
			await live.settle();
			const { id } = await live.h.tessera.store.db.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirstOrThrow();
			return { ...user, id, email, phone };
		}

		/** A browser at "Can't use any of these?" after the password step. */
		async function atRecovery(username: string, ip = "198.51.100.61") {
			const browser = new FormClient(live.h.app, ip);
			await browser.get("/sign-in");
			const step = await browser.post("/sign-in", { username, password: PASSWORD });
			assert.equal(step.headers.location, "/sign-in/verify");
			return browser;
		}

		test("codes paused after a reset: the page says so up front and the email and text buttons are disabled, with the reason beside them", async () => {
			const p = await person();
			const pausedAt = live.h.clock() - 3 * DAY;
			// As a password reset that no strong factor confirmed leaves it.
			await live.h.tessera.store.db.updateTable("accounts").set({ codes_paused_at: pausedAt }).where("id", "=", p.id).execute();
			const browser = await atRecovery(p.username);
			browser.cookies.set("tessera_tz", "Europe/Paris");
			const page = await browser.get("/sign-in/recover");
			assert.equal(page.statusCode, 200);

			const notice = textOf(page.body, "codes-paused");
			assert.match(notice, /paused on this account/);
			assert.match(notice, /identity check/, "it says what still works");
			const parisTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }).format(pausedAt);
			assert.ok(notice.includes(parisTime), `the reset's time in the person's zone (${parisTime}): ${notice}`);
			assert.doesNotMatch(notice, /UTC/);
			assert.ok(page.body.indexOf('id="codes-paused"') < page.body.indexOf('name="kind"'), "said before the buttons, not after a click");

			const buttons = [...page.body.matchAll(/<button[^>]*>[^<]*(?:<bdi>[^<]*<\/bdi>)?[^<]*<\/button>/g)].map((m) => m[0]).filter((b) => /a code to/.test(b));
			assert.equal(buttons.length, 2, "one button per address");
			for (const button of buttons) {
				assert.match(button, / disabled /);
				assert.match(button, /aria-describedby="codes-paused-reason"/);
			}
			assert.match(textOf(page.body, "codes-paused-reason"), /Paused since the password reset/);
			assert.match(page.body, /href="\/sign-in\/recover\/identity"/, "an identity check is still offered");

			// A form sent anyway (an old page, a script) is still refused by the flow.
			const forced = await browser.post("/sign-in/recover/send", { kind: "email" });
			assert.equal(forced.statusCode, 409);
			assert.match(forced.body, /data-code="recovery_paused"/);

			// An app hears the same before anyone asks.
			const { challenge } = await passwordStep(live.h, p.username);
			const options = await api(live.h.app, "/recovery/options", { body: { challenge } });
			assert.equal(options.statusCode, 200);
			assert.equal(options.json().codesPausedAt, new Date(pausedAt).toISOString());
			assert.equal(options.json().identityCheckDenied, false);
		});

		test("without a pause, nothing is disabled and nothing warns", async () => {
			const p = await person();
			const browser = await atRecovery(p.username);
			const page = await browser.get("/sign-in/recover");
			assert.doesNotMatch(page.body, /id="codes-paused"/);
			assert.doesNotMatch(page.body, /disabled/);
			assert.match(page.body, /Email a code to <bdi>w•••@example\.org<\/bdi>/);
			assert.match(page.body, /48 hours/, "the configured wait");
		});

		test("an identity check says how long it takes and where the answer will come, before and after it is sent", async () => {
			const p = await person();
			const browser = await atRecovery(p.username);
			await browser.get("/sign-in/recover");
			const asking = await browser.get("/sign-in/recover/identity");
			assert.equal(asking.statusCode, 200);
			const checkFacts = (body: string) => {
				const howLong = textOf(body, "identity-how-long");
				assert.match(howLong, /A person who runs Tessera reads each request/);
				assert.match(howLong, /no set time/, "no review time is configured, so none is promised");
				assert.match(howLong, /48 hours/, "then the configured wait");
				const answer = textOf(body, "identity-answer");
				assert.ok(answer.includes("w•••@example.org"), `the email, masked: ${answer}`);
				assert.ok(answer.includes(`•••• ${p.phone.slice(-4)}`), `the phone, masked: ${answer}`);
				assert.ok(!body.includes(p.email) && !body.includes(p.phone), "never the whole address");
			};
			checkFacts(asking.body);
			const sent = await browser.post("/sign-in/recover/identity", { message: "I lost my phone and my backup codes in a move.", contactsUsed: "", lastSignIn: "" });
			assert.equal(sent.statusCode, 201);
			assert.match(sent.body, /id="request-sent"/);
			checkFacts(sent.body);
		});

		test("with no address, the page says no message can reach them and where to look; a denial is shown there", async () => {
			const p = await person({});
			const browser = await atRecovery(p.username);
			await browser.get("/sign-in/recover");
			const asking = await browser.get("/sign-in/recover/identity");
			assert.match(textOf(asking.body, "identity-answer"), /^No message can reach you/);
			assert.match(textOf(asking.body, "identity-answer"), /Can't use any of these\?/);
			await browser.post("/sign-in/recover/identity", { message: "My phone was stolen, with the app on it.", contactsUsed: "", lastSignIn: "" });

			const { id } = await live.h.tessera.store.db.selectFrom("recovery_requests").select("id").where("account_id", "=", p.id).executeTakeFirstOrThrow();
			const again = await atRecovery(p.username);
			assert.match((await again.get("/sign-in/recover")).body, /id="request-open"/);
			await decideRecoveryRequest(live.h.tessera.deps, { id, decision: "deny", actor: "operator:test", note: "Could not confirm" });
			const answered = await (await atRecovery(p.username)).get("/sign-in/recover");
			assert.match(textOf(answered.body, "request-denied"), /was not approved/);
			assert.ok(!answered.body.includes("Could not confirm"), "the audit note stays with the operators");
			assert.match(answered.body, /href="\/sign-in\/recover\/identity"/, "they may ask again");
			const { challenge } = await passwordStep(live.h, p.username);
			const options = (await api(live.h.app, "/recovery/options", { body: { challenge } })).json();
			assert.equal(options.identityCheckDenied, true, "an app hears the denial too");
			assert.equal(options.codesPausedAt, null);
		});

		test("the forgot-password and recovery pages in French and Arabic", async () => {
			const french = await live.h.app.inject({ method: "GET", url: "/forgot-password", headers: { "accept-language": "fr-FR,fr;q=0.9" } });
			assert.match(french.body, /<html lang="fr" dir="ltr">/);
			assert.match(french.body, /<h1>Mot de passe oublié \?<\/h1>/);
			assert.match(french.body, /M’envoyer un lien ou un code/);
			const arabic = await live.h.app.inject({ method: "GET", url: "/forgot-password", headers: { "accept-language": "ar" } });
			assert.match(arabic.body, /<html lang="ar" dir="rtl">/);
			assert.match(arabic.body, /<h1>هل نسيت كلمة المرور؟<\/h1>/);
			assert.doesNotMatch(arabic.body, /Forgot your password/);

			const p = await person({ email: true });
			const browser = await atRecovery(p.username);
			await browser.follow(await browser.get("/language?to=ar&back=/sign-in/recover"));
			const recover = browser.last!;
			assert.equal(recover.statusCode, 200);
			assert.match(recover.body, /<html lang="ar" dir="rtl">/);
			assert.match(recover.body, /<h1>استعد حسابك<\/h1>/);
			assert.match(recover.body, /فترة انتظار مدتها 48 ساعة/, "the Arabic plural of the configured wait");
			assert.match(recover.body, /أرسل رمزًا بالبريد الإلكتروني إلى <bdi>w•••@example\.org<\/bdi>/);
			assert.doesNotMatch(recover.body, /Recover your account|Email a code/);

			await browser.follow(await browser.get("/language?to=fr&back=/sign-in/recover/identity"));
			const identity = browser.last!;
			assert.match(identity.body, /<html lang="fr" dir="ltr">/);
			assert.match(identity.body, /<h1>Demander une vérification d’identité<\/h1>/);
			assert.match(textOf(identity.body, "identity-how-long"), /aucun délai n’est fixé.*48 heures/);
		});
	});
}
