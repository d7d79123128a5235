import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { api, confirmReset, type Harness, PASSWORD, passwordStep, signUpWithTwoFactor, startHarness, totpCode } from "../helpers/harness.ts";
import { aPhone, linkIn, startLiveHarness } from "../helpers/live.ts";
import { codeIn, mark } from "../helpers/mailboxes.ts";

function storedBytes(h: Harness): string {
	const path = h.database.location;
	let bytes = readFileSync(path).toString("latin1");
	if (existsSync(`${path}-wal`)) bytes += readFileSync(`${path}-wal`).toString("latin1");
	return bytes;
}

describe("no secret rests in the database file or reaches a log", () => {
	let h: Harness;
	before(async () => {
		h = await startHarness("sqlite", { TESSERA_LOG_LEVEL: "trace" });
	});
	after(() => h.close());

	test("passwords, codes, keys and tokens appear in neither", async () => {
		const user = await signUpWithTwoFactor(h);
		const { challenge } = await passwordStep(h, user.username);
		const signedIn = await api(h.app, "/sessions/second-factor", {
			body: { challenge, method: "backup_code", code: user.codes[0] },
		});
		const sessionToken = signedIn.json().session.token as string;
		const second = await passwordStep(h, user.username);
		await api(h.app, "/sessions/second-factor", {
			body: { challenge: second.challenge, method: "totp", code: totpCode(user.secret, h.clock()) },
		});
		const fresh = await api(h.app, "/account/backup-codes", { token: sessionToken, body: { password: PASSWORD } });
		const newCodes: string[] = fresh.json().codes;
		await api(h.app, "/sessions", { body: { username: user.username, password: "a wrong password" } });

		const secrets = [
			PASSWORD,
			user.secret,
			user.token,
			sessionToken,
			challenge,
			second.challenge,
			...user.codes,
			...user.codes.map((c) => c.replace("-", "")),
			...newCodes,
			...newCodes.map((c) => c.replace("-", "")),
			"a wrong password",
		];
		const bytes = storedBytes(h);
		const logs = h.logs.join("");
		assert.ok(logs.length > 1000, "the server did log (at trace level)");
		for (const secret of secrets) {
			assert.ok(!bytes.includes(secret), `database file holds ${secret.slice(0, 4)}…`);
			assert.ok(!logs.includes(secret), `logs hold ${secret.slice(0, 4)}…`);
		}
	});

	test("reset links and codes, new passwords, recovery codes and the links in alerts appear in neither", async () => {
		const live = await startLiveHarness("sqlite", { TESSERA_LOG_LEVEL: "trace" });
		try {
			const user = await signUpWithTwoFactor(live.h);
			const email = `${user.username}@example.org`;
			const phone = aPhone();
			await live.addVerified(user.token, "email", email);
			await live.addVerified(user.token, "phone", phone);
			let since = mark();
			await api(live.h.app, "/password-reset", { body: { identifier: email } });
			const link = linkIn(await live.smtp.next(email, since), "/reset-password");
			await live.h.app.inject({ url: link.path });
			const first = "first new passphrase for this test";
			await confirmReset(live.h, await api(live.h.app, "/password-reset/complete", { body: { token: link.token, newPassword: first } }), user.codes[0]!);
			since = mark();
			const reset = (await api(live.h.app, "/password-reset", { body: { identifier: phone } })).json().reset as string;
			const smsCode = codeIn(await live.sms.next(phone, since));
			const second = "second new passphrase for this test";
			await confirmReset(live.h, await api(live.h.app, "/password-reset/complete", { body: { token: reset, code: smsCode, newPassword: second } }), user.codes[1]!);
			const alert = await live.smtp.nextAlert(email, since);
			const secure = linkIn(alert, "/secure-account");
			await live.h.app.inject({ url: secure.path });

			// After a reset, texts start no recovery for the length of the wait: let it pass.
			live.h.clock.advance(live.h.config.recoveryWaitMs + 1000);
			const signIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: second } });
			const challenge = signIn.json().secondFactor.challenge as string;
			// The reset's own alerts (a backup code used, the password changed) are sent first, so
			// the next alert read is the recovery's, with its cancel link.
			await live.settle();
			since = mark();
			await api(live.h.app, "/recovery/send", { body: { challenge, kind: "phone" } });
			const recoveryCode = codeIn(await live.sms.next(phone, since));
			await api(live.h.app, "/recovery/start", { body: { challenge, kind: "phone", code: recoveryCode } });
			const cancel = linkIn(await live.smtp.nextAlert(email, since), "/recovery/cancel");
			await live.h.app.inject({ url: cancel.path });
			await api(live.h.app, "/recovery/cancel", { body: { token: cancel.token } });
			await live.settle();

			const secrets = [link.token, first, reset, smsCode, second, secure.token, recoveryCode, cancel.token, challenge];
			const bytes = storedBytes(live.h);
			const logs = live.h.logs.join("");
			assert.match(logs, /reset-password\?token=\[redacted\]/, "the request was logged, without its token");
			for (const secret of secrets) {
				assert.ok(!bytes.includes(secret), `database file holds ${secret.slice(0, 4)}…`);
				assert.ok(!logs.includes(secret), `logs hold ${secret.slice(0, 4)}…`);
			}
		} finally {
			await live.close();
		}
	});
});
