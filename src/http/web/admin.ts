import { isTesseraError, TesseraError } from "../../core/errors.ts";
import { describeEvents, listActivity } from "../../flows/events.ts";
import { decideRecoveryRequest, findRecoveryRequest, listRecoveryRequests, RequestNotOpen } from "../../flows/identity-checks.ts";
import { t } from "../../i18n/translate.ts";
import { adminRequestPage, adminRequestsPage } from "../../ui/pages/recovery.ts";
import { statusOf } from "../errors.ts";
import { redirectWithNotice, takeNotice } from "./cookies.ts";
import { form, idQuery, send, type Web } from "./context.ts";

/** Admin: the identity checks waiting for a decision. */
export function adminRoutes(web: Web): void {
	const { app, deps, requireAdmin, csrfCheck, pageUser } = web;

	const adminNotices = { approved: "recovery.admin.approved", denied: "recovery.admin.denied" } as const;
	app.get(
		"/admin/recovery",
		{
			schema: { querystring: { type: "object", additionalProperties: false, properties: { notice: { type: "string", enum: Object.keys(adminNotices) } } } },
			preHandler: requireAdmin,
		},
		async (request, reply) => {
			const which = takeNotice(request, reply, (request.query as { notice?: keyof typeof adminNotices }).notice);
			const requests = await listRecoveryRequests(deps.db, "open");
			return send(reply, adminRequestsPage({ user: pageUser(request, reply), requests, notice: which ? t(adminNotices[which]) : undefined }));
		},
	);

	app.get("/admin/recovery/request", { schema: idQuery, preHandler: requireAdmin }, async (request, reply) => {
		const found = await findRecoveryRequest(deps.db, (request.query as { id: string }).id);
		if (!found) throw new TesseraError("not_found");
		const events = describeEvents(await listActivity(deps, found.accountId), deps.methods);
		return send(reply, adminRequestPage({ user: pageUser(request, reply), request: found, events }));
	});

	// Not the form helper's shape: the choice is checked here, and a request already decided is its own refusal.
	app.post(
		"/admin/recovery/decide",
		{ schema: form({ id: 64, decision: 8, note: 1000 }), preHandler: [requireAdmin, csrfCheck] },
		async (request, reply) => {
			const body = request.body as { id?: string; decision?: string; note?: string };
			const found = await findRecoveryRequest(deps.db, body.id ?? "");
			if (!found) throw new TesseraError("not_found");
			const note = (body.note ?? "").trim();
			const decision = body.decision === "approve" ? "approve" : body.decision === "deny" ? "deny" : undefined;
			const events = describeEvents(await listActivity(deps, found.accountId), deps.methods);
			const problem = (message: string, status = 400) =>
				send(reply, adminRequestPage({ user: pageUser(request, reply), request: found, events, error: { message, code: "invalid_request" } }), status);
			if (!decision) return problem(t("recovery.admin.chooseDecision"));
			try {
				const admin = request.webAuth!.account;
				await decideRecoveryRequest(deps, { id: found.id, decision, actor: `admin:${admin.username}`, actorAccountId: admin.id, note });
			} catch (error) {
				if (error instanceof RequestNotOpen) return problem(t("recovery.admin.alreadyDecided"), 409);
				if (isTesseraError(error) && ["recovery_in_progress", "invalid_request", "own_identity_check"].includes(error.code)) {
					return problem(error.message, statusOf(error.code));
				}
				throw error;
			}
			return redirectWithNotice(request, reply, "/admin/recovery", decision === "approve" ? "approved" : "denied");
		},
	);
}
