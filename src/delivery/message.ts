/** A message Tessera sends: a code to prove an address, or a sign-in code. */
export interface OutgoingMessage {
	channel: "email" | "sms";
	/** An email address, or a phone number in E.164 form. */
	to: string;
	/** Email only. */
	subject?: string;
	text: string;
	/** Email only. */
	html?: string;
}

export interface Transport {
	readonly name: string;
	/** Sends once; throws a DeliveryError. `signal` aborts an attempt that takes too long. */
	send(message: OutgoingMessage, signal: AbortSignal): Promise<void>;
	/** Closes kept-open connections, at shutdown. */
	close?(): void;
}

export class DeliveryError extends Error {
	override name = "DeliveryError";
	/** False when trying again cannot help (the provider refused the number, say). */
	readonly retryable: boolean;
	constructor(message: string, retryable: boolean) {
		super(message);
		this.retryable = retryable;
	}
}
