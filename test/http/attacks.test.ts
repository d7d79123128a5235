import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { lockUser, setRole } from "../../src/flows/operator.ts";
import { routesOf } from "../../src/http/app.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, type Harness, PASSWORD, signUp, signUpWithTwoFactor, startHarness } from "../helpers/harness.ts";

/** What an attacker probes first: who exists, forged forms, missing headers. */

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
}

/** Query strings that let each page render (or refuse cleanly) without a real id or token. */
const queries: Record<string, string> = {
	"/settings/contacts/add": "?kind=email",
	"/settings/contacts/verify": "?kind=email",
	"/settings/passkeys/remove": "?id=none",
	"/admin/recovery/request": "?id=none",
	"/reset-password": "?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	"/secure-account": "?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	"/recovery/cancel": "?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
};

for (const kind of await databaseKinds()) {
	describe(`the attack suite (${kind})`, () => {
		let h: Harness;
		before(async () => {
			// Limits out of the way: this measures answers and their timing, not throttling.
			h = await startHarness(kind, {
				TESSERA_LIMIT_PASSWORD_ACCOUNT: "100000/15m",
				TESSERA_LIMIT_PASSWORD_ADDRESS: "100000/15m",
			});
		});
		after(() => h.close());

		test("unknown user, wrong password and locked account: the same status and body, and medians within 5 ms over 200 samples", async () => {
			const real = await signUp(h.app);
			const locked = await signUp(h.app);
			await lockUser(h.tessera.deps, locked.username, "operator:test", "");
			const cases = {
				unknown: { username: "nobody_by_this_name", password: PASSWORD },
				wrongPassword: { username: real.username, password: "not the right password" },
				lockedRightPassword: { username: locked.username, password: PASSWORD },
			};
			const times: Record<string, number[]> = { unknown: [], wrongPassword: [], lockedRightPassword: [] };
			const bodies = new Set<string>();
			const statuses = new Set<number>();
			// Interleaved, so a slow moment on the machine falls on every case alike.
			for (let i = 0; i < 200; i++) {
				for (const [name, body] of Object.entries(cases)) {
					const started = performance.now();
					const response = await api(h.app, "/sessions", { body });
					times[name]!.push(performance.now() - started);
					statuses.add(response.statusCode);
					bodies.add(response.body);
				}
			}
			assert.deepEqual([...statuses], [401]);
			assert.equal(bodies.size, 1, `one body for all: ${[...bodies].join(" | ")}`);
			const medians = Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)]));
			const spread = Math.max(...Object.values(medians)) - Math.min(...Object.values(medians));
			assert.ok(spread < 5, `medians (ms): ${JSON.stringify(medians)}`);
		});

		test("every form refuses a post without its CSRF token, or with a forged one", async () => {
			// The OpenID Connect provider's endpoints (/oidc/*) take no forms of Tessera's: apps call them with
			// their own credentials, and its sign-out confirmation carries the provider's own token. Nor does the
			// Shared Signals API (/ssf/*): JSON only, with a receiver's bearer token.
			const forms = routesOf(h.app).filter((r) => r.method === "POST" && !r.url.startsWith("/api/") && r.url !== "/oidc/*" && !r.url.startsWith("/ssf/"));
			assert.ok(forms.length >= 30, `found ${forms.length} forms`);
			const admin = await signUpWithTwoFactor(h);
			await setRole(h.tessera.deps, admin.username, "admin", "operator:test");
			const browser = new FormClient(h.app);
			await browser.get("/sign-in");
			await browser.post("/sign-in", { username: admin.username, password: PASSWORD });
			await browser.get("/sign-in/verify?method=backup_code");
			const signedIn = await browser.post("/sign-in/verify", { method: "backup_code", code: admin.codes[0]! });
			assert.equal(signedIn.statusCode, 303);
			await browser.get("/settings");
			for (const { url: route } of forms) {
				// A path parameter gets a value of the right shape, so the form's own check is what answers.
				const url = route.replace(/:\w+/g, "a1b2c3");
				const missing = await browser.post(url, {}, { csrf: null });
				assert.equal(missing.statusCode, 403, `${url} without a token: ${missing.statusCode}`);
				assert.match(missing.body, /This form has expired/, url);
				const forged = await browser.post(url, {}, { csrf: "A".repeat(43) });
				assert.equal(forged.statusCode, 403, `${url} with a forged token`);
			}
		});

		test("every page carries the security headers", async () => {
			const user = await signUp(h.app);
			const browser = new FormClient(h.app);
			await browser.get("/sign-in");
			await browser.post("/sign-in", { username: user.username, password: PASSWORD });
			const pages = routesOf(h.app).filter((r) => r.method === "GET" && !r.url.startsWith("/api/") && !r.url.startsWith("/assets/"));
			assert.ok(pages.length >= 25, `found ${pages.length} pages`);
			for (const { url } of [...pages, { url: "/no-such-page" }]) {
				for (const client of [browser, new FormClient(h.app, "203.0.113.250")]) {
					const response = await client.get(url + (queries[url] ?? ""));
					assert.ok(response.statusCode < 500, `${url}: ${response.statusCode}`);
					const csp = String(response.headers["content-security-policy"] ?? "");
					assert.match(csp, /default-src 'none'|default-src 'self'/, url);
					assert.match(csp, /frame-ancestors 'none'/, url);
					assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url);
					assert.equal(response.headers["x-content-type-options"], "nosniff", url);
					assert.equal(response.headers["x-frame-options"], "DENY", url);
					assert.equal(response.headers["referrer-policy"], "no-referrer", url);
					assert.ok(response.headers["cache-control"], url);
				}
			}
		});

		test("the session token changes at every sign-in; an old one never comes back", async () => {
			const user = await signUp(h.app);
			const tokens = new Set([user.token]);
			for (let i = 0; i < 5; i++) {
				const response = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
				tokens.add(response.json().session.token);
			}
			assert.equal(tokens.size, 6);
			const browser = new FormClient(h.app);
			await browser.get("/sign-in");
			const before = [...browser.cookies.entries()];
			await browser.post("/sign-in", { username: user.username, password: PASSWORD });
			const session = [...browser.cookies.entries()].find(([name]) => name.endsWith("_session"));
			assert.ok(session, "a session cookie is set");
			assert.ok(!before.some(([, value]) => value === session[1]), "a new value, never one the browser held before");
		});
	});
}
