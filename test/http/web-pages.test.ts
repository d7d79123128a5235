import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, startHarness, totpCode, uniqueUsername } from "../helpers/harness.ts";

function codesOn(body: string): string[] {
	return [...body.matchAll(/<li><code>([0-9A-Z]{4}[- ][0-9A-Z]{4})<\/code><\/li>/g)].map((m) => m[1]!);
}

for (const kind of await databaseKinds()) {
	describe(`web pages without JavaScript (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		async function signedUp() {
			const client = new FormClient(h.app);
			const username = uniqueUsername("web");
			await client.get("/sign-up");
			const response = await client.post("/sign-up", { username, password: PASSWORD, email: "" });
			assert.equal(response.statusCode, 303);
			assert.equal(response.headers.location, "/settings");
			return { client, username };
		}

		test("the whole journey works with plain forms: enrol, save codes, sign in with a backup code", async () => {
			const { client, username } = await signedUp();
			const settings = await client.get("/settings");
			assert.match(settings.body, /Two-factor authentication/);
			assert.match(settings.body, /Off\. Anyone with your password can sign in/);

			await client.get("/settings/authenticator");
			const enrol = await client.post("/settings/authenticator", { password: PASSWORD });
			assert.equal(enrol.statusCode, 200);
			assert.match(enrol.body, /<svg/);
			const key = /id="totp-key">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, "");
			const wrong = await client.post("/settings/authenticator/confirm", { code: "000000" });
			assert.equal(wrong.statusCode, 401);
			assert.match(wrong.body, /didn&#39;t match|didn't match/);
			assert.match(wrong.body, /<svg/, "the QR code is shown again after a wrong code");
			const saved = await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) });
			assert.equal(saved.statusCode, 200);
			assert.match(saved.headers["cache-control"] as string, /no-store/);
			const codes = codesOn(saved.body);
			assert.equal(codes.length, 10);
			assert.match(saved.body, new RegExp(`download="backup-codes-${username}\\.txt"`));
			const dataUrl = /href="(data:text\/plain;charset=utf-8,[^"]+)"/.exec(saved.body)![1]!;
			const text = decodeURIComponent(dataUrl.replace("data:text/plain;charset=utf-8,", "").replace(/&amp;/g, "&"));
			assert.match(text, /^Site: +Tessera \(localhost(:\d+)?\)$/m);
			assert.match(text, new RegExp(`^Account: +${username}$`, "m"));
			assert.match(text, /^Created: 1 Jun 2026$/m, "the day it was made, as people write it, never an ISO time");
			for (const code of codes) assert.match(text, new RegExp(`^\\[ \\] ${code}$`, "m"), "one code per line with a box to tick");
			assert.match(text, /safe/);

			const unfinished = await client.get("/settings");
			assert.match(unfinished.body, /Almost done/);
			assert.ok(!codesOn(unfinished.body).length, "codes are never shown again");
			await client.get("/settings/backup-codes/confirm");
			const typo = await client.post("/settings/backup-codes/confirm", { code: codes[1]!.slice(0, -1) });
			assert.equal(typo.statusCode, 400);
			assert.match(typo.body, /data-code="code_typo"/);
			const confirmed = await client.post("/settings/backup-codes/confirm", { code: codes[1]! });
			assert.equal(confirmed.statusCode, 303);
			const after = await client.follow(confirmed);
			assert.match(after.body, /Two-factor authentication is on/);
			assert.match(after.body, /<strong>10<\/strong> of 10 codes left/);
			const reloaded = await client.get(String(confirmed.headers.location));
			assert.equal(reloaded.statusCode, 200);
			assert.doesNotMatch(reloaded.body, /Two-factor authentication is on\./, "a notice is said once: a reload does not say it again");
			assert.match(reloaded.body, /<strong>10<\/strong> of 10 codes left/);

			await client.post("/sign-out", {});
			const signIn = await client.get("/sign-in");
			assert.equal(signIn.statusCode, 200);
			const step = await client.post("/sign-in", { username, password: PASSWORD });
			assert.equal(step.headers.location, "/sign-in/verify");
			const verify = await client.follow(step);
			assert.match(verify.body, /authenticator app/);
			assert.match(verify.body, /Try another way/);
			const choices = await client.get("/sign-in/verify/methods");
			assert.match(choices.body, /href="\/sign-in\/verify\?method=totp"/);
			assert.match(choices.body, /href="\/sign-in\/verify\?method=backup_code"/);
			await client.get("/sign-in/verify?method=backup_code");
			const mistyped = await client.post("/sign-in/verify", { method: "backup_code", code: `${codes[0]!}7` });
			assert.equal(mistyped.statusCode, 400);
			assert.match(mistyped.body, /data-code="code_typo"/);
			assert.match(mistyped.body, /What to do next/);
			assert.match(mistyped.body, new RegExp(`value="${codes[0]!}7"`), "a typo is shown again to be corrected");
			const done = await client.post("/sign-in/verify", { method: "backup_code", code: codes[0]! });
			assert.equal(done.statusCode, 303);
			const landing = await client.follow(done);
			assert.match(landing.body, /signed in with a backup code\. 9 of 10 codes are left/);

			await client.post("/sign-out", {});
			await client.get("/sign-in");
			await client.follow(await client.post("/sign-in", { username, password: PASSWORD }));
			const again = await client.post("/sign-in/verify", { method: "backup_code", code: codes[0]! });
			assert.equal(again.statusCode, 401);
			assert.match(again.body, /data-code="code_already_used"/);
			assert.match(again.body, /already used/);
			const steps = /<ol>([\s\S]*?)<\/ol>/.exec(again.body.slice(again.body.indexOf("What to do next")))![1]!;
			const order = ["Cross that code off", "another unused code", "Try another way", "get back into your account"];
			const positions = order.map((text) => steps.indexOf(text));
			assert.ok(positions.every((p) => p >= 0), steps);
			assert.deepEqual([...positions].sort((a, b) => a - b), positions, "next steps in order: re-type, another code, another method, recovery");
		});

		test("the page that showed new codes, reloaded or opened again, asks for one back; with none waiting, settings say so", async () => {
			const { client } = await signedUp();
			await client.get("/settings/authenticator");
			const enrol = await client.post("/settings/authenticator", { password: PASSWORD });
			const key = /id="totp-key">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, "");
			const code = totpCode(key, h.clock());
			const codes = codesOn((await client.post("/settings/authenticator/confirm", { code })).body);
			assert.equal(codes.length, 10);

			const reopened = await client.get("/settings/authenticator/confirm");
			assert.equal(reopened.statusCode, 200);
			assert.match(reopened.body, /<h1>Confirm your backup codes<\/h1>/);
			assert.equal(codesOn(reopened.body).length, 0, "the codes are never shown twice");
			const resent = await client.post("/settings/authenticator/confirm", { code }, { csrf: client.csrf() });
			assert.equal(resent.statusCode, 303, "a reload sends the form again: it leads to typing a code back");
			assert.equal(resent.headers.location, "/settings/backup-codes/confirm");
			assert.match((await client.follow(resent)).body, /<h1>Confirm your backup codes<\/h1>/);

			await client.follow(await client.post("/settings/backup-codes/confirm", { code: codes[0]! }));
			for (const url of ["/settings/authenticator/confirm", "/settings/backup-codes/confirm"]) {
				const none = await client.get(url);
				assert.equal(none.statusCode, 303, url);
				assert.equal(none.headers.location, "/settings?notice=no_codes_waiting");
				assert.match((await client.follow(none)).body, /No new backup codes are waiting to be confirmed/);
			}
		});

		test("trusted devices: the one you are on is marked as this device", async () => {
			const { client, username } = await signedUp();
			await client.get("/settings/authenticator");
			const enrol = await client.post("/settings/authenticator", { password: PASSWORD });
			const key = /id="totp-key">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, "");
			const codes = codesOn((await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) })).body);
			await client.follow(await client.post("/settings/backup-codes/confirm", { code: codes[0]! }));
			const trustedBy = async (browser: FormClient, code: string) => {
				await browser.get("/sign-in");
				await browser.follow(await browser.post("/sign-in", { username, password: PASSWORD }));
				const done = await browser.post("/sign-in/verify", { method: "backup_code", code, trust: "yes" });
				assert.equal(done.statusCode, 303);
			};
			const first = new FormClient(h.app, "198.51.100.78");
			const second = new FormClient(h.app, "198.51.100.79");
			await trustedBy(first, codes[1]!);
			await trustedBy(second, codes[2]!);
			const rows = (body: string) => [...body.matchAll(/<li( id="this-device")?><strong>[^<]*<\/strong>/g)].map((m) => m[1] !== undefined);
			for (const browser of [first, second]) {
				const page = await browser.get("/settings");
				assert.equal(rows(page.body).length, 2, "both trusted devices are listed");
				assert.equal(rows(page.body).filter(Boolean).length, 1, "one of them is this device");
				assert.match(page.body, /<li id="this-device"><strong>[^<]*<\/strong> <span class="state on">This device<\/span>/);
			}
			const ids = async (browser: FormClient) => /<li id="this-device">[\s\S]*?name="id" value="([^"]+)"/.exec((await browser.get("/settings")).body)![1];
			assert.notEqual(await ids(first), await ids(second), "each browser finds its own device");
			const page = await client.get("/settings");
			assert.doesNotMatch(page.body, /This device/, "a browser that was never trusted is none of them");
		});

		test("running low ends the sign-in on the offer of a new set; with none left, a new set comes first", async () => {
			const { client, username } = await signedUp();
			await client.get("/settings/authenticator");
			const enrol = await client.post("/settings/authenticator", { password: PASSWORD });
			const key = /id="totp-key">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, "");
			const codes = codesOn((await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) })).body);
			await client.follow(await client.post("/settings/backup-codes/confirm", { code: codes[0]! }));
			const useCode = async (code: string) => {
				await client.follow(await client.get("/settings/backup-codes/running-low"));
				await client.post("/sign-out", {});
				await client.get("/sign-in");
				await client.follow(await client.post("/sign-in", { username, password: PASSWORD }));
				return client.post("/sign-in/verify", { method: "backup_code", code });
			};
			for (const code of codes.slice(0, 6)) {
				assert.equal((await useCode(code)).headers.location, "/settings?notice=backup_code_used");
			}
			const low = await useCode(codes[6]!);
			assert.equal(low.headers.location, "/settings/backup-codes/running-low");
			const offer = await client.follow(low);
			assert.match(offer.body, /Only <strong>3<\/strong> of your 10 backup codes are left/);
			assert.match(offer.body, /href="\/settings\/backup-codes\/new"/);
			assert.match(offer.body, /Not now/);
			assert.match((await client.get("/settings")).body, /running low/);
			for (const code of codes.slice(7)) await useCode(code);
			const gated = await client.get("/settings");
			assert.equal(gated.statusCode, 303, "with every code used, settings wait for a new set");
			assert.equal(gated.headers.location, "/settings/backup-codes/running-low");
			const none = await client.follow(gated);
			assert.match(none.body, /You have used all your backup codes/);
			assert.doesNotMatch(none.body, /Not now/);
			await client.get("/settings/backup-codes/new");
			const fresh = codesOn((await client.post("/settings/backup-codes/new", { password: PASSWORD })).body);
			assert.equal(fresh.length, 10);
			await client.post("/settings/backup-codes/confirm", { code: fresh[0]! });
			const free = await client.get("/settings");
			assert.equal(free.statusCode, 200);
			assert.match(free.body, /<strong>10<\/strong> of 10 codes left/);
		});

		test("every form refuses a post without its CSRF token", async () => {
			const { client } = await signedUp();
			const forms = [
				"/sign-out",
				"/settings/authenticator",
				"/settings/authenticator/confirm",
				"/settings/authenticator/disable",
				"/settings/backup-codes/new",
				"/settings/password",
			];
			await client.get("/settings");
			const token = client.csrf();
			for (const url of forms) {
				const missing = await client.post(url, {}, { csrf: null });
				assert.equal(missing.statusCode, 403, url);
				assert.match(missing.body, /This form has expired/);
				const forged = await client.post(url, {}, { csrf: "A".repeat(43) });
				assert.equal(forged.statusCode, 403, url);
			}
			const stranger = new FormClient(h.app);
			const publicForms = [
				"/sign-in",
				"/sign-up",
				"/sign-in/verify",
				"/forgot-password",
				"/forgot-password/code",
				"/reset-password",
				"/secure-account",
				"/sign-in/recover/send",
				"/sign-in/recover/code",
				"/sign-in/recover/identity",
				"/recovery/cancel",
			];
			for (const url of publicForms) {
				assert.equal((await stranger.post(url, {}, { csrf: null })).statusCode, 403, url);
			}
			const fromElsewhere = await h.app.inject({
				method: "POST",
				url: "/sign-in",
				payload: `username=a&password=b&_csrf=${token}`,
				headers: {
					"content-type": "application/x-www-form-urlencoded",
					origin: "https://evil.example",
					cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
				},
			});
			assert.equal(fromElsewhere.statusCode, 403, "a post from another origin is refused");
		});

		test("the session cookie is __Host-, HttpOnly, SameSite=Lax, Secure; it changes at sign-in", async () => {
			const { client, username } = await signedUp();
			const before = client.cookies.get("__Host-tessera_session");
			assert.ok(before);
			await client.get("/settings");
			const response = await client.post("/sign-in", { username, password: PASSWORD });
			const cookie = (response.headers["set-cookie"] as string[]).find((c) => c.startsWith("__Host-tessera_session="))!;
			assert.match(cookie, /HttpOnly/);
			assert.match(cookie, /SameSite=Lax/);
			assert.match(cookie, /Secure/);
			assert.match(cookie, /Path=\//);
			assert.doesNotMatch(cookie, /Domain=/);
			const after = client.cookies.get("__Host-tessera_session");
			assert.notEqual(after, before, "a new session token at sign-in");
			const old = new FormClient(h.app);
			old.cookies.set("__Host-tessera_session", before!);
			const stale = await old.get("/settings");
			assert.equal(stale.statusCode, 303, "the previous session ended");
		});

		test("plain HTTP to a non-loopback host drops the __Host- prefix and Secure", async () => {
			const response = await h.app.inject({ method: "GET", url: "/sign-in", headers: { host: "tessera.internal:3000" } });
			const cookie = (response.headers["set-cookie"] as string).toString();
			assert.match(cookie, /^tessera_csrf=/);
			assert.doesNotMatch(cookie, /Secure/);
		});

		test("pages carry a strict CSP and security headers", async () => {
			for (const url of ["/sign-in", "/sign-up", "/nothing-here"]) {
				const response = await h.app.inject({ method: "GET", url });
				const csp = response.headers["content-security-policy"] as string;
				assert.match(csp, /script-src 'self'/, url);
				assert.doesNotMatch(csp, /unsafe-inline/, url);
				assert.match(csp, /frame-ancestors 'none'/, url);
				assert.equal(response.headers["x-content-type-options"], "nosniff");
				assert.equal(response.headers["x-frame-options"], "DENY");
				assert.doesNotMatch(response.body, /<script>|onclick=|style="/, "no inline script or style");
			}
		});

		test("what people type is shown as text, never as markup", async () => {
			const client = new FormClient(h.app);
			await client.get("/sign-up");
			const response = await client.post("/sign-up", {
				username: '<script>alert("x")</script>',
				password: PASSWORD,
				email: '"><img src=x onerror=alert(1)>',
			});
			assert.equal(response.statusCode, 400);
			assert.ok(!response.body.includes("<script>alert"));
			assert.ok(!response.body.includes("<img src=x"));
			assert.match(response.body, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
		});

		test("form errors re-show the form with the problem; odd form bodies get a 4xx page", async () => {
			const client = new FormClient(h.app);
			await client.get("/sign-up");
			const weak = await client.post("/sign-up", { username: uniqueUsername("weak"), password: "password123" });
			assert.equal(weak.statusCode, 400);
			assert.match(weak.body, /most common passwords/);
			assert.match(weak.body, /role="alert"/);

			const badEncoding = await h.app.inject({
				method: "POST",
				url: "/sign-in",
				payload: "username=%FF%FE&password=x&_csrf=y",
				headers: { "content-type": "application/x-www-form-urlencoded" },
			});
			assert.equal(badEncoding.statusCode, 400);
			assert.match(badEncoding.headers["content-type"] as string, /text\/html/);
			const unknownField = await client.post("/sign-in", { username: "a", password: "b", role: "admin" });
			assert.equal(unknownField.statusCode, 400);
			const twice = await h.app.inject({
				method: "POST",
				url: "/sign-in",
				payload: "username=a&username=b&_csrf=x",
				headers: { "content-type": "application/x-www-form-urlencoded" },
			});
			assert.equal(twice.statusCode, 400);
		});

		test("an expired sign-in sends the person back to the start with an explanation", async () => {
			const client = new FormClient(h.app);
			await client.get("/sign-up");
			const username = uniqueUsername("late");
			await client.post("/sign-up", { username, password: PASSWORD });
			await client.get("/settings/authenticator");
			const enrol = await client.post("/settings/authenticator", { password: PASSWORD });
			const key = /id="totp-key">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, "");
			const codes = codesOn((await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) })).body);
			await client.follow(await client.post("/settings/backup-codes/confirm", { code: codes[0]! }));
			await client.post("/sign-out", {});
			await client.get("/sign-in");
			await client.follow(await client.post("/sign-in", { username, password: PASSWORD }));
			h.clock.advance(11 * 60_000);
			const late = await client.post("/sign-in/verify", { method: "totp", code: totpCode(key, h.clock()) });
			assert.equal(late.statusCode, 410);
			assert.match(late.body, /expired/);
			assert.match(late.body, /action="\/sign-in"/);
		});

		test("turning two-factor off takes the password and then a second step", async () => {
			const { client, username } = await signedUp();
			await client.get("/settings/authenticator");
			const enrol = await client.post("/settings/authenticator", { password: PASSWORD });
			const key = /id="totp-key">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, "");
			const codes = codesOn((await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) })).body);
			const settings = await client.follow(await client.post("/settings/backup-codes/confirm", { code: codes[0]! }));
			assert.match(settings.body, /only second step besides backup codes/, "the last way cannot simply be removed");
			await client.get("/settings/two-factor/off");
			const toStep = await client.post("/settings/two-factor/off", { password: PASSWORD });
			assert.equal(toStep.headers.location, "/settings/two-factor/off/verify");
			const step = await client.follow(toStep);
			assert.match(step.body, /<h1>Turn off two-factor authentication<\/h1>/);
			assert.doesNotMatch(step.body, /Trust this device/);
			const wrong = await client.post("/settings/two-factor/off/verify", { method: "totp", code: "000000" });
			assert.equal(wrong.statusCode, 401);
			h.clock.advance(30_000);
			const done = await client.post("/settings/two-factor/off/verify", { method: "totp", code: totpCode(key, h.clock()) });
			assert.equal(done.headers.location, "/settings?notice=two_factor_off");
			const off = await client.follow(done);
			assert.match(off.body, /Two-factor authentication is off/);
			await client.post("/sign-out", {});
			await client.get("/sign-in");
			assert.equal((await client.post("/sign-in", { username, password: PASSWORD })).headers.location, "/settings");
		});

		test("settings need a signed-in browser", async () => {
			const client = new FormClient(h.app);
			const response = await client.get("/settings");
			assert.equal(response.statusCode, 303);
			assert.equal(response.headers.location, "/sign-in");
		});
	});
}
