import { canonicalPhone } from "../core/contact.ts";
import { csvLine } from "../core/csv.ts";
import { fieldProblem, type FieldProblem, TesseraError, words } from "../core/errors.ts";
import { canonicalUsername } from "../core/username.ts";
import { readAccountByUsername } from "../store/accounts.ts";
import { type ActorGroup, type AuditFilter, type AuditKey, type AuditRow, listAuditPage } from "../store/audit.ts";
import type { FlowDeps } from "./deps.ts";
import { describeEvent, type EventKind, eventFromRow, eventKinds, type SecurityEvent } from "./events.ts";

/**
 * The audit log in the console: every security event, newest first, filtered
 * by person, kind, who acted and a range of days, a page at a time; and the
 * same filtered view exported whole, streamed a page at a time.
 */

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_PAGE_SIZE = 500;
const DAY = 86_400_000;

export const actorGroups = ["operator", "person", "system"] as const satisfies readonly ActorGroup[];

/** The filters as a query string carries them: what a link to a view holds. */
export interface AuditQuery {
	user?: string | undefined;
	kind?: string | undefined;
	actor?: string | undefined;
	/** A day, YYYY-MM-DD (UTC), from its start. */
	from?: string | undefined;
	/** A day, YYYY-MM-DD (UTC), to its end. */
	to?: string | undefined;
}

export interface ResolvedAuditFilter {
	filter: AuditFilter;
	/** The username asked for names no account: nothing can match. */
	unknownUser: boolean;
}

/** A UTC day's first moment, or undefined when `value` is not a real day. */
function dayStart(value: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return undefined;
	const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	// 2026-02-31 is not a day: Date.UTC would roll it over.
	return new Date(at).toISOString().startsWith(value) ? at : undefined;
}

/**
 * The filters checked: a kind that is one, an actor that is one, days that are
 * days with "from" not after "to". Refused with invalid_request, each field's
 * problem in words; a username is looked up (canonical, as people type it).
 */
export async function resolveAuditFilter(deps: FlowDeps, query: AuditQuery): Promise<ResolvedAuditFilter> {
	const problems: FieldProblem[] = [];
	const filter: AuditFilter = {};
	const kind = query.kind?.trim();
	if (kind) {
		// Its own keys only: "toString" or "constructor" is no kind of event.
		if (Object.hasOwn(eventKinds, kind)) filter.kind = kind;
		else problems.push(fieldProblem("kind", "not_one_of", undefined, "oversight.audit.badKind"));
	}
	const actor = query.actor?.trim();
	if (actor) {
		if ((actorGroups as readonly string[]).includes(actor)) filter.actor = actor as ActorGroup;
		else problems.push(fieldProblem("actor", "not_one_of", undefined, "oversight.audit.badActor"));
	}
	for (const field of ["from", "to"] as const) {
		const value = query[field]?.trim();
		if (!value) continue;
		const at = dayStart(value);
		if (at === undefined) problems.push(fieldProblem(field, "not_valid", undefined, "oversight.audit.badDate"));
		else if (field === "from") filter.from = at;
		else filter.to = at + DAY;
	}
	if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
		problems.push(fieldProblem("to", "not_valid", undefined, "oversight.audit.toBeforeFrom"));
	}
	if (problems.length > 0) throw new TesseraError("invalid_request", { message: words("oversight.audit.badFilter"), fields: problems });
	let unknownUser = false;
	const user = query.user?.trim();
	if (user) {
		const account = await readAccountByUsername(deps.db, canonicalUsername(user));
		if (account) filter.accountId = account.id;
		else unknownUser = true;
	}
	return { filter, unknownUser };
}

/** A page's place, as a link carries it: "<ms>.<event id>". */
export function keyOf(entry: { createdAt: number; id: string }): string {
	return `${entry.createdAt}.${entry.id}`;
}

/** A key from a link, or a refusal: a link edited by hand is a bad request, not a 500. */
export function parseKey(value: string | undefined, field: string): AuditKey | undefined {
	if (value === undefined || value === "") return undefined;
	const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(value);
	if (!match) throw new TesseraError("invalid_request", { message: words("oversight.badPage"), fields: [fieldProblem(field, "not_valid", undefined, "oversight.badPage")] });
	return { at: Number(match[1]), id: match[2]! };
}

export interface AuditEntry extends SecurityEvent {
	username: string | null;
}

function entryOf(row: AuditRow): AuditEntry {
	return { ...eventFromRow(row), username: row.username ?? null };
}

export interface AuditPage {
	entries: (AuditEntry & { description: string })[];
	/** The key of the page after this one (older), when there is one. */
	older?: string;
	/** The key of the page before this one (newer), when this is not the newest. */
	newer?: string;
}

/**
 * One page of the filtered log, newest first: the newest page, the page older
 * than `before`, or the page newer than `after`. Each line in the reader's words.
 */
export async function auditPage(
	deps: FlowDeps,
	resolved: ResolvedAuditFilter,
	position: { before?: AuditKey | undefined; after?: AuditKey | undefined },
	pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
	if (resolved.unknownUser) return { entries: [] };
	// One more than a page, to know whether there is another beyond it.
	const rows = await listAuditPage(deps.db, resolved.filter, position, pageSize + 1);
	const going = position.after ? "newer" : "older";
	const more = rows.length > pageSize;
	const shown = going === "newer" ? rows.slice(rows.length > pageSize ? 1 : 0) : rows.slice(0, pageSize);
	const entries = shown.map(entryOf).map((entry) => ({ ...entry, description: describeEvent(entry, deps.methods) }));
	const page: AuditPage = { entries };
	const first = entries[0];
	const last = entries.at(-1);
	// Going older: a newer page exists when we came from one. Going newer: an older one always does.
	if (going === "older") {
		if (more && last) page.older = keyOf(last);
		if (position.before && first) page.newer = keyOf(first);
	} else {
		if (last) page.older = keyOf(last);
		if (more && first) page.newer = keyOf(first);
	}
	return page;
}

/** Every event of the filtered view, newest first, read a page at a time: never the whole log in memory. */
export async function* auditEntries(deps: FlowDeps, resolved: ResolvedAuditFilter): AsyncGenerator<AuditEntry> {
	if (resolved.unknownUser) return;
	let before: AuditKey | undefined;
	for (;;) {
		const rows = await listAuditPage(deps.db, resolved.filter, { before }, EXPORT_PAGE_SIZE);
		for (const row of rows) yield entryOf(row);
		if (rows.length < EXPORT_PAGE_SIZE) return;
		const last = rows.at(-1)!;
		before = { at: Number(last.created_at), id: last.id };
	}
}

/** What an export says of an event: the fields of `tessera audit export`. */
export function exportRecord(entry: AuditEntry) {
	return {
		at: new Date(entry.createdAt).toISOString(),
		id: entry.id,
		accountId: entry.accountId,
		username: entry.username,
		kind: entry.kind,
		method: entry.method,
		actor: entry.actor,
		ip: entry.ip,
		device: entry.device,
		detail: entry.detail,
	};
}

export const auditCsvHeader = csvLine(["at", "id", "account_id", "username", "kind", "method", "actor", "ip", "device", "detail"]);

export function auditCsvLine(entry: AuditEntry): string {
	const r = exportRecord(entry);
	return csvLine([r.at, r.id, r.accountId, r.username, r.kind, r.method, r.actor, r.ip, r.device, Object.keys(r.detail).length ? JSON.stringify(r.detail) : ""]);
}

export function auditJsonLine(entry: AuditEntry): string {
	return `${JSON.stringify(exportRecord(entry))}\n`;
}

/** The kinds of event, for the filter's choices. */
export function auditKinds(): EventKind[] {
	return Object.keys(eventKinds) as EventKind[];
}

/**
 * An address in a sentence: a local part of letters and digits in any script and
 * the characters an address may hold (o'brien, jo!x), an "@", and a domain in
 * any script (exämple.de) or its punycode form. Wider than what Tessera accepts:
 * masking too much is the safe side.
 */
const emailInText = /[\p{L}\p{M}\p{N}._%+'!#$&*=?^`{|}~-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)*\.(?:[\p{L}\p{M}]{2,}|xn--[a-z0-9-]+)/giu;
/** Seven digits or more, maybe after a "+", with spaces, dots, dashes, slashes or brackets between: what a phone number looks like in a sentence. */
const phoneInText = /\+?\(?\d(?:[\s()./-]{0,2}\d){6,}/g;

/** Masks one contact value (the console's rule: console.ts maskContact). */
export type ContactMask = (kind: "email" | "phone", value: string) => string;

/**
 * Free text (a note, a reason, what a person wrote in an identity check) with
 * every email address and phone number in it masked. A number that is not a
 * valid phone number keeps only its last two digits: masking too much is the
 * safe side.
 */
export function maskContactsIn(text: string, mask: ContactMask): string {
	return text
		.replace(emailInText, (found) => mask("email", found.toLowerCase()))
		.replace(phoneInText, (found) => {
			const phone = canonicalPhone(found);
			if (phone.value) return mask("phone", phone.value);
			const digits = found.replace(/\D/g, "").length;
			let seen = 0;
			return found.replace(/\d/g, (d) => (++seen > digits - 2 ? d : "•"));
		});
}

/**
 * An event's details with every string masked (the support role reads contact
 * values masked): notes and reasons are free text an operator may have written
 * an address into.
 */
export function maskedDetail(detail: Record<string, unknown>, mask: ContactMask): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(detail)) out[key] = typeof value === "string" ? maskContactsIn(value, mask) : value;
	return out;
}
