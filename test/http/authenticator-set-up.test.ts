import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import QRCode from "qrcode";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import {
	aWrongCode,
	api,
	errorCode,
	type Harness,
	PASSWORD,
	passwordStep,
	signUp,
	signUpWithTwoFactor,
	startHarness,
	totpCode,
	uniqueUsername,
} from "../helpers/harness.ts";

const unescapeHtml = (text: string) => text.replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"');
const keyOn = (body: string) => /id="totp-key">([A-Z2-7 ]+)</.exec(body)![1]!;

for (const kind of await databaseKinds()) {
	describe(`setting up the authenticator app (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		async function signedUp(ip?: string) {
			const client = new FormClient(h.app, ip);
			await client.get("/sign-up");
			const response = await client.post("/sign-up", { username: uniqueUsername("app"), password: PASSWORD, email: "" });
			assert.equal(response.statusCode, 303, response.body);
			return client;
		}

		async function keyPage(client: FormClient) {
			await client.get("/settings/authenticator");
			const page = await client.post("/settings/authenticator", { password: PASSWORD });
			assert.equal(page.statusCode, 200, page.body);
			return page;
		}

		test("on a phone: an “Open in authenticator app” link with the address the QR code holds, and “Copy key” beside it", async () => {
			const page = await keyPage(await signedUp());
			const key = keyOn(page.body);
			const link = /<a class="button secondary" id="open-in-app" href="([^"]+)">Open in authenticator app<\/a>/.exec(page.body);
			assert.ok(link, "the link is there, with its words");
			const uri = unescapeHtml(link[1]!);
			const parsed = new URL(uri);
			assert.equal(parsed.protocol, "otpauth:");
			assert.equal(parsed.host, "totp");
			assert.equal(parsed.searchParams.get("secret"), key.replace(/ /g, ""), "the link carries the key shown");
			assert.equal(parsed.searchParams.get("issuer"), "Tessera");
			// The QR code is the same address, drawn: an app scanning it and one opened by the link get the same key.
			const drawn = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
			assert.ok(page.body.includes(drawn), "the QR code encodes the link's address");

			const copy = /<button type="button" class="secondary" data-copy-target="totp-key"[^>]*>Copy key<\/button>/.exec(page.body);
			assert.ok(copy, "“Copy key” copies the key shown");
			assert.match(copy[0], / hidden>/, "hidden until app.js can copy");
			assert.match(copy[0], /data-copied="Key copied\. Paste it into your authenticator app\."/);
			assert.match(page.body, /<code class="key" dir="ltr" id="totp-key">[A-Z2-7]{4}( [A-Z2-7]{1,4})+<\/code>/, "the key stays on the page as text");

			// The link is a navigation: the policy has nothing that stops a link (only forms, scripts and the like are held to the site).
			const csp = String(page.headers["content-security-policy"]);
			assert.doesNotMatch(csp, /navigate-to/);
			assert.match(csp, /form-action 'self'/);
		});

		test("a wrong code while setting up is about the phone's clock, not backup codes; the key is shown again", async () => {
			const client = await signedUp();
			const page = await keyPage(client);
			const key = keyOn(page.body);
			const wrong = await client.post("/settings/authenticator/confirm", { code: "000000" });
			assert.equal(wrong.statusCode, 401);
			const box = /<div class="error"[\s\S]*?<\/div>/.exec(wrong.body)![0];
			assert.match(unescapeHtml(box), /That code didn't match\. Check that your phone's clock is right/);
			assert.doesNotMatch(box, /[Bb]ackup codes?/, "no word of backup codes while setting up the app");
			assert.doesNotMatch(box, /\/help\/backup-codes/);
			assert.equal(keyOn(wrong.body), key, "the same key, to try again");
			assert.match(wrong.body, /id="open-in-app"/);

			// Opened again by its address, the page still shows the key waiting for its first code.
			const reopened = await client.get("/settings/authenticator/confirm");
			assert.equal(reopened.statusCode, 200);
			assert.equal(keyOn(reopened.body), key);
		});

		test("the set-up pages in French and in Arabic (right to left)", async () => {
			const client = await signedUp();
			const password = await client.follow(await client.get(`/language?to=fr&back=${encodeURIComponent("/settings/authenticator")}`));
			assert.match(password.body, /<html lang="fr" dir="ltr">/);
			assert.match(password.body, /<h1>Configurer l’application d’authentification<\/h1>/);
			assert.match(password.body, /<label for="password">Votre mot de passe<\/label>/);
			const page = await client.post("/settings/authenticator", { password: PASSWORD });
			assert.match(page.body, /Ouvrir dans l’application d’authentification<\/a>/);
			assert.match(page.body, />Copier la clé<\/button>/);
			const wrong = await client.post("/settings/authenticator/confirm", { code: "000000" });
			assert.match(wrong.body, /Vérifiez que l’horloge de votre téléphone est à l’heure/);

			await client.follow(await client.get(`/language?to=ar&back=${encodeURIComponent("/settings/authenticator")}`));
			const arabic = await client.post("/settings/authenticator", { password: PASSWORD });
			assert.equal(arabic.statusCode, 200);
			assert.match(arabic.body, /<html lang="ar" dir="rtl">/);
			assert.match(arabic.body, /<h1>إعداد تطبيق المصادقة<\/h1>/);
			assert.match(arabic.body, /فتح في تطبيق المصادقة<\/a>/);
			assert.match(arabic.body, /<label for="code">رمز من 6 أرقام<\/label>/);
			const key = keyOn(arabic.body).replace(/ /g, "");
			assert.match(arabic.body, /<code class="key" dir="ltr" id="totp-key">/, "the key reads left to right inside Arabic");
			const wrongAr = await client.post("/settings/authenticator/confirm", { code: "000000" });
			assert.match(wrongAr.body, /تأكد من أن ساعة هاتفك مضبوطة/);
			// The code and the error's code are the same in every language.
			assert.match(wrongAr.body, /data-code="invalid_code"/);
			const saved = await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) });
			assert.equal(saved.statusCode, 200);
		});

		test("the API's message for a wrong set-up code follows Accept-Language; its code and details do not", async () => {
			const user = await signUp(h.app);
			await api(h.app, "/account/totp", { token: user.token, body: { password: PASSWORD } });
			for (const [language, words] of [["fr", /horloge de votre téléphone/], ["ar", /ساعة هاتفك/], ["en", /phone's clock/]] as const) {
				const response = await h.app.inject({
					method: "POST",
					url: "/api/v1/account/totp/confirm",
					headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json", "accept-language": language },
					payload: JSON.stringify({ code: "000000" }),
				});
				assert.equal(response.statusCode, 401);
				const error = response.json().error as { code: string; message: string; details: unknown };
				assert.equal(error.code, "invalid_code");
				assert.match(error.message, words);
				assert.deepEqual(error.details, {});
			}
		});
	});

	describe(`a right set-up code is not refused because others share the address (${kind})`, () => {
		let h: Harness;
		const office = "198.51.100.200";
		before(async () => {
			h = await startHarness(kind, { TESSERA_LIMIT_CODE_ADDRESS: "3/1h", TESSERA_LIMIT_CODE_ACCOUNT: "4/1h" });
		});
		after(() => h.close());

		/** Others behind the same address mistype their sign-in codes until the address is out of tries. */
		async function exhaustTheAddress() {
			for (let i = 0; i < 3; i++) {
				const other = await signUpWithTwoFactor(h);
				const { challenge } = await passwordStep(h, other.username, office);
				const wrong = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: aWrongCode(h) }, ip: office });
				assert.equal(wrong.statusCode, 401);
			}
			// The address limit still holds at sign-in: another account's right code waits.
			const next = await signUpWithTwoFactor(h);
			const { challenge } = await passwordStep(h, next.username, office);
			const refused = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: next.codes[0] }, ip: office });
			assert.equal(refused.statusCode, 429);
			assert.equal(errorCode(refused), "too_many_attempts");
		}

		test("the signed-in person's right codes go through; their wrong ones count against their account", async () => {
			await exhaustTheAddress();

			// In the pages: the authenticator's first code, then a backup code typed back.
			const client = new FormClient(h.app, office);
			await client.get("/sign-up");
			assert.equal((await client.post("/sign-up", { username: uniqueUsername("nat"), password: PASSWORD, email: "" })).statusCode, 303);
			await client.get("/settings/authenticator");
			const page = await client.post("/settings/authenticator", { password: PASSWORD });
			const key = keyOn(page.body).replace(/ /g, "");
			const saved = await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) });
			assert.equal(saved.statusCode, 200, "the first right code is taken");
			const code = /<li><code>([0-9A-Z]{4}[- ][0-9A-Z]{4})<\/code><\/li>/.exec(saved.body)![1]!;
			const on = await client.post("/settings/backup-codes/confirm", { code });
			assert.equal(on.statusCode, 303);
			assert.equal(on.headers.location, "/settings?notice=two_factor_on");

			// In the API: wrong set-up codes are counted, against the account.
			const user = await signUp(h.app);
			const started = await api(h.app, "/account/totp", { token: user.token, body: { password: PASSWORD }, ip: office });
			const secret = started.json().secret as string;
			for (let i = 0; i < 4; i++) {
				const wrong = await api(h.app, "/account/totp/confirm", { token: user.token, body: { code: "000000" }, ip: office });
				assert.equal(wrong.statusCode, 401, `wrong code ${i + 1} is checked, not refused for the address`);
			}
			const held = await api(h.app, "/account/totp/confirm", { token: user.token, body: { code: totpCode(secret, h.clock()) }, ip: office });
			assert.equal(held.statusCode, 429, "four wrong codes used the account's tries");
			assert.equal(errorCode(held), "too_many_attempts");
			// From another address, the account's count still holds: it is the account's, not the office's.
			const elsewhere = await api(h.app, "/account/totp/confirm", { token: user.token, body: { code: totpCode(secret, h.clock()) }, ip: "192.0.2.9" });
			assert.equal(elsewhere.statusCode, 429);
		});
	});
}
