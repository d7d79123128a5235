import { formatUtc } from "./dates.ts";
import type { ErrorCode, ErrorDetails } from "./errors.ts";

/**
 * The words of every error, in one place. Each code has a default message; a
 * code whose facts vary (when a code was used, when a list was replaced) has a
 * message written from its details. Methods and flows throw codes with details
 * and never write these sentences themselves; the API sends the same message
 * alongside the details, so an app can also write its own words from them.
 */
export const errorCatalogue = {
	invalid_request: { message: "Some of the fields are missing or not in the expected form." },
	invalid_json: { message: "The request body is not valid JSON." },
	invalid_encoding: { message: "The request contains text that is not valid UTF-8." },
	payload_too_large: { message: "The request is larger than Tessera accepts." },
	unsupported_media_type: { message: "Send JSON (application/json) or a form (application/x-www-form-urlencoded)." },
	weak_password: { message: "Choose a different password." },
	username_taken: { message: "That username is already taken. Try another one." },
	invalid_credentials: { message: "The username or password is not right. Check both and try again." },
	unauthenticated: { message: "You are not signed in, or your session has ended. Sign in again." },
	invalid_code: { message: "That code didn't work. Check it and try again, or try another way to sign in." },
	code_already_used: { message: "That backup code has already been used. Each code works once: try another one from your list." },
	code_typo: {
		message:
			"That can't be one of your codes: a character is probably missing, extra, or two are swapped. Check it against your list and type it again.",
	},
	code_replaced: {
		message: "That code is from an old list that has been replaced. Use a code from your newest list.",
	},
	no_pending_codes: {
		message: "There are no new backup codes waiting to be confirmed. They may have expired after an hour: get a new set.",
	},
	challenge_expired: { message: "This sign-in attempt has expired or already finished. Start again with your username and password." },
	app_sign_in_expired: {
		message: "This sign-in to an app has expired or already finished. Go back to the app and start again from there.",
	},
	too_many_attempts: { message: "Too many attempts. For your safety, wait a little before trying again." },
	method_not_available: { message: "That way of signing in is not set up on this account." },
	second_factor_unavailable: {
		message:
			"Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in.",
	},
	two_factor_already_enabled: { message: "The authenticator app is already turned on for this account." },
	totp_not_pending: { message: "Start setting up the authenticator app again: there is no set-up waiting for a code." },
	two_factor_not_enabled: { message: "Two-factor authentication is not turned on for this account." },
	resend_too_soon: {
		message: "A code was sent less than a minute ago. Give it a moment to arrive before asking for another.",
	},
	delivery_failed: {
		message: "We couldn't send the code. Try again in a little while, or use another way.",
	},
	phone_in_use: {
		message: "That phone number already protects another account. Use a different number.",
	},
	email_in_use: {
		message: "That email address belongs to another account. Use a different address.",
	},
	no_contact: {
		message: "There is no such address on this account waiting for a code. Add it again.",
	},
	last_second_factor: {
		message:
			"This is the last way to confirm it is you. To remove it, turn two-factor authentication off instead, or add another method first.",
	},
	passkey_already_registered: {
		message: "This passkey is already registered. Use it, or create a new one on another device or security key.",
	},
	channel_unavailable: {
		message: "Tessera cannot send messages of this kind right now. Use another way.",
	},
	recovery_in_progress: {
		message: "Account recovery is already under way for this account. Wait for it to finish, or sign in with a second step to cancel it.",
	},
	recovery_request_open: {
		message: "You have already asked for an identity check. The people who run this service will look at it; there is no need to ask again.",
	},
	recovery_paused: {
		message:
			"The password of this account was reset without a second step. For your safety, a code by email or text message cannot start a recovery until your authenticator app, a passkey or a backup code has signed in. You can ask for an identity check instead.",
	},
	two_factor_setup_required: {
		message: "Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.",
	},
	new_backup_codes_required: {
		message: "Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.",
	},
	invalid_link: {
		message: "This link has expired or has already been used. Links in our messages work once, for a limited time.",
	},
	own_identity_check: {
		message: "This identity check is for your own account: another operator must decide it.",
	},
	server_busy: {
		message: "Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment.",
	},
	csrf_failed: { message: "This form has expired or did not come from Tessera. Reload the page and try again." },
	not_found: { message: "There is nothing here." },
	internal_error: { message: "Something went wrong on our side. Nothing was changed; please try again." },
} as const satisfies Record<string, { message: string }>;

/** The sentence for a code whose details change the words; `undefined` falls back to the default message. */
const fromDetails: { [C in ErrorCode]?: (details: Readonly<ErrorDetails>) => string | undefined } = {
	code_already_used: ({ method, usedAt }) => {
		switch (method) {
			case "backup_code":
				return usedAt === undefined
					? undefined
					: `That backup code was already used on ${formatUtc(usedAt)}. Each code works once: try another unused code from your list.`;
			case "sms":
			case "email":
				return usedAt === undefined
					? "That code was already used. Send a new code if you need one."
					: `That code was already used on ${formatUtc(usedAt)}. Send a new code if you need one.`;
			case "totp":
				return "That code has already been used. Wait for your app to show a new code, then type the new one.";
			case "passkey":
				return "That passkey answer was already used. Try the passkey again.";
			default:
				return undefined;
		}
	},
	code_replaced: ({ replacedAt }) =>
		replacedAt === undefined
			? undefined
			: `That code is from a list that was replaced on ${formatUtc(replacedAt)}. Use a code from your newest list.`,
};

/** The message people read for `code` with these details (dates in UTC, as in the pages). */
export function messageOf(code: ErrorCode, details: Readonly<ErrorDetails> = {}): string {
	return fromDetails[code]?.(details) ?? errorCatalogue[code].message;
}
