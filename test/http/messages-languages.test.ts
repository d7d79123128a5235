import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OutboxEntry } from "../../src/delivery/outbox.ts";
import { rememberLanguage } from "../../src/flows/accounts.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, type Harness, PASSWORD, passwordStep, signUpWithTwoFactor, startHarness } from "../helpers/harness.ts";

/**
 * Emails and texts are written in the account's language and time zone, whoever's
 * request sends them, with the operator's name and support contact. Read from the
 * development outbox: the messages exactly as they would be delivered.
 */

let phoneCounter = 0;
function aPhone(): string {
	phoneCounter++;
	return `+1202555${String(1000 + ((process.pid * 13 + phoneCounter) % 9000)).padStart(4, "0")}`;
}

/** Each test starts at noon UTC on its own day: 14:00 in Paris (summer time), 15:00 in Riyadh; a few minutes pass. */
const PARIS_TIME = /2 juin 2026, 14:0\d UTC\+2/;
const RIYADH_TIME = /3 يونيو 2026، 03:0\d م غرينتش\+3/;

for (const kind of await databaseKinds()) {
	describe(`emails and texts in the account's language and time (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, {
				TESSERA_DELIVERY: "outbox",
				TESSERA_PUBLIC_URL: "https://id.example.test",
				TESSERA_BRAND_NAME: "Acme ID",
				TESSERA_SUPPORT_EMAIL: "help@acme.example",
			});
		});
		after(async () => h.close());

		const outbox = () => h.tessera.deps.outbox!.list(2000);
		/** The newest message to `to` sent at or after `since` that `matches`, waiting for background sends. */
		async function messageTo(to: string, since: number, matches: (m: OutboxEntry) => boolean = () => true): Promise<OutboxEntry> {
			await h.tessera.deps.alerts.drain();
			const found = outbox().find((m) => m.to === to && m.sentAt >= since && matches(m));
			assert.ok(found, `a message to ${to}`);
			return found;
		}
		const codeOf = (m: OutboxEntry) => m.text.match(/\b\d{6}\b/g)!.at(-1)!;

		/** A person with two-factor, an email and a phone, whose account speaks `language` in `timeZone`. */
		async function person(language: string, timeZone: string) {
			const user = await signUpWithTwoFactor(h);
			await rememberLanguage(h.tessera.deps, user.id, { language, timeZone });
			const email = `${user.username}@example.org`;
			const phone = aPhone();
			const confirmations: OutboxEntry[] = [];
			for (const [contactKind, value] of [["email", email], ["phone", phone]] as const) {
				const since = h.clock();
				const added = await api(h.app, "/account/contacts", { token: user.token, body: { kind: contactKind, value, password: PASSWORD } });
				assert.equal(added.statusCode, 201, added.body);
				const sent = await messageTo(value, since, (m) => /\d{6}/.test(m.text));
				confirmations.push(sent);
				const verified = await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: contactKind, code: codeOf(sent) } });
				assert.equal(verified.statusCode, 200, verified.body);
				await h.tessera.deps.alerts.drain();
				h.clock.advance(61_000);
			}
			return { ...user, email, phone, confirmations };
		}

		test("a French account gets its codes, its alerts and its reset link in French, with Paris times", async () => {
			h.clock.set(Date.UTC(2026, 5, 2, 12, 0, 0));
			const p = await person("fr", "Europe/Paris");
			assert.equal(p.confirmations[0]!.subject, "Confirmez votre adresse e-mail pour Acme ID");
			assert.match(p.confirmations[1]!.text, /^Code Acme ID \d{6} pour confirmer cette adresse\./);

			// The sign-in code by email: why it came, and "Not you?", in French; the brand's name, never "Tessera".
			let since = h.clock();
			const step = await passwordStep(h, p.username);
			const sent = await api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "email" } });
			assert.equal(sent.statusCode, 202, sent.body);
			const code = await messageTo(p.email, since);
			assert.equal(code.subject, "Code de connexion Acme ID");
			assert.match(code.text, /Quelqu’un qui connaît votre mot de passe est en train de se connecter à votre compte Acme ID\./);
			assert.match(code.text, /Votre code Acme ID pour terminer la connexion :\n\n {4}\d{6}\n/);
			assert.match(code.text, /Ce n’est pas vous \? Changez votre mot de passe\./);
			assert.match(code.text, /\nBesoin de l’aide d’une personne \? help@acme\.example$/, "the email ends with how to reach support");
			assert.match(code.html!, /^<div lang="fr" dir="ltr">/);
			for (const m of [code, ...p.confirmations]) assert.doesNotMatch(`${m.subject ?? ""} ${m.text}`, /Tessera/);

			// The texted code: French, and still ending with the line that binds it to the site.
			h.clock.advance(61_000);
			since = h.clock();
			await api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "sms" } });
			const text = await messageTo(p.phone, since);
			const texted = codeOf(text);
			assert.match(text.text, new RegExp(`^Code Acme ID ${texted} pour terminer la connexion\\. Valable 10 minutes\\. Acme ID ne le demande jamais par message ni par appel\\.\\n\\n@id\\.example\\.test #${texted}$`));

			// An alert, raised by a request in English: French all the same, at Paris time.
			since = h.clock();
			const changed = await api(h.app, "/account/password", { token: p.token, body: { currentPassword: PASSWORD, newPassword: "une toute autre phrase 9" } });
			assert.equal(changed.statusCode, 200, changed.body);
			const alert = await messageTo(p.email, since, (m) => m.subject?.startsWith("Alerte de sécurité") === true);
			assert.equal(alert.subject, "Alerte de sécurité Acme ID : Mot de passe modifié");
			assert.match(alert.text, PARIS_TIME);
			assert.match(alert.text, new RegExp(`Quand : ${PARIS_TIME.source}`));
			assert.match(alert.text, /Ce n’était pas vous \? Déconnectez-vous partout/);
			assert.match(alert.text, /https:\/\/id\.example\.test\/secure-account\?token=/);
			assert.match(alert.text, /\nBesoin de l’aide d’une personne \? help@acme\.example$/);
			const smsAlert = await messageTo(p.phone, since);
			assert.match(smsAlert.text, /^Alerte de sécurité Acme ID : Mot de passe modifié, 2 juin 2026, 14:0\d UTC\+2\. Ce n’était pas vous \? https:\/\/id\.example\.test\/secure-account\?token=/);

			// "Forgot password": the link by email, in French.
			since = h.clock();
			const asked = await api(h.app, "/password-reset", { body: { identifier: p.username }, ip: "198.51.100.31" });
			assert.equal(asked.statusCode, 202, asked.body);
			const reset = await messageTo(p.email, since, (m) => m.subject?.startsWith("Réinitialisez") === true);
			assert.equal(reset.subject, "Réinitialisez votre mot de passe Acme ID");
			assert.match(reset.text, /Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Acme ID\./);
			assert.match(reset.text, /https:\/\/id\.example\.test\/reset-password\?token=/);

			// No message asks for a code to be given to anyone.
			for (const m of [code, text, alert, smsAlert, reset]) assert.doesNotMatch(m.text, /(envoyez|communiquez|donnez)-(nous|moi) (ce|le|votre) code/i);
		});

		test("an Arabic account gets Arabic, right to left, at its own time; the text still ends with @host #code", async () => {
			h.clock.set(Date.UTC(2026, 5, 3, 12, 0, 0));
			const p = await person("ar", "Asia/Riyadh");
			let since = h.clock();
			const step = await passwordStep(h, p.username);
			await api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "email" } });
			const code = await messageTo(p.email, since);
			assert.equal(code.subject, "رمز تسجيل الدخول إلى Acme ID");
			assert.match(code.text, /شخص يعرف كلمة مرورك يسجّل الدخول الآن إلى حسابك في Acme ID\./);
			assert.match(code.html!, /^<div lang="ar" dir="rtl">/);

			h.clock.advance(61_000);
			since = h.clock();
			await api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "sms" } });
			const text = await messageTo(p.phone, since);
			const texted = codeOf(text);
			assert.match(text.text, /لإكمال تسجيل الدخول/);
			assert.ok(text.text.endsWith(`\n\n@id.example.test #${texted}`), text.text);

			since = h.clock();
			await api(h.app, "/account/password", { token: p.token, body: { currentPassword: PASSWORD, newPassword: "another fine passphrase 5" } });
			const alert = await messageTo(p.email, since, (m) => m.subject?.startsWith("تنبيه أمني") === true);
			assert.equal(alert.subject, "تنبيه أمني من Acme ID: تم تغيير كلمة المرور");
			assert.match(alert.text, RIYADH_TIME);
			assert.match(alert.text, /لست أنت؟ سجّل الخروج من كل مكان/);

			since = h.clock();
			await api(h.app, "/password-reset", { body: { identifier: p.username }, ip: "198.51.100.32" });
			const reset = await messageTo(p.email, since, (m) => m.subject?.startsWith("أعد تعيين") === true);
			assert.equal(reset.subject, "أعد تعيين كلمة مرورك في Acme ID");
		});

		test("an account with no language yet is written to in the language of the request that sends", async () => {
			const user = await signUpWithTwoFactor(h);
			const email = `${user.username}@example.org`;
			const since = h.clock();
			const added = await h.app.inject({
				method: "POST",
				url: "/api/v1/account/contacts",
				headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json", "accept-language": "fr" },
				payload: JSON.stringify({ kind: "email", value: email, password: PASSWORD }),
			});
			assert.equal(added.statusCode, 201, added.body);
			const sent = await messageTo(email, since);
			assert.equal(sent.subject, "Confirmez votre adresse e-mail pour Acme ID");
		});
	});
}
