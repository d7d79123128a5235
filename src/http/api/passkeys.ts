import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { beginPasskeyRegistration, finishPasskeyRegistration, listPasskeys, removePasskey } from "../../flows/passkeys.ts";
import { clientInfo } from "../client.ts";
import { passkeyBody } from "./bodies.ts";
import { account, type Api } from "./context.ts";
import { apiSchemas as s } from "./schemas.ts";

/** Passkeys: listing, registering (options, then the browser's answer) and removing. */
export function passkeyRoutes({ app, deps, requireSession }: Api): void {
	const passkeysOf = async (accountId: string) => ({ passkeys: (await listPasskeys(deps, accountId)).map(passkeyBody) });

	app.get("/account/passkeys", { schema: s.listPasskeys, preHandler: requireSession }, async (request) =>
		passkeysOf(account(request).id),
	);

	app.post("/account/passkeys/options", { schema: s.passkeyOptions, preHandler: requireSession }, async (request) => {
		const { password } = request.body as { password: string };
		return { options: await beginPasskeyRegistration(deps, account(request), password, clientInfo(request)) };
	});

	app.post("/account/passkeys", { schema: s.addPasskey, preHandler: requireSession }, async (request, reply) => {
		const body = request.body as { name: string; response: RegistrationResponseJSON };
		const passkey = await finishPasskeyRegistration(deps, account(request), body, clientInfo(request));
		reply.code(201);
		return { passkey: passkeyBody(passkey) };
	});

	app.post("/account/passkeys/remove", { schema: s.removePasskey, preHandler: requireSession }, async (request) => {
		const body = request.body as { id: string; password: string };
		await removePasskey(deps, account(request), body, clientInfo(request));
		return passkeysOf(account(request).id);
	});
}
