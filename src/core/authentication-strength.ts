/**
 * How strongly a session was signed in: the factors it was signed in with, and
 * what they add up to, in the terms OpenID Connect uses: `amr` (RFC 8176
 * authentication method references), `acr` (one of Tessera's levels, weakest
 * first) and `auth_time` (when the last factor was proved).
 *
 * A session's authentication is a list of factors: the password, then the second
 * factor, if any, and any factor proved later (a step-up). Each factor says what it
 * was (`amr`) and the level it adds (`level`): an email code adds none, since a
 * password reset reaches the same mailbox; a code from an app, a backup code or a
 * text message make two factors; a passkey, answering only the origin it was made
 * for, makes them phishing-resistant.
 */

/** Password only: no factor adding a level. */
export const ACR_PASSWORD = "urn:tessera:acr:password";
/** The password and a second factor. */
export const ACR_TWO_FACTOR = "urn:tessera:acr:two-factor";
/** The password and a phishing-resistant second factor (a passkey). */
export const ACR_PHISHING_RESISTANT = "urn:tessera:acr:phishing-resistant";

/** Every level, weakest first: what a provider publishes as `acr_values_supported`. */
export const acrValues = [ACR_PASSWORD, ACR_TWO_FACTOR, ACR_PHISHING_RESISTANT] as const;

export type Acr = (typeof acrValues)[number];

/** The level a factor adds, when used alongside another: none (the password, an email code), two factors, or phishing-resistant ones. */
export type FactorLevel = "none" | "two_factor" | "phishing_resistant";

/** The levels a factor may add, weakest first, each with the ACR it reaches. */
const levels: readonly FactorLevel[] = ["none", "two_factor", "phishing_resistant"];

/** One factor a session was signed in with. */
export interface AuthenticationFactor {
	/** "password", or the name of the method that proved it ("totp", "passkey", …). */
	method: string;
	/** When it was proved, in milliseconds. */
	at: number;
	/** What it was, in RFC 8176 values ("pwd", "otp", "hwk", "user", …). */
	amr: string[];
	level: FactorLevel;
}

/**
 * The values of the IANA registry of RFC 8176 a factor may declare. "mfa" is not a
 * factor's: it is what several factors add up to (`amrOf`).
 */
export const registeredAmrValues: readonly string[] = [
	"face",
	"fpt",
	"geo",
	"hwk",
	"iris",
	"kba",
	"mca",
	"otp",
	"pin",
	"pop",
	"pwd",
	"rba",
	"retina",
	"sc",
	"sms",
	"swk",
	"tel",
	"user",
	"vbm",
	"wia",
];

/** The password, proved at `at`. */
export function passwordFactor(at: number): AuthenticationFactor {
	return { method: "password", at, amr: ["pwd"], level: "none" };
}

/** Whether a level counts: only a factor used alongside another one (of another method) makes more than one factor. */
function strengthening(factors: readonly AuthenticationFactor[]): FactorLevel {
	if (new Set(factors.map((f) => f.method)).size < 2) return "none";
	let best = 0;
	for (const factor of factors) best = Math.max(best, levels.indexOf(factor.level));
	return levels[best]!;
}

/**
 * RFC 8176 values for a session: every factor's, once each, in the order the
 * factors came; then "mfa" when a second factor that adds a level was used
 * alongside the first (an email code alone with the password adds none).
 */
export function amrOf(factors: readonly AuthenticationFactor[]): string[] {
	const amr: string[] = [];
	for (const factor of factors) for (const value of factor.amr) if (!amr.includes(value)) amr.push(value);
	if (strengthening(factors) !== "none" && !amr.includes("mfa")) amr.push("mfa");
	return amr;
}

/** The highest level a session reached, as an ACR. */
export function acrOf(factors: readonly AuthenticationFactor[]): Acr {
	return acrValues[levels.indexOf(strengthening(factors))]!;
}

/** When the session was last authenticated: the time of its latest factor (`auth_time`, in milliseconds). */
export function authTimeOf(factors: readonly AuthenticationFactor[]): number {
	if (factors.length === 0) throw new Error("A session's authentication has at least one factor");
	let latest = factors[0]!.at;
	for (const factor of factors) latest = Math.max(latest, factor.at);
	return latest;
}

/** An ACR's place among the levels, weakest first (0 for the password); -1 for one Tessera does not know. */
export function levelIndex(acr: string): number {
	return (acrValues as readonly string[]).indexOf(acr);
}

/** Whether a session's factors reach `requiredAcr`; never for an ACR Tessera does not know. */
export function meetsAcr(factors: readonly AuthenticationFactor[], requiredAcr: string): boolean {
	const required = levelIndex(requiredAcr);
	return required >= 0 && levelIndex(acrOf(factors)) >= required;
}

/**
 * The factors with one more proved (a step-up). A factor of the same method and the
 * same `amr` as one already there replaces it with its newer time, so the list stays
 * as short as the ways there are to prove it; the level never goes down.
 */
export function withFactor(factors: readonly AuthenticationFactor[], factor: AuthenticationFactor): AuthenticationFactor[] {
	const same = (f: AuthenticationFactor) => f.method === factor.method && f.level === factor.level && sameValues(f.amr, factor.amr);
	const replaced = factors.find(same);
	if (!replaced) return [...factors, factor];
	return factors.map((f) => (f === replaced ? { ...f, at: Math.max(f.at, factor.at) } : f));
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((value, i) => value === b[i]);
}

const stored = ({ method, at, amr, level }: AuthenticationFactor) => ({ method, at, amr, level });

/** A factor list as stored (JSON text). */
export function serializeFactors(factors: readonly AuthenticationFactor[]): string {
	return JSON.stringify(factors.map(stored));
}

/** One factor as stored (JSON text). */
export function serializeFactor(factor: AuthenticationFactor): string {
	return JSON.stringify(stored(factor));
}

function isFactor(value: unknown): value is AuthenticationFactor {
	if (typeof value !== "object" || value === null) return false;
	const f = value as Record<string, unknown>;
	return (
		typeof f["method"] === "string" &&
		typeof f["at"] === "number" &&
		Number.isFinite(f["at"]) &&
		Array.isArray(f["amr"]) &&
		f["amr"].every((v) => typeof v === "string") &&
		levels.includes(f["level"] as FactorLevel)
	);
}

/** One stored factor (JSON text), or undefined when there is none or it cannot be read. */
export function parseFactor(text: string | null | undefined): AuthenticationFactor | undefined {
	if (!text) return undefined;
	try {
		const value: unknown = JSON.parse(text);
		return isFactor(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A stored factor list (JSON text). A session from before factors were recorded, or
 * whose list cannot be read, counts as the password alone at `signedInAt` (when the
 * session was made): never stronger than what is known.
 */
export function parseFactors(text: string | null | undefined, signedInAt: number): AuthenticationFactor[] {
	if (text) {
		try {
			const value: unknown = JSON.parse(text);
			if (Array.isArray(value) && value.length > 0 && value.every(isFactor)) return value;
		} catch {
			// Unreadable: the password alone, below.
		}
	}
	return [passwordFactor(signedInAt)];
}
