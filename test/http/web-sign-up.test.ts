import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, startHarness, uniqueUsername } from "../helpers/harness.ts";

function count(body: string, text: string): number {
	return body.split(text).length - 1;
}

/** The value the password field is shown with, if any. */
function passwordValue(body: string): string | undefined {
	const field = /<input id="password"[^>]*>/.exec(body)![0];
	return /\svalue="([^"]*)"/.exec(field)?.[1];
}

for (const kind of await databaseKinds()) {
	describe(`the sign-up page (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		async function signUpForm(fields: { username: string; password: string; email?: string }) {
			const client = new FormClient(h.app);
			await client.get("/sign-up");
			const response = await client.post("/sign-up", { email: "", ...fields });
			return { client, response };
		}

		test("a wrong username and a wrong password: each problem once, beside its own field", async () => {
			const { response } = await signUpForm({ username: "ab", password: "password" });
			assert.equal(response.statusCode, 400);
			const body = response.body;
			const nameProblem = "Use 3 to 30 characters.";
			const passwordProblem = "This password is one of the most common passwords, so it is easy to guess. Choose another.";
			assert.equal(count(body, nameProblem), 1, "the username's problem is said once");
			assert.equal(count(body, passwordProblem), 1, "the password's problem is said once");
			assert.match(body, new RegExp(`<p class="field-error" id="username-error">${nameProblem}</p>`));
			assert.match(body, /<p class="field-error" id="password-error">This password is one of the most common/);
			assert.match(body, /2 things to change/);
			assert.match(body, /<a href="#username">Username<\/a>/);
			assert.match(body, /<a href="#password">Password<\/a>/);
		});

		test("a taken username and a common password: both are said, each once", async () => {
			const taken = uniqueUsername("taken");
			assert.equal((await signUpForm({ username: taken, password: PASSWORD })).response.statusCode, 303);
			const { response } = await signUpForm({ username: taken, password: "password" });
			assert.equal(response.statusCode, 400);
			assert.equal(count(response.body, "That username is taken."), 1);
			assert.equal(count(response.body, "one of the most common passwords"), 1);
			assert.equal(count(response.body, "already taken"), 0, "not said again in other words");
		});

		test("the password comes back when only the username was refused, never when the password was", async () => {
			const taken = uniqueUsername("keep");
			assert.equal((await signUpForm({ username: taken, password: PASSWORD })).response.statusCode, 303);

			const wasTaken = (await signUpForm({ username: taken, password: PASSWORD })).response;
			assert.equal(wasTaken.statusCode, 409);
			assert.equal(passwordValue(wasTaken.body), PASSWORD);
			assert.match(wasTaken.headers["cache-control"] as string, /no-store/);

			const notAllowed = (await signUpForm({ username: "no spaces allowed", password: PASSWORD })).response;
			assert.equal(notAllowed.statusCode, 400);
			assert.equal(passwordValue(notAllowed.body), PASSWORD);
			assert.match(notAllowed.headers["cache-control"] as string, /no-store/);

			const weak = (await signUpForm({ username: uniqueUsername("weak"), password: "password" })).response;
			assert.equal(weak.statusCode, 400);
			assert.equal(passwordValue(weak.body), undefined);
			const both = (await signUpForm({ username: taken, password: "short" })).response;
			assert.equal(passwordValue(both.body), undefined);
			const containsName = (await signUpForm({ username: uniqueUsername("own"), password: "x" })).response;
			assert.equal(passwordValue(containsName.body), undefined);
		});

		test("a username typed with capitals or spaces is not changed silently: the person is told what it would be", async () => {
			const name = uniqueUsername("case");
			const typed = ` ${name.toUpperCase()}`;
			const { response } = await signUpForm({ username: typed, password: PASSWORD });
			assert.equal(response.statusCode, 400);
			assert.match(response.body, new RegExp(`yours would be \u201c${name}\u201d`));
			assert.match(response.body, new RegExp(`id="username"[^>]* value="${typed}"`), "what was typed is kept to correct");
			assert.equal(passwordValue(response.body), PASSWORD, "only the username was wrong");
			// Nothing was made: the name as it would be kept is still free.
			const again = await signUpForm({ username: name, password: PASSWORD });
			assert.equal(again.response.statusCode, 303);
		});

		test("sign-up and sign-in offer a show-password button, wired up by app.js", async () => {
			const client = new FormClient(h.app);
			for (const path of ["/sign-up", "/sign-in"]) {
				const page = await client.get(path);
				const button = /<button[^>]*data-show-password="password"[^>]*>([^<]*)<\/button>/.exec(page.body);
				assert.ok(button, `${path} has the button`);
				assert.match(button[0], /type="button"/);
				assert.match(button[0], /aria-controls="password"/);
				assert.match(button[0], /aria-pressed="false"/);
				assert.match(button[0], / hidden/, "hidden until the script wires it up");
				assert.equal(button[1], "Show password");
				assert.doesNotMatch(page.body, /<script>|onclick=/, "no inline script");
			}
			const script = await client.get("/assets/app.js");
			assert.match(script.body, /data-show-password/);
			assert.match(script.body, /aria-pressed/);
		});
	});
}
