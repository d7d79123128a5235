import { TesseraError } from "../../core/errors.ts";
import { fileRecoveryRequest } from "../../flows/identity-checks.ts";
import { cancelRecoveryByLink, recoveryOptions, sendRecoveryCode, startRecovery } from "../../flows/recovery.ts";
import type { ContactKind } from "../../store/schema.ts";
import { clientInfo } from "../client.ts";
import { codeSentBody, iso, recoveryBody } from "./bodies.ts";
import type { Api } from "./context.ts";
import { apiSchemas as s } from "./schemas.ts";

/** Account recovery from a sign-in's challenge: a code to a confirmed contact, or an identity check; and its cancel link. */
export function recoveryRoutes({ app, deps }: Api): void {
	app.post("/recovery/options", { schema: s.recoveryOptions }, async (request) => {
		const { challenge } = request.body as { challenge: string };
		const options = await recoveryOptions(deps, challenge);
		return {
			contacts: options.contacts,
			recovery: options.recovery ? recoveryBody(options.recovery) : null,
			identityCheckOpen: options.requestOpen,
			// Codes by email and SMS paused since a password reset: the app can say so before anyone asks for one.
			codesPausedAt: options.codesPausedAt === null ? null : iso(options.codesPausedAt),
			identityCheckDenied: options.deniedRequest !== undefined,
		};
	});

	app.post("/recovery/send", { schema: s.recoverySend }, async (request, reply) => {
		const body = request.body as { challenge: string; kind: ContactKind };
		const sent = await sendRecoveryCode(deps, body, clientInfo(request));
		reply.code(202);
		return codeSentBody(sent);
	});

	app.post("/recovery/start", { schema: s.recoveryStart }, async (request, reply) => {
		const body = request.body as { challenge: string; kind: ContactKind; code: string };
		const recovery = await startRecovery(deps, body, clientInfo(request));
		reply.code(201);
		return { recovery: recoveryBody(recovery) };
	});

	app.post("/recovery/requests", { schema: s.recoveryRequest }, async (request, reply) => {
		const body = request.body as { challenge: string; message: string; contactsUsed?: string; lastSignIn?: string };
		const filed = await fileRecoveryRequest(
			deps,
			{ challenge: body.challenge, message: body.message, contactsUsed: body.contactsUsed ?? "", lastSignIn: body.lastSignIn ?? "" },
			clientInfo(request),
		);
		reply.code(201);
		return { request: { id: filed.id, status: "open", createdAt: iso(filed.createdAt) } };
	});

	app.post("/recovery/cancel", { schema: s.recoveryCancel }, async (request) => {
		const { token } = request.body as { token: string };
		if (!(await cancelRecoveryByLink(deps, token, clientInfo(request)))) throw new TesseraError("invalid_link");
		return { status: "recovery_cancelled" };
	});
}
