import type { FieldProblem } from "./errors.ts";

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
		return { field: "username", problem: `Use ${USERNAME_MIN} to ${USERNAME_MAX} characters.` };
	}
	if (!usernamePattern.test(name)) {
		return { field: "username", problem: "Use only letters a-z, digits 0-9, dots and underscores." };
	}
	return undefined;
}
