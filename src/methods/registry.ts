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
	all: readonly SecondFactorMethod[];
	get(name: MethodName): SecondFactorMethod;
}

/** The registry, and the code service its sms and email methods (and contacts, recovery and resets) send codes through. */
export function createMethods(deps: MethodDeps, attempts: AttemptCounter, delivery: Delivery): { methods: MethodRegistry; oneTimeCodes: OneTimeCodes } {
	const oneTimeCodes = new OneTimeCodes(deps, attempts, delivery);
	const passkey = new PasskeyMethod(deps);
	const totp = new TotpMethod(deps);
	const sms = new ContactCodeMethod("sms", deps, oneTimeCodes);
	const email = new ContactCodeMethod("email", deps, oneTimeCodes);
	const backupCode = new BackupCodeMethod(deps);
	const all: SecondFactorMethod[] = [passkey, totp, sms, email, backupCode];
	const methods: MethodRegistry = {
		passkey,
		totp,
		sms,
		email,
		backupCode,
		all,
		get(name) {
			const method = all.find((m) => m.name === name);
			if (!method) throw new Error(`Unknown method ${name}`);
			return method;
		},
	};
	return { methods, oneTimeCodes };
}
