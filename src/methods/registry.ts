import type { Delivery } from "../delivery/delivery.ts";
import type { AttemptCounter } from "../limits/attempts.ts";
import { BackupCodeMethod } from "./backup-code/backup-codes.ts";
import { ContactCodeMethod } from "./one-time-code/contact-code-method.ts";
import { OneTimeCodes } from "./one-time-code/one-time-codes.ts";
import { PasskeyMethod } from "./passkey/passkeys.ts";
import { TotpMethod } from "./totp/totp.ts";
import type { MethodDeps, MethodName, SecondFactorMethod } from "./types.ts";

/** Every second factor Tessera knows, strongest first: the order "Try another way" offers them. */
export interface MethodRegistry {
	passkey: PasskeyMethod;
	totp: TotpMethod;
	sms: ContactCodeMethod;
	email: ContactCodeMethod;
	backupCode: BackupCodeMethod;
	oneTimeCodes: OneTimeCodes;
	all: readonly SecondFactorMethod[];
	get(name: MethodName): SecondFactorMethod;
}

export function createMethods(deps: MethodDeps, attempts: AttemptCounter, delivery: Delivery): MethodRegistry {
	const oneTimeCodes = new OneTimeCodes(deps, attempts, delivery);
	const passkey = new PasskeyMethod(deps);
	const totp = new TotpMethod(deps);
	const sms = new ContactCodeMethod("sms", deps, oneTimeCodes);
	const email = new ContactCodeMethod("email", deps, oneTimeCodes);
	const backupCode = new BackupCodeMethod(deps);
	const all: SecondFactorMethod[] = [passkey, totp, sms, email, backupCode];
	return {
		passkey,
		totp,
		sms,
		email,
		backupCode,
		oneTimeCodes,
		all,
		get(name) {
			const method = all.find((m) => m.name === name);
			if (!method) throw new Error(`Unknown method ${name}`);
			return method;
		},
	};
}
