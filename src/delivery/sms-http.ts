import { DeliveryError, type OutgoingMessage, type Transport } from "./message.ts";

export interface SmsProviderConfig {
	/** e.g. https://api.example-sms.com */
	baseUrl: string;
	accountId: string;
	token: string;
	/** The sending number or sender id. */
	from: string;
}

/**
 * SMS through an HTTP provider speaking the widely used "Messages" REST shape:
 * POST {base}/2010-04-01/Accounts/{account}/Messages.json, form fields To, From
 * and Body, HTTP Basic auth with the account id and token; 2xx means accepted.
 */
export class HttpSmsTransport implements Transport {
	readonly name = "sms-http";
	readonly #config: SmsProviderConfig;

	constructor(config: SmsProviderConfig) {
		this.#config = config;
	}

	async send(message: OutgoingMessage, signal: AbortSignal): Promise<void> {
		if (message.channel !== "sms") throw new DeliveryError("the SMS provider sends SMS only", false);
		const { baseUrl, accountId, token, from } = this.#config;
		const url = `${baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(accountId)}/Messages.json`;
		let response: Response;
		try {
			response = await fetch(url, {
				method: "POST",
				headers: {
					authorization: `Basic ${Buffer.from(`${accountId}:${token}`).toString("base64")}`,
					"content-type": "application/x-www-form-urlencoded",
				},
				body: new URLSearchParams({ To: message.to, From: from, Body: message.text }).toString(),
				signal,
			});
		} catch (error) {
			throw new DeliveryError(`the SMS provider could not be reached (${(error as Error).message})`, true);
		}
		await response.body?.cancel().catch(() => {});
		if (response.ok) return;
		// 429 and 5xx may pass on a later try; any other 4xx will not.
		const retryable = response.status === 429 || response.status >= 500;
		throw new DeliveryError(`the SMS provider answered ${response.status}`, retryable);
	}
}
