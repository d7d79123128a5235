import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { withPresentation } from "../../src/i18n/context.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, startHarness, totpCode, uniqueUsername } from "../helpers/harness.ts";

function codesOn(body: string): string[] {
	return [...body.matchAll(/<li><code>([0-9A-Z]{4}[- ][0-9A-Z]{4})<\/code><\/li>/g)].map((m) => m[1]!);
}

/** The words a person reads in one section of a page: its text, without markup. */
function sectionText(body: string, heading: string): string {
	const section = new RegExp(`<section aria-labelledby="${heading}"[\\s\\S]*?</section>`).exec(body);
	assert.ok(section, `a section headed ${heading}`);
	return section[0].replace(/<[^>]+>/g, " ").replace(/&[a-z#0-9]+;/g, " ");
}

function textFile(body: string): string {
	const dataUrl = /href="(data:text\/plain;charset=utf-8,[^"]+)"/.exec(body)![1]!;
	return decodeURIComponent(dataUrl.replace("data:text/plain;charset=utf-8,", "").replace(/&amp;/g, "&"));
}

for (const kind of await databaseKinds()) {
	describe(`settings and backup codes in French and Arabic (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		/** Two-factor on with the authenticator, in a browser that reads `language` in Kiribati (UTC+14). */
		async function person(language: "fr" | "ar") {
			const client = new FormClient(h.app);
			client.cookies.set("tessera_tz", "Pacific/Kiritimati");
			await client.get("/sign-up");
			const username = uniqueUsername(language);
			await client.post("/sign-up", { username, password: PASSWORD, email: "" });
			await client.get("/settings/authenticator");
			const enrol = await client.post("/settings/authenticator", { password: PASSWORD });
			const key = /id="totp-key">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, "");
			const first = codesOn((await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) })).body);
			await client.follow(await client.post("/settings/backup-codes/confirm", { code: first[0]! }));
			h.clock.advance(60_000);
			const switched = await client.get(`/language?to=${language}&back=/settings`);
			assert.equal(switched.statusCode, 303);
			return { client, username, first };
		}

		test("in French: the security page, a new set, its file with the day where the person is, and typing one back", async () => {
			const { client } = await person("fr");
			const settings = await client.get("/settings");
			assert.equal(settings.statusCode, 200);
			assert.match(settings.body, /<html lang="fr" dir="ltr">/);
			assert.match(settings.body, /<h1>Sécurité<\/h1>/);
			assert.match(settings.body, /<h2 id="two-factor-heading">Validation en deux étapes<\/h2>/);
			assert.match(settings.body, /<strong>10<\/strong> codes restants sur 10\./);
			assert.match(settings.body, /Votre deuxième étape la plus sûre/);
			assert.match(settings.body, /Création : 2 juin 2026, 02:00\./, "the time where the person is, in French");
			assert.doesNotMatch(settings.body, /UTC|2026-06-0/, "no bare UTC, no ISO time");

			const ask = await client.get("/settings/backup-codes/new");
			assert.match(ask.body, /<h1>Obtenir de nouveaux codes de secours<\/h1>/);
			assert.match(ask.body, /une nouvelle série de 10 codes/);
			const sets = /name="sets" value="([^"]*)"/.exec(ask.body)![1]!;
			const shown = await client.post("/settings/backup-codes/save", { password: PASSWORD, sets });
			assert.equal(shown.statusCode, 200, shown.body);
			assert.match(shown.body, /<h1>Enregistrez vos codes de secours<\/h1>/);
			assert.match(shown.body, /<h2 id="confirm-heading">Montrez que vous les avez enregistrés<\/h2>/);
			assert.match(shown.body, /data-copied="Copiés\. Collez-les en lieu sûr/, "the script's words come from the page");
			assert.match(shown.body, /data-image-lines="Site : [^"]*\nCompte : [^"]*\nCréation : 2 juin 2026"/);
			const file = textFile(shown.body);
			assert.match(file, /^Codes de secours$/m);
			assert.match(file, /^Création : 2 juin 2026$/m, "the day the codes were made, where the person is");
			assert.match(file, /^Chaque code ne fonctionne qu’une fois/m);
			const codes = codesOn(shown.body);

			const reopened = await client.get("/settings/backup-codes/save");
			assert.match(reopened.body, /<h1>Confirmez vos codes de secours<\/h1>/);
			const done = await client.follow(await client.post("/settings/backup-codes/confirm", { code: codes[0]! }));
			assert.match(done.body, /Vos nouveaux codes de secours sont actifs\./);
		});

		test("in Arabic: right to left, the security page, a new set and its confirmation", async () => {
			const { client, username, first } = await person("ar");
			// This browser trusted, signing in again with a backup code.
			await client.get("/settings");
			await client.post("/sign-out", {});
			await client.get("/sign-in");
			await client.follow(await client.post("/sign-in", { username, password: PASSWORD }));
			const trusted = await client.post("/sign-in/verify", { method: "backup_code", code: first[1]!, trust: "yes" });
			assert.equal(trusted.statusCode, 303, trusted.body);
			const settings = await client.get("/settings");
			assert.equal(settings.statusCode, 200);
			assert.match(settings.body, /<html lang="ar" dir="rtl">/);
			assert.match(settings.body, /<h1>الأمان<\/h1>/);
			assert.match(settings.body, /<h2 id="two-factor-heading">المصادقة الثنائية<\/h2>/);
			assert.match(settings.body, /<h2 id="codes-heading">رموز الاحتياط<\/h2>/);
			// The method's own words (its copy) are a value here, written by the method in the page's language.
			const methodWords = withPresentation({ locale: "ar", timeZone: undefined, brand: h.config.brand }, () => h.tessera.deps.methods.get("totp").copy.confirmWith);
			assert.match(settings.body, /<li id="this-device"><strong>متصفح<\/strong> <span class="state on">هذا الجهاز<\/span>/, "the device's name in the page's words");
			for (const heading of ["two-factor-heading", "codes-heading", "devices-heading", "account-heading"]) {
				const words = sectionText(settings.body, heading).replace(methodWords, "").match(/[A-Za-z]{3,}/g) ?? [];
				assert.deepEqual(words, [], `English left in the ${heading} section`);
			}

			const ask = await client.get("/settings/backup-codes/new");
			assert.match(ask.body, /<h1>الحصول على رموز احتياط جديدة<\/h1>/);
			const sets = /name="sets" value="([^"]*)"/.exec(ask.body)![1]!;
			const shown = await client.post("/settings/backup-codes/save", { password: PASSWORD, sets });
			assert.match(shown.body, /<html lang="ar" dir="rtl">/);
			assert.match(shown.body, /<h1>احفظ رموز الاحتياط<\/h1>/);
			assert.match(shown.body, /aria-label="رموز الاحتياط"/);
			assert.match(textFile(shown.body), /^تاريخ الإنشاء: /m);
			const codes = codesOn(shown.body);
			assert.equal(codes.length, 10, "codes are values: the same letters in every language");

			const reopened = await client.get("/settings/backup-codes/save");
			assert.match(reopened.body, /<h1>تأكيد رموز الاحتياط<\/h1>/);
			const typo = await client.post("/settings/backup-codes/confirm", { code: codes[1]!.slice(0, -1) });
			assert.equal(typo.statusCode, 400);
			assert.match(typo.body, /<label for="confirm-code">أحد رموزك الجديدة<\/label>/);
			const done = await client.follow(await client.post("/settings/backup-codes/confirm", { code: codes[1]! }));
			assert.match(done.body, /رموز الاحتياط الجديدة فعّالة الآن/);
		});
	});
}
