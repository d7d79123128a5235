import { addContact, listContacts, removeContact, resendContactCode, verifyContact } from "../../flows/contacts.ts";
import type { ContactKind } from "../../store/schema.ts";
import { clientInfo } from "../client.ts";
import { codeSentBody, contactBody } from "./bodies.ts";
import { account, type Api } from "./context.ts";
import { apiSchemas as s } from "./schemas.ts";

/** Email addresses and phone numbers: adding one, proving it with a code, removing it. */
export function contactRoutes({ app, deps, requireSession }: Api): void {
	const contactsOf = async (accountId: string) => ({ contacts: (await listContacts(deps, accountId)).map(contactBody) });

	app.get("/account/contacts", { schema: s.listContacts, preHandler: requireSession }, async (request) =>
		contactsOf(account(request).id),
	);

	app.post("/account/contacts", { schema: s.addContact, preHandler: requireSession }, async (request, reply) => {
		const body = request.body as { kind: ContactKind; value: string; password: string };
		const { contact, code } = await addContact(deps, account(request), body, clientInfo(request));
		reply.code(201);
		return { contact: contactBody(contact), code: codeSentBody({ ...code, sentTo: contact.masked }) };
	});

	app.post("/account/contacts/verify", { schema: s.verifyContact, preHandler: requireSession }, async (request) => {
		const body = request.body as { kind: ContactKind; code: string };
		return { contact: contactBody(await verifyContact(deps, account(request), body, clientInfo(request))) };
	});

	app.post("/account/contacts/resend", { schema: s.resendContact, preHandler: requireSession }, async (request, reply) => {
		const { kind } = request.body as { kind: ContactKind };
		const code = await resendContactCode(deps, account(request), kind, clientInfo(request));
		reply.code(202);
		return codeSentBody({ ...code, sentTo: "" });
	});

	app.post("/account/contacts/remove", { schema: s.removeContact, preHandler: requireSession }, async (request) => {
		const body = request.body as { kind: ContactKind; password: string };
		await removeContact(deps, account(request), body, clientInfo(request));
		return contactsOf(account(request).id);
	});
}
