import { BackupCodeMethod } from "./backup-code/backup-codes.ts";
import { TotpMethod } from "./totp/totp.ts";
import type { MethodDeps, MethodName, SecondFactorMethod } from "./types.ts";

/** Every second factor Tessera knows, in the order "Try another way" offers them. */
export interface MethodRegistry {
	totp: TotpMethod;
	backupCode: BackupCodeMethod;
	all: readonly SecondFactorMethod[];
	get(name: MethodName): SecondFactorMethod;
}

export function createMethods(deps: MethodDeps): MethodRegistry {
	const totp = new TotpMethod(deps);
	const backupCode = new BackupCodeMethod(deps);
	const all: SecondFactorMethod[] = [totp, backupCode];
	return {
		totp,
		backupCode,
		all,
		get(name) {
			const method = all.find((m) => m.name === name);
			if (!method) throw new Error(`Unknown method ${name}`);
			return method;
		},
	};
}
