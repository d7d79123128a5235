import { readFileSync } from "node:fs";
import { type FieldProblem, fieldProblem } from "./errors.ts";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * A password policy in the spirit of NIST SP 800-63B: a length range and a
 * refusal of known-common passwords; no composition rules. Length is counted in
 * Unicode code points, so an emoji counts as one character.
 */
export class PasswordPolicy {
	readonly #common: ReadonlySet<string>;

	constructor(commonPasswords: Iterable<string>) {
		this.#common = new Set(Array.from(commonPasswords, (p) => p.toLowerCase()));
	}

	static fromFile(path: string | URL): PasswordPolicy {
		const lines = readFileSync(path, "utf8").split("\n").filter((line) => line.length > 0);
		return new PasswordPolicy(lines);
	}

	get size(): number {
		return this.#common.size;
	}

	/** Length problems are `invalid_request`; a common password is `weak_password`. */
	check(password: string, username?: string): { kind: "length" | "weak"; problem: FieldProblem } | undefined {
		const length = [...password].length;
		if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
			return { kind: "length", problem: fieldProblem("password", "password_length", { min: PASSWORD_MIN, max: PASSWORD_MAX }) };
		}
		const lowered = password.toLowerCase();
		if (this.#common.has(lowered)) {
			return { kind: "weak", problem: fieldProblem("password", "password_common") };
		}
		if (username && lowered.includes(username.toLowerCase())) {
			return { kind: "weak", problem: fieldProblem("password", "password_has_username") };
		}
		return undefined;
	}
}

export const commonPasswordsPath = new URL("../../assets/common-passwords.txt", import.meta.url);
