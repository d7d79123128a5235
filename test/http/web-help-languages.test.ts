import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addClient } from "../../src/flows/clients.ts";
import { withPresentation } from "../../src/i18n/context.ts";
import { appErrorPage, cannotStepUpPage, consentPage, signedOutPage, signOutConfirmPage } from "../../src/ui/pages/apps.ts";
import { rememberConsent } from "../../src/flows/apps.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, startHarness, uniqueUsername } from "../helpers/harness.ts";

const rtl = '<html lang="ar" dir="rtl">';

for (const kind of await databaseKinds()) {
	describe(`the help centre, apps with access, addresses and passkeys in French and Arabic (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		/** A new account, signed in, in `language`, in Paris time, that allowed one app. */
		async function personIn(language: "fr" | "ar") {
			const browser = new FormClient(h.app);
			browser.cookies.set("tessera_tz", "Europe/Paris");
			await browser.get(`/language?to=${language}&back=/sign-up`);
			const username = uniqueUsername(language);
			await browser.get("/sign-up");
			const signedUp = await browser.post("/sign-up", { username, password: PASSWORD });
			assert.equal(signedUp.statusCode, 303, signedUp.body);
			const account = await h.tessera.store.db.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirstOrThrow();
			const app = await addClient(h.tessera.deps, { name: "Calendrier", redirectUris: ["https://calendar.example.org/callback"] });
			await rememberConsent(h.tessera.deps, account.id, app.clientId, ["openid", "profile"]);
			return browser;
		}

		test("the help centre follows the browser's language, and mirrors in Arabic", async () => {
			const french = await h.app.inject({ method: "GET", url: "/help/backup-codes", headers: { "accept-language": "fr-FR,fr;q=0.9" } });
			assert.match(french.body, /<html lang="fr" dir="ltr">/);
			assert.match(french.body, /<h1>Vos codes de secours ne fonctionnent pas \?<\/h1>/);
			assert.match(french.body, /<h2>Récupérez votre compte<\/h2>/);
			assert.match(french.body, /Tessera ne vous demande jamais de code ni votre mot de passe/);
			assert.doesNotMatch(french.body, /Type it again|Did that work/, "no English left");

			const arabic = await h.app.inject({ method: "GET", url: "/help?back=%2Fsign-in%2Fverify", headers: { "accept-language": "ar" } });
			assert.ok(arabic.body.includes(rtl));
			assert.match(arabic.body, /<h1>مركز المساعدة<\/h1>/);
			assert.match(arabic.body, /<p class="help-back"><a href="\/sign-in\/verify">العودة إلى تسجيل الدخول<\/a><\/p>/);
			assert.match(arabic.body, /<strong>فقدت هاتفك؟<\/strong>/);
			const lost = await h.app.inject({ method: "GET", url: "/help/lost-phone", headers: { "accept-language": "ar" } });
			assert.match(lost.body, /<h2>توقّف عن الوثوق بأجهزتك<\/h2>/);
		});

		test("an error's help link is in the page's language", async () => {
			const browser = new FormClient(h.app);
			await browser.get("/language?to=fr&back=/sign-in");
			await browser.get("/sign-in");
			const wrong = await browser.post("/sign-in", { username: "nobody_here", password: "wrong wrong wrong" });
			assert.match(wrong.body, /<p class="help-link"><a href="\/forgot-password">Mot de passe oublié \?<\/a><\/p>/);
		});

		test("apps with access, adding an address and adding a passkey, in French, with times in the person's zone", async () => {
			const browser = await personIn("fr");
			const apps = await browser.get("/settings/apps");
			assert.equal(apps.statusCode, 200);
			assert.match(apps.body, /<html lang="fr" dir="ltr">/);
			assert.match(apps.body, /<h1>Applications autorisées<\/h1>/);
			assert.match(apps.body, /<h2>Calendrier<\/h2>/);
			assert.match(apps.body, /https:\/\/calendar\.example\.org · autorisation : [^<]*14:00<\/p>/, "allowed at noon UTC: 14:00 in Paris");
			assert.doesNotMatch(apps.body, /UTC|GMT/, "no bare UTC");
			assert.match(apps.body, /<li>Voir votre nom d’utilisateur<\/li>/);
			assert.match(apps.body, /<button type="submit" class="secondary">Retirer l’accès<\/button>/);

			const address = await browser.get("/settings/contacts/add?kind=email");
			assert.match(address.body, /<h1>Ajouter une adresse e-mail<\/h1>/);
			assert.match(address.body, /<label for="password">Votre mot de passe<\/label>/);
			const phone = await browser.get("/settings/contacts/add?kind=phone");
			assert.match(phone.body, /Avec l’indicatif du pays, par exemple \+44 7911 123456\./);

			const passkey = await browser.get("/settings/passkeys/add");
			assert.match(passkey.body, /<h1>Ajouter une clé d’accès<\/h1>/);
			assert.match(passkey.body, /placeholder="Mon téléphone"/);

			const settings = await browser.get("/settings");
			assert.match(settings.body, /<h2 id="passkeys-heading">Clés d’accès<\/h2>/);
			assert.match(settings.body, /<h2 id="contacts-heading">E-mail et téléphone<\/h2>/);
		});

		test("apps with access, adding an address and adding a passkey, in Arabic, right to left", async () => {
			const browser = await personIn("ar");
			const apps = await browser.get("/settings/apps");
			assert.ok(apps.body.includes(rtl));
			assert.match(apps.body, /<h1>التطبيقات التي لها صلاحية الوصول<\/h1>/);
			assert.match(apps.body, /تاريخ السماح: [^<]*02:00 م<\/p>/, "2 p.m. in Paris");
			assert.match(apps.body, /سحب صلاحية الوصول/);

			const address = await browser.get("/settings/contacts/add?kind=email");
			assert.ok(address.body.includes(rtl));
			assert.match(address.body, /<h1>إضافة عنوان بريد إلكتروني<\/h1>/);

			const passkey = await browser.get("/settings/passkeys/add");
			assert.ok(passkey.body.includes(rtl));
			assert.match(passkey.body, /<h1>إضافة مفتاح مرور<\/h1>/);
			assert.match(passkey.body, /<button type="submit">متابعة<\/button>/);

			const withdrawn = await browser.follow(await browser.post("/settings/apps/withdraw", { client: /name="client" value="([^"]+)"/.exec(apps.body)![1]! }));
			assert.match(withdrawn.body, /<p class="notice" role="status">تم\. لم يعد بإمكان ذلك التطبيق/);
			assert.match(withdrawn.body, /لا يمكن لأي تطبيق خارج هذه الخدمة تسجيل دخولك/);
		});

		test("the development outbox dates each message in the reader's zone and language", async () => {
			const browser = await personIn("fr");
			await browser.get("/settings/contacts/add?kind=email");
			const added = await browser.post("/settings/contacts/add", { kind: "email", value: "lecteur@example.org", password: PASSWORD });
			assert.match(added.body, /Nous avons envoyé un code à 6 chiffres à lecteur@example\.org\. Il est valable 10 minutes\./);
			const outbox = await h.app.inject({
				method: "GET",
				url: "/dev/outbox",
				remoteAddress: "127.0.0.1",
				headers: { "accept-language": "fr", cookie: "tessera_tz=Europe/Paris" },
			});
			assert.equal(outbox.statusCode, 200);
			assert.match(outbox.body, /<h1>Boîte d’envoi<\/h1>/);
			assert.match(outbox.body, /<strong>E-mail<\/strong> à lecteur@example\.org · [^<]*\d\d:\d\d<\/p>/);
			assert.doesNotMatch(outbox.body, /\d\d:\d\d:\d\d (UTC|GMT)/, "not the old UTC stamp");
		});
	});
}

describe("the pages of signing in to an app, in French and Arabic", () => {
	const user = { username: "amina", csrf: "token" };
	const inLocale = <T>(locale: "fr" | "ar", fn: () => T) => withPresentation({ locale, timeZone: "Europe/Paris", brand: { name: "Portail" } }, fn);

	test("asking to allow an app, and a stronger sign-in the account cannot give", () => {
		const consent = inLocale("fr", () => consentPage({ user, uid: "u1", app: { name: "Agenda", address: "https://agenda.example" }, scopes: ["openid", "email"] })).value;
		assert.match(consent, /<h1>Autoriser Agenda à vous connecter \?<\/h1>/);
		assert.match(consent, /<li>Voir votre adresse e-mail confirmée<\/li>/);
		assert.match(consent, /Portail ne donne jamais votre mot de passe ni vos codes à une application\./, "the operator's name, not Tessera");
		assert.match(consent, /<button type="submit" name="decision" value="deny" class="secondary">Ne pas autoriser<\/button>/);
		const stepUp = inLocale("ar", () => cannotStepUpPage({ user, uid: "u1", app: "Agenda", level: "مفتاح مرور" })).value;
		assert.ok(stepUp.includes(rtl));
		assert.match(stepUp, /<h1>يطلب Agenda تسجيل دخول أقوى<\/h1>/);
	});

	test("signing out through an app, and a refused request", () => {
		const confirm = inLocale("ar", () => signOutConfirmPage({ app: "Agenda", providerForm: '<form id="op.logoutForm"></form>', marker: "m" })).value;
		assert.ok(confirm.includes(rtl));
		assert.match(confirm, /<h1>تسجيل الخروج من Agenda؟<\/h1>/);
		const done = inLocale("fr", () => signedOutPage({ app: "Agenda" })).value;
		assert.match(done, /Votre session sur Agenda est terminée\. Vous pouvez fermer cette page, ou <a href="\/sign-in">vous reconnecter<\/a>\./);
		const refused = inLocale("fr", () => appErrorPage({ error: "invalid_request", description: "redirect_uri is not registered" })).value;
		assert.match(refused, /<span lang="en">redirect_uri is not registered<\/span>/, "the provider's own words are marked as English");
		assert.match(refused, /Portail a refusé la demande avec <code>invalid_request<\/code>\./);
	});
});
