import type { Migration } from "kysely/migration";
import { fieldProblem, TesseraError } from "../core/errors.ts";
import type { Delivery } from "../delivery/delivery.ts";
import type { AttemptCounter } from "../limits/attempts.ts";
import { backupCodes } from "./backup-code/backup-codes.ts";
import { emailCodes, smsCodes } from "./sent-code/sent-code.ts";
import { OneTimeCodes } from "../codes/one-time-codes.ts";
import { passkeys } from "./passkey/passkeys.ts";
import { totp } from "./totp/totp.ts";
import type { MethodDeps, MethodEnrolment, MethodName, MethodRegistration, MethodStatus, SecondFactorMethod } from "./types.ts";

/**
 * Every method Tessera knows, strongest first: the order "Try another way" offers
 * them. Adding a method is its folder and one line here.
 */
export const methodRegistrations: readonly MethodRegistration[] = [passkeys, totp, smsCodes, emailCodes, backupCodes];

/** The tables of the registered methods, named `<method>/<migration>`, for the migrator. */
export function methodMigrations(registrations: readonly MethodRegistration[] = methodRegistrations): Record<string, Migration> {
	const migrations: Record<string, Migration> = {};
	for (const registration of registrations) {
		for (const [name, migration] of Object.entries(registration.migrations ?? {})) migrations[`${registration.name}/${name}`] = migration;
	}
	return migrations;
}

/** The fallback: a set of single-use codes, confirmed before it counts; with a primary method, it turns two-factor on. */
export type FallbackMethod = SecondFactorMethod & {
	readonly enrolment: MethodEnrolment;
	status(db: MethodDeps["db"], accountId: string): Promise<MethodStatus | undefined>;
};

/** The methods, as a list. Nothing outside src/methods names one. */
export interface MethodRegistry {
	readonly all: readonly SecondFactorMethod[];
	readonly names: readonly MethodName[];
	/** The method by that name; `method_not_available` for a name none has. */
	get(name: string): SecondFactorMethod;
	find(name: string): SecondFactorMethod | undefined;
	readonly fallback: FallbackMethod;
}

function isFallback(method: SecondFactorMethod): method is FallbackMethod {
	return method.role === "fallback" && method.enrolment !== undefined && method.status !== undefined;
}

/** The registry, and the code service its sms and email methods (and contacts, recovery and resets) send codes through. */
export function createMethods(
	deps: MethodDeps,
	attempts: AttemptCounter,
	delivery: Delivery,
	registrations: readonly MethodRegistration[] = methodRegistrations,
): { methods: MethodRegistry; oneTimeCodes: OneTimeCodes } {
	const oneTimeCodes = new OneTimeCodes(deps, attempts, delivery);
	const all = registrations.map((registration) => {
		const method = registration.create(deps, { oneTimeCodes });
		if (method.name !== registration.name) throw new Error(`The method registered as ${registration.name} calls itself ${method.name}`);
		return method;
	});
	const names = all.map((m) => m.name);
	const twice = names.find((name, i) => names.indexOf(name) !== i);
	if (twice) throw new Error(`Two methods are named ${twice}`);
	for (const name of names) if (!/^[a-z][a-z0-9_]{0,31}$/.test(name)) throw new Error(`A method's name must be lower-case letters, digits and _: ${name}`);
	const fallbacks = all.filter(isFallback);
	if (fallbacks.length !== 1) throw new Error("Exactly one fallback method with a set of codes (status and enrolment) must be registered");
	const byName = new Map(all.map((m) => [m.name, m]));
	const methods: MethodRegistry = {
		all,
		names,
		fallback: fallbacks[0]!,
		find: (name) => byName.get(name),
		get(name) {
			const method = byName.get(name);
			if (!method) throw new TesseraError("method_not_available", { fields: [fieldProblem("method", "not_one_of", { methods: names.join(", ") }, "errors.field.method.useOneOf")] });
			return method;
		},
	};
	return { methods, oneTimeCodes };
}
