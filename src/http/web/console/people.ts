import type { FastifyReply, FastifyRequest } from "fastify";
import { formatPhone } from "../../../core/contact.ts";
import { fieldProblem, TesseraError, words } from "../../../core/errors.ts";
import {
	actOnAccount,
	type ConsoleAction,
	consoleActions,
	findPeople,
	isConsoleAction,
	maskContact,
	OperatorRefused,
	type PersonMatch,
	REASON_MAX,
	recordContactsRevealed,
	refusalFor,
	seesContactsInFull,
} from "../../../flows/console.ts";
import { describePerson, type PersonDetails } from "../../../flows/operator.ts";
import { t } from "../../../i18n/translate.ts";
import type { FormError } from "../../../ui/pages/layout.ts";
import { actionDoneWords, actionPage, consoleHomePage, personPage } from "../../../ui/pages/console/people.ts";
import type { RouteActions } from "../../gate.ts";
import { setCookie, takeNotice } from "../cookies.ts";
import { form, send, type Web } from "../context.ts";
import { consoleUser, isFresh, keptInput, type Operator, operatorOf, reproveFirst, requireConsole } from "./shell.ts";

/**
 * The console's people: finding a person, their page, and what an operator may
 * do to their account (lock, unlock, sign out everywhere, reset two-factor),
 * each with a reason and after re-proving their own second factor. Support sees
 * contact values masked, always; an admin sees them in full after re-proving.
 */

/** The gate's names for these routes (spread into the table in routes.ts). */
export const peopleRouteActions: RouteActions = {
	"GET /admin": "operate_console",
	"GET /admin/person": "operate_console",
	"GET /admin/person/action": "operate_console",
	"POST /admin/person/action": "operate_console",
	"POST /admin/person/reveal": "operate_console",
};

const ID = { type: "string", minLength: 1, maxLength: 64 } as const;
const actionEnum = { type: "string", enum: [...consoleActions] } as const;
const notices = ["lock", "unlock", "sign_out", "reset_two_factor", "already_lock", "already_unlock"] as const;
type Notice = (typeof notices)[number];

/** Why this operator may not act on this account, in words; undefined when they may. */
function refusalWords(operator: Operator, target: { id: string; role: string }): string | undefined {
	const refusal = refusalFor(operator, target);
	if (refusal === "own_account") return t("console.refused.ownAccount");
	if (refusal === "admin_account") return t("console.refused.adminAccount");
	return undefined;
}

export function peopleRoutes(web: Web): void {
	const { app, deps, csrfCheck } = web;
	const operators = requireConsole(web);

	async function personOr404(id: string): Promise<PersonDetails> {
		const person = await describePerson(deps, id);
		if (!person) throw new TesseraError("not_found");
		return person;
	}

	// ── Finding people ───────────────────────────────────────────────────────
	app.get(
		"/admin",
		{
			schema: {
				querystring: {
					type: "object",
					additionalProperties: false,
					properties: { q: { type: "string", maxLength: 320 }, after: { type: "string", maxLength: 64 } },
				},
			},
			preHandler: operators,
		},
		async (request, reply) => {
			const { q = "", after } = request.query as { q?: string; after?: string };
			const user = consoleUser(web, request, reply);
			const query = q.trim();
			if (query === "") return send(reply, consoleHomePage({ user, query }));
			const results = await findPeople(deps, query, after);
			const full = seesContactsInFull(user.role) && isFresh(web, request);
			const shown = (m: PersonMatch) => (m.matched.by === "username" ? undefined : full ? shownInFull(m.matched.by, m.matched.value) : maskContact(m.matched.by, m.matched.value));
			return send(reply, consoleHomePage({ user, query, results, shown, next: results.next }));
		},
	);

	// ── A person ─────────────────────────────────────────────────────────────
	app.get(
		"/admin/person",
		{
			schema: {
				querystring: {
					type: "object",
					additionalProperties: false,
					required: ["id"],
					properties: { id: ID, notice: { type: "string", enum: [...notices] } },
				},
			},
			preHandler: operators,
		},
		async (request, reply) => {
			const query = request.query as { id: string; notice?: Notice };
			const person = await personOr404(query.id);
			const which = takeNotice(request, reply, query.notice);
			const notice = which
				? which === "already_lock" || which === "already_unlock"
					? actionDoneWords(which === "already_lock" ? "lock" : "unlock", true)
					: actionDoneWords(which, false)
				: undefined;
			// Back from confirming it was them to see the contacts in full: shown now, and recorded.
			const kept = keptInput(request, reply, personAddress(person.report.id));
			const operator = operatorOf(request);
			if (kept?.["reveal"] === "1" && kept["reason"] && seesContactsInFull(operator.role) && isFresh(web, request)) {
				await recordContactsRevealed(deps, operator, person.report.id, kept["reason"]);
				return send(reply, renderPerson(request, reply, person, notice, { revealed: true }));
			}
			return send(reply, renderPerson(request, reply, person, notice));
		},
	);

	function renderPerson(
		request: FastifyRequest,
		reply: FastifyReply,
		person: PersonDetails,
		notice?: string,
		options: { revealed?: boolean; reveal?: { reason: string; error?: FormError } } = {},
	) {
		const operator = operatorOf(request);
		// Masked unless an admin has just asked, with a reason and a fresh second factor, to see them in full (recorded): support never sees them in full.
		const full = options.revealed === true && seesContactsInFull(operator.role);
		const contacts = person.report.contacts.map((c) => {
			const kind = c.kind === "phone" ? ("phone" as const) : ("email" as const);
			return { kind, value: full ? shownInFull(kind, c.value) : maskContact(kind, c.value), verified: c.verified };
		});
		return personPage({
			user: consoleUser(web, request, reply),
			person,
			contacts,
			canReveal: seesContactsInFull(operator.role) && !full && contacts.length > 0,
			refusal: refusalWords(operator, person.report),
			methods: person.report.methods.map((m) => deps.methods.find(m)?.copy.title ?? m),
			showAddresses: operator.role === "admin",
			notice,
			reveal: options.reveal,
		});
	}

	// An admin asks, with a reason, to see the contact values in full: after re-proving, the page shows them, and the audit log records who, whose and why.
	app.post("/admin/person/reveal", { schema: form({ id: 64, reason: REASON_MAX }), preHandler: [requireConsole(web, "admin"), csrfCheck] }, async (request, reply) => {
		const body = request.body as { id?: string; reason?: string };
		const person = await personOr404(body.id ?? "");
		const reason = (body.reason ?? "").trim();
		if (reason === "") {
			const problem = fieldProblem("reason", "required", undefined, "console.action.reasonRequired");
			const error: FormError = { message: problem.problem, fields: [problem], code: "invalid_request" };
			return send(reply, renderPerson(request, reply, person, undefined, { reveal: { reason: "", error } }), 400);
		}
		const gate = await reproveFirst(web, request, reply, { to: personAddress(person.report.id), fields: { reveal: "1", reason } });
		if (gate === "no_two_factor") return send(reply, renderPerson(request, reply, person, t("console.refused.noTwoFactor"), { reveal: { reason } }), 403);
		if (gate === "asked") return reply;
		await recordContactsRevealed(deps, operatorOf(request), person.report.id, reason);
		return send(reply, renderPerson(request, reply, person, undefined, { revealed: true }));
	});

	// ── Acting on an account ─────────────────────────────────────────────────
	function renderAction(
		request: FastifyRequest,
		reply: FastifyReply,
		person: PersonDetails,
		action: ConsoleAction,
		reason: string,
		error?: FormError,
	) {
		return actionPage({ user: consoleUser(web, request, reply), report: person.report, action, reason, willReprove: !isFresh(web, request), error });
	}

	app.get(
		"/admin/person/action",
		{
			schema: {
				querystring: { type: "object", additionalProperties: false, required: ["id", "action"], properties: { id: ID, action: actionEnum } },
			},
			preHandler: operators,
		},
		async (request, reply) => {
			const { id, action } = request.query as { id: string; action: ConsoleAction };
			const person = await personOr404(id);
			const refusal = refusalWords(operatorOf(request), person.report);
			const to = actionAddress(person.report.id, action);
			const kept = keptInput(request, reply, to);
			if (refusal) return send(reply, renderAction(request, reply, person, action, "", { message: refusal, code: "operator_refused" }), 403);
			return send(reply, renderAction(request, reply, person, action, kept?.["reason"] ?? ""));
		},
	);

	app.post(
		"/admin/person/action",
		{
			// No required field in the schema: the form token is checked before what the form says (a 403 for a forged post, whatever it holds).
			schema: form({ id: 64, action: 32, reason: REASON_MAX }),
			preHandler: [operators, csrfCheck],
		},
		async (request, reply) => {
			const body = request.body as { id?: string; action?: string; reason?: string };
			if (!body.id || !body.action || !isConsoleAction(body.action)) {
				throw new TesseraError("invalid_request", { message: words("console.action.badRequest") });
			}
			const action = body.action;
			const person = await personOr404(body.id);
			const operator = operatorOf(request);
			const reason = (body.reason ?? "").trim();
			const again = (error: FormError, status: number) => send(reply, renderAction(request, reply, person, action, body.reason ?? "", error), status);
			const refusal = refusalWords(operator, person.report);
			if (refusal) return again({ message: refusal, code: "operator_refused" }, 403);
			if (reason === "") {
				const problem = fieldProblem("reason", "required", undefined, "console.action.reasonRequired");
				return again({ message: problem.problem, fields: [problem], code: "invalid_request" }, 400);
			}
			// Every action asks for a second factor proved in the last five minutes; the reason waits meanwhile.
			const gate = await reproveFirst(web, request, reply, { to: actionAddress(person.report.id, action), fields: { reason } });
			if (gate === "no_two_factor") return again({ message: t("console.refused.noTwoFactor"), code: "second_factor_unavailable" }, 403);
			if (gate === "asked") return reply;
			let outcome: Awaited<ReturnType<typeof actOnAccount>>;
			try {
				outcome = await actOnAccount(deps, operator, person.report, action, reason);
			} catch (error) {
				// The account's role changed meanwhile: refused where the action is done.
				if (error instanceof OperatorRefused) {
					const said = error.refusal === "own_account" ? t("console.refused.ownAccount") : t("console.refused.adminAccount");
					return again({ message: said, code: "operator_refused" }, 403);
				}
				throw error;
			}
			const notice: Notice =
				outcome === "already" && (action === "lock" || action === "unlock") ? `already_${action}` : action;
			// The person's page says how it went, once (as `redirectWithNotice` does).
			setCookie(request, reply, "notice", notice, 300);
			return reply.redirect(`/admin/person?id=${encodeURIComponent(person.report.id)}&notice=${notice}`, 303);
		},
	);
}

/** A value in full: an address as it is, a number as people write it (+33 6 12 34 56 78). */
function shownInFull(kind: "email" | "phone", value: string): string {
	return kind === "phone" ? formatPhone(value) : value;
}

function personAddress(id: string): string {
	return `/admin/person?id=${encodeURIComponent(id)}`;
}

function actionAddress(id: string, action: ConsoleAction): string {
	return `/admin/person/action?id=${encodeURIComponent(id)}&action=${action}`;
}
