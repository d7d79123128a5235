import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { isTesseraError, TesseraError, words } from "../../../core/errors.ts";
import {
	type AuditEntry,
	type AuditQuery,
	auditCsvHeader,
	auditCsvLine,
	auditEntries,
	auditJsonLine,
	auditPage,
	type ContactMask,
	maskContactsIn,
	maskedDetail,
	parseKey,
	resolveAuditFilter,
} from "../../../flows/audit.ts";
import { listClientViews } from "../../../flows/clients.ts";
import { maskContact, OperatorRefused, operatorActor, seesContactsInFull } from "../../../flows/console.ts";
import { describeEvents, listActivity } from "../../../flows/events.ts";
import { decideRecoveryRequest, findRecoveryRequest, identityCheckRefusal, listRecoveryRequests, RequestNotOpen } from "../../../flows/identity-checks.ts";
import { isReportName, parseReportKey, type ReportName, reportCounts, reportCsvHeader, reportCsvLine, reportPage, reportRows } from "../../../flows/reports.ts";
import { endpointLog, listEndpointViews } from "../../../flows/webhooks.ts";
import { t } from "../../../i18n/translate.ts";
import { appsBody, endpointBody, webhooksBody } from "../../../ui/pages/console/lists-apps.ts";
import { auditBody } from "../../../ui/pages/console/lists-audit.ts";
import { identityCheckBody, identityChecksBody } from "../../../ui/pages/console/lists-identity-checks.ts";
import { reportBody, reportsOverviewBody, reportTitle } from "../../../ui/pages/console/lists-reports.ts";
import type { Masking } from "../../../ui/pages/console/lists-common.ts";
import { html } from "../../../ui/html.ts";
import type { FormError } from "../../../ui/pages/layout.ts";
import { statusOf } from "../../errors.ts";
import type { RouteActions } from "../../gate.ts";
import { redirectWithNotice, takeNotice } from "../cookies.ts";
import { form, idQuery, noQuery, type Web } from "../context.ts";
import { isConsolePath, isFresh, keptInput, operatorOf, reproveFirst, requireConsole, sendConsolePage } from "./shell.ts";

/**
 * The console's lists: the audit log with its filters and exports, the reports,
 * the identity-check queue (deciding one is sensitive: the operator re-proves
 * their own second factor first), and, for admins only, the apps and webhook
 * endpoints. Support reads contact values masked everywhere here.
 */

const text = (maxLength: number) => ({ type: "string", maxLength });

/** The audit log's filters: loose here (strings, bounded), checked by the flow so a bad one is a 400 with words beside its field. */
const auditFilterProperties = { user: text(100), kind: text(100), actor: text(100), from: text(100), to: text(100) };
const auditQuery = {
	querystring: { type: "object", additionalProperties: false, properties: { ...auditFilterProperties, before: text(100), after: text(100) } },
};
const exportQuery = { querystring: { type: "object", additionalProperties: false, properties: auditFilterProperties } };
const reportParams = { params: { type: "object", required: ["report"], properties: { report: text(40) } } };

/**
 * How this operator reads contact values: masked, unless an admin whose own
 * second factor is fresh (the shell's five minutes): support never sees them in
 * full, and an admin's session left open does not show them either.
 */
function contactMask(web: Web, request: FastifyRequest): ContactMask | undefined {
	return seesContactsInFull(operatorOf(request).role) && isFresh(web, request) ? undefined : (kind, value) => maskContact(kind, value);
}

/** What a list page says about masking, and, for an admin, the way to see values in full (coming back to `to`). */
function maskingFor(web: Web, request: FastifyRequest, csrf: string, to: string): Masking {
	const masked = contactMask(web, request) !== undefined;
	const show = masked && seesContactsInFull(operatorOf(request).role) ? { csrf, to } : undefined;
	return { masked, show };
}

/** Whether this operator reads network (IP) addresses: admins do; support reads none, as on a person's page. */
function seesAddresses(request: FastifyRequest): boolean {
	return operatorOf(request).role === "admin";
}

/** An event as this operator may read it: without its network address for support. */
function addressed<T extends { ip: string | null }>(request: FastifyRequest, entry: T): T {
	return seesAddresses(request) ? entry : { ...entry, ip: null };
}

function masked(entry: AuditEntry, mask: ContactMask | undefined): AuditEntry {
	return mask ? { ...entry, detail: maskedDetail(entry.detail, mask) } : entry;
}

/** A report's name from its address (/admin/reports/no-second-factor), or a 404. */
function reportOf(request: FastifyRequest): ReportName {
	const name = (request.params as { report: string }).report.replace(/-/g, "_");
	if (!isReportName(name)) throw new TesseraError("not_found");
	return name;
}

function day(now: number): string {
	return new Date(now).toISOString().slice(0, 10);
}

/** A download, written as it is read: a page of rows at a time, never the whole file in memory. */
function sendDownload(reply: FastifyReply, type: string, filename: string, lines: AsyncGenerator<string>): FastifyReply {
	return reply
		.code(200)
		.type(type)
		.header("content-disposition", `attachment; filename="${filename}"`)
		.header("cache-control", "no-store")
		.send(Readable.from(lines));
}

export function listRoutes(web: Web): void {
	const { app, deps, csrfCheck } = web;
	const anyOperator = requireConsole(web);
	const adminsOnly = requireConsole(web, "admin");

	// ── The audit log ─────────────────────────────────────────────────────────

	app.get("/admin/audit", { schema: auditQuery, preHandler: anyOperator }, async (request, reply) => {
		const raw = request.query as AuditQuery & { before?: string; after?: string };
		const query: AuditQuery = { user: raw.user, kind: raw.kind, actor: raw.actor, from: raw.from, to: raw.to };
		const title = t("oversight.audit.title");
		try {
			const position = { before: parseKey(raw.before, "before"), after: parseKey(raw.after, "after") };
			const resolved = await resolveAuditFilter(deps, query);
			const page = await auditPage(deps, resolved, position);
			const mask = contactMask(web, request);
			if (mask) page.entries = page.entries.map((e) => ({ ...masked(e, mask), description: e.description }));
			page.entries = page.entries.map((e) => addressed(request, e));
			const unknownUser = resolved.unknownUser ? query.user?.trim() : undefined;
			const here = request.url.length <= 500 && isConsolePath(request.url) ? request.url : "/admin/audit";
			return sendConsolePage(web, request, reply, {
				title,
				section: "audit",
				body: (user) => auditBody({ query, page, unknownUser, masking: maskingFor(web, request, user.csrf, here) }),
			});
		} catch (error) {
			if (!isTesseraError(error) || error.code !== "invalid_request") throw error;
			const problem: FormError = { message: error.message, fields: error.fields, code: error.code };
			return sendConsolePage(web, request, reply, { title, section: "audit", body: auditBody({ query, error: problem }) }, 400);
		}
	});

	for (const format of ["csv", "jsonl"] as const) {
		app.get(`/admin/audit/export.${format}`, { schema: exportQuery, preHandler: anyOperator }, async (request, reply) => {
			const query = request.query as AuditQuery;
			// A bad filter is refused before anything is sent: the error page, 400.
			const resolved = await resolveAuditFilter(deps, query);
			const mask = contactMask(web, request);
			const entries = auditEntries(deps, resolved);
			async function* lines() {
				if (format === "csv") yield auditCsvHeader;
				for await (const entry of entries) {
					const shown = addressed(request, masked(entry, mask));
					yield format === "csv" ? auditCsvLine(shown) : auditJsonLine(shown);
				}
			}
			const type = format === "csv" ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";
			return sendDownload(reply, type, `audit-${day(deps.clock())}.${format}`, lines());
		});
	}

	// ── Reports ───────────────────────────────────────────────────────────────

	app.get("/admin/reports", { schema: noQuery, preHandler: anyOperator }, async (request, reply) => {
		const counts = await reportCounts(deps);
		return sendConsolePage(web, request, reply, { title: t("oversight.reports.title"), section: "reports", body: reportsOverviewBody({ counts }) });
	});

	app.get(
		"/admin/reports/:report",
		{ schema: { ...reportParams, querystring: { type: "object", additionalProperties: false, properties: { after: text(100) } } }, preHandler: anyOperator },
		async (request, reply) => {
			const report = reportOf(request);
			const after = (request.query as { after?: string }).after;
			const page = await reportPage(deps, report, parseReportKey(after));
			return sendConsolePage(web, request, reply, { title: reportTitle(report), section: "reports", body: reportBody({ report, page, after }) });
		},
	);

	app.get("/admin/reports/:report/export.csv", { schema: { ...reportParams, ...noQuery }, preHandler: anyOperator }, async (request, reply) => {
		const report = reportOf(request);
		async function* lines() {
			yield reportCsvHeader(report);
			for await (const row of reportRows(deps, report)) yield reportCsvLine(report, row);
		}
		return sendDownload(reply, "text/csv; charset=utf-8", `${report.replace(/_/g, "-")}-${day(deps.clock())}.csv`, lines());
	});

	// ── The identity-check queue ──────────────────────────────────────────────

	const notices = { approved: "recovery.admin.approved", denied: "recovery.admin.denied" } as const;
	app.get(
		"/admin/recovery",
		{
			schema: { querystring: { type: "object", additionalProperties: false, properties: { notice: { type: "string", enum: Object.keys(notices) } } } },
			preHandler: anyOperator,
		},
		async (request, reply) => {
			const which = takeNotice(request, reply, (request.query as { notice?: keyof typeof notices }).notice);
			const requests = await listRecoveryRequests(deps.db, "open");
			return sendConsolePage(web, request, reply, {
				title: t("recovery.admin.title"),
				section: "identity-checks",
				body: identityChecksBody({ requests, notice: which ? t(notices[which]) : undefined, showAddresses: seesAddresses(request) }),
			});
		},
	);

	/** One request as this operator may read it: what the person wrote, with addresses masked for support. */
	async function requestFor(request: FastifyRequest, id: string) {
		const found = await findRecoveryRequest(deps.db, id);
		if (!found) throw new TesseraError("not_found");
		const events = describeEvents(await listActivity(deps, found.accountId), deps.methods).map((e) => addressed(request, e));
		const mask = contactMask(web, request);
		if (!mask) return { found, events };
		return {
			found: { ...found, message: maskContactsIn(found.message, mask), contactsUsed: maskContactsIn(found.contactsUsed, mask), lastSignIn: maskContactsIn(found.lastSignIn, mask), decisionNote: found.decisionNote && maskContactsIn(found.decisionNote, mask) },
			events,
		};
	}

	const requestPage = (id: string) => `/admin/recovery/request?id=${encodeURIComponent(id)}`;

	app.get("/admin/recovery/request", { schema: idQuery, preHandler: anyOperator }, async (request, reply) => {
		const id = (request.query as { id: string }).id;
		const { found, events } = await requestFor(request, id);
		// Back from confirming it was them: the note they had written.
		const kept = keptInput(request, reply, requestPage(id));
		// Support reads an admin's request but does not decide it: no form to fill in for nothing.
		const refused = (await identityCheckRefusal(deps.db, operatorOf(request), found)) ? t("console.refused.adminAccount") : undefined;
		return sendConsolePage(web, request, reply, {
			title: t("recovery.admin.requestTitle", { username: found.username }),
			section: "identity-checks",
			body: (user) => identityCheckBody({ csrf: user.csrf, request: found, events, note: kept?.["note"], refused, masking: maskingFor(web, request, user.csrf, requestPage(id)), showAddresses: seesAddresses(request) }),
		});
	});

	// Not the form helper's shape: the choice is checked here, deciding is sensitive (the operator re-proves first), and a request already decided is its own refusal.
	app.post("/admin/recovery/decide", { schema: form({ id: 64, decision: 8, note: 1000 }), preHandler: [anyOperator, csrfCheck] }, async (request, reply) => {
		const body = request.body as { id?: string; decision?: string; note?: string };
		const { found, events } = await requestFor(request, body.id ?? "");
		const note = (body.note ?? "").trim();
		const decision = body.decision === "approve" ? "approve" : body.decision === "deny" ? "deny" : undefined;
		const operator = operatorOf(request);
		const refused = (await identityCheckRefusal(deps.db, operator, found)) ? t("console.refused.adminAccount") : undefined;
		const problem = (error: FormError, status = 400) =>
			sendConsolePage(
				web,
				request,
				reply,
				{
					title: t("recovery.admin.requestTitle", { username: found.username }),
					section: "identity-checks",
					body: (user) => identityCheckBody({ csrf: user.csrf, request: found, events, note, error, refused, showAddresses: seesAddresses(request) }),
				},
				status,
			);
		// Support on an admin's request: the refusal the person actions give, before asking anyone to prove anything.
		if (refused) return problem({ message: refused, code: "operator_refused" }, 403);
		if (!decision) return problem({ message: t("recovery.admin.chooseDecision"), code: "invalid_request" });
		// Decided meanwhile by another operator: said at once, without asking this one to prove it is them for nothing.
		if (found.status !== "open") return problem({ message: t("recovery.admin.alreadyDecided"), code: "invalid_request" }, 409);
		if (note === "") {
			return problem({
				message: t("errors.identityCheck.noteRequired"),
				fields: [{ field: "note", problem: t("errors.field.note.required") }],
				code: "invalid_request",
			});
		}
		const gate = await reproveFirst(web, request, reply, { to: requestPage(found.id), fields: { note } });
		if (gate === "asked") return reply;
		if (gate === "no_two_factor") return problem({ message: t("console.refused.noTwoFactor"), code: "second_factor_unavailable" }, 403);
		try {
			await decideRecoveryRequest(deps, { id: found.id, decision, actor: operatorActor(operator), operator, note });
		} catch (error) {
			if (error instanceof OperatorRefused) return problem({ message: t("console.refused.adminAccount"), code: "operator_refused" }, 403);
			if (error instanceof RequestNotOpen) return problem({ message: t("recovery.admin.alreadyDecided"), code: "invalid_request" }, 409);
			if (isTesseraError(error) && ["recovery_in_progress", "invalid_request", "own_identity_check"].includes(error.code)) {
				return problem({ message: error.message, fields: error.fields, code: error.code }, statusOf(error.code));
			}
			throw error;
		}
		return redirectWithNotice(request, reply, "/admin/recovery", decision === "approve" ? "approved" : "denied");
	});

	// An admin asks to see contact values in full on a list: after re-proving, back to the page, which shows them for as long as the second factor is fresh.
	app.post("/admin/show-in-full", { schema: form({ to: 512 }), preHandler: [adminsOnly, csrfCheck] }, async (request, reply) => {
		const to = (request.body as { to?: string }).to ?? "";
		if (!isConsolePath(to)) throw new TesseraError("invalid_request", { message: words("oversight.badPage") });
		const gate = await reproveFirst(web, request, reply, { to, fields: {} });
		if (gate === "asked") return reply;
		if (gate === "no_two_factor") {
			return sendConsolePage(web, request, reply, { title: t("oversight.masked.show"), section: "audit", body: html`<h1>${t("oversight.masked.show")}</h1><p class="notice" role="alert">${t("console.refused.noTwoFactor")}</p>` }, 403);
		}
		return reply.redirect(to, 303);
	});

	// ── Apps and webhooks: admins only ────────────────────────────────────────

	app.get("/admin/apps", { schema: noQuery, preHandler: adminsOnly }, async (request, reply) => {
		const clients = await listClientViews(deps);
		return sendConsolePage(web, request, reply, { title: t("oversight.apps.title"), section: "apps", body: appsBody({ clients }) });
	});

	app.get("/admin/webhooks", { schema: noQuery, preHandler: adminsOnly }, async (request, reply) => {
		const endpoints = await listEndpointViews(deps);
		return sendConsolePage(web, request, reply, { title: t("oversight.webhooks.title"), section: "webhooks", body: webhooksBody({ endpoints }) });
	});

	app.get("/admin/webhooks/endpoint", { schema: idQuery, preHandler: adminsOnly }, async (request, reply) => {
		const id = (request.query as { id: string }).id;
		const endpoint = (await listEndpointViews(deps)).find((e) => e.id === id);
		const log = endpoint ? await endpointLog(deps, id, 50) : undefined;
		if (!endpoint || !log) throw new TesseraError("not_found");
		return sendConsolePage(web, request, reply, {
			title: t("oversight.webhooks.endpointTitle", { id }),
			section: "webhooks",
			body: endpointBody({ endpoint, log }),
		});
	});
}

/** The gate's names for these routes (spread into the table in routes.ts). */
export const listRouteActions: RouteActions = {
	"GET /admin/audit": "operate_console",
	"GET /admin/audit/export.csv": "operate_console",
	"GET /admin/audit/export.jsonl": "operate_console",
	"GET /admin/reports": "operate_console",
	"GET /admin/reports/:report": "operate_console",
	"GET /admin/reports/:report/export.csv": "operate_console",
	"GET /admin/recovery": "review_identity_checks",
	"GET /admin/recovery/request": "review_identity_checks",
	"POST /admin/recovery/decide": "review_identity_checks",
	"POST /admin/show-in-full": "operate_console",
	"GET /admin/apps": "operate_console",
	"GET /admin/webhooks": "operate_console",
	"GET /admin/webhooks/endpoint": "operate_console",
};
