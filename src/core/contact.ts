import { parsePhoneNumber, parsePhoneNumberWithError } from "libphonenumber-js/max";
import { type FieldProblem, fieldProblem } from "./errors.ts";

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address as stored and compared: trimmed, lower case. */
export function canonicalEmail(input: string): string | undefined {
	const email = input.trim().toLowerCase();
	return email.length <= 254 && emailPattern.test(email) ? email : undefined;
}

/**
 * A phone number in E.164 (+15551234567). Numbers are written with their
 * country code; libphonenumber checks that the number is valid for its region
 * and can receive texts (mobile, or fixed-line-or-mobile where a region cannot tell).
 */
export function canonicalPhone(input: string): { value?: string; problem?: FieldProblem } {
	try {
		const phone = parsePhoneNumberWithError(input.trim());
		if (!phone.isValid()) return { problem: fieldProblem("value", "phone_invalid") };
		const type = phone.getType();
		if (type !== undefined && type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") {
			return { problem: fieldProblem("value", "phone_not_mobile") };
		}
		return { value: phone.number };
	} catch {
		return { problem: fieldProblem("value", "phone_no_country_code") };
	}
}

/** A number in E.164 as people write it, in international format: "+1 202 555 0123". */
export function formatPhone(e164: string): string {
	try {
		return parsePhoneNumber(e164).formatInternational();
	} catch {
		return e164;
	}
}

/** "•••• 1234": enough for the owner to recognise the number, too little to call it. */
export function maskPhone(e164: string): string {
	return `•••• ${e164.slice(-4)}`;
}

/** "j•••@example.com". */
export function maskEmail(email: string): string {
	const at = email.lastIndexOf("@");
	if (at <= 0) return "•••";
	return `${email[0]}•••${email.slice(at)}`;
}
