import type { TwoFactorState } from "../../flows/accounts.ts";
import type { ContactView } from "../../flows/contacts.ts";
import type { WaitingRecovery } from "../../flows/recovery.ts";
import type { IssuedSession } from "../../flows/sessions.ts";
import type { SecondFactorChallenge } from "../../flows/challenge.ts";
import type { SecondFactorResult } from "../../flows/sign-in.ts";
import type { NewBackupCodes } from "../../flows/two-factor.ts";
import type { MethodOverview } from "../../flows/enrolment.ts";
import type { CredentialView, EnrolmentStart, SentCode } from "../../methods/types.ts";
import { RUNNING_LOW_AT } from "../../core/backup-code-format.ts";
import { type AuthenticationFactor, acrOf, amrOf, authTimeOf } from "../../core/authentication-strength.ts";

/** How the API shapes what the flows return: times as ISO 8601, nothing a client should not see. */

export function iso(ms: number): string {
	return new Date(ms).toISOString();
}

export function challengeBody(challenge: SecondFactorChallenge) {
	const { methods, preferred, expiresAt, destinations } = challenge;
	return { challenge: challenge.challenge, methods, preferred, expiresAt: iso(expiresAt), destinations };
}

export function sessionBody(session: IssuedSession) {
	return { token: session.token, expiresAt: iso(session.expiresAt) };
}

/** How strongly a session was signed in: its methods, RFC 8176 values, level, and the time of each factor and the latest. */
export function authenticationBody(factors: readonly AuthenticationFactor[]) {
	return {
		methods: factors.map((f) => f.method),
		amr: amrOf(factors),
		acr: acrOf(factors),
		authTime: iso(authTimeOf(factors)),
		factors: factors.map((f) => ({ method: f.method, at: iso(f.at) })),
	};
}

export function backupCodesBody(status: NonNullable<TwoFactorState["backupCodes"]>) {
	return { remaining: status.remaining, total: status.total, createdAt: iso(status.createdAt) };
}

export function twoFactorBody(state: TwoFactorState) {
	return {
		enabled: state.enabled,
		methods: state.methods,
		preferred: state.preferred,
		backupCodes: state.backupCodes ? backupCodesBody(state.backupCodes) : null,
		pendingBackupCodes: state.pendingBackupCodes ? { expiresAt: iso(state.pendingBackupCodes.expiresAt) } : null,
		requiredActions: state.requiredActions,
	};
}

export function secondFactorBody(result: SecondFactorResult) {
	const remaining = result.backupCodes?.remaining;
	return {
		session: sessionBody(result.session),
		...(result.device ? { device: { token: result.device.token, expiresAt: iso(result.device.expiresAt) } } : {}),
		...(remaining === undefined ? {} : { backupCodes: { remaining, runningLow: remaining <= RUNNING_LOW_AT } }),
		requiredActions: result.requiredActions,
	};
}

export function codeSentBody(sent: SentCode) {
	return {
		...(sent.sentTo ? { sentTo: sent.sentTo } : {}),
		status: sent.delivery,
		expiresAt: iso(sent.expiresAt),
		resendAfter: iso(sent.resendAfter),
	};
}

export function credentialBody(p: CredentialView) {
	return { id: p.id, name: p.name, createdAt: iso(p.createdAt), lastUsedAt: p.lastUsedAt === null ? null : iso(p.lastUsedAt) };
}

export function enrolmentBody(start: EnrolmentStart) {
	return start.kind === "code_set" ? { ...start, expiresAt: iso(start.expiresAt) } : start;
}

export function methodOverviewBody(m: MethodOverview) {
	return { ...m, credentials: m.credentials.map(credentialBody) };
}

export function contactBody(contact: ContactView) {
	return {
		kind: contact.kind,
		value: contact.value,
		masked: contact.masked,
		verified: contact.verified,
		createdAt: iso(contact.createdAt),
	};
}

export function newCodesBody(set: NewBackupCodes) {
	return { codes: set.codes, status: set.status, expiresAt: iso(set.expiresAt) };
}

export function recoveryBody(recovery: WaitingRecovery) {
	return { status: "waiting", via: recovery.via, startedAt: iso(recovery.startedAt), readyAt: iso(recovery.readyAt) };
}
