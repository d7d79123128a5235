import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A message as it reached one of the local servers. */
export interface Received {
	to: string;
	body: string;
	/** Arrival order across both servers (not a time: two messages can share a millisecond). */
	at: number;
}

let arrivals = 0;

/** A mark to wait from: `next(to, mark())` finds only messages that arrive after it. */
export function mark(): number {
	return arrivals + 1;
}

/** Security alerts arrive on the same channels as codes; `next` skips them, `nextAlert` finds only them. */
export function isAlert(message: Received): boolean {
	return /security alert/i.test(message.body);
}

/** The last 6-digit code in a message. */
export function codeIn(message: Received | undefined): string {
	const codes = message?.body.match(/\b\d{6}\b/g);
	if (!codes) throw new Error(`no code in ${message?.body}`);
	return codes.at(-1)!;
}

/**
 * A raw message as a person would read it: quoted-printable soft breaks undone, and
 * base64 parts (what a mailer chooses for text mostly outside ASCII, such as Arabic)
 * decoded, so codes and words read whole in every language.
 */
function readable(raw: string): string {
	const unfolded = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
	return unfolded.replace(/(Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n)([A-Za-z0-9+/=\r\n]+)/gi, (_, head: string, data: string) =>
		head + Buffer.from(data.replace(/\s+/g, ""), "base64").toString("utf8") + "\r\n",
	);
}

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = find();
		if (found !== undefined) return found;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** A real SMTP server on loopback (the smtp-server package) that keeps what it receives. */
export async function startSmtpServer() {
	const messages: Received[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ["STARTTLS", "AUTH"],
		disableReverseLookup: true,
		closeTimeout: 200,
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on("data", (c: Buffer) => chunks.push(c));
			stream.on("end", () => {
				const raw = Buffer.concat(chunks).toString("utf8");
				// Undo quoted-printable soft breaks so codes and words read whole.
				const body = readable(raw);
				for (const rcpt of session.envelope.rcptTo) messages.push({ to: rcpt.address, body, at: ++arrivals });
				callback();
			});
		},
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		/** The next message to `to` after `since`, alerts aside. */
		next: (to: string, since = 0) =>
			waitFor(() => messages.find((m) => m.to === to && m.at >= since && !isAlert(m)), `an email to ${to}`),
		/** The next security alert to `to` after `since`. */
		nextAlert: (to: string, since = 0) =>
			waitFor(() => messages.find((m) => m.to === to && m.at >= since && isAlert(m)), `an alert to ${to}`),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export type SmsMode = "ok" | "error500" | "refuse400" | "hang";

/**
 * A stand-in SMS provider on loopback, speaking the Messages REST shape:
 * POST /2010-04-01/Accounts/{sid}/Messages.json with Basic auth and form fields.
 */
export async function startSmsProvider(accountId = "AC_test", token = "secret-token") {
	const messages: Received[] = [];
	const state = { mode: "ok" as SmsMode, requests: 0 };
	const hanging: http.ServerResponse[] = [];
	const server = http.createServer((request, response) => {
		state.requests++;
		const chunks: Buffer[] = [];
		request.on("data", (c: Buffer) => chunks.push(c));
		request.on("end", () => {
			const expectedPath = `/2010-04-01/Accounts/${accountId}/Messages.json`;
			const auth = `Basic ${Buffer.from(`${accountId}:${token}`).toString("base64")}`;
			if (request.method !== "POST" || request.url !== expectedPath || request.headers.authorization !== auth) {
				response.writeHead(401).end();
				return;
			}
			if (state.mode === "hang") {
				hanging.push(response);
				return;
			}
			if (state.mode === "error500") {
				response.writeHead(500).end();
				return;
			}
			if (state.mode === "refuse400") {
				response.writeHead(400, { "content-type": "application/json" }).end('{"message":"invalid number"}');
				return;
			}
			const form = new URLSearchParams(Buffer.concat(chunks).toString());
			messages.push({ to: form.get("To") ?? "", body: form.get("Body") ?? "", at: ++arrivals });
			response.writeHead(201, { "content-type": "application/json" }).end(`{"sid":"SM${messages.length}"}`);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		env: {
			TESSERA_SMS_BASE_URL: `http://127.0.0.1:${port}`,
			TESSERA_SMS_ACCOUNT_ID: accountId,
			TESSERA_SMS_TOKEN: token,
			TESSERA_SMS_FROM: "+15005550006",
		},
		messages,
		state,
		next: (to: string, since = 0) =>
			waitFor(() => messages.find((m) => m.to === to && m.at >= since && !isAlert(m)), `a text to ${to}`),
		nextAlert: (to: string, since = 0) =>
			waitFor(() => messages.find((m) => m.to === to && m.at >= since && isAlert(m)), `an alert to ${to}`),
		close: () =>
			new Promise<void>((resolve) => {
				for (const r of hanging) r.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
