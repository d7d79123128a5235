import type { MethodRegistration } from "../../src/methods/types.ts";
import assert from "node:assert/strict";
import { api, type Harness, PASSWORD, startHarness } from "./harness.ts";
import type { DatabaseKind } from "./databases.ts";
import { codeIn, mark, type Received, startSmsProvider, startSmtpServer } from "./mailboxes.ts";

export const PUBLIC_URL = "https://id.example.test";

let phoneCounter = 0;
/** A distinct, valid US number per call, in E.164. */
export function aPhone(): string {
	phoneCounter++;
	return `+1202555${String(1000 + ((process.pid * 7 + phoneCounter) % 9000)).padStart(4, "0")}`;
}

/** The path and query of the first link in a message that starts with `path`, e.g. "/secure-account". */
export function linkIn(message: Received, path: string): { path: string; token: string } {
	const match = new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}(${path.replace(/\//g, "\\/")}\\?token=([A-Za-z0-9_-]{43}))`).exec(message.body);
	if (!match) throw new Error(`no ${path} link in: ${message.body}`);
	return { path: match[1]!, token: match[2]! };
}

/** A Tessera that really sends: email to a local SMTP server, SMS to a local provider. */
export async function startLiveHarness(kind: DatabaseKind, env: Record<string, string> = {}, options: { methods?: readonly MethodRegistration[] } = {}) {
	const smtp = await startSmtpServer();
	const sms = await startSmsProvider();
	const h: Harness = await startHarness(kind, {
		TESSERA_DELIVERY: "live",
		TESSERA_SMTP_URL: smtp.url,
		TESSERA_PUBLIC_URL: PUBLIC_URL,
		...sms.env,
		...env,
	}, options);
	/** Adds an address and proves it with the code sent to it. */
	async function addVerified(token: string, kind: "email" | "phone", value: string) {
		const since = mark();
		const added = await api(h.app, "/account/contacts", { token, body: { kind, value, password: PASSWORD } });
		assert.equal(added.statusCode, 201, added.body);
		const message = kind === "email" ? await smtp.next(value, since) : await sms.next(value, since);
		const verified = await api(h.app, "/account/contacts/verify", { token, body: { kind, code: codeIn(message) } });
		assert.equal(verified.statusCode, 200, verified.body);
	}
	/** Waits for every alert and background send still in flight. */
	const settle = () => h.tessera.deps.alerts.drain();
	return {
		h,
		smtp,
		sms,
		addVerified,
		settle,
		async close() {
			await settle();
			await h.close();
			await smtp.close();
			await sms.close();
		},
	};
}
