import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { rememberConsent } from "../../src/flows/apps.ts";
import { addClient } from "../../src/flows/clients.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, startHarness, uniqueUsername } from "../helpers/harness.ts";

/**
 * Words a page shows that no catalog gave: in the pseudo-locale every translated
 * string is inside ⟦…⟧, so whatever else has letters is either a value (`values`)
 * or a string that bypassed the catalogs.
 */
function untranslated(page: string, values: string[]): string[] {
	const withoutCode = page.replace(/<(script|style|pre)[^>]*>[\s\S]*?<\/\1>/g, " ");
	const attributes = [...withoutCode.matchAll(/\s(?:title|aria-label|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]!).filter((a) => !a.includes("⟦"));
	let text = withoutCode
		.replace(/<[^>]+>/g, " ")
		.replace(/&amp;/g, "&")
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"');
	// Translated strings may hold others (the page title holds its heading): take the innermost first.
	while (/⟦[^⟦⟧]*⟧/.test(text)) text = text.replace(/⟦[^⟦⟧]*⟧/g, " ");
	for (const value of [...values, "Tessera", "English", "Français", "العربية"]) text = text.split(value).join(" ");
	return [...attributes, ...text.split(/\s+/).filter((word) => /\p{L}/u.test(word))];
}

for (const kind of await databaseKinds()) {
	describe(`the help centre, apps, addresses, passkeys and the outbox in the pseudo-locale: no string bypasses the catalogs (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, { TESSERA_PSEUDO_LOCALE: "true", TESSERA_SUPPORT_URL: "https://support.example.org", TESSERA_SUPPORT_EMAIL: "help@example.org" });
		});
		after(() => h.close());

		test("every visible word of these pages comes from a catalog, or is a value", async () => {
			const browser = new FormClient(h.app);
			await browser.get("/language?to=en-XA&back=/help");
			const support = ["support.example.org", "help@example.org"];
			for (const path of ["/help", "/help/backup-codes", "/help/saving-codes", "/help/lost-phone", "/help/phishing", "/help/backup-codes?back=%2Fsign-in%2Fverify"]) {
				const page = await browser.get(path);
				assert.equal(page.statusCode, 200, path);
				assert.deepEqual(untranslated(page.body, support), [], path);
			}

			const username = uniqueUsername("xa");
			await browser.get("/sign-up");
			await browser.post("/sign-up", { username, password: PASSWORD });
			const account = await h.tessera.store.db.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirstOrThrow();
			const app = await addClient(h.tessera.deps, { name: "Notebook", redirectUris: ["https://notes.example.org/back"] });
			await rememberConsent(h.tessera.deps, account.id, app.clientId, ["openid", "email", "offline_access"]);
			const values = [username, ...support, "Notebook", "https://notes.example.org", "reader@example.org"];
			for (const path of ["/settings/apps", "/settings/contacts/add?kind=phone", "/settings/contacts/add?kind=email", "/settings/passkeys/add"]) {
				const page = await browser.get(path);
				assert.equal(page.statusCode, 200, path);
				assert.deepEqual(untranslated(page.body, values), [], path);
			}
			await browser.get("/settings/contacts/add?kind=email");
			const verify = await browser.post("/settings/contacts/add", { kind: "email", value: "reader@example.org", password: PASSWORD });
			assert.deepEqual(untranslated(verify.body, values), [], "the page asking for the address's code");
			const outbox = await h.app.inject({ method: "GET", url: "/dev/outbox", remoteAddress: "127.0.0.1", headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
			assert.match(outbox.body, /<html lang="en-XA"/);
			assert.deepEqual(untranslated(outbox.body, [...values, "TESSERA_DELIVERY=outbox"]), [], "the outbox");
		});
	});
}
