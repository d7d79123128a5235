import { TesseraError } from "../core/errors.ts";
import type { Account } from "../store/schema.ts";
import type { RequiredAction } from "./accounts.ts";
import type { FlowDeps } from "./deps.ts";

/**
 * The one gate: what a signed-in session may do, given what the account must
 * do first. Every face (pages, JSON API, and those to come) names the action
 * each of its routes performs; this module alone decides whether it may.
 *
 * While an action is required, only what satisfies it is allowed, besides
 * reading the account and its activity and signing out:
 *
 *   set_up_two_factor  recovery or an operator reset two-factor: set up a method, confirm codes
 *   finish_two_factor  a method that comes with two-factor (the authenticator) is set up,
 *                      its first set of codes not yet confirmed
 *   new_backup_codes   two-factor is on and every backup code is used
 */
export const sessionActions = [
	"read_account",
	"read_activity",
	"sign_out",
	"set_up_method",
	"remove_method",
	"new_backup_codes",
	"confirm_backup_codes",
	"turn_off_two_factor",
	"change_password",
	"manage_contacts",
	"manage_trusted_devices",
	"review_identity_checks",
	"operate_console",
	"sign_in_to_app",
	"manage_apps",
] as const;
export type SessionAction = (typeof sessionActions)[number];

/** Allowed whatever is required. */
const always: readonly SessionAction[] = ["read_account", "read_activity", "sign_out"];

/** What satisfies each required action (and may therefore go ahead of it). */
const satisfies: Record<RequiredAction, readonly SessionAction[]> = {
	set_up_two_factor: ["set_up_method", "remove_method", "new_backup_codes", "confirm_backup_codes"],
	// Finishing is confirming a set of codes; starting over is removing the half-set-up method.
	finish_two_factor: ["set_up_method", "remove_method", "new_backup_codes", "confirm_backup_codes"],
	new_backup_codes: ["new_backup_codes", "confirm_backup_codes"],
};

/** The first required action that keeps `action` from going ahead, if any. */
export function blockingAction(required: readonly RequiredAction[], action: SessionAction): RequiredAction | undefined {
	if (always.includes(action)) return undefined;
	return required.find((r) => !satisfies[r].includes(action));
}

/** Whether an action may be answered without knowing the account's required actions (it is always allowed). */
export function isAlwaysAllowed(action: SessionAction): boolean {
	return always.includes(action);
}

/** The error a face answers with when `required` blocks what was asked. */
export function blockedBy(required: RequiredAction): TesseraError {
	return new TesseraError(required === "new_backup_codes" ? "new_backup_codes_required" : "two_factor_setup_required");
}

/** The facts the required actions follow from. */
export interface AccountFacts {
	twoFactorEnabled: boolean;
	/** Recovery or an operator reset two-factor. */
	twoFactorRequired: boolean;
	/** Two-factor is off and a method that comes with it (the authenticator) is set up: its codes are due. */
	setUpUnderWay: boolean;
	/** Backup codes left in the working set; undefined without one. */
	backupCodesRemaining: number | undefined;
}

/** What the account must do first, from its facts: the one rule, for every face. */
export function requiredActionsFrom(facts: AccountFacts): RequiredAction[] {
	const required: RequiredAction[] = [];
	const waiting = !facts.twoFactorEnabled && facts.setUpUnderWay;
	if (facts.twoFactorRequired && !facts.twoFactorEnabled && !waiting) required.push("set_up_two_factor");
	if (waiting) required.push("finish_two_factor");
	if (facts.twoFactorEnabled && facts.backupCodesRemaining === 0) required.push("new_backup_codes");
	return required;
}

/** The required actions of an account, read with as little as the facts need. */
export async function requiredActionsOf(deps: FlowDeps, account: Pick<Account, "id" | "two_factor_enabled" | "two_factor_required">): Promise<RequiredAction[]> {
	const enabled = Boolean(account.two_factor_enabled);
	return requiredActionsFrom({
		twoFactorEnabled: enabled,
		twoFactorRequired: Boolean(account.two_factor_required),
		setUpUnderWay: enabled ? false : await setUpUnderWay(deps, account.id),
		backupCodesRemaining: enabled ? (await deps.methods.fallback.status(deps.db, account.id))?.remaining : undefined,
	});
}

/**
 * With two-factor off: whether a method that exists only for two-factor (not kept when
 * it is turned off: the authenticator) is set up, so that turning it on is under way.
 */
export async function setUpUnderWay(deps: FlowDeps, accountId: string): Promise<boolean> {
	for (const method of deps.methods.all) {
		if (method.role === "primary" && !method.keptWhenTurnedOff && (await method.isEnrolled(deps.db, accountId))) return true;
	}
	return false;
}

/**
 * The gate itself, for a face: throws the stable error when what the account
 * must do first keeps `action` from going ahead.
 */
export async function assertMayDo(
	deps: FlowDeps,
	account: Pick<Account, "id" | "two_factor_enabled" | "two_factor_required">,
	action: SessionAction,
	required?: readonly RequiredAction[],
): Promise<void> {
	if (isAlwaysAllowed(action)) return;
	const blocking = blockingAction(required ?? (await requiredActionsOf(deps, account)), action);
	if (blocking) throw blockedBy(blocking);
}
