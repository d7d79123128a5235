import { formatWhen } from "../i18n/time.ts";
import { type MessageKey, t } from "../i18n/translate.ts";
import type { ErrorCode, ErrorDetails } from "./errors.ts";

/**
 * The words of every error, in one place: each code's message in the errors
 * catalog (src/i18n/messages/errors.ts, "errors.<code>"), in English, French and
 * Arabic. A code whose facts vary (when a code was used, when a list was
 * replaced) has a message written from its details. Methods and flows throw codes
 * with details and never write these sentences themselves; the API sends the
 * message alongside the details, so an app can also write its own words from them.
 * Messages are written when read, in the current presentation's language and time
 * zone: a request's, or English in UTC outside any.
 */
export const errorCatalogue = {
	invalid_request: { key: "errors.invalid_request" },
	invalid_json: { key: "errors.invalid_json" },
	invalid_encoding: { key: "errors.invalid_encoding" },
	payload_too_large: { key: "errors.payload_too_large" },
	unsupported_media_type: { key: "errors.unsupported_media_type" },
	weak_password: { key: "errors.weak_password" },
	username_taken: { key: "errors.username_taken" },
	invalid_credentials: { key: "errors.invalid_credentials" },
	unauthenticated: { key: "errors.unauthenticated" },
	invalid_code: { key: "errors.invalid_code" },
	code_already_used: { key: "errors.code_already_used" },
	code_typo: { key: "errors.code_typo" },
	code_replaced: { key: "errors.code_replaced" },
	no_pending_codes: { key: "errors.no_pending_codes" },
	challenge_expired: { key: "errors.challenge_expired" },
	app_sign_in_expired: { key: "errors.app_sign_in_expired" },
	too_many_attempts: { key: "errors.too_many_attempts" },
	method_not_available: { key: "errors.method_not_available" },
	second_factor_unavailable: { key: "errors.second_factor_unavailable" },
	two_factor_already_enabled: { key: "errors.two_factor_already_enabled" },
	totp_not_pending: { key: "errors.totp_not_pending" },
	two_factor_not_enabled: { key: "errors.two_factor_not_enabled" },
	resend_too_soon: { key: "errors.resend_too_soon" },
	delivery_failed: { key: "errors.delivery_failed" },
	phone_in_use: { key: "errors.phone_in_use" },
	email_in_use: { key: "errors.email_in_use" },
	no_contact: { key: "errors.no_contact" },
	last_second_factor: { key: "errors.last_second_factor" },
	passkey_already_registered: { key: "errors.passkey_already_registered" },
	channel_unavailable: { key: "errors.channel_unavailable" },
	recovery_in_progress: { key: "errors.recovery_in_progress" },
	recovery_request_open: { key: "errors.recovery_request_open" },
	recovery_paused: { key: "errors.recovery_paused" },
	two_factor_setup_required: { key: "errors.two_factor_setup_required" },
	new_backup_codes_required: { key: "errors.new_backup_codes_required" },
	invalid_link: { key: "errors.invalid_link" },
	own_identity_check: { key: "errors.own_identity_check" },
	server_busy: { key: "errors.server_busy" },
	csrf_failed: { key: "errors.csrf_failed" },
	not_found: { key: "errors.not_found" },
	stream_exists: { key: "errors.stream_exists" },
	stream_disabled_by_operator: { key: "errors.stream_disabled_by_operator" },
	internal_error: { key: "errors.internal_error" },
} as const satisfies Record<string, { key: MessageKey }>;

/** The sentence for a code whose details change the words; `undefined` falls back to the code's message. */
const fromDetails: { [C in ErrorCode]?: (details: Readonly<ErrorDetails>) => string | undefined } = {
	code_already_used: ({ method, usedAt }) => {
		switch (method) {
			case "backup_code":
				return usedAt === undefined ? undefined : t("errors.code_already_used.backupCodeAt", { when: formatWhen(usedAt) });
			case "sms":
			case "email":
				return usedAt === undefined
					? t("errors.code_already_used.sent")
					: t("errors.code_already_used.sentAt", { when: formatWhen(usedAt) });
			case "totp":
				return t("errors.code_already_used.totp");
			case "passkey":
				return t("errors.code_already_used.passkey");
			default:
				return undefined;
		}
	},
	code_replaced: ({ replacedAt }) => (replacedAt === undefined ? undefined : t("errors.code_replaced.at", { when: formatWhen(replacedAt) })),
};

/** The message people read for `code` with these details, in the current language (times in its zone). */
export function messageOf(code: ErrorCode, details: Readonly<ErrorDetails> = {}): string {
	return fromDetails[code]?.(details) ?? t(errorCatalogue[code].key);
}
