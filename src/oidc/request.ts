import type { IncomingMessage } from "node:http";
import { levelIndex } from "../core/authentication-strength.ts";

/**
 * What the web pages and the provider share about a request: Tessera's session of the browser,
 * the level an app asks for, whether an app is first-party. Apart from provider.ts so that the
 * pages can use them without loading oidc-provider, which is loaded on the first OpenID request.
 */

/** The provider's session cookie (its default name): signing out of a browser ends that session. */
export const PROVIDER_SESSION_COOKIE = "_session";

/** What Tessera's session says about the browser behind an authorization request. */
export interface SignedIn {
	accountId: string;
	sessionId: string;
	acr: string;
	amr: string[];
	/** Seconds since the epoch. */
	authTime: number;
	/** A step the account must take first (set up two-factor, new backup codes). */
	requiredAction: string | null;
}

const signedInOf = Symbol("tessera.signedIn");
type WithSignedIn = IncomingMessage & { [signedInOf]?: () => Promise<SignedIn | undefined> };

/** The face hands the provider a way to read Tessera's session of this request (read at most once). */
export function attachSession(req: IncomingMessage, read: () => Promise<SignedIn | undefined>): void {
	let memo: Promise<SignedIn | undefined> | undefined;
	(req as WithSignedIn)[signedInOf] = () => {
		memo ??= read();
		return memo;
	};
}

export function sessionOf(req: IncomingMessage): Promise<SignedIn | undefined> {
	return (req as WithSignedIn)[signedInOf]?.() ?? Promise.resolve(undefined);
}

/** The weakest level the request asks for with acr_values, or none (-1). */
export function requestedLevel(acrValues: unknown): number {
	if (typeof acrValues !== "string" || acrValues.trim() === "") return -1;
	const levels = acrValues.split(/\s+/).map(levelIndex).filter((i) => i >= 0);
	return levels.length ? Math.min(...levels) : Number.POSITIVE_INFINITY;
}

/**
 * The level a request requires: acr_values, and an essential acr in the claims
 * parameter, both taken as a minimum (a stronger sign-in satisfies them).
 */
export function requiredLevel(params: Record<string, unknown> | undefined): number {
	let wanted = requestedLevel(params?.["acr_values"]);
	const claims = params?.["claims"];
	if (typeof claims === "string") {
		try {
			const acr = (JSON.parse(claims) as { id_token?: { acr?: { essential?: boolean; value?: unknown; values?: unknown } } }).id_token?.acr;
			if (acr?.essential) {
				const values = Array.isArray(acr.values) ? acr.values : [acr.value];
				const levels = values.map((v) => (typeof v === "string" ? levelIndex(v) : -1)).filter((i) => i >= 0);
				wanted = Math.max(wanted, levels.length ? Math.min(...levels) : Number.POSITIVE_INFINITY);
			}
		} catch {
			// The provider refuses a claims parameter that is not JSON before any check.
		}
	}
	return wanted;
}

export function isFirstParty(client: { metadata(): Record<string, unknown> } | undefined): boolean {
	return client?.metadata()["urn:tessera:first_party"] === true;
}
