import { isOperatorActor } from "../../core/actors.ts";
import { TesseraError } from "../../core/errors.ts";
import { describeEvent, listActivity } from "../../flows/events.ts";
import { listTrustedDevices, revokeAllTrustedDevices, revokeTrustedDevice } from "../../flows/trusted-devices.ts";
import { iso } from "./bodies.ts";
import { account, type Api } from "./context.ts";
import { apiSchemas as s } from "./schemas.ts";

/** The account's activity, and the devices trusted to skip the second step. */
export function deviceAndActivityRoutes({ app, deps, requireSession }: Api): void {
	app.get("/account/activity", { schema: s.activity, preHandler: requireSession }, async (request) => ({
		events: (await listActivity(deps, account(request).id)).map((e) => ({
			id: e.id,
			at: iso(e.createdAt),
			kind: e.kind,
			description: describeEvent(e, deps.methods),
			method: e.method,
			// A refused answer's reason (typo, already_used, old_list, wrong); null for every other kind.
			reason: e.kind === "code_failed" && typeof e.detail["reason"] === "string" ? e.detail["reason"] : null,
			device: e.device,
			ip: e.ip,
			by: e.actor === "person" ? "you" : isOperatorActor(e.actor) ? "operator" : "system",
		})),
	}));

	app.get("/account/devices", { schema: s.listDevices, preHandler: requireSession }, async (request) => ({
		devices: (await listTrustedDevices(deps, account(request).id)).map((d) => ({
			id: d.id,
			label: d.label,
			createdAt: iso(d.createdAt),
			lastUsedAt: iso(d.lastUsedAt),
			expiresAt: iso(d.expiresAt),
		})),
	}));

	app.post("/account/devices/revoke", { schema: s.revokeDevice, preHandler: requireSession }, async (request, reply) => {
		const { id } = request.body as { id: string };
		if (!(await revokeTrustedDevice(deps, account(request).id, id))) throw new TesseraError("not_found");
		reply.code(204);
	});

	app.post("/account/devices/revoke-all", { schema: s.noBody, preHandler: requireSession }, async (request, reply) => {
		await revokeAllTrustedDevices(deps.db, account(request).id);
		reply.code(204);
	});
}
