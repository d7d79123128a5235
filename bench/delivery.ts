/**
 * Time from "send" to the message reaching a local SMTP server (real SMTP,
 * smtp-server) and a local SMS endpoint (the Messages REST shape), and how long
 * a dead SMS endpoint holds the caller.
 */
import { Writable } from "node:stream";
import { Delivery } from "../src/delivery/delivery.ts";
import { HttpSmsTransport } from "../src/delivery/sms-http.ts";
import { SmtpTransport } from "../src/delivery/smtp.ts";
import { createLogger } from "../src/logger.ts";
import { startSmsProvider, startSmtpServer } from "../test/helpers/mailboxes.ts";

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeToArrival(send: (i: number) => Promise<unknown>, arrived: () => number, count: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const before = arrived();
		const t0 = performance.now();
		await send(i);
		while (arrived() === before) await new Promise((r) => setImmediate(r));
		times.push(performance.now() - t0);
	}
	return times;
}

export async function benchDelivery(count = 200): Promise<void> {
	const quiet = createLogger("silent", new Writable({ write: (_c, _e, done) => done() }));
	const smtp = await startSmtpServer();
	const sms = await startSmsProvider();
	const smtpTransport = new SmtpTransport(smtp.url, "Tessera <no-reply@localhost>");
	const delivery = new Delivery(
		{
			email: smtpTransport,
			sms: new HttpSmsTransport({
				baseUrl: sms.env.TESSERA_SMS_BASE_URL,
				accountId: sms.env.TESSERA_SMS_ACCOUNT_ID,
				token: sms.env.TESSERA_SMS_TOKEN,
				from: sms.env.TESSERA_SMS_FROM,
			}),
		},
		quiet,
	);
	const email = await timeToArrival(
		(i) => delivery.send({ channel: "email", to: `bench${i}@example.com`, subject: "Code", text: `Your code is ${100000 + i}` }),
		() => smtp.messages.length,
		count,
	);
	const text = await timeToArrival(
		(i) => delivery.send({ channel: "sms", to: "+12025550100", text: `Code ${100000 + i}` }),
		() => sms.messages.length,
		count,
	);
	sms.state.mode = "hang";
	const dead: number[] = [];
	for (let i = 0; i < 3; i++) {
		const t0 = performance.now();
		await delivery.send({ channel: "sms", to: "+12025550100", text: "Code 123456" });
		dead.push(performance.now() - t0);
	}
	smtpTransport.close();
	await smtp.close();
	await sms.close();
	console.log(`\n## Delivery (send → arrival at a local server, ${count} messages each, sequential)`);
	console.log("| channel | p50 ms | p99 ms |");
	console.log("|---|---:|---:|");
	console.log(`| email over SMTP (nodemailer → smtp-server) | ${percentile(email, 50).toFixed(2)} | ${percentile(email, 99).toFixed(2)} |`);
	console.log(`| SMS over HTTP (Messages REST shape) | ${percentile(text, 50).toFixed(2)} | ${percentile(text, 99).toFixed(2)} |`);
	console.log(`Dead SMS endpoint: the caller is answered after at most ${Math.max(...dead).toFixed(0)} ms ("delayed"; retries go on in the background).`);
}
