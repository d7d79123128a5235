import { type FieldProblem, fieldProblem } from "./errors.ts";

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 30;
const usernamePattern = /^[a-z0-9._]+$/;

/**
 * Usernames are unique without regard to case: "Ada.L" and "ada.l" are one name.
 * People may type capitals; the canonical form is lower case.
 */
export function canonicalUsername(input: string): string {
	return input.trim().toLowerCase();
}

export function usernameProblem(input: string): FieldProblem | undefined {
	const name = canonicalUsername(input);
	if (name.length < USERNAME_MIN || name.length > USERNAME_MAX) {
		return fieldProblem("username", "username_length", { min: USERNAME_MIN, max: USERNAME_MAX });
	}
	if (!usernamePattern.test(name)) {
		return fieldProblem("username", "username_characters");
	}
	return undefined;
}

/**
 * Sign-up takes a username only as it will be kept: a name typed with capitals
 * or spaces around it is refused, naming the form it would take, rather than
 * changed without a word. Someone who chose "Ada.L" and later sees "ada.l" on
 * every page, or types it the way they remember, deserves to have been told
 * first; one more submit costs less than a surprise about their own name.
 * Sign-in stays lenient: there the name only finds an account.
 */
export function usernameChangeProblem(input: string): FieldProblem | undefined {
	const name = canonicalUsername(input);
	if (name === input || usernameProblem(input)) return undefined;
	return fieldProblem("username", "username_lower_case", { name });
}
