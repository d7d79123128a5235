import { addContact, listContacts, removeContact, resendContactCode, verifyContact } from "../../flows/contacts.ts";
import { t } from "../../i18n/translate.ts";
import type { ContactKind } from "../../store/schema.ts";
import { addContactPage, verifyContactPage } from "../../ui/pages/contacts.ts";
import { clientInfo } from "../client.ts";
import { redirectWithNotice } from "./cookies.ts";
import { asKind, form, send, type Web } from "./context.ts";
import { formRoute, passwordGate } from "./forms.ts";

/** Email addresses and phone numbers: adding one, proving it with a code, removing it. */
export function contactRoutes(web: Web): void {
	const { app, deps, requireSignedIn, csrfCheck, pageUser } = web;

	const kindQuery = {
		querystring: {
			type: "object",
			additionalProperties: false,
			required: ["kind"],
			properties: { kind: { type: "string", enum: ["email", "phone"] } },
		},
	};
	const kindField = { kind: 8 };

	app.get("/settings/contacts/add", { schema: kindQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, addContactPage({ user: pageUser(request, reply), kind: (request.query as { kind: ContactKind }).kind })),
	);

	formRoute<{ kind?: string; value?: string; password?: string }>(app, "/settings/contacts/add", {
		schema: form({ ...kindField, value: 320, password: 1024 }),
		preHandler: [requireSignedIn, csrfCheck],
		async run(request, reply, body) {
			const kind = asKind(body.kind);
			const { contact, code } = await addContact(
				deps,
				request.webAuth!.account,
				{ kind, value: body.value ?? "", password: body.password ?? "" },
				clientInfo(request),
			);
			if (contact.verified) return reply.redirect("/settings", 303);
			return send(
				reply,
				verifyContactPage({ user: pageUser(request, reply), kind, value: contact.value, delivered: code.delivery === "sent" }),
			);
		},
		render: (request, reply, { form }, body) =>
			addContactPage({ user: pageUser(request, reply), kind: asKind(body.kind), value: body.value ?? "", error: form }),
	});

	async function waitingContact(accountId: string, kind: ContactKind) {
		return (await listContacts(deps, accountId)).find((c) => c.kind === kind && !c.verified);
	}

	app.get("/settings/contacts/verify", { schema: kindQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const { kind } = request.query as { kind: ContactKind };
		const waiting = await waitingContact(request.webAuth!.account.id, kind);
		if (!waiting) return reply.redirect("/settings", 303);
		return send(reply, verifyContactPage({ user: pageUser(request, reply), kind, value: waiting.value }));
	});

	formRoute<{ kind?: string; code?: string }>(app, "/settings/contacts/verify", {
		schema: form({ ...kindField, code: 64 }),
		preHandler: [requireSignedIn, csrfCheck],
		async run(request, reply, body) {
			const kind = asKind(body.kind);
			await verifyContact(deps, request.webAuth!.account, { kind, code: body.code ?? "" }, clientInfo(request));
			return redirectWithNotice(request, reply, "/settings", `${kind}_verified`);
		},
		async render(request, reply, { form }, body) {
			const kind = asKind(body.kind);
			const waiting = await waitingContact(request.webAuth!.account.id, kind);
			if (!waiting) return reply.redirect("/settings", 303);
			return verifyContactPage({ user: pageUser(request, reply), kind, value: waiting.value, error: form });
		},
	});

	formRoute(app, "/settings/contacts/resend", {
		schema: form(kindField),
		preHandler: [requireSignedIn, csrfCheck],
		async find(request, reply, body: { kind?: string }) {
			const kind = asKind(body.kind);
			const waiting = await waitingContact(request.webAuth!.account.id, kind);
			if (!waiting) {
				reply.redirect("/settings", 303);
				return undefined;
			}
			return { kind, waiting };
		},
		async run(request, reply, _body, { kind, waiting }) {
			const code = await resendContactCode(deps, request.webAuth!.account, kind, clientInfo(request));
			return send(
				reply,
				verifyContactPage({ user: pageUser(request, reply), kind, value: waiting.value, delivered: code.delivery === "sent" }),
			);
		},
		render: (request, reply, { form }, _body, { kind, waiting }) =>
			verifyContactPage({ user: pageUser(request, reply), kind, value: waiting.value, error: form }),
	});

	for (const kind of ["email", "phone"] as const) {
		passwordGate(
			web,
			`/settings/contacts/remove-${kind}`,
			// Read on each page, in the language of its request.
			{
				get title() {
					return kind === "phone" ? t("apps.contacts.remove.phoneTitle") : t("apps.contacts.remove.emailTitle");
				},
				get explanation() {
					return kind === "phone" ? t("apps.contacts.remove.phoneExplanation") : t("apps.contacts.remove.emailExplanation");
				},
				get submit() {
					return t("apps.contacts.remove");
				},
				danger: true,
			},
			async (request, reply, password) => {
				await removeContact(deps, request.webAuth!.account, { kind, password }, clientInfo(request));
				return reply.redirect("/settings", 303);
			},
		);
	}
}
