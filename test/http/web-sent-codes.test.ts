import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, type Harness, PASSWORD, signUpWithTwoFactor, startHarness } from "../helpers/harness.ts";
import { codeIn, mark, startSmsProvider, startSmtpServer } from "../helpers/mailboxes.ts";

let phoneCounter = 0;
function aPhone(): string {
	phoneCounter++;
	return `+1 202 555 ${String(1000 + ((process.pid * 11 + phoneCounter) % 9000)).padStart(4, "0")}`;
}
const e164 = (phone: string) => phone.replace(/\s/g, "");
/** The text of a message as sent, quoted-printable soft breaks undone. */
const unfolded = (body: string) => body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

for (const kind of await databaseKinds()) {
	describe(`codes sent for the second step, in the pages (${kind})`, () => {
		let h: Harness;
		let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
		let sms: Awaited<ReturnType<typeof startSmsProvider>>;
		before(async () => {
			smtp = await startSmtpServer();
			sms = await startSmsProvider();
			h = await startHarness(kind, { TESSERA_DELIVERY: "live", TESSERA_SMTP_URL: smtp.url, TESSERA_PUBLIC_URL: "https://id.example.test", ...sms.env });
		});
		after(async () => {
			await h.close();
			await smtp.close();
			await sms.close();
		});

		async function userWithAddresses() {
			const user = await signUpWithTwoFactor(h);
			const phone = aPhone();
			const email = `${user.username}@example.net`;
			for (const [contactKind, value] of [["phone", phone], ["email", email]] as const) {
				const since = mark();
				const added = await api(h.app, "/account/contacts", { token: user.token, body: { kind: contactKind, value, password: PASSWORD } });
				assert.equal(added.statusCode, 201, added.body);
				const message = contactKind === "email" ? await smtp.next(value, since) : await sms.next(e164(value), since);
				const verified = await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: contactKind, code: codeIn(message) } });
				assert.equal(verified.statusCode, 200, verified.body);
			}
			return { ...user, phone, email };
		}

		async function atSecondStep(username: string) {
			const browser = new FormClient(h.app);
			await browser.get("/sign-in");
			await browser.follow(await browser.post("/sign-in", { username, password: PASSWORD }));
			return browser;
		}

		test("the sign-in page asks for a username or email", async () => {
			const page = await new FormClient(h.app).get("/sign-in");
			assert.match(page.body, /<label for="username">Username or email<\/label>/);
			assert.match(page.body, /autocomplete="username"/);
		});

		test("a texted code ends with the line that binds it to Tessera's own site", async () => {
			const user = await userWithAddresses();
			const browser = await atSecondStep(user.username);
			const since = mark();
			const sent = await browser.post("/sign-in/verify/send", { method: "sms" });
			assert.equal(sent.statusCode, 303, sent.body);
			const text = await sms.next(e164(user.phone), since);
			const code = codeIn(text);
			assert.match(text.body, new RegExp(`\\n\\n@id\\.example\\.test #${code}$`));
		});

		test("the email with a sign-in code says the password was used, links to \"Not you?\", and never asks for the code", async () => {
			const user = await userWithAddresses();
			const browser = await atSecondStep(user.username);
			const since = mark();
			await browser.post("/sign-in/verify/send", { method: "email" });
			const body = unfolded((await smtp.next(user.email, since)).body);
			assert.match(body, /someone who knows your password/i);
			assert.doesNotMatch(body, /typed your address by mistake/);
			const link = body.match(/Not you\? Change your password[^\n]*\n(https:\/\/id\.example\.test\/secure-account\?token=[A-Za-z0-9_-]+)/);
			assert.ok(link, body);
			assert.match(body, /never asks for this code/);
			assert.doesNotMatch(body, /give (it|the code) to/i);
			const page = await new FormClient(h.app).get(link[1]!.replace("https://id.example.test", ""));
			assert.equal(page.statusCode, 200, page.body);
		});

		for (const method of ["sms", "email"] as const) {
			test(`a wrong ${method} code gets that channel's advice, and the page still knows a code was sent`, async () => {
				const user = await userWithAddresses();
				const browser = await atSecondStep(user.username);
				const before = await browser.get(`/sign-in/verify?method=${method}`);
				assert.doesNotMatch(before.body, /id="code"/, "no code field before a code is on its way");
				const sent = await browser.follow(await browser.post("/sign-in/verify/send", { method }));
				assert.match(sent.body, /id="code-sent"/);
				assert.match(sent.body, /id="code"/);
				assert.match(sent.body, /name="sent" value="yes"/, "the page's forms say a code was sent");

				const wrong = await browser.post("/sign-in/verify", { method, code: "000000", sent: "yes" });
				assert.equal(wrong.statusCode, 401, wrong.body);
				assert.match(wrong.body, /Check that you typed the code from the newest message/);
				assert.doesNotMatch(wrong.body, /clock/);
				assert.doesNotMatch(wrong.body, /backup code/i);
				assert.match(wrong.body, /We sent a code to/);
				assert.match(wrong.body, /id="code"/);
				assert.match(wrong.body, /Send a new code/);

				const tooSoon = await browser.post("/sign-in/verify/send", { method, sent: "yes" });
				assert.equal(tooSoon.statusCode, 429, tooSoon.body);
				assert.match(tooSoon.body, /We sent a code to/);
				assert.match(tooSoon.body, /id="code"/);
			});
		}
	});
}
