import type { FastifyInstance, FastifyReply } from "fastify";
import type { FlowDeps } from "../../flows/deps.ts";
import { type MessageKey, t } from "../../i18n/translate.ts";
import { messagePage } from "../../ui/pages/auth.ts";
import { registerFormParser } from "../body-parsers.ts";
import { applyErrorHeaders, statusOf, toTesseraError } from "../errors.ts";
import type { RouteActions } from "../gate.ts";
import type { OpenIdService } from "../../oidc/service.ts";
import { appRoutes } from "./apps.ts";
import { assetRoutes, helpRoutes } from "./assets-and-help.ts";
import { authenticatorRoutes } from "./authenticator.ts";
import { listRouteActions, listRoutes } from "./console/lists.ts";
import { peopleRouteActions, peopleRoutes } from "./console/people.ts";
import { consoleShellRoutes, declareConsoleRoutes, shellRouteActions } from "./console/shell.ts";
import { contactRoutes } from "./contacts.ts";
import { send, webContext } from "./context.ts";
import { languageRoutes } from "./language.ts";
import { outboxRoutes } from "./outbox.ts";
import { passkeyRoutes } from "./passkeys.ts";
import { passwordRoutes } from "./passwords.ts";
import { recoveryRoutes } from "./recovery.ts";
import { settingsRoutes } from "./settings.ts";
import { signUpAndSignInRoutes } from "./sign-up-and-sign-in.ts";
import { twoFactorRoutes } from "./two-factor.ts";

/** The HTML pages. Like the API, they only translate between forms and flows. */
export async function webRoutes(app: FastifyInstance, options: { deps: FlowDeps; oidc: OpenIdService }): Promise<void> {
	registerFormParser(app);
	// Method names come from the registry: every route that takes one refers to this schema.
	app.addSchema({ $id: "methodName", type: "string", enum: [...options.deps.methods.names] });
	// First: the session checks come with the hooks that refuse a route the gate's table does not name.
	const web = webContext(app, options.deps, routeActions);
	declareConsoleRoutes(web, routeActions);
	assetRoutes(web);
	languageRoutes(web);
	signUpAndSignInRoutes(web);
	settingsRoutes(web);
	twoFactorRoutes(web);
	authenticatorRoutes(web);
	contactRoutes(web);
	passkeyRoutes(web);
	passwordRoutes(web);
	recoveryRoutes(web);
	helpRoutes(web);
	listRoutes(web);
	consoleShellRoutes(web);
	peopleRoutes(web);
	outboxRoutes(web);
	appRoutes(web, options.oidc);
}

/** What each signed-in page does, in the gate's words: the gate decides whether it may. */
const routeActions: RouteActions = {
	"GET /settings": "read_account",
	"GET /settings/two-factor/required": "read_account",
	"GET /settings/activity": "read_activity",
	"GET /settings/authenticator": "set_up_method",
	"POST /settings/authenticator": "set_up_method",
	"GET /settings/authenticator/confirm": "confirm_backup_codes",
	"POST /settings/authenticator/confirm": "set_up_method",
	"GET /settings/authenticator/disable": "remove_method",
	"POST /settings/authenticator/disable": "remove_method",
	"GET /settings/authenticator/replace": "set_up_method",
	"POST /settings/authenticator/replace": "set_up_method",
	"GET /settings/authenticator/replace/confirm": "set_up_method",
	"POST /settings/authenticator/replace/confirm": "set_up_method",
	"GET /settings/authenticator/replaced": "read_account",
	"GET /settings/backup-codes/new": "new_backup_codes",
	"POST /settings/backup-codes/new": "new_backup_codes",
	"GET /settings/backup-codes/save": "confirm_backup_codes",
	"POST /settings/backup-codes/save": "new_backup_codes",
	"GET /settings/backup-codes/running-low": "new_backup_codes",
	"GET /settings/backup-codes/confirm": "confirm_backup_codes",
	"POST /settings/backup-codes/confirm": "confirm_backup_codes",
	"GET /settings/two-factor/off": "turn_off_two_factor",
	"POST /settings/two-factor/off": "turn_off_two_factor",
	"GET /settings/two-factor/off/verify": "turn_off_two_factor",
	"POST /settings/two-factor/off/verify": "turn_off_two_factor",
	"GET /settings/two-factor/off/verify/methods": "turn_off_two_factor",
	"POST /settings/two-factor/off/verify/send": "turn_off_two_factor",
	"GET /settings/password": "change_password",
	"POST /settings/password": "change_password",
	"GET /settings/contacts/add": "manage_contacts",
	"POST /settings/contacts/add": "manage_contacts",
	"GET /settings/contacts/verify": "manage_contacts",
	"POST /settings/contacts/verify": "manage_contacts",
	"POST /settings/contacts/resend": "manage_contacts",
	"GET /settings/contacts/remove-email": "manage_contacts",
	"POST /settings/contacts/remove-email": "manage_contacts",
	"GET /settings/contacts/remove-phone": "manage_contacts",
	"POST /settings/contacts/remove-phone": "manage_contacts",
	"GET /settings/passkeys/add": "set_up_method",
	"POST /settings/passkeys/add": "set_up_method",
	"POST /settings/passkeys/finish": "set_up_method",
	"GET /settings/passkeys/remove": "remove_method",
	"POST /settings/passkeys/remove": "remove_method",
	"POST /settings/devices/revoke": "manage_trusted_devices",
	"POST /settings/devices/revoke-all": "manage_trusted_devices",
	"GET /settings/apps": "read_account",
	"POST /settings/apps/withdraw": "manage_apps",
	...listRouteActions,
	...shellRouteActions,
	...peopleRouteActions,
};

/** The error page for anything a form could not show itself. */
export function renderErrorPage(error: unknown, reply: FastifyReply): FastifyReply {
	const e = toTesseraError(error);
	applyErrorHeaders(reply, e);
	const link =
		e.code === "csrf_failed" || e.code === "not_found" ? { href: "/", text: t("common.error.home") } : { href: "/", text: t("common.error.startAgain") };
	const titles: Partial<Record<string, MessageKey>> = {
		csrf_failed: "common.error.csrf_failed",
		not_found: "common.error.not_found",
		too_many_attempts: "common.error.too_many_attempts",
		internal_error: "common.error.internal_error",
	};
	const title = t(titles[e.code] ?? "common.error.other");
	return send(reply, messagePage({ title, message: e.message, link, code: e.code }), statusOf(e.code));
}
