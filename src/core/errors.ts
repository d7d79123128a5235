/**
 * Errors are values with stable codes. The HTTP layer maps them to a status and
 * `{"error":{"code","message"}}`; the pages show the same message. Codes are part
 * of the public contract (docs/errors.md): never rename one.
 */

export const errorCatalogue = {
	invalid_request: { status: 400, message: "Some of the fields are missing or not in the expected form." },
	invalid_json: { status: 400, message: "The request body is not valid JSON." },
	invalid_encoding: { status: 400, message: "The request contains text that is not valid UTF-8." },
	payload_too_large: { status: 413, message: "The request is larger than Tessera accepts." },
	unsupported_media_type: { status: 415, message: "Send JSON (application/json) or a form (application/x-www-form-urlencoded)." },
	weak_password: { status: 400, message: "Choose a different password." },
	username_taken: { status: 409, message: "That username is already taken. Try another one." },
	invalid_credentials: { status: 401, message: "The username or password is not right. Check both and try again." },
	unauthenticated: { status: 401, message: "You are not signed in, or your session has ended. Sign in again." },
	invalid_code: { status: 401, message: "That code didn't work. Check it and try again, or try another way to sign in." },
	code_already_used: { status: 401, message: "That backup code has already been used. Each code works once: try another one from your list." },
	code_typo: {
		status: 400,
		message:
			"That can't be one of your codes: a character is probably missing, extra, or two are swapped. Check it against your list and type it again.",
	},
	code_replaced: {
		status: 401,
		message: "That code is from an old list that has been replaced. Use a code from your newest list.",
	},
	no_pending_codes: {
		status: 409,
		message: "There are no new backup codes waiting to be confirmed. They may have expired after an hour: get a new set.",
	},
	challenge_expired: { status: 410, message: "This sign-in attempt has expired or already finished. Start again with your username and password." },
	too_many_attempts: { status: 429, message: "Too many attempts. For your safety, wait a little before trying again." },
	method_not_available: { status: 400, message: "That way of signing in is not set up on this account." },
	second_factor_unavailable: {
		status: 403,
		message:
			"Your account needs a second step to sign in, but none of its methods can be used any more. Your account stays protected; account recovery is needed to get back in.",
	},
	two_factor_already_enabled: { status: 409, message: "The authenticator app is already turned on for this account." },
	totp_not_pending: { status: 409, message: "Start setting up the authenticator app again: there is no set-up waiting for a code." },
	two_factor_not_enabled: { status: 409, message: "Two-factor authentication is not turned on for this account." },
	resend_too_soon: {
		status: 429,
		message: "A code was sent less than a minute ago. Give it a moment to arrive before asking for another.",
	},
	delivery_failed: {
		status: 502,
		message: "We couldn't send the code. Try again in a little while, or use another way.",
	},
	phone_in_use: {
		status: 409,
		message: "That phone number already protects another account. Use a different number.",
	},
	email_in_use: {
		status: 409,
		message: "That email address belongs to another account. Use a different address.",
	},
	no_contact: {
		status: 409,
		message: "There is no such address on this account waiting for a code. Add it again.",
	},
	last_second_factor: {
		status: 409,
		message:
			"This is the last way to confirm it is you. To remove it, turn two-factor authentication off instead, or add another method first.",
	},
	passkey_already_registered: {
		status: 409,
		message: "This passkey is already registered. Use it, or create a new one on another device or security key.",
	},
	channel_unavailable: {
		status: 503,
		message: "Tessera cannot send messages of this kind right now. Use another way.",
	},
	recovery_in_progress: {
		status: 409,
		message: "Account recovery is already under way for this account. Wait for it to finish, or sign in with a second step to cancel it.",
	},
	recovery_request_open: {
		status: 409,
		message: "You have already asked for an identity check. The people who run this service will look at it; there is no need to ask again.",
	},
	recovery_paused: {
		status: 409,
		message:
			"The password of this account was reset without a second step. For your safety, a code by email or text message cannot start a recovery until your authenticator app, a passkey or a backup code has signed in. You can ask for an identity check instead.",
	},
	two_factor_setup_required: {
		status: 403,
		message: "Two-factor authentication was reset. Set up an authenticator app and save a new set of backup codes before doing anything else.",
	},
	new_backup_codes_required: {
		status: 403,
		message: "Every backup code of this account is used. Get a new set of backup codes and save them before doing anything else.",
	},
	invalid_link: {
		status: 410,
		message: "This link has expired or has already been used. Links in our messages work once, for a limited time.",
	},
	own_identity_check: {
		status: 403,
		message: "This identity check is for your own account: another operator must decide it.",
	},
	server_busy: {
		status: 503,
		message: "Tessera is very busy right now and could not take this request. Nothing was changed; try again in a moment.",
	},
	csrf_failed: { status: 403, message: "This form has expired or did not come from Tessera. Reload the page and try again." },
	not_found: { status: 404, message: "There is nothing here." },
	internal_error: { status: 500, message: "Something went wrong on our side. Nothing was changed; please try again." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldProblem {
	field: string;
	problem: string;
}

export class TesseraError extends Error {
	readonly code: ErrorCode;
	readonly status: number;
	readonly fields: FieldProblem[] | undefined;
	readonly retryAfterSeconds: number | undefined;

	constructor(
		code: ErrorCode,
		options: { message?: string; fields?: FieldProblem[]; retryAfterSeconds?: number } = {},
	) {
		super(options.message ?? errorCatalogue[code].message);
		this.name = "TesseraError";
		this.code = code;
		this.status = errorCatalogue[code].status;
		this.fields = options.fields;
		this.retryAfterSeconds = options.retryAfterSeconds;
	}
}

export function isTesseraError(value: unknown): value is TesseraError {
	return value instanceof TesseraError;
}
