import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, signUpWithTwoFactor, startHarness } from "../helpers/harness.ts";
import { defaultBrand } from "../../src/core/brand.ts";
import { withPresentation } from "../../src/i18n/context.ts";
import type { Locale } from "../../src/i18n/locales.ts";
import { signInPage } from "../../src/ui/pages/auth.ts";

test("how long to wait is said with each language's plural, in the person's zone", () => {
	const now = Date.UTC(2026, 11, 1, 19, 0, 0);
	const page = (locale: Locale, seconds: number) =>
		withPresentation({ locale, timeZone: "Europe/Paris", brand: defaultBrand }, () =>
			signInPage({ csrf: "x", error: { message: "Too many attempts.", code: "too_many_attempts" }, retry: { seconds, now } }).value,
		);
	assert.match(page("en", 14 * 60), /Try again in 14 minutes \(today, 20:14\)\./);
	assert.match(page("en", 30), /Try again in 1 minute \(today, 20:01\)\./);
	assert.match(page("fr", 14 * 60), /Réessayez dans 14 minutes \(aujourd’hui, 20:14\)\./);
	assert.match(page("ar", 2 * 60), /أعد المحاولة بعد دقيقتين/);
	assert.match(page("ar", 5 * 60), /أعد المحاولة بعد 5 دقائق/);
	assert.match(page("ar", 14 * 60), /أعد المحاولة بعد 14 دقيقة/);
});

/** The sign-in and its second step in the language the browser asks for, Arabic right to left. */
for (const kind of await databaseKinds()) {
	describe(`sign-in pages in French and Arabic (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		/** A GET as `browser`, with its cookies, in the language `accept` asks for. */
		function getIn(browser: FormClient, url: string, accept: string): Promise<LightMyRequestResponse> {
			const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
			return h.app.inject({ method: "GET", url, headers: { cookie, "accept-language": accept }, remoteAddress: "198.51.100.40" });
		}

		async function atSecondStep() {
			const user = await signUpWithTwoFactor(h);
			const browser = new FormClient(h.app, "198.51.100.40");
			await browser.get("/sign-in");
			const step = await browser.post("/sign-in", { username: user.username, password: PASSWORD });
			assert.equal(step.headers.location, "/sign-in/verify");
			return browser;
		}

		test("in French: the sign-in, the second step and its other ways", async () => {
			const browser = await atSecondStep();
			const signIn = await getIn(new FormClient(h.app), "/sign-in", "fr-FR,fr;q=0.9,en;q=0.5");
			assert.match(signIn.body, /<html lang="fr" dir="ltr">/);
			assert.match(signIn.body, /<h1>Se connecter<\/h1>/);
			assert.match(signIn.body, /<label for="username">Nom d’utilisateur ou adresse e-mail<\/label>/);
			assert.match(signIn.body, /Mot de passe oublié \?/);

			const verify = await getIn(browser, "/sign-in/verify", "fr");
			assert.equal(verify.statusCode, 200, verify.body);
			assert.match(verify.body, /<h1>Validation en deux étapes<\/h1>/);
			assert.match(verify.body, /Votre mot de passe est correct\. Confirmez maintenant que c’est bien vous avec/);
			assert.match(verify.body, /<button type="submit">Valider<\/button>/);
			assert.match(verify.body, /Faire confiance à cet appareil pendant 30 jours/);
			assert.match(verify.body, /Tessera ne vous demande jamais de code/);

			const others = await getIn(browser, "/sign-in/verify/methods", "fr");
			assert.match(others.body, /<h1>Essayer une autre méthode<\/h1>/);
			assert.match(others.body, /Choisissez comment confirmer que c’est bien vous\./);
		});

		test("in Arabic, right to left: the sign-in, sign-up and the second step", async () => {
			const browser = await atSecondStep();
			const signIn = await getIn(new FormClient(h.app), "/sign-in", "ar");
			assert.match(signIn.body, /<html lang="ar" dir="rtl">/);
			assert.match(signIn.body, /<h1>تسجيل الدخول<\/h1>/);
			assert.match(signIn.body, /اسم المستخدم أو البريد الإلكتروني/);
			assert.doesNotMatch(signIn.body, />Sign in</, "no English left on the page's own words");

			const signUp = await getIn(new FormClient(h.app), "/sign-up", "ar-EG,ar;q=0.9");
			assert.match(signUp.body, /<html lang="ar" dir="rtl">/);
			assert.match(signUp.body, /<h1>أنشئ حسابك<\/h1>/);
			assert.match(signUp.body, /<span class="optional">\(اختياري\)<\/span>/);

			const verify = await getIn(browser, "/sign-in/verify", "ar");
			assert.match(verify.body, /<html lang="ar" dir="rtl">/);
			assert.match(verify.body, /<h1>المصادقة الثنائية<\/h1>/);
			assert.match(verify.body, /كلمة المرور صحيحة\./);
			assert.match(verify.body, /<a href="\/sign-in\/verify\/methods">جرّب طريقة أخرى<\/a>/);
			assert.match(verify.body, /إلغاء والبدء من جديد/);
		});
	});
}
