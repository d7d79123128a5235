import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { rememberLanguage } from "../../src/flows/accounts.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, signUp, startHarness } from "../helpers/harness.ts";

/** The activity page in French and Arabic, with times in the person's zone. */
for (const kind of await databaseKinds()) {
	describe(`the activity page in French and Arabic (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(async () => h.close());

		async function signedIn(username: string, ip: string, cookies: Record<string, string> = {}) {
			const browser = new FormClient(h.app, ip);
			for (const [name, value] of Object.entries(cookies)) browser.cookies.set(name, value);
			await browser.get("/sign-in");
			const done = await browser.post("/sign-in", { username, password: PASSWORD });
			assert.equal(done.statusCode, 303, done.body);
			return browser;
		}

		test("in French, at Paris time: the account's language and zone", async () => {
			// The harness clock: 1 June 2026, 12:00 UTC, so 14:00 in Paris.
			const user = await signUp(h.app);
			await rememberLanguage(h.tessera.deps, user.id, { language: "fr", timeZone: "Europe/Paris" });
			const browser = await signedIn(user.username, "198.51.100.40");
			const page = await browser.get("/settings/activity");
			assert.equal(page.statusCode, 200);
			assert.match(page.body, /<html lang="fr" dir="ltr">/);
			assert.match(page.body, /<h1>Activité du compte<\/h1>/);
			assert.match(page.body, /<span class="what" id="what-[^"]+">Connexion avec votre mot de passe depuis un nouvel appareil<\/span> <span class="hint">· 1 juin 2026, 14:00 · <bdi>Navigateur<\/bdi> · <bdi>198\.51\.100\.40<\/bdi><\/span>/);
			assert.match(page.body, />Compte créé</);
			assert.match(page.body, />Ce n’était pas moi</);
			assert.doesNotMatch(page.body, /UTC|Signed in|Account created/, "no bare UTC, no English");
		});

		test("in Arabic, right to left, at the browser's zone", async () => {
			const user = await signUp(h.app);
			const browser = await signedIn(user.username, "198.51.100.41", { tessera_tz: "Asia/Riyadh" });
			await browser.get("/language?to=ar&back=/settings/activity");
			const page = await browser.get("/settings/activity");
			assert.equal(page.statusCode, 200);
			assert.match(page.body, /<html lang="ar" dir="rtl">/);
			assert.match(page.body, /<h1>نشاط الحساب<\/h1>/);
			assert.match(page.body, /تسجيل الدخول باستخدام كلمة المرور من جهاز جديد<\/span> <span class="hint">· 1 يونيو 2026، 03:00 م · <bdi>متصفح<\/bdi> · <bdi>198\.51\.100\.41<\/bdi>/);
			assert.match(page.body, />لم أكن أنا</);
			assert.doesNotMatch(page.body, /UTC|Signed in|Account created/);
		});
	});
}
