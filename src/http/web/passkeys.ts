import type { FastifyRequest } from "fastify";
import { TesseraError } from "../../core/errors.ts";
import { t } from "../../i18n/translate.ts";
import { beginEnrolment, confirmEnrolment, listCredentials, removeCredential } from "../../flows/enrolment.ts";
import { PASSKEY } from "../method-names.ts";
import { addPasskeyPage, createPasskeyPage, removePasskeyPage } from "../../ui/pages/passkeys.ts";
import { clientInfo } from "../client.ts";
import { redirectWithNotice } from "./cookies.ts";
import { form, idQuery, noQuery, send, type Web } from "./context.ts";
import { formRoute } from "./forms.ts";

/** Passkeys: adding one (the browser creates it between two posts) and removing one. */
export function passkeyRoutes(web: Web): void {
	const { app, deps, requireSignedIn, csrfCheck, pageUser } = web;

	app.get("/settings/passkeys/add", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, addPasskeyPage({ user: pageUser(request, reply) })),
	);

	// A passkey given no name is named in the language of the page it was added on.
	const nameOf = (body: { name?: string }) => (body.name ?? "").trim() || t("apps.passkeys.defaultName");

	formRoute<{ name?: string; password?: string }>(app, "/settings/passkeys/add", {
		schema: form({ name: 64, password: 1024 }),
		preHandler: [requireSignedIn, csrfCheck],
		async run(request, reply, body) {
			const start = await beginEnrolment(deps, request.webAuth!.account, PASSKEY, body.password ?? "", clientInfo(request));
			const options = start.kind === "webauthn" ? start.options : {};
			return send(reply, createPasskeyPage({ user: pageUser(request, reply), name: nameOf(body), options }));
		},
		render: (request, reply, { form }, body) => addPasskeyPage({ user: pageUser(request, reply), name: nameOf(body), error: form }),
	});

	formRoute<{ name?: string; response?: string }>(app, "/settings/passkeys/finish", {
		schema: form({ name: 64, response: 8192 }),
		preHandler: [requireSignedIn, csrfCheck],
		async run(request, reply, body) {
			let response: unknown;
			try {
				response = JSON.parse(body.response ?? "");
			} catch {
				throw new TesseraError("invalid_code", { message: t("apps.passkeys.create.notCreated") });
			}
			if (typeof response !== "object" || response === null) throw new TesseraError("invalid_code", { message: t("apps.passkeys.create.notCreated") });
			const answer = { response: response as Record<string, unknown>, name: body.name ?? "" };
			await confirmEnrolment(deps, request.webAuth!.account, PASSKEY, answer, clientInfo(request));
			return redirectWithNotice(request, reply, "/settings", "passkey_added");
		},
		render: (request, reply, { form }, body) => addPasskeyPage({ user: pageUser(request, reply), name: body.name ?? "", error: form }),
	});

	async function myPasskey(request: FastifyRequest, id: string) {
		return (await listCredentials(deps, request.webAuth!.account.id, PASSKEY)).find((p) => p.id === id);
	}

	app.get("/settings/passkeys/remove", { schema: idQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const passkey = await myPasskey(request, (request.query as { id: string }).id);
		if (!passkey) return reply.redirect("/settings", 303);
		return send(reply, removePasskeyPage({ user: pageUser(request, reply), passkey }));
	});

	formRoute(app, "/settings/passkeys/remove", {
		schema: form({ id: 64, password: 1024 }),
		preHandler: [requireSignedIn, csrfCheck],
		async find(request, reply, body: { id?: string; password?: string }) {
			const passkey = await myPasskey(request, body.id ?? "");
			if (!passkey) {
				reply.redirect("/settings", 303);
				return undefined;
			}
			return passkey;
		},
		async run(request, reply, body, passkey) {
			await removeCredential(deps, request.webAuth!.account, { method: PASSKEY, id: passkey.id, password: body.password ?? "" }, clientInfo(request));
			return reply.redirect("/settings", 303);
		},
		render: (request, reply, { form }, _body, passkey) => removePasskeyPage({ user: pageUser(request, reply), passkey, error: form }),
	});
}
