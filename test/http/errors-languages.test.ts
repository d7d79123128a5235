import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { defaultBrand } from "../../src/core/brand.ts";
import { fieldProblem, TesseraError } from "../../src/core/errors.ts";
import { withPresentation } from "../../src/i18n/context.ts";
import type { Locale } from "../../src/i18n/locales.ts";
import { formatWhen } from "../../src/i18n/time.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, signUp, signUpWithTwoFactor, startHarness, totpCode, uniqueUsername } from "../helpers/harness.ts";

/** An API call as a browser or an app in that language makes it. */
function call(app: FastifyInstance, path: string, language: string | undefined, options: { body?: unknown; raw?: string; token?: string } = {}) {
	const headers: Record<string, string> = {};
	if (language) headers["accept-language"] = language;
	if (options.token) headers["authorization"] = `Bearer ${options.token}`;
	const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	if (payload !== undefined) headers["content-type"] = "application/json";
	return app.inject({
		method: payload === undefined ? "GET" : "POST",
		url: `/api/v1${path}`,
		headers,
		...(payload !== undefined ? { payload } : {}),
		remoteAddress: "203.0.113.9",
	});
}

const errorOf = (response: LightMyRequestResponse) =>
	(response.json() as { error: { code: string; message: string; details: Record<string, unknown>; fields?: { field: string; reason: string; problem: string }[] } })
		.error;

const inLanguage = <T>(locale: Locale, fn: () => T) => withPresentation({ locale, timeZone: undefined, brand: defaultBrand }, fn);

/** The text of the error box's own message on a page (its first paragraph). */
function errorBoxMessage(body: string): string {
	const box = /<div class="error"[^>]*>\s*<p>([\s\S]*?)<\/p>/.exec(body);
	assert.ok(box, "the page shows an error box");
	return box[1]!.replace(/&#39;|&#x27;/g, "'").replace(/&rsquo;/g, "’");
}

describe("an error's words are written when read, in the reader's language", () => {
	test("an error made outside any request (a module, a parser) speaks the language it is read in", () => {
		const error = new TesseraError("too_many_attempts", { retryAfterSeconds: 60 });
		assert.equal(error.message, "Too many attempts. For your safety, wait a little before trying again.");
		assert.equal(inLanguage("fr", () => error.message), "Trop de tentatives. Pour votre sécurité, patientez un peu avant de réessayer.");
		assert.equal(inLanguage("ar", () => error.message), "محاولات كثيرة جدًا. حفاظًا على أمانك، انتظر قليلًا قبل المحاولة مرة أخرى.");
		assert.deepEqual(inLanguage("ar", () => error.details), { retryAfterSeconds: 60 }, "the facts do not change");
	});

	test("times in a message are the reader's: formatWhen in their language", () => {
		const at = Date.UTC(2026, 10, 3, 19, 33);
		const error = new TesseraError("code_replaced", { replacedAt: at });
		const french = inLanguage("fr", () => error.message);
		assert.equal(french, `Ce code vient d’une liste qui a été remplacée (${inLanguage("fr", () => formatWhen(at))}). Utilisez un code de votre liste la plus récente.`);
		assert.match(french, /3 nov\. 2026/);
	});

	test("a field's problem is a reason (data) and words written when read", () => {
		const problem = fieldProblem("username", "username_length", { min: 3, max: 30 });
		assert.equal(problem.reason, "username_length");
		assert.equal(problem.problem, "Use 3 to 30 characters.");
		assert.equal(inLanguage("fr", () => problem.problem), "Utilisez de 3 à 30 caractères.");
		assert.equal(inLanguage("ar", () => problem.problem), "استخدم من 3 إلى 30 حرفًا.");
		const error = new TesseraError("invalid_request", { fields: [problem] });
		assert.deepEqual(inLanguage("fr", () => error.fields!.map((f) => f.problem)), ["Utilisez de 3 à 30 caractères."]);
	});
});

for (const kind of await databaseKinds()) {
	describe(`errors in the reader's language (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		test("the same bad sign-up in English, French and Arabic: the same code and details, the words translated", async () => {
			const answers = new Map<string, ReturnType<typeof errorOf>>();
			for (const language of ["en", "fr", "ar"]) {
				const response = await call(h.app, "/accounts", language, { body: { username: "x!", password: "short", email: "nope" } });
				assert.equal(response.statusCode, 400, language);
				answers.set(language, errorOf(response));
			}
			const [en, fr, ar] = [answers.get("en")!, answers.get("fr")!, answers.get("ar")!];
			assert.equal(en.code, "invalid_request");
			assert.equal(fr.code, en.code);
			assert.equal(ar.code, en.code);
			assert.deepEqual(en.details, {
				fields: [
					{ field: "username", reason: "username_length" },
					{ field: "email", reason: "email_format" },
					{ field: "password", reason: "password_length" },
				],
			});
			assert.deepEqual(fr.details, en.details, "details never change with the language");
			assert.deepEqual(ar.details, en.details, "details never change with the language");

			assert.equal(en.message, "Some of the fields are missing or not in the expected form.");
			assert.equal(fr.message, "Certains champs manquent ou n’ont pas la forme attendue.");
			assert.equal(ar.message, "بعض الحقول ناقصة أو ليست بالصيغة المتوقعة.");

			// The words beside each field, where they always were: the same fields and reasons, translated problems.
			for (const answer of [en, fr, ar]) {
				assert.deepEqual(
					answer.fields!.map(({ field, reason }) => ({ field, reason })),
					en.details["fields"],
				);
			}
			assert.deepEqual(
				fr.fields!.map((f) => f.problem),
				[
					"Utilisez de 3 à 30 caractères.",
					"Saisissez une adresse e-mail comme nom@example.com, ou laissez ce champ vide.",
					"Utilisez de 8 à 128 caractères.",
				],
			);
			assert.equal(ar.fields![2]!.problem, "استخدم من 8 إلى 128 حرفًا.");
			assert.equal(en.fields![0]!.problem, "Use 3 to 30 characters.", "English as it was");
		});

		test("a common password and a taken name: weak_password, its message the password's problem, in each language", async () => {
			const taken = await signUp(h.app);
			const fr = errorOf(await call(h.app, "/accounts", "fr-FR,fr;q=0.9", { body: { username: uniqueUsername(), password: "password123" } }));
			const ar = errorOf(await call(h.app, "/accounts", "ar", { body: { username: uniqueUsername(), password: "password123" } }));
			assert.equal(fr.code, "weak_password");
			assert.equal(ar.code, "weak_password");
			assert.deepEqual(fr.details, { fields: [{ field: "password", reason: "password_common" }] });
			assert.deepEqual(ar.details, fr.details);
			assert.equal(fr.message, "Ce mot de passe fait partie des plus courants : il est donc facile à deviner. Choisissez-en un autre.");

			const both = errorOf(await call(h.app, "/accounts", "fr", { body: { username: taken.username, password: "password123" } }));
			assert.deepEqual(both.details, {
				fields: [
					{ field: "username", reason: "username_taken" },
					{ field: "password", reason: "password_common" },
				],
			});
			assert.equal(both.message, "Choisissez un autre mot de passe.");
			assert.equal(both.fields![0]!.problem, "Ce nom d’utilisateur est déjà pris.");
		});

		test("an error made while the body is parsed answers in the request's language", async () => {
			const en = errorOf(await call(h.app, "/sessions", undefined, { raw: "{ not json" }));
			const fr = errorOf(await call(h.app, "/sessions", "fr", { raw: "{ not json" }));
			const ar = errorOf(await call(h.app, "/sessions", "ar", { raw: "{ not json" }));
			assert.equal(en.code, "invalid_json");
			assert.equal(fr.code, "invalid_json");
			assert.deepEqual(fr.details, en.details);
			assert.deepEqual(ar.details, en.details);
			assert.equal(en.message, "The request body is not valid JSON.");
			assert.equal(fr.message, "Le corps de la requête n’est pas du JSON valide.");
			assert.equal(ar.message, "محتوى الطلب ليس JSON صالحًا.");
		});

		test("a schema's refusal: the field and its reason in every language, the problem translated", async () => {
			const en = errorOf(await call(h.app, "/sessions", "en", { body: { username: "someone" } }));
			const fr = errorOf(await call(h.app, "/sessions", "fr", { body: { username: "someone" } }));
			assert.deepEqual(en.details, { fields: [{ field: "password", reason: "required" }] });
			assert.deepEqual(fr.details, en.details);
			assert.equal(fr.fields![0]!.problem, "Ce champ est obligatoire.");
		});

		test("a backup code used twice: the same details, and when it was used in the reader's language", async () => {
			const user = await signUpWithTwoFactor(h);
			const usedAt = h.clock();
			const step = async (language: string) => {
				const first = await call(h.app, "/sessions", language, { body: { username: user.username, password: PASSWORD } });
				const { challenge } = (first.json() as { secondFactor: { challenge: string } }).secondFactor;
				return call(h.app, "/sessions/second-factor", language, { body: { challenge, method: "backup_code", code: user.codes[0] } });
			};
			assert.equal((await step("en")).statusCode, 201);
			const fr = await step("fr");
			const ar = await step("ar");
			assert.equal(fr.statusCode, 401);
			assert.equal(errorOf(fr).code, "code_already_used");
			assert.equal(errorOf(ar).code, "code_already_used");
			assert.deepEqual(errorOf(fr).details, { usedAt: new Date(usedAt).toISOString(), remaining: 9, method: "backup_code" });
			assert.deepEqual(errorOf(ar).details, errorOf(fr).details);
			const when = inLanguage("fr", () => formatWhen(usedAt));
			assert.equal(
				errorOf(fr).message,
				`Ce code de secours a déjà été utilisé (${when}). Chaque code ne fonctionne qu’une fois : essayez un autre code non utilisé de votre liste.`,
			);
			assert.ok(errorOf(ar).message.startsWith("سبق استخدام رمز الاحتياط هذا ("), errorOf(ar).message);
		});

		test("a wrong code while setting up the authenticator: about the phone's clock, never backup codes (the API)", async () => {
			const user = await signUp(h.app);
			const begun = await call(h.app, "/account/totp", undefined, { token: user.token, body: { password: PASSWORD } });
			assert.equal(begun.statusCode, 201, begun.body);
			const { secret } = begun.json() as { secret: string };
			// A code from an hour ago: wrong now, whatever the window.
			const wrong = totpCode(secret, h.clock() - 3_600_000);
			for (const [language, clock, automatic] of [
				["en", /phone's time/, /automatic/],
				["fr", /l’heure de votre téléphone/, /automatique/],
				["ar", /الوقت في هاتفك/, /التلقائي/],
			] as const) {
				const refused = await call(h.app, "/account/totp/confirm", language, { token: user.token, body: { code: wrong } });
				assert.equal(refused.statusCode, 401, refused.body);
				const error = errorOf(refused);
				assert.equal(error.code, "invalid_code");
				assert.deepEqual(error.details, {});
				assert.match(error.message, clock, `${language}: the phone's clock`);
				assert.match(error.message, automatic, `${language}: set it to automatic`);
				assert.doesNotMatch(error.message, /backup|secours|الاحتياط/i, `${language}: no backup codes yet`);
			}
		});

		test("the authenticator's copy has set-up advice of its own, and every method's copy is read in the page's language", async () => {
			const totp = h.tessera.deps.methods.get("totp");
			assert.match(totp.copy.setUpAdvice!.invalid_code!, /automatic/);
			assert.doesNotMatch(totp.copy.setUpAdvice!.invalid_code!, /backup/i);
			assert.match(totp.copy.advice.invalid_code!, /clock/, "signing in, the advice stays the sign-in's");
			assert.equal(totp.copy.title, "Authenticator app");
			assert.equal(inLanguage("fr", () => totp.copy.title), "Application d’authentification");
			assert.equal(inLanguage("ar", () => totp.copy.title), "تطبيق المصادقة");
			assert.equal(inLanguage("fr", () => h.tessera.deps.methods.get("backup_code").copy.confirmWith), "votre code de secours");
			assert.equal(inLanguage("ar", () => h.tessera.deps.methods.get("passkey").copy.title), "مفتاح المرور");
			const sms = h.tessera.deps.methods.get("sms").copy;
			assert.equal(sms.sending!.choice("•••• 0123"), "Get a code by text message to •••• 0123.");
			assert.equal(inLanguage("fr", () => sms.sending!.willSend("•••• 0123")), "Nous allons envoyer un code à 6 chiffres par SMS au •••• 0123.");
			assert.equal(inLanguage("fr", () => sms.sending!.choice(undefined)), "Recevoir un code par SMS sur votre téléphone.");
			const email = h.tessera.deps.methods.get("email").copy;
			assert.match(inLanguage("fr", () => email.advice.invalid_code!), /e-mail le plus récent/, "a wrong emailed code: advice about the email");
			assert.match(inLanguage("fr", () => sms.advice.invalid_code!), /SMS le plus récent/, "a wrong texted code: advice about the text message");
			for (const method of h.tessera.deps.methods.all) {
				for (const locale of ["fr", "ar"] as const) {
					const words = inLanguage(locale, () => [method.copy.title, method.copy.label, method.copy.hint, method.copy.noun, ...Object.values(method.copy.advice)]);
					const english = [method.copy.title, method.copy.label, method.copy.hint, method.copy.noun, ...Object.values(method.copy.advice)];
					assert.notDeepEqual(words, english, `${method.name} in ${locale}`);
				}
			}
		});

		test("pages: a wrong password on /sign-in is said in French and in Arabic", async () => {
			const user = await signUp(h.app);
			for (const [language, words] of [
				["fr", "Le nom d’utilisateur ou le mot de passe n’est pas bon. Vérifiez les deux et réessayez."],
				["ar", "اسم المستخدم أو كلمة المرور غير صحيحين. تحقّق من كليهما وحاول مرة أخرى."],
			] as const) {
				const browser = new FormClient(h.app, "198.51.100.91");
				await browser.follow(await browser.get(`/language?to=${language}&back=/sign-in`));
				const refused = await browser.post("/sign-in", { username: user.username, password: "not the password" });
				assert.equal(refused.statusCode, 401, refused.body.slice(0, 200));
				assert.match(refused.body, new RegExp(`<html lang="${language}" dir="${language === "ar" ? "rtl" : "ltr"}"`));
				assert.equal(errorBoxMessage(refused.body), words);
				assert.match(refused.body, /data-code="invalid_credentials"/, "the code stays the code");
			}
		});

		test("pages: a wrong code while setting up the authenticator speaks of the phone's clock, not backup codes", async () => {
			const user = await signUp(h.app);
			const browser = new FormClient(h.app, "198.51.100.92");
			await browser.get("/sign-in");
			await browser.follow(await browser.post("/sign-in", { username: user.username, password: PASSWORD }));
			await browser.get("/settings/authenticator");
			const enrol = await browser.post("/settings/authenticator", { password: PASSWORD });
			assert.equal(enrol.statusCode, 200);
			assert.match(enrol.body, /action="\/settings\/authenticator\/confirm"/);
			// Six digits no app shows now (one chance in a few hundred thousand of being right).
			const refused = await browser.post("/settings/authenticator/confirm", { code: "000000" });
			assert.equal(refused.statusCode, 401, refused.body.slice(0, 300));
			const message = errorBoxMessage(refused.body);
			assert.match(message, /phone's time/);
			assert.match(message, /automatic/);
			assert.doesNotMatch(message, /backup/i);

			await browser.follow(await browser.get("/language?to=fr&back=/settings"));
			const french = await browser.post("/settings/authenticator/confirm", { code: "000000" });
			assert.match(errorBoxMessage(french.body), /réglez sa date et son heure sur automatique/);
		});
	});
}
