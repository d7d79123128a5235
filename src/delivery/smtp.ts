import nodemailer, { type Transporter, type TransportOptions } from "nodemailer";
import { DeliveryError, type OutgoingMessage, type Transport } from "./message.ts";

/** Email over SMTP with nodemailer: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
export class SmtpTransport implements Transport {
	readonly name = "smtp";
	readonly #transporter: Transporter;
	readonly #from: string;

	constructor(url: string, from: string) {
		const parsed = new URL(url);
		const secure = parsed.protocol === "smtps:";
		// A small pool of connections kept open: a code goes out without a new TCP and SMTP handshake each time.
		this.#transporter = nodemailer.createTransport({
			host: parsed.hostname,
			port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
			secure,
			...(parsed.username
				? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
				: {}),
			pool: true,
			maxConnections: 3,
			connectionTimeout: 3000,
			greetingTimeout: 3000,
			socketTimeout: 5000,
		} as TransportOptions);
		this.#from = from;
	}

	async send(message: OutgoingMessage, signal: AbortSignal): Promise<void> {
		if (message.channel !== "email") throw new DeliveryError("SMTP sends email only", false);
		const sending = this.#transporter.sendMail({
			from: this.#from,
			to: message.to,
			subject: message.subject ?? "",
			text: message.text,
			...(message.html ? { html: message.html } : {}),
		});
		const aborted = new Promise<never>((_, reject) => {
			signal.addEventListener("abort", () => reject(new DeliveryError("the mail server did not answer in time", true)), {
				once: true,
			});
		});
		try {
			await Promise.race([sending, aborted]);
		} catch (error) {
			if (error instanceof DeliveryError) throw error;
			const code = (error as { responseCode?: number }).responseCode;
			// 5xx from the server is a permanent refusal (a bad address); anything else may pass later.
			throw new DeliveryError(`the mail server refused the message (${(error as Error).message})`, !(code && code >= 500));
		}
	}

	close(): void {
		this.#transporter.close();
	}
}
