import type { FastifyInstance, FastifyRequest } from "fastify";
import { assertMayDo } from "../../flows/account-state.ts";
import type { FlowDeps } from "../../flows/deps.ts";
import { authenticate } from "../../flows/sessions.ts";
import { registerJsonParser } from "../body-parsers.ts";
import { actionOf, requireDeclaredActions, type RouteActions } from "../gate.ts";
import { accountAndSessionRoutes } from "./accounts-and-sessions.ts";
import { contactRoutes } from "./contacts.ts";
import { bearerToken } from "./context.ts";
import { deviceAndActivityRoutes } from "./devices-and-activity.ts";
import { methodRoutes } from "./methods.ts";
import { passwordRoutes } from "./passwords.ts";
import { recoveryRoutes } from "./recovery.ts";
import { twoFactorRoutes } from "./two-factor.ts";


/** What each signed-in route does, in the gate's words: the gate decides whether it may. */
export const routeActions: RouteActions = {
	"GET /api/v1/account": "read_account",
	"GET /api/v1/sessions/current": "read_account",
	"GET /api/v1/account/activity": "read_activity",
	"DELETE /api/v1/sessions/current": "sign_out",
	"POST /api/v1/account/password": "change_password",
	"GET /api/v1/account/methods": "read_account",
	"POST /api/v1/account/methods/:method": "set_up_method",
	"POST /api/v1/account/methods/:method/confirm": "set_up_method",
	"POST /api/v1/account/methods/:method/replace": "set_up_method",
	"POST /api/v1/account/methods/:method/remove": "remove_method",
	"POST /api/v1/account/totp": "set_up_method",
	"POST /api/v1/account/totp/confirm": "set_up_method",
	"POST /api/v1/account/totp/disable": "remove_method",
	"POST /api/v1/account/two-factor/disable": "turn_off_two_factor",
	"POST /api/v1/account/two-factor/disable/confirm": "turn_off_two_factor",
	"POST /api/v1/account/backup-codes": "new_backup_codes",
	"POST /api/v1/account/backup-codes/confirm": "confirm_backup_codes",
	"GET /api/v1/account/contacts": "manage_contacts",
	"POST /api/v1/account/contacts": "manage_contacts",
	"POST /api/v1/account/contacts/verify": "manage_contacts",
	"POST /api/v1/account/contacts/resend": "manage_contacts",
	"POST /api/v1/account/contacts/remove": "manage_contacts",
	"GET /api/v1/account/passkeys": "set_up_method",
	"POST /api/v1/account/passkeys/options": "set_up_method",
	"POST /api/v1/account/passkeys": "set_up_method",
	"POST /api/v1/account/passkeys/remove": "remove_method",
	"GET /api/v1/account/devices": "manage_trusted_devices",
	"POST /api/v1/account/devices/revoke": "manage_trusted_devices",
	"POST /api/v1/account/devices/revoke-all": "manage_trusted_devices",
};

/** The JSON API (docs/api.md). Handlers only translate: every rule lives in flows/. */
export async function apiRoutes(app: FastifyInstance, options: { deps: FlowDeps }): Promise<void> {
	const { deps } = options;
	registerJsonParser(app);
	// Method names come from the registry: every route that takes one refers to this schema.
	app.addSchema({ $id: "methodName", type: "string", enum: [...deps.methods.names] });

	// A session, then the gate: what the account must do first may keep this route's action from going ahead.
	const requireSession = async (request: FastifyRequest) => {
		request.auth = await authenticate(deps, bearerToken(request));
		await assertMayDo(deps, request.auth.account, actionOf(routeActions, request));
	};
	// First: from here on, a route that runs the session check without a line in the table stops the app.
	requireDeclaredActions(app, routeActions, requireSession, "/api/v1");

	const api = { app, deps, requireSession };
	accountAndSessionRoutes(api);
	passwordRoutes(api);
	recoveryRoutes(api);
	twoFactorRoutes(api);
	contactRoutes(api);
	methodRoutes(api);
	deviceAndActivityRoutes(api);
}
