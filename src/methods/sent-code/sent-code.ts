import { maskEmail, maskPhone } from "../../core/contact.ts";
import type { Db } from "../../store/db.ts";
import { TesseraError } from "../../core/errors.ts";
import { type ConsumedProof, type MethodAnswer, type MethodCopy, type MethodDeps, type MethodRegistration, type PreparedProof, type SecondFactorMethod, type StartContext, type StartedStep, translatedCopy, typedCode } from "../types.ts";
import { codeMessage } from "../../delivery/messages/codes.ts";
import type { OneTimeCodes } from "../../codes/one-time-codes.ts";

/** Each channel's own words: a wrong texted code is about the newest text message, an emailed one about the newest email. */
const copies: Record<"sms" | "email", MethodCopy> = {
	sms: translatedCopy(
		{
			title: "methods.sms.title",
			label: "methods.sms.label",
			hint: "methods.sms.hint",
			advice: { invalid_code: "methods.sms.advice.invalid_code", code_already_used: "methods.sms.advice.code_already_used" },
			noun: "methods.sms.noun",
			signedInWith: "methods.sms.signedInWith",
			confirmWith: "methods.sms.confirmWith",
			sending: {
				verb: "methods.sms.sending.verb",
				choose: "methods.sms.sending.choose",
				nowhere: "methods.sms.sending.nowhere",
				willSend: "methods.sms.sending.willSend",
				willSendNowhere: "methods.sms.sending.willSendNowhere",
				choice: "methods.sms.sending.choice",
				choiceNowhere: "methods.sms.sending.choiceNowhere",
			},
		},
		{ inputMode: "numeric", autocomplete: "one-time-code", maxLength: 16 },
	),
	email: translatedCopy(
		{
			title: "methods.email.title",
			label: "methods.email.label",
			hint: "methods.email.hint",
			advice: { invalid_code: "methods.email.advice.invalid_code", code_already_used: "methods.email.advice.code_already_used" },
			noun: "methods.email.noun",
			signedInWith: "methods.email.signedInWith",
			confirmWith: "methods.email.confirmWith",
			sending: {
				verb: "methods.email.sending.verb",
				choose: "methods.email.sending.choose",
				nowhere: "methods.email.sending.nowhere",
				willSend: "methods.email.sending.willSend",
				willSendNowhere: "methods.email.sending.willSendNowhere",
				choice: "methods.email.sending.choice",
				choiceNowhere: "methods.email.sending.choiceNowhere",
			},
		},
		{ inputMode: "numeric", autocomplete: "one-time-code", maxLength: 16 },
	),
};

/**
 * A second factor by code sent to a verified address: "sms" to the phone,
 * "email" to the email address. The code is bound to the sign-in it was sent for.
 */
export class ContactCodeMethod implements SecondFactorMethod {
	readonly name: "sms" | "email";
	readonly label: string;
	readonly copy: MethodCopy;
	readonly answer = "code";
	readonly reachableByReset = true;
	readonly role = "primary";
	readonly keptWhenTurnedOff = true;
	readonly sendsCodes = true;
	/**
	 * A text message: "sms", two factors. A code by email: nothing of its own, and no
	 * level: whoever resets the password reads the same mailbox.
	 */
	readonly amr: readonly string[];
	readonly level: "two_factor" | "none";
	readonly #deps: MethodDeps;
	readonly #codes: OneTimeCodes;

	constructor(name: "sms" | "email", deps: MethodDeps, codes: OneTimeCodes) {
		this.name = name;
		this.amr = name === "sms" ? ["sms"] : [];
		this.level = name === "sms" ? "two_factor" : "none";
		this.copy = copies[name];
		this.label = this.copy.title;
		this.#deps = deps;
		this.#codes = codes;
	}

	get kind(): "phone" | "email" {
		return this.name === "sms" ? "phone" : "email";
	}

	/** The verified address codes go to. */
	async address(db: Db, accountId: string): Promise<string | undefined> {
		return (await this.#contact(db, accountId))?.value;
	}

	async #contact(db: Db, accountId: string): Promise<{ id: string; value: string } | undefined> {
		return db
			.selectFrom("contacts")
			.select(["id", "value"])
			.where("account_id", "=", accountId)
			.where("kind", "=", this.kind)
			.where("verified_at", "is not", null)
			.executeTakeFirst();
	}

	async isEnrolled(db: Db, accountId: string): Promise<boolean> {
		if (this.name === "email" && !this.#deps.config.emailSecondFactor) return false;
		return (await this.address(db, accountId)) !== undefined;
	}

	async destination(db: Db, accountId: string): Promise<string | undefined> {
		const address = await this.address(db, accountId);
		if (!address) return undefined;
		return this.name === "sms" ? maskPhone(address) : maskEmail(address);
	}

	/** Sends a code for this second step to the account's own address. */
	async start(context: StartContext): Promise<StartedStep> {
		const contact = await this.#contact(this.#deps.db, context.accountId);
		if (!contact) throw new TesseraError("method_not_available");
		const address = contact.value;
		const channel = this.name;
		const issued = await this.#codes.issue(
			{ accountId: context.accountId, purpose: "sign_in", channel, challengeId: context.challengeId },
			address,
			context.client,
			async (code) => {
				// Whoever gets here typed the password: the email says so, with a way to stop them.
				const notYou = channel === "email" && context.notYouLink ? await context.notYouLink(contact.id) : undefined;
				return codeMessage(channel, address, code, "sign_in", this.#deps.config, notYou ? { notYou } : {});
			},
		);
		return { kind: "code_sent", ...issued, sentTo: channel === "sms" ? maskPhone(address) : maskEmail(address) };
	}

	async prepare(context: { accountId: string; challengeId: string }, answer: MethodAnswer): Promise<PreparedProof> {
		const checked = await this.#codes.prepare(
			{ accountId: context.accountId, purpose: "sign_in", channel: this.name, challengeId: context.challengeId },
			typedCode(answer),
		);
		return { method: this.name, accountId: context.accountId, detail: checked };
	}

	async consume(tx: Db, proof: PreparedProof, now: number): Promise<ConsumedProof> {
		await this.#codes.consume(tx, proof.detail as { id: string; hash: string }, now);
		return {};
	}

	/** The address stays (it is the account's, for alerts and recovery); codes sent for signing in stop working. */
	async removeAll(tx: Db, accountId: string, now: number): Promise<void> {
		await this.#codes.endOutstanding(tx, { accountId, purpose: "sign_in", channel: this.name }, now);
	}
}

/** Registered in src/methods/registry.ts. */
export const smsCodes: MethodRegistration = { name: "sms", create: (deps, { oneTimeCodes }) => new ContactCodeMethod("sms", deps, oneTimeCodes) };
export const emailCodes: MethodRegistration = { name: "email", create: (deps, { oneTimeCodes }) => new ContactCodeMethod("email", deps, oneTimeCodes) };
