import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, startHarness } from "../helpers/harness.ts";
import { helpFor, helpHref } from "../../src/ui/pages/help.ts";

const helpPages = ["/help", "/help/backup-codes", "/help/saving-codes", "/help/lost-phone", "/help/phishing"];
const withBack = (path: string, back: string) => `${path}?back=${encodeURIComponent(back)}`;

for (const kind of await databaseKinds()) {
	describe(`the help centre: the way back, and a person to ask (${kind})`, () => {
		let h: Harness;
		let supported: Harness;
		before(async () => {
			h = await startHarness(kind);
			supported = await startHarness(kind, { TESSERA_SUPPORT_URL: "https://support.example.org/tessera", TESSERA_SUPPORT_EMAIL: "help@example.org" });
		});
		after(async () => {
			await h.close();
			await supported.close();
		});

		test("opened from the second step, every help page leads back to it, and its links to other help keep the way back", async () => {
			const browser = new FormClient(h.app);
			const step = "/sign-in/verify?method=totp";
			for (const path of helpPages) {
				const page = await browser.get(withBack(path, step));
				assert.equal(page.statusCode, 200, path);
				assert.ok(
					page.body.includes('<p class="help-back"><a href="/sign-in/verify?method=totp">Back to signing in</a></p>'),
					`${path} shows the way back at the top`,
				);
				assert.ok(!page.body.includes('href="/sign-in">Back to sign-in'), `${path} offers the sign-in in progress, not a new one`);
			}
			const index = await browser.get(withBack("/help", step));
			assert.ok(index.body.includes(`href="/help/lost-phone?back=${encodeURIComponent(step)}"`), "a topic keeps the way back");
			const codes = await browser.get(withBack("/help/backup-codes", step));
			assert.ok(codes.body.includes(`href="/help/phishing?back=${encodeURIComponent(step)}"`), "the phishing link keeps it");
			const lost = await browser.get(withBack("/help/lost-phone", step));
			assert.ok(lost.body.includes(`href="/help/backup-codes?back=${encodeURIComponent(step)}#step-4"`), "a link to a step keeps it too");
			const fromRecovery = await browser.get(withBack("/help/backup-codes", "/sign-in/recover"));
			assert.match(fromRecovery.body, /<a href="\/sign-in\/recover">Back to account recovery<\/a>/);
			const fromSettings = await browser.get(withBack("/help/saving-codes", "/settings/backup-codes/confirm"));
			assert.match(fromSettings.body, /<a href="\/settings\/backup-codes\/confirm">Back to settings<\/a>/);
		});

		test("an error's help link can carry the way back, before the step it points to, where the browser still sends it", () => {
			assert.equal(helpFor("recovery_in_progress", "/sign-in/verify?method=sms").href, "/help/backup-codes?back=%2Fsign-in%2Fverify%3Fmethod%3Dsms#step-4");
			assert.equal(helpFor("invalid_code", "/sign-in/verify").href, "/help/backup-codes?back=%2Fsign-in%2Fverify");
			assert.equal(helpFor("invalid_code").href, "/help/backup-codes");
			assert.equal(helpFor("invalid_credentials", "/sign-in").href, "/forgot-password", "only help pages take it");
			assert.equal(helpHref("/helpers", "/sign-in"), "/helpers");
		});

		test("a back that leads off the site, or is no path, is ignored: the page shows, without it", async () => {
			const browser = new FormClient(h.app);
			const bad = [
				"//evil.example",
				"https://evil.example",
				"/\\evil.example",
				"/\\\\evil.example",
				"\\\\evil.example",
				"/a//evil.example",
				"javascript:alert(1)",
				"evil.example",
				"/ evil",
				"/tab\tevil",
				"",
				`/${"a".repeat(2000)}`,
			];
			for (const path of helpPages) {
				for (const back of bad) {
					const page = await browser.get(withBack(path, back));
					assert.equal(page.statusCode, 200, `${path} with back=${JSON.stringify(back)}`);
					assert.ok(!page.body.includes("help-back"), `no way back offered for ${JSON.stringify(back)} on ${path}`);
					// Only the language switcher names it, encoded in its own way back to this page.
					const links = [...page.body.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!).filter((href) => href.includes("evil"));
					assert.ok(links.every((href) => href.startsWith("/language?")), `no link to ${JSON.stringify(back)} on ${path}: ${links}`);
					assert.ok(!page.body.replace(/href="\/language\?[^"]*"/g, "").includes("evil"), `${JSON.stringify(back)} is nowhere else on ${path}`);
					assert.ok(page.body.includes('<a href="/sign-in">Back to sign-in</a>'), "the usual way out stays");
				}
			}
			const twice = await browser.get("/help?back=/sign-in&back=//evil.example");
			assert.equal(twice.statusCode, 200, "a repeated back is ignored, not refused");
			assert.ok(!twice.body.includes("help-back"));
			const longest = `/${"a".repeat(1999)}`;
			const kept = await browser.get(withBack("/help", longest));
			assert.ok(kept.body.includes(`<p class="help-back"><a href="${longest}">Back</a></p>`), "2000 characters are still a path");
			const unknown = await browser.get("/help?next=/sign-in");
			assert.equal(unknown.statusCode, 400, "the help pages take only back");
		});

		test("with a support contact configured, the index and the lost-phone page say how to reach a person", async () => {
			const browser = new FormClient(supported.app);
			const index = await browser.get("/help");
			assert.match(
				index.body,
				/<p class="help-support">Tried these and still stuck\? The people who run Tessera can help: <a href="https:\/\/support\.example\.org\/tessera">support\.example\.org\/tessera<\/a> or <a href="mailto:help@example\.org">help@example\.org<\/a>\. They will never ask for your password or a code\.<\/p>/,
			);
			const lost = await browser.get("/help/lost-phone");
			assert.match(lost.body, /<h2>Still can(&#39;|')t get in\?<\/h2>/);
			assert.match(lost.body, /<p class="help-support">The people who run Tessera can help: <a href="https:\/\/support\.example\.org\/tessera">/);
			await browser.get("/language?to=fr&back=/help");
			const french = await browser.get("/help");
			assert.match(french.body, /Les personnes qui gèrent Tessera peuvent vous aider : <a href="https:\/\/support\.example\.org\/tessera">/);
		});

		test("with only a support address, the help centre gives that one", async () => {
			const only = await startHarness(kind, { TESSERA_SUPPORT_EMAIL: "desk@example.org" });
			try {
				const index = await new FormClient(only.app).get("/help");
				assert.match(index.body, /can help: <a href="mailto:desk@example\.org">desk@example\.org<\/a>\. They will/);
			} finally {
				await only.close();
			}
		});

		test("without a support contact, the help centre speaks of no support team", async () => {
			const browser = new FormClient(h.app);
			for (const path of helpPages) {
				const page = await browser.get(path);
				assert.ok(!page.body.includes("help-support"), path);
				assert.doesNotMatch(page.body, /can help:|Need help from a person|Still can(&#39;|')t get in/, path);
			}
		});
	});
}
